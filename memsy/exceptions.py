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

if TYPE_CHECKING:
    import httpx

    from .models import RateLimitInfo, UsageInfo

__all__ = [
    "AuthenticationError",
    "AuthorizationError",
    "ConflictError",
    "MalformedResponseError",
    "MemsyAPIError",
    "MemsyConnectionError",
    "MemsyError",
    "MemsyTimeoutError",
    "MemsyValidationError",
    "NotFoundError",
    "NotImplementedByServerError",
    "RateLimitExceeded",
    "RequestValidationError",
    "ServerError",
]

_MAX_TEXT = 500  # characters of a non-JSON body kept in messages


class MemsyError(Exception):
    """Base class of every exception the SDK raises.

    ``attempts`` is the number of requests the call made before giving up (0 when nothing was sent).
    """

    attempts: int = 0

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied from its args and attributes without calling __init__ (subclasses take other
        # arguments than the message), and without an httpx response: it holds the request, and a request holds
        # headers.
        state = dict(self.__dict__)
        if "response" in state:
            state["response"] = None
        return (_rebuild, (type(self), self.args), state)

    def _note_attempts(self, attempts: int) -> None:
        """Record how many attempts a call made; more than one is said in the message."""
        self.attempts = attempts
        if attempts > 1 and self.args and isinstance(self.args[0], str):
            note = f" (gave up after {attempts} attempts)"
            self.args = (self.args[0] + note, *self.args[1:])
            if isinstance(self, MemsyAPIError):
                self.message += note


def _rebuild(cls: type[MemsyError], args: tuple[Any, ...]) -> MemsyError:
    """An unpickled or copied error: its args set, its attributes then restored from the pickled state."""
    error = cls.__new__(cls)
    error.args = args
    return error


class MemsyConnectionError(MemsyError):
    """The request did not get an HTTP response (DNS, refused or dropped connection, TLS, protocol error).

    ``stale_connection`` is true when a pooled connection was closed by the server before any byte of the
    answer came back: the request was not processed, and a retry-safe call is sent again once.
    """

    stale_connection: bool = False


class MemsyTimeoutError(MemsyConnectionError):
    """The request timed out (connect, read, write or pool)."""


class MemsyAPIError(MemsyError):
    """The server answered with an error status, or with a success body the SDK could not read.

    Attributes:
        status_code: HTTP status of the response (``None`` when there was no response).
        error_code: the machine-readable ``error`` code of the body, when there is one.
        detail: the human-readable message extracted from the body (or the body text).
        body: the decoded JSON body (any JSON value), or ``None`` when the body was not JSON.
        response: the ``httpx.Response`` (its request without credentials or body).
        request_id: the server's request id (``X-Request-Id`` / ``apigw-requestid``), when sent.
        usage / rate_limit: the usage and rate-limit headers of the error response, when sent.

    The constructor also takes memsy 0.3.5's arguments, positionally in its order: ``(message, status_code,
    detail, error_code, response)``, then each subclass's own fields (``required_scope``, ``retry_after``, ...).
    A field given that way is what its attribute returns; otherwise the attribute is read from the body.
    """

    def __init__(
        self,
        message: str,
        status_code: int | None = None,
        detail: str = "",
        error_code: str | None = None,
        response: httpx.Response | None = None,
        *,
        body: Any = None,
        request_id: str | None = None,
        usage: UsageInfo | None = None,
        rate_limit: RateLimitInfo | None = None,
    ) -> None:
        super().__init__(message)
        if response is not None:
            _redact(response)  # an exception keeps its response: never with the key (or a request body)
        self.message = message
        self.status_code = status_code
        self.error_code = error_code
        self.detail = detail
        self.body = body
        self.response = response
        self.request_id = request_id
        self.usage = usage
        self.rate_limit = rate_limit
        self._given: dict[str, Any] = {}

    def _give(self, **fields: Any) -> None:
        """Fields passed to the constructor (0.3.5's signatures): they win over the body's."""
        self._given.update((k, v) for k, v in fields.items() if v is not None)

    def __str__(self) -> str:
        parts = [self.message]
        if self.request_id:
            parts.append(f"(request id {self.request_id})")
        return " ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, error_code={self.error_code!r}, "
            f"detail={self.detail!r})"
        )

    def _field(self, name: str) -> Any:
        """A code-specific field of the error body (top level or nested under ``detail``)."""
        return _effective_body(self.body).get(name)

    def _int_field(self, name: str) -> int | None:
        given = self.__dict__.get("_given")
        if given and name in given:
            return given[name]  # type: ignore[no-any-return]
        value = self._field(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _str_field(self, name: str) -> str | None:
        given = self.__dict__.get("_given")
        if given and name in given:
            return given[name]  # type: ignore[no-any-return]
        value = self._field(name)
        return value if isinstance(value, str) else None


class MemsyValidationError(MemsyAPIError, ValueError):
    """The SDK refused an argument before sending the request. Nothing was sent.

    Caught like what the service refuses: it is a :class:`MemsyAPIError` with ``status_code`` 422 and
    :attr:`errors` in the service's 422 shape (no response, no request id). Also a ``ValueError``, so code that
    already guards argument errors keeps working.
    """

    def __init__(self, message: str, *, loc: tuple[str | int, ...] = ()) -> None:
        entry = {"loc": list(loc), "msg": message, "type": "value_error"}
        super().__init__(message, status_code=422, detail=message, body={"detail": [entry]})

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The refusal in the service's 422 shape: one entry with ``loc``, ``msg`` and ``type``."""
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        return [e for e in detail if isinstance(e, dict)] if isinstance(detail, list) else []

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class MalformedResponseError(MemsyAPIError):
    """A success response whose body the SDK could not read (not JSON, or not the documented shape)."""


class RequestValidationError(MemsyAPIError):
    """422: the server rejected the request body or parameters. ``errors`` lists each failure."""

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The validation entries (``loc``, ``msg``, ``type``) of the body, when it has them."""
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        return [e for e in detail if isinstance(e, dict)] if isinstance(detail, list) else []


class AuthenticationError(MemsyAPIError):
    """401, or the gateway's 403 ``{"message": "Forbidden"}``: the API key is missing, unknown or revoked."""


class AuthorizationError(MemsyAPIError):
    """403: the key is valid but may not do this (missing scope, not an org admin, ...)."""

    def __init__(
        self,
        message: str,
        status_code: int | None = 403,
        detail: str = "",
        error_code: str | None = None,
        response: httpx.Response | None = None,
        required_scope: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, status_code, detail, error_code, response, **kwargs)
        self._give(required_scope=required_scope)

    @property
    def required_scope(self) -> str | None:
        """The scope the route needs, for scope errors."""
        return self._str_field("required_scope") or self._str_field("scope")


class NotFoundError(MemsyAPIError):
    """404: no such resource in the caller's org."""


class ConflictError(MemsyAPIError):
    """409: the request conflicts with the current state (for example the record already exists)."""


class RateLimitExceeded(MemsyAPIError):
    """429: too many requests. ``retry_after`` is the server's requested wait in seconds, when it sent one."""

    def __init__(
        self,
        message: str,
        status_code: int | None = 429,
        detail: str = "",
        error_code: str | None = None,
        response: httpx.Response | None = None,
        retry_after: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, status_code, detail, error_code, response, **kwargs)
        self.retry_after = retry_after


class NotImplementedByServerError(MemsyAPIError):
    """501: the server has not implemented this endpoint (``clear()`` today)."""


class ServerError(MemsyAPIError):
    """5xx: the service or a gateway in front of it failed."""


# The classes of the documented error codes (FeatureNotAvailable, UsageLimitExceeded, ...), with a property for
# each field the contract says their code carries: generated from it, deriving from the classes above.
from ._generated.errors import *  # noqa: E402, F403
from ._generated.errors import UsageLimitExceeded  # noqa: E402  (named below)
from ._generated.errors import __all__ as _code_classes  # noqa: E402

__all__.extend(_code_classes)

# ------------------------------------------------------------------------------------------------ classification

_BY_STATUS: dict[int, type[MemsyAPIError]] = {
    401: AuthenticationError,
    403: AuthorizationError,
    404: NotFoundError,
    409: ConflictError,
    422: RequestValidationError,
    501: NotImplementedByServerError,
}
_HINTS: dict[type[MemsyAPIError], str] = {
    AuthenticationError: "check MEMSY_API_KEY / api_key; the key may be missing, mistyped or revoked",
    UsageLimitExceeded: "the plan quota resets at the next billing period; retrying now will not help",
    NotImplementedByServerError: "the server does not implement this endpoint yet",
}


def _effective_body(body: Any) -> dict[str, Any]:
    """The error object: a dict ``detail`` merged over the outer body, so fields may live at either level."""
    if not isinstance(body, dict):
        return {}
    detail = body.get("detail")
    if isinstance(detail, dict):
        merged = {k: v for k, v in body.items() if k != "detail"}
        merged.update(detail)
        return merged
    return body


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
    come from the contract, the class of each from sdk-overlay.yaml), else the class of its status."""
    from ._generated.errors import ERROR_CODES, EXCEPTION_FOR_CODE

    if code is not None and ERROR_CODES.get(code) == status and code in EXCEPTION_FOR_CODE:
        cls: type[MemsyAPIError] = globals()[EXCEPTION_FOR_CODE[code]]
        return cls
    if status == 429:
        # an older quota answer carries no code, only its message
        return UsageLimitExceeded if code is None and "quota" in message.lower() else RateLimitExceeded
    if status == 403 and code is None and _is_gateway_forbidden(body):
        return AuthenticationError
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return MemsyAPIError


def redacted(request: httpx.Request) -> httpx.Request:
    """A copy of a request without its credentials and without its body (which may hold secrets, e.g. an S3
    key): what an exception may keep, since an exception keeps its response, and with it the request."""
    import httpx

    headers = httpx.Headers(request.headers)
    if "authorization" in headers:
        headers["Authorization"] = "Bearer ***"
    headers.pop("content-length", None)
    return httpx.Request(request.method, request.url, headers=headers, extensions=request.extensions)


def _redact(response: httpx.Response) -> None:
    request = _request_of(response)
    if request is not None:
        response.request = redacted(request)


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response built by hand has no request
        return None


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
