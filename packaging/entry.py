"""The bundle's entry point: the same as the `outreach` command (outreach_app.__main__.main)."""

import sys

from outreach_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
