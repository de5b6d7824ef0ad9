"""Dates and times as people read them: ISO 8601 in UTC plus how far away they are ("in 5 minutes")."""

from __future__ import annotations

import time
from datetime import datetime, timezone

_UNITS = (("day", 86400.0), ("hour", 3600.0), ("minute", 60.0), ("second", 1.0))


def duration(seconds: float) -> str:
    """``42 seconds``, ``3 minutes``, ``2 hours``, ``1 day``: the largest unit that fits at least 1.5 times
    (seconds below 90 stay seconds; fractions below 10 seconds keep one decimal)."""
    seconds = abs(seconds)
    for unit, size in _UNITS[:-1]:
        if seconds >= 1.5 * size:
            count = round(seconds / size)
            return f"{count} {unit}{'' if count == 1 else 's'}"
    shown = f"{seconds:.1f}".rstrip("0").rstrip(".") if seconds < 10 else f"{seconds:.0f}"
    return f"{shown} second{'' if shown == '1' else 's'}"


def relative(moment: datetime, now: float | None = None) -> str:
    """``in 42 seconds`` / ``3 minutes ago`` / ``now``."""
    delta = round(moment.timestamp() - (time.time() if now is None else now))  # whole seconds: it moves anyway
    if delta == 0:
        return "now"
    return f"in {duration(delta)}" if delta > 0 else f"{duration(delta)} ago"


def parse_instant(value: object) -> datetime | None:
    """An aware datetime from Unix seconds or an ISO 8601 string; None for anything else (naive times: UTC)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if not isinstance(value, str) or len(value) < 19 or value[4:5] != "-":
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def iso(moment: datetime) -> str:
    """``2026-11-21T10:42:00Z``: UTC, to the second."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def readable(value: object, *, now: float | None = None) -> str:
    """``2026-11-21T10:42:00Z (in 42 seconds)`` for a time; anything else as ``str``."""
    moment = parse_instant(value)
    if moment is None:
        return str(value)
    return f"{iso(moment)} ({relative(moment, now)})"
