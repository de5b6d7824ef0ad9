"""The generic checks behind the argument rules generated from the contract (:mod:`memsy._generated.operations`
passes each check the bounds, patterns and enums of openapi.yaml). Nothing is sent when a check fails: each failure
is a :class:`MemsyValidationError` whose message names the argument, what was wrong and how to fix it."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from .exceptions import MemsyValidationError

T = TypeVar("T")
L = TypeVar("L", bound=str)


_PATH_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def fail(message: str, name: str | None = None) -> MemsyValidationError:
    """The refusal of argument ``name`` (``events[2].content``), located like the service's 422 entries."""
    loc: tuple[str | int, ...] = ()
    if name:
        loc = tuple(int(index) if index else part for index, part in _PATH_PART.findall(name))
    return MemsyValidationError(message, loc=loc)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def string(
    value: Any,
    name: str,
    *,
    min_length: int = 0,
    max_length: int | None = None,
    pattern: str | None = None,
    pattern_message: str | None = None,
    email: bool = False,
    path: bool = False,
    routes: dict[str, str] | None = None,
) -> str:
    """A string within the contract's bounds. ``pattern: \\S`` (the contract's "must contain a non-whitespace
    character") gets its own message; a path segment may not be ``.`` or ``..`` (URL normalisation would collapse
    it and address another resource), nor a value in ``routes``: the literal segments of other paths of the
    contract at its place (``/connectors/providers`` beside ``/connectors/{connector_id}``), with those paths."""
    if not isinstance(value, str):
        raise fail(f"{name} must be a string, got {type(value).__name__}", name)
    if value and len(value) < min_length:
        length = f"{len(value)} character{'s' if len(value) > 1 else ''}"
        raise fail(f"{name} is {length} long; the minimum is {min_length}", name)
    if len(value) < min_length or (pattern == r"\S" and (not value or value.isspace())):
        raise fail(f"{name} must not be empty" + (" or only whitespace" if pattern == r"\S" else ""), name)
    if max_length is not None and len(value) > max_length:
        raise fail(f"{name} is {len(value)} characters long; the maximum is {max_length}", name)
    if pattern and pattern != r"\S" and not _compiled(pattern).search(value):
        if pattern_message:
            raise fail(pattern_message.format(name=name, value=value, pattern=pattern), name)
        raise fail(f"{name} {value!r} does not match the pattern {pattern}", name)
    if pattern == r"\S" and not value.strip():
        raise fail(f"{name} must not be empty or only whitespace", name)
    if email and "@" not in value.strip("@"):
        raise fail(f"{name} {value!r} is not an email address", name)
    if path and (value in (".", "..") or value.isspace()):  # a URL segment: these never name a resource
        raise fail(f"{name} {value!r} is not a valid id: it would address a different URL", name)
    if routes and value in routes:
        route = routes[value]
        raise fail(f"{name} {value!r} is not a valid id: {route} is another route of the API, not this resource", name)
    return value


def integer(value: Any, name: str, minimum: int | None, maximum: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"{name} must be an integer, got {type(value).__name__}", name)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if minimum is not None and maximum is not None:
            allowed = f"{minimum}..{maximum}"
        elif minimum is not None:
            allowed = f">= {minimum}"
        else:
            allowed = f"<= {maximum}"
        raise fail(f"{name} must be in {allowed}, got {value}", name)
    return value


def number(value: Any, name: str, minimum: float | None, maximum: float | None) -> float:
    bounds = f" between {float(minimum)} and {float(maximum)}" if minimum is not None and maximum is not None else ""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise fail(f"{name} must be a {'finite ' if not bounds else ''}number{bounds}, got {value!r}", name)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        limits = bounds or (f" >= {minimum}" if minimum is not None else f" <= {maximum}")
        raise fail(f"{name} must be{limits}, got {value}", name)
    return float(value)


def seconds(value: Any, name: str) -> float:
    """A finite, non-negative number of seconds (a waiting helper's ``timeout`` and ``poll_interval``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
        raise fail(f"{name} must be a finite number of seconds >= 0, got {value!r}", name)
    return float(value)


def flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise fail(f"{name} must be True or False, got {value!r}", name)
    return value


def choice(value: Any, name: str, allowed: tuple[L, ...]) -> L:
    """One of the contract's enum values (a ``str`` enum member counts as its value)."""
    raw = value.value if isinstance(value, str) and type(value) is not str and hasattr(value, "value") else value
    if type(raw) is str or isinstance(raw, str):
        for option in allowed:
            if raw == option:
                return option
    raise fail(f"{name} must be one of {', '.join(allowed)}; got {value!r}", name)


def array(
    values: Any,
    name: str,
    *,
    item: Callable[[Any, str, int], T] | None = None,
    items: Callable[[list[Any] | tuple[Any, ...], str], list[T]] | None = None,
    item_label: str,
    allowed: str = "",
    min_items: int = 0,
    max_items: int | None = None,
    unique: bool = False,
    single: tuple[type, ...] = (),
    strings: tuple[int, int | None] | None = None,
) -> list[T]:
    """A list (or tuple) within the contract's bounds, each item checked by ``item(value, name, index)``, or the
    whole list by ``items(values, name)`` (a generated checker of input models, one loop). A lone string (or a
    lone object of the item's own kind) is refused: it is almost always a forgotten list."""
    kind = f"a list of {item_label}s{allowed}"
    if single and isinstance(values, single):
        raise fail(
            f"{name} must be {kind}, got one {type(values).__name__}; wrap a single {item_label} in a list", name
        )
    if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple)):
        needed = "; a non-empty list is required" if min_items else ""
        raise fail(f"{name} must be {kind}, got {type(values).__name__}{needed}", name)
    if len(values) < min_items:
        raise fail(f"{name} must not be empty" if min_items == 1 else f"{name} needs at least {min_items} items", name)
    if max_items is not None and len(values) > max_items:
        raise fail(f"{name} has {len(values)} items; at most {max_items} per call (split it into chunks)", name)
    if strings is not None and values and _strings_within(values, *strings):
        checked: list[Any] = list(values)  # every item passed the length rules: no per-item call needed
    elif items is not None:
        checked = items(values, name)
    elif item is not None:
        checked = [item(v, name, i) for i, v in enumerate(values)]  # each names item i only when it fails
    else:
        raise TypeError("array() needs item= or items=")
    return list(dict.fromkeys(checked)) if unique else checked


def _strings_within(values: list[Any] | tuple[Any, ...], min_length: int, max_length: int | None) -> bool:
    """Whether every value is a str within the lengths (checked with C loops: status() sends hundreds of ids)."""
    try:
        "".join(values)
    except TypeError:
        return False
    if max_length is None and min_length <= 1:  # status() ids: no length to measure, only empty ones to find
        return min_length == 0 or "" not in values
    lengths = list(map(len, values))
    return min(lengths) >= min_length and (max_length is None or max(lengths) <= max_length)


def timestamp(value: Any, name: str) -> datetime:
    """An ISO-8601 timestamp (str) or a datetime; naive datetimes are refused because the server needs a zone."""
    if isinstance(value, str):
        try:  # the standard library first (3.11 reads most of ISO 8601); dateutil for the rest
            parsed = datetime.fromisoformat(value)
        except ValueError:
            from dateutil.parser import isoparse  # only then: it is a heavy import

            try:
                parsed = isoparse(value)
            except (ValueError, OverflowError):
                raise fail(
                    f"{name} {value!r} is not an ISO-8601 timestamp (e.g. '2026-05-01T09:30:00Z')", name
                ) from None
    elif isinstance(value, datetime):
        parsed = value
    else:
        raise fail(f"{name} must be an ISO-8601 string or a datetime, got {type(value).__name__}", name)
    if parsed.tzinfo is None:
        raise fail(f"{name} {value!r} has no time zone; add one (e.g. a trailing 'Z' for UTC)", name)
    return parsed


def iso_timestamp(value: Any) -> str | None:
    """What :func:`timestamp` makes of ``value``, as ISO-8601 text, when the standard library reads it with a time
    zone; None otherwise (the caller then runs the full check, which says what is wrong)."""
    if type(value) is str:
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    return value.isoformat() if isinstance(value, datetime) and value.tzinfo is not None else None


def day(value: Any, name: str) -> date:
    """A calendar date: a ``date``, a ``datetime`` (its date) or a 'YYYY-MM-DD' string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise fail(f"{name} {value!r} is not an ISO-8601 date (YYYY-MM-DD)", name) from None
    raise fail(f"{name} must be a date or a 'YYYY-MM-DD' string, got {type(value).__name__}", name)


def exclusive(*pairs: tuple[str, Any]) -> None:
    """At most one of the named arguments may be set (a rule the contract states in prose)."""
    given = [name for name, value in pairs if value is not None and value != "" and not _is_unset(value)]
    if len(given) > 1:
        raise fail(
            f"pass {' or '.join(given)}, not both" if len(given) == 2 else f"pass only one of {', '.join(given)}"
        )


def ordered(first: tuple[str, Any], second: tuple[str, Any]) -> None:
    (first_name, start), (second_name, end) = first, second
    if isinstance(start, date) and isinstance(end, date) and start > end:
        raise fail(f"{first_name} ({start}) is after {second_name} ({end})", first_name)


def _is_unset(value: Any) -> bool:
    return type(value).__name__ == "Unset"


# ------------------------------------------------------------------------------ input models (EventPayload, ...)


def fields(
    value: Any, at: str, models: tuple[type, ...], known: frozenset[str], required: tuple[str, ...]
) -> dict[str, Any]:
    """The fields of one input object: an instance of the public input model (or of another model the method
    takes as it is, read by field name) or a mapping with the wire fields (unknown and missing fields refused)."""
    if isinstance(value, models):
        return {name: getattr(value, name, None) for name in known}
    if not isinstance(value, Mapping):
        kinds = " or ".join(f"{'an' if m.__name__[0] in 'AEIOU' else 'a'} {m.__name__}" for m in models)
        raise fail(f"{at} must be {kinds} or a dict, got {type(value).__name__}", at)
    if not value.keys() <= known:
        unknown = ", ".join(sorted(map(str, set(value) - known)))
        raise fail(f"{at} has unknown field(s) {unknown}; the fields are {', '.join(sorted(known))} (snake_case)", at)
    missing = [n for n in required if n not in value]
    if missing:
        raise fail(f"{at} is missing {', '.join(missing)}", at)
    return {name: value.get(name) for name in known}


def json_text(value: Any, name: str, *, max_length: int | None) -> str:
    """A property the wire carries as JSON text: a str is kept, a mapping is serialised for the caller."""
    if isinstance(value, Mapping):
        try:
            value = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise fail(f"{name} could not be serialised to JSON: {exc}", name) from None
    if not isinstance(value, str):
        raise fail(f"{name} must be a JSON string or a dict, got {type(value).__name__}", name)
    if max_length is not None and len(value) > max_length:
        raise fail(f"{name} is {len(value)} characters of JSON; the maximum is {max_length}", name)
    return value


def blank_is_null(value: Any, name: str, *, max_length: int | None) -> str | None:
    """An optional string the service stores as null when blank: a blank one is not sent."""
    if not isinstance(value, str):
        raise fail(f"{name} must be a string or None, got {type(value).__name__}", name)
    if max_length is not None and len(value) > max_length:
        raise fail(f"{name} is {len(value)} characters long; the maximum is {max_length}", name)
    return value if value.strip() else None
