"""Request validation of memsy.local: the path, query and JSON body of a request read and checked against the
operation's compiled validators (see :mod:`memsy.local.operations`), with the contract's defaults filled in.

Every problem is a 422 in FastAPI's validation shape, never an exception from deeper down: besides the schemas,
this refuses what the schemas cannot express and storage cannot take (malformed percent-escapes, text that is
not UTF-8, NUL characters in ids and filters, integers beyond 64 bits, NaN and Infinity, lone UTF-16
surrogates, JSON nested too deeply to parse).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

from .errors import ApiError, entry, truncate, validation_failed
from .operations import Body, Operation, Parameter, copy_default

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
"""SQLite integers are 64-bit: a larger value can never be stored or compared, so it is refused up front."""

_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_INTEGER = re.compile(r"\s*[+-]?[0-9]+\s*")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_SUBTYPE = re.compile(r"^application/(?:[\w.+-]+\+)?json$")


@dataclass
class ValidRequest:
    path: dict[str, str]
    query: dict[str, Any]
    body: Any


def validate(
    operation: Operation, raw_path_params: dict[str, str], query_string: str, body: bytes, content_type: str | None
) -> ValidRequest:
    """The request's parameters and body, decoded, checked and completed with defaults; ApiError(422) listing
    every problem otherwise."""
    problems: list[dict[str, Any]] = []
    path = {}
    for parameter in operation.path_parameters:
        raw = raw_path_params.get(parameter.name)
        if raw is None:
            problems.append(entry(["path", parameter.name], "Field required", "missing"))
            continue
        value = _parameter_value(parameter, raw, problems)
        if value is not None:
            path[parameter.name] = value
    query: dict[str, Any] = {}
    if operation.query_parameters:
        raw_query = _split_query(query_string)
        for parameter in operation.query_parameters:
            raw = raw_query.get(parameter.name)
            if raw is None:
                if parameter.required:
                    problems.append(entry(["query", parameter.name], "Field required", "missing"))
                elif parameter.has_default:
                    query[parameter.name] = copy_default(parameter.default)
                continue
            value = _parameter_value(parameter, raw, problems)
            if value is not None:
                query[parameter.name] = value
    parsed_body = None
    if operation.body is not None:
        parsed_body = _body(operation.body, body, content_type, problems)
    if problems:
        raise validation_failed(problems)
    return ValidRequest(path, query, parsed_body)


# ----------------------------------------------------------------------------------------------- parameters


def _split_query(query_string: str) -> dict[str, str]:
    """The first raw (still percent-encoded) value of each query parameter."""
    values: dict[str, str] = {}
    for pair in query_string.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        name = unquote_to_bytes(name.replace("+", " ")).decode("utf-8", "replace")
        values.setdefault(name, value)
    return values


def _decode_text(raw: str, plus_is_space: bool) -> str:
    if _BAD_ESCAPE.search(raw):
        raise ValueError("contains a malformed percent-escape ('%' must be followed by two hex digits)")
    try:
        text = unquote_to_bytes(raw.replace("+", " ") if plus_is_space else raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("is not valid UTF-8 once percent-decoded") from None
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    return text


def _parameter_value(parameter: Parameter, raw: str, problems: list[dict[str, Any]]) -> Any:
    loc = [parameter.location, parameter.name]
    try:
        text = _decode_text(raw, plus_is_space=parameter.location == "query")
    except ValueError as exc:
        problems.append(entry(loc, f"Value {exc}", "value_error"))
        return None
    value: Any = text
    if parameter.type == "integer":
        if not _INTEGER.fullmatch(text):
            problems.append(entry(loc, f"Input should be a valid integer, got {text!r}", "int_parsing"))
            return None
        digits = text.strip().lstrip("+-").lstrip("0")
        value = int(text) if len(digits) <= 20 else None  # (int() refuses thousands of digits; 64 bits need 19)
        if value is None or not INT64_MIN <= value <= INT64_MAX:
            problems.append(entry(loc, f"Input should be between {INT64_MIN} and {INT64_MAX}", "int_range"))
            return None
    found = _schema_problems(parameter.validator, value, loc)
    if found:
        problems.extend(found)
        return None
    return value


# --------------------------------------------------------------------------------------------------- bodies


def _body(body: Body, raw: bytes, content_type: str | None, problems: list[dict[str, Any]]) -> Any:
    if not raw:
        if body.required:
            problems.append(entry(["body"], "Field required", "missing"))
        return None
    if content_type is not None:
        media = content_type.split(";", 1)[0].strip().lower()
        if not _JSON_SUBTYPE.match(media):
            problems.append(
                entry(["body"], f"Content-Type must be application/json, not {truncate(media, 80)!r}", "content_type")
            )
            return None
    try:
        value = decode_json(raw)
    except ApiError as error:
        problems.extend(error.body["detail"])
        return None
    found = _schema_problems(body.validator, value, ["body"], body.secrets)
    if found:
        problems.extend(found)
        return None
    if body.defaults and isinstance(value, dict):
        for name, default in body.defaults.items():
            if name not in value:
                value[name] = copy_default(default)
    return value


def decode_json(raw: bytes) -> Any:
    """A request body as JSON. Only what JSON (RFC 8259) allows, as UTF-8, and what can be stored: no NaN or
    Infinity, no lone surrogate escapes, nesting shallow enough to parse. ApiError(422) otherwise."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _json_invalid(f"body is not UTF-8 (byte {exc.start})") from None
    try:
        if text.startswith("\ufeff"):  # (json.loads's own check, which the decoder alone skips)
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        value = _JSON.decode(text)
    except RecursionError:
        raise _json_invalid("JSON nested too deeply") from None
    except ValueError as exc:
        raise _json_invalid(f"JSON decode error: {exc}") from None
    if _SURROGATE_ESCAPE.search(raw):
        where = _lone_surrogate(value)
        if where is not None:
            raise validation_failed([entry(["body", *where], "String contains a lone UTF-16 surrogate", "string_type")])
    return value


def _json_invalid(message: str) -> ApiError:
    return validation_failed([entry(["body"], message, "json_invalid")])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float | int:
    """A JSON number with a fraction or exponent: refused when it overflows to infinity; an integral one (``44.0``,
    ``1e3``) is an int, as JSON Schema counts it an integer and the handlers then need no conversions."""
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {truncate(text, 40)} is out of range")
    return int(value) if value.is_integer() else value


_JSON = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
"""Made once: ``json.loads`` with these hooks builds a decoder and its scanner for every body."""


def _lone_surrogate(value: Any) -> list[Any] | None:
    """Where the first string holding a lone surrogate is (walked without recursion: the value may be deep)."""
    stack: list[tuple[Any, list[Any]]] = [(value, [])]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return where
        elif isinstance(node, dict):
            for key, item in node.items():
                if _SURROGATE.search(key):
                    return [*where, "<key>"]
                stack.append((item, [*where, key]))
        elif isinstance(node, list):
            stack.extend((item, [*where, index]) for index, item in enumerate(node))
    return None


def _schema_problems(
    validator: Any, value: Any, loc: list[Any], secrets: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    try:
        if validator.is_valid(value):
            return []
        errors = list(validator.iter_errors(value))
    except ValueError as exc:  # the validator's own limits, e.g. nesting deeper than it recurses
        return [entry(loc, f"JSON cannot be checked: {exc}", "json_invalid")]
    return [entry([*loc, *error.instance_path], _message(error, secrets), _kind(error.kind)) for error in errors]


def _message(error: Any, secrets: frozenset[str]) -> str:
    """The validator's message, which quotes the value, except for a secret: then only the rule it breaks."""
    path = list(error.instance_path)
    if not (path and path[0] in secrets):
        return str(error.message)
    limit = getattr(error.kind, "limit", None)
    rule = _kind(error.kind) + (f" {limit}" if limit is not None else "")
    return f"Invalid value (a secret, not shown): it breaks the rule {rule}"


def _kind(kind: Any) -> str:
    name = type(kind).__name__
    return name[:1].lower() + name[1:]
