"""Lenient readers of decoded JSON values, one per kind of schema property. The generated response models
(:mod:`memsy._generated.models`) call them to read a body in one pass.

The rules, the same for every model: a property the contract requires is read with ``d[name]`` (absent: KeyError,
which the client turns into :class:`~memsy.MalformedResponseError`) and coerced to its type; an optional property
that is absent, null or of an unexpected type reads as its contract default (``None`` without one) and never raises.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def obj(value: Any) -> dict[str, Any]:
    """A JSON object; anything else is not the documented shape."""
    if type(value) is not dict:
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return value


def array(value: Any) -> list[Any]:
    """A required JSON array."""
    if type(value) is not list:
        raise TypeError(f"expected a JSON array, got {type(value).__name__}")
    return value


def integer(value: Any, default: T) -> int | T:
    """An int from a JSON integer, an integral float or a string of digits; ``default`` otherwise."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is str and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return default


def number(value: Any, default: T) -> float | T:
    return float(value) if type(value) in (int, float) else default


def str_list(value: Any, default: T) -> list[str] | T:
    """The strings of a list (other items dropped); ``default`` when not a list."""
    if type(value) is not list:
        return default
    try:
        "".join(value)  # all strings (checked in C): keep the decoded list as it is
        return value
    except TypeError:
        return [v for v in value if type(v) is str]


def dict_list(value: Any, default: T) -> list[dict[str, Any]] | T:
    """The objects of a list; ``default`` when not a list."""
    return [v for v in value if type(v) is dict] if type(value) is list else default


def str_map(value: Any, default: T) -> dict[str, str] | T:
    """A JSON object of strings (entries of another type dropped)."""
    if type(value) is not dict:
        return default
    try:
        "".join(value.values())  # all strings: keep the decoded object as it is
        return value
    except TypeError:
        return {k: v for k, v in value.items() if type(v) is str}


def int_map(value: Any, default: T) -> dict[str, int] | T:
    if type(value) is not dict:
        return default
    return {k: n for k, v in value.items() if (n := integer(v, None)) is not None}


def opt_str_map(value: Any, default: T) -> dict[str, str | None] | T:
    """A JSON object of strings or nulls."""
    if type(value) is not dict:
        return default
    return {k: v for k, v in value.items() if v is None or type(v) is str}
