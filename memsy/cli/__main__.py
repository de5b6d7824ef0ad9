"""``python -m memsy.cli`` is ``memsy``."""

import sys

from .runner import main

sys.exit(main())
