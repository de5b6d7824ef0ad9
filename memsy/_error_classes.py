"""The exception classes written by hand: the base classes, and what the contract cannot say. The classes of the
documented error statuses and codes are generated from the contract (:mod:`memsy._generated.errors`) and derive
from these; :mod:`memsy.exceptions` is where both are public (and where an error response becomes one of them).

Kept apart from :mod:`memsy.exceptions` so that the generated classes can import their bases without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from ._generated import models
else:  # annotations resolvable at run time (typing.get_type_hints); httpx and the models load when they are read
    from ._lazy import LazyModule

    httpx = LazyModule("httpx", globals(), "httpx")
    models = LazyModule("memsy._generated.models", globals(), "models")


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

    phase: str | None = None
    """The phase of the timeout that fired (``connect``, ``read``, ``write``, ``pool``), when httpx said which."""
    _deadline_cut = False
    """Whether ``RetryPolicy.deadline`` cut the attempt's timeout (or had passed): the call ran out of its time."""


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
        usage: models.UsageInfo | None = None,
        rate_limit: models.RateLimitInfo | None = None,
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

    def _given_or(self, names: tuple[str, ...], kind: type) -> Any:
        """A field passed to the constructor, else the first of ``names`` (its spellings) in the body that is a
        ``kind``."""
        given = self.__dict__.get("_given")
        if given and names[0] in given:
            return given[names[0]]
        for name in names:
            value = self._field(name)
            if isinstance(value, kind) and not isinstance(value, bool):
                return value
        return None

    def _int_field(self, *names: str) -> int | None:
        return self._given_or(names, int)  # type: ignore[no-any-return]

    def _str_field(self, *names: str) -> str | None:
        return self._given_or(names, str)  # type: ignore[no-any-return]


class ValidationEntries:
    """``errors`` of a 422, from the body's validation entries."""

    body: Any

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The validation entries (``loc``, ``msg``, ``type``) of the body, when it has them."""
        detail = self.body.get("detail") if isinstance(self.body, dict) else None
        return [e for e in detail if isinstance(e, dict)] if isinstance(detail, list) else []


class MemsyValidationError(ValidationEntries, MemsyAPIError, ValueError):
    """The SDK refused an argument before sending the request. Nothing was sent.

    Caught like what the service refuses: it is a :class:`MemsyAPIError` with ``status_code`` 422 and
    :attr:`errors` in the service's 422 shape (no response, no request id). Also a ``ValueError``, so code that
    already guards argument errors keeps working.
    """

    def __init__(self, message: str, *, loc: tuple[str | int, ...] = ()) -> None:
        entry = {"loc": list(loc), "msg": message, "type": "value_error"}
        super().__init__(message, status_code=422, detail=message, body={"detail": [entry]})

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class MalformedResponseError(MemsyAPIError):
    """A success response whose body the SDK could not read (not JSON, or not the documented shape)."""


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
