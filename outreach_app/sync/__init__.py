"""Offline-first sync between a laptop's database and the branch server: the versioned wire
protocol, and the HTTP client that speaks it. What is applied where lives in storage (the
laptop) and server/ (the branch server); services/sync.py runs a sync from one to the other."""
