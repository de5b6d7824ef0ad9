"""``memsy local ...`` is ``memsy-local ...``: everything after ``local`` goes to memsy.local's command line."""

from __future__ import annotations

from collections.abc import Sequence

from .._lazy import missing_extra
from .errors import UsageError


def run_local(arguments: Sequence[str]) -> int:
    try:
        from ..local.cli import main
    except ModuleNotFoundError as error:
        message = missing_extra(error, "local")
        if message is None:
            raise
        raise UsageError(f"memsy.local is not installed: {message}") from None
    return main(list(arguments), prog="memsy local")
