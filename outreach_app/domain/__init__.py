"""The scheme's rules as pure Python: standard library only, so they are cheap to test and reuse."""
