"""`python -m ingest`: see ingest/cli.py."""

import sys

from .cli import main

sys.exit(main())
