"""The branch sync server: an ASGI app (FastAPI) over the rules in services/sync_server.py."""
