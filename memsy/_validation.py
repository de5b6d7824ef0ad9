"""Checks on user input, done before anything is sent. Each failure is a :class:`MemsyValidationError` whose
message names the argument, what was wrong and how to fix it."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, NamedTuple

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
    if not value or value.isspace():
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
    if not _all_non_blank_strings(values):
        for i, v in enumerate(values):
            text(v, f"{name}[{i}]")
    return list(values)


def _all_non_blank_strings(values: list[Any] | tuple[Any, ...]) -> bool:
    """Fast check (C loops) that every value is a non-empty string with a non-whitespace character."""
    try:
        "".join(values)
    except TypeError:
        return False
    return not values or (min(map(len, values)) > 0 and not any(map(str.isspace, values)))


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
        from dateutil.parser import isoparse  # only when a timestamp is given as text: it is a heavy import

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


class CheckedEvent(NamedTuple):
    """An event that passed :func:`event`: wire-ready values."""

    actor_id: str
    session_id: str
    kind: str
    content: str
    role_id: str | None
    team_id: str | None
    ts: datetime | None
    metadata: str | None


_EVENT_KIND_SET = frozenset(EVENT_KINDS)
_MISSING: Any = object()


def _is_id(value: Any, max_length: int = MAX_ID_LENGTH) -> bool:
    """The common case of :func:`text`, without building an error message."""
    return type(value) is str and 0 < len(value) <= max_length and not value.isspace()


def event(value: Any, index: int) -> CheckedEvent:
    """One event (an :class:`EventPayload` or a dict with the wire fields), checked and normalised.

    The checks are those of :func:`text` and friends, inlined for the common case: an ingest of thousands of
    events spends its client-side time here (see bench/). Messages are built only when something is wrong.
    """
    if type(value) is dict or isinstance(value, Mapping):
        if not value.keys() <= _EVENT_FIELDS:
            unknown = ", ".join(sorted(map(str, set(value) - _EVENT_FIELDS)))
            raise fail(
                f"events[{index}] has unknown field(s) {unknown}; the fields are "
                f"{', '.join(sorted(_EVENT_FIELDS))} (snake_case)"
            )
        get = value.get
        actor_id, session_id = get("actor_id", _MISSING), get("session_id", _MISSING)
        kind, content = get("kind", _MISSING), get("content", _MISSING)
        if _MISSING in (actor_id, session_id, kind, content):
            names = ("actor_id", "session_id", "kind", "content")
            fields = (actor_id, session_id, kind, content)
            missing = [n for n, f in zip(names, fields, strict=True) if f is _MISSING]
            raise fail(f"events[{index}] is missing {', '.join(missing)}")
        role_id, team_id, ts, metadata = get("role_id"), get("team_id"), get("ts"), get("metadata")
    elif isinstance(value, EventPayload):
        actor_id, session_id, kind, content = value.actor_id, value.session_id, value.kind, value.content
        role_id, team_id, ts, metadata = value.role_id, value.team_id, value.ts, value.metadata
    else:
        raise fail(f"events[{index}] must be an EventPayload or a dict, got {type(value).__name__}")
    return CheckedEvent(
        actor_id if _is_id(actor_id) else text(actor_id, f"events[{index}].actor_id"),
        session_id if _is_id(session_id) else text(session_id, f"events[{index}].session_id"),
        kind if type(kind) is str and kind in _EVENT_KIND_SET else choice(kind, f"events[{index}].kind", EVENT_KINDS),
        content
        if _is_id(content, MAX_CONTENT_LENGTH)
        else text(content, f"events[{index}].content", max_length=MAX_CONTENT_LENGTH),
        None if role_id is None else _optional_scope_id(role_id, f"events[{index}].role_id"),
        None if team_id is None else _optional_scope_id(team_id, f"events[{index}].team_id"),
        None if ts is None else timestamp(ts, f"events[{index}].ts"),
        metadata
        if type(metadata) is str and len(metadata) <= MAX_METADATA_LENGTH
        else (None if metadata is None else metadata_text(metadata, f"events[{index}].metadata")),
    )


def _optional_scope_id(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f"{name} must be a string or None, got {type(value).__name__}")
    if len(value) > MAX_ID_LENGTH:
        raise fail(f"{name} is {len(value)} characters long; the maximum is {MAX_ID_LENGTH}")
    return value if value.strip() else None


def events(values: Any) -> list[CheckedEvent]:
    """A non-empty list of events."""
    if isinstance(values, (str, bytes, Mapping, EventPayload)) or not isinstance(values, (list, tuple)):
        raise fail(
            f"events must be a list of EventPayload (or dicts), got {type(values).__name__}; "
            "wrap a single event in a list"
        )
    if not values:
        raise fail("events must not be empty")
    return [event(v, i) for i, v in enumerate(values)]
