"""The branch sync server, the whole of it in one package so its attack surface reads in one
place: the HTTP API (app.py), accounts, devices and sessions, the rules every pushed change
passes and the scope every answer passes (sync_server.py), duplicate reviews, scope backfill,
reference publishing, its own commands, and its store (store/, SQLAlchemy Core over SQLite or
PostgreSQL). The laptop never imports it; the `server` extra installs what it needs."""
