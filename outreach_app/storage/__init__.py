"""The local SQLite store (sqlite-utils). The only package that knows SQL or sees a row."""
