"""Checks on user input, done before anything is sent. Each failure is a :class:`MemsyValidationError` whose
message names the argument, what was wrong and how to fix it."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from dateutil.parser import isoparse

from .exceptions import MemsyValidationError
from .models import EventKind, EventPayload

MAX_ID_LENGTH = 256
MAX_CONTENT_LENGTH = 8000
MAX_METADATA_LENGTH = 4096
MAX_STATUS_IDS = 500
SEARCH_LIMIT = (1, 100)
MEMORY_LIMIT = (1, 200)
EVENT_LIMIT = (1, 200)
ACTOR_LIMIT = (1, 500)
ONBOARDING_LIMIT = (1, 500)
_SEARCHABLE_ID = re.compile(r"[A-Za-z0-9_.:@/-]*")
EVENT_KINDS = tuple(k.value for k in EventKind)
_EVENT_FIELDS = frozenset(EventPayload.__dataclass_fields__)


def fail(message: str) -> MemsyValidationError:
    return MemsyValidationError(message)


def text(value: Any, name: str, *, max_length: int | None = MAX_ID_LENGTH) -> str:
    """A string with a non-whitespace character, at most ``max_length`` characters."""
    if not isinstance(value, str):
        raise fail(f"{name} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise fail(f"{name} must not be empty or only whitespace")
    if max_length is not None and len(value) > max_length:
        raise fail(f"{name} is {len(value)} characters long; the maximum is {max_length}")
    return value


def optional_text(value: Any, name: str, *, max_length: int | None = MAX_ID_LENGTH) -> str | None:
    return None if value is None else text(value, name, max_length=max_length)


def path_id(value: Any, name: str) -> str:
    """An id that goes into a URL path. The generated client percent-encodes it; ``.`` and ``..`` would still be
    collapsed by URL normalisation and address another resource, so they are refused."""
    checked = text(value, name, max_length=None)
    if checked in (".", ".."):
        raise fail(f"{name} {checked!r} is not a valid id: it would address a different URL")
    return checked


def bounded_int(value: Any, name: str, bounds: tuple[int, int | None]) -> int:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"{name} must be an integer, got {type(value).__name__}")
    if value < low or (high is not None and value > high):
        allowed = f"{low}..{high}" if high is not None else f">= {low}"
        raise fail(f"{name} must be in {allowed}, got {value}")
    return value


def offset(value: Any, name: str = "offset") -> int:
    return bounded_int(value, name, (0, None))


def threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise fail(f"threshold must be a number between 0.0 and 1.0, got {value!r}")
    if not 0.0 <= value <= 1.0:
        raise fail(f"threshold must be between 0.0 and 1.0, got {value}")
    return float(value)


def flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise fail(f"{name} must be True or False, got {value!r}")
    return value


def choice(value: Any, name: str, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    raw = value.value if isinstance(value, EventKind) else value
    if not isinstance(raw, str) or raw not in allowed:
        raise fail(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return raw


def id_list(values: Any, name: str, *, max_items: int | None = None, allow_empty: bool = False) -> list[str]:
    """A list (or tuple) of non-empty string ids. A lone string is refused: it is almost always a mistake."""
    if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple)):
        raise fail(f"{name} must be a list of strings, got {type(values).__name__}")
    if not values and not allow_empty:
        raise fail(f"{name} must not be empty")
    if max_items is not None and len(values) > max_items:
        raise fail(f"{name} has {len(values)} ids; at most {max_items} per call (split it into chunks)")
    for i, v in enumerate(values):
        text(v, f"{name}[{i}]")
    return list(values)


def searchable_id(value: Any, name: str) -> str | None:
    """A session id usable as a search scope. ``None`` and ``""`` both mean "not set"."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise fail(f"{name} must be a string, got {type(value).__name__}")
    if len(value) > MAX_ID_LENGTH:
        raise fail(f"{name} is {len(value)} characters long; the maximum is {MAX_ID_LENGTH}")
    if not _SEARCHABLE_ID.fullmatch(value):
        raise fail(
            f"{name} {value!r} has characters search cannot scope on; allowed are ASCII letters, digits and "
            "_ - : . @ / (slugify ids you do not control before ingesting them)"
        )
    return value


def metadata_text(value: Any, name: str) -> str | None:
    """Event metadata as the JSON text the wire carries: a str is kept, a mapping is serialised."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        try:
            value = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise fail(f"{name} could not be serialised to JSON: {exc}") from None
    if not isinstance(value, str):
        raise fail(f"{name} must be a JSON string or a dict, got {type(value).__name__}")
    if len(value) > MAX_METADATA_LENGTH:
        raise fail(f"{name} is {len(value)} characters of JSON; the maximum is {MAX_METADATA_LENGTH}")
    return value


def timestamp(value: Any, name: str) -> datetime | None:
    """An ISO-8601 timestamp (str) or a datetime; naive datetimes are refused because the server needs a zone."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            parsed = isoparse(value)
        except (ValueError, OverflowError):
            raise fail(f"{name} {value!r} is not an ISO-8601 timestamp (e.g. '2026-05-01T09:30:00Z')") from None
    elif isinstance(value, datetime):
        parsed = value
    else:
        raise fail(f"{name} must be an ISO-8601 string or a datetime, got {type(value).__name__}")
    if parsed.tzinfo is None:
        raise fail(f"{name} {value!r} has no time zone; add one (e.g. a trailing 'Z' for UTC)")
    return parsed


def event(value: Any, index: int) -> EventPayload:
    """One event (an :class:`EventPayload` or a dict with the wire fields), checked and normalised."""
    where = f"events[{index}]"
    if isinstance(value, Mapping):
        unknown = set(value) - _EVENT_FIELDS
        if unknown:
            raise fail(
                f"{where} has unknown field(s) {', '.join(sorted(map(str, unknown)))}; the fields are "
                f"{', '.join(sorted(_EVENT_FIELDS))} (snake_case)"
            )
        missing = [f for f in ("actor_id", "session_id", "kind", "content") if f not in value]
        if missing:
            raise fail(f"{where} is missing {', '.join(missing)}")
        value = EventPayload(**value)
    elif not isinstance(value, EventPayload):
        raise fail(f"{where} must be an EventPayload or a dict, got {type(value).__name__}")
    return EventPayload(
        actor_id=text(value.actor_id, f"{where}.actor_id"),
        session_id=text(value.session_id, f"{where}.session_id"),
        kind=choice(value.kind, f"{where}.kind", EVENT_KINDS),
        content=text(value.content, f"{where}.content", max_length=MAX_CONTENT_LENGTH),
        role_id=_optional_scope_id(value.role_id, f"{where}.role_id"),
        team_id=_optional_scope_id(value.team_id, f"{where}.team_id"),
        ts=timestamp(value.ts, f"{where}.ts"),
        metadata=metadata_text(value.metadata, f"{where}.metadata"),
    )


def _optional_scope_id(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f"{name} must be a string or None, got {type(value).__name__}")
    if len(value) > MAX_ID_LENGTH:
        raise fail(f"{name} is {len(value)} characters long; the maximum is {MAX_ID_LENGTH}")
    return value if value.strip() else None


def events(values: Any) -> list[EventPayload]:
    """A non-empty list of events."""
    if isinstance(values, (str, bytes, Mapping, EventPayload)) or not isinstance(values, (list, tuple)):
        raise fail(
            f"events must be a list of EventPayload (or dicts), got {type(values).__name__}; "
            "wrap a single event in a list"
        )
    if not values:
        raise fail("events must not be empty")
    return [event(v, i) for i, v in enumerate(values)]
