"""``memsy local ...`` is ``memsy-local ...``: everything after ``local`` goes to memsy.local's command line."""

from __future__ import annotations

from collections.abc import Sequence

from ..local.extra import MissingExtra, command_line
from .errors import UsageError


def run_local(arguments: Sequence[str]) -> int:
    try:
        main = command_line()
    except MissingExtra as missing:
        raise UsageError(str(missing)) from None
    return main(list(arguments), prog="memsy local")
