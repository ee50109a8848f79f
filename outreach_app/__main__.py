"""`python -m outreach_app` is the same as the `outreach` command."""

import sys

from outreach_app.app import main

sys.exit(main())
