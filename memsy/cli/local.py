"""``memsy local ...`` is ``memsy-local ...``: everything after ``local`` goes to memsy.local's command line."""

from __future__ import annotations

from collections.abc import Sequence

from ..local.extra import missing_extra
from .errors import UsageError


def run_local(arguments: Sequence[str]) -> int:
    try:
        from ..local.cli import main
    except ModuleNotFoundError as error:
        message = missing_extra(error, "memsy.local")
        if message is None:
            raise
        raise UsageError(message) from None
    return main(list(arguments), prog="memsy local")
