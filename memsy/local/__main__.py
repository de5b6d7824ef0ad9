"""``python -m memsy.local`` runs the local server (same options as ``memsy-local serve``)."""

import sys

from .server import main

sys.exit(main())
