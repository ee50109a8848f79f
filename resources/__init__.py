"""Data files shipped with the app (rate tables, fonts, icons, translations).

Installed as the package `outreach_app.resources`; read with importlib.resources.
"""
