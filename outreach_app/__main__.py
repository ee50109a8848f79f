"""`python -m outreach_app`, the `outreach` command and the installed app's entry point.

The cyclic garbage collector is off while the app's modules load (~8 ms of a start, for
nothing to free): `outreach_app.app.main` says why and when it comes back on.
"""

import gc
import sys


def main() -> int:
    gc.disable()
    from outreach_app.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
