"""The bundle's entry point: the same as the `outreach` command (outreach_app.app.main)."""

import sys

from outreach_app.app import main

if __name__ == "__main__":
    sys.exit(main())
