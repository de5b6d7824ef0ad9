"""Exceptions raised by the Memsy SDK, and the one place where an HTTP error response becomes one of them.

Every failure that leaves a public method is a :class:`MemsyError`:

* :class:`MemsyConnectionError` (and :class:`MemsyTimeoutError`): the request did not get an HTTP answer.
* :class:`MemsyValidationError`: the SDK refused the input before sending anything.
* :class:`MemsyAPIError` and its subclasses: the server answered with an error, or with a success body the SDK
  could not read.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ._error_classes import (
    MalformedResponseError,
    MemsyAPIError,
    MemsyConnectionError,
    MemsyError,
    MemsyTimeoutError,
    MemsyValidationError,
    _effective_body,
)

# The classes of the documented error statuses (NotFoundError, ...) and codes (FeatureNotAvailable, ...), with a
# property for each field the contract says their code carries: generated from it, deriving from the classes above.
from ._generated.errors import *  # noqa: F403
from ._generated.errors import (
    ERROR_CODES,
    EXCEPTION_FOR_CODE,
    EXCEPTION_FOR_STATUS,
    AuthenticationError,
    NotImplementedByServerError,
    RateLimitExceeded,
    UsageLimitExceeded,
)
from ._generated.errors import __all__ as _generated_classes

if TYPE_CHECKING:
    import httpx

__all__ = [
    "MalformedResponseError",
    "MemsyAPIError",
    "MemsyConnectionError",
    "MemsyError",
    "MemsyTimeoutError",
    "MemsyValidationError",
    *_generated_classes,
]
for _name in __all__:  # one public home, also in tracebacks and pickles, for handwritten and generated classes
    globals()[_name].__module__ = __name__

_MAX_TEXT = 500  # characters of a non-JSON body kept in messages

# ------------------------------------------------------------------------------------------------ classification

_HINTS: dict[type[MemsyAPIError], str] = {
    AuthenticationError: "check MEMSY_API_KEY / api_key; the key may be missing, mistyped or revoked",
    UsageLimitExceeded: "the plan quota resets at the next billing period; retrying now will not help",
    NotImplementedByServerError: "the server does not implement this endpoint yet",
}


def _decode(response: httpx.Response) -> tuple[Any, str]:
    """(JSON body or None, body text) without ever raising."""
    try:
        text = response.text
    except Exception:  # an undecodable charset must not hide the status
        text = response.content.decode("utf-8", "replace")
    if not text.strip():
        return None, ""
    try:
        return json.loads(text), text
    except ValueError:
        return None, text


def _message_of(body: Any, text: str) -> str:
    """Human message: nested ``detail.message`` / ``detail.error``, string ``detail``, top-level ``message`` /
    ``error``, the validation entries, or the raw text."""
    if isinstance(body, dict):
        detail = body.get("detail")
        if isinstance(detail, dict):
            for key in ("message", "error", "detail"):
                if isinstance(detail.get(key), str) and detail[key]:
                    return str(detail[key])
        if isinstance(detail, str) and detail:
            return detail
        if isinstance(detail, list) and detail:
            return "; ".join(_describe_validation_entry(e) for e in detail)
        for key in ("message", "error"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
    text = " ".join(text.split())
    return text[:_MAX_TEXT] + ("..." if len(text) > _MAX_TEXT else "")


def _describe_validation_entry(entry: Any) -> str:
    if not isinstance(entry, dict):
        return str(entry)
    loc = entry.get("loc")
    where = ".".join(str(p) for p in loc) if isinstance(loc, list) else ""
    msg = entry.get("msg", "invalid")
    return f"{where}: {msg}" if where else str(msg)


def _is_gateway_forbidden(body: Any) -> bool:
    return isinstance(body, dict) and body == {"message": "Forbidden"}


def error_class_for(status: int, code: str | None, message: str, body: Any) -> type[MemsyAPIError]:
    """The exception class for an error response: the class of its documented code (codes and their statuses
    come from the contract, the class of each from sdk-overlay.yaml), else the class of its status (``404``, then
    ``4XX``, as the contract keys them)."""
    if code is not None and ERROR_CODES.get(code) == status and code in EXCEPTION_FOR_CODE:
        return EXCEPTION_FOR_CODE[code]
    if status == 429 and code is None and "quota" in message.lower():
        return UsageLimitExceeded  # an older quota answer carries no code, only its message
    if status == 403 and code is None and _is_gateway_forbidden(body):
        return AuthenticationError
    return EXCEPTION_FOR_STATUS.get(str(status)) or EXCEPTION_FOR_STATUS.get(f"{status // 100}XX", MemsyAPIError)


def error_from_response(response: httpx.Response) -> MemsyAPIError:
    """Build the typed exception for an error response. Never raises, whatever the body is."""
    from ._headers import parse_rate_limit, parse_retry_after, parse_usage, request_id_of

    body, text = _decode(response)
    effective = _effective_body(body)
    code = effective.get("error") if isinstance(effective.get("error"), str) else None
    detail = _message_of(body, text)
    status = response.status_code
    cls = error_class_for(status, code, detail, body)
    reason = response.reason_phrase or "error"
    summary = f"HTTP {status} {reason}"
    if code:
        summary += f" [{code}]"
    message = f"{summary}: {detail}" if detail else summary
    hint = _HINTS.get(cls)
    if hint:
        message += f" ({hint})"
    headers = response.headers
    kwargs: dict[str, Any] = {
        "status_code": status,
        "error_code": code,
        "detail": detail,
        "body": body,
        "response": response,
        "request_id": request_id_of(headers),
        "usage": parse_usage(headers),
        "rate_limit": parse_rate_limit(headers),
    }
    if cls is RateLimitExceeded:
        return RateLimitExceeded(message, retry_after=parse_retry_after(headers.get("retry-after")), **kwargs)
    return cls(message, **kwargs)


def malformed_response(response: httpx.Response | None, problem: str) -> MalformedResponseError:
    """A success response the SDK could not read."""
    from ._headers import request_id_of

    if response is None:
        return MalformedResponseError(f"the response could not be read: {problem}")
    body, text = _decode(response)
    snippet = " ".join(text.split())[:200]
    return MalformedResponseError(
        f"HTTP {response.status_code}: the response body is not what the API documents ({problem})"
        + (f"; body starts: {snippet!r}" if snippet else "; body is empty"),
        status_code=response.status_code,
        detail=problem,
        body=body,
        response=response,
        request_id=request_id_of(response.headers),
    )
