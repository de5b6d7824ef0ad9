"""``memsy local ...`` is ``memsy-local ...``: everything after ``local`` goes to memsy.local's command line."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import UsageError


def run_local(arguments: Sequence[str]) -> int:
    try:
        from ..local.cli import main
    except ImportError:
        raise UsageError('memsy.local is not installed: pip install "memsy[local]"') from None
    return main(list(arguments), prog="memsy local")
