"""``python -m memsy.local`` is ``memsy-local`` (``serve`` when no command is given)."""

import sys

from .cli import main

sys.exit(main())
