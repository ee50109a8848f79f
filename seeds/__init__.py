"""Demo data shipped with the app (installed as outreach_app.seeds)."""
