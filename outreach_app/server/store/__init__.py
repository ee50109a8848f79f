"""The branch server's store: SQLAlchemy Core over SQLite (the embedded default) or PostgreSQL
(a regional or national deployment), one code path for both. Nothing else imports
SQLAlchemy; the laptop app never imports this package."""
