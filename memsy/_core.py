"""The machinery every client shares: configuration, sending a :class:`~memsy._call.Call` (built by the
generated operations) over httpx, reading its answer, turning failures into :class:`MemsyError` and deciding
retries.

Only the two small ``_run`` loops differ between sync and async; everything they call is shared.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import httpx

from . import _retry
from ._call import Call, RawResponse, RequestOptions
from ._error_classes import redacted
from ._generated import DEFAULT_HOST, PLANE_PATHS
from ._headers import parse_rate_limit, parse_usage
from ._model import Model, ResourceList
from ._retry import DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BACKOFF, RetryPolicy
from ._version import __version__
from .exceptions import (
    MemsyAPIError,
    MemsyConnectionError,
    MemsyError,
    MemsyTimeoutError,
    MemsyValidationError,
    NotFoundError,
    error_from_response,
    malformed_response,
)

if sys.version_info >= (3, 11):  # at run time too, for typing.get_type_hints
    from typing import Self
else:  # pragma: no cover
    from typing_extensions import Self
if TYPE_CHECKING:
    from ._generated import models
else:  # annotations read the models through `models`: resolvable at run time, loaded with the first call
    from ._lazy import LazyModule

    models = LazyModule("memsy._generated.models", globals(), "models")

T = TypeVar("T")

USER_AGENT = f"memsy-python/{__version__} httpx/{httpx.__version__} python/{'.'.join(map(str, sys.version_info[:3]))}"

logger = logging.getLogger("memsy")


def _configure_logging_from_env() -> None:
    level = os.environ.get("MEMSY_LOG", "").strip().lower()
    if level not in ("debug", "info") or logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


def resolve_host(base_url: str | None, env_names: tuple[str, ...]) -> str:
    """The service host from ``base_url`` or the first set environment variable: a plane suffix (``/v1`` or
    ``/api``) and trailing slashes are removed, since the contract's paths carry the plane."""
    url = base_url
    if url is None:
        url = next((os.environ[n] for n in env_names if os.environ.get(n, "").strip()), DEFAULT_HOST)
    if not isinstance(url, str) or not url.strip():
        raise MemsyValidationError(f"base_url must be a non-empty URL string, got {url!r}")
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise MemsyValidationError(
            f"base_url {url!r} is not an http(s) URL; expected something like 'https://api.memsy.io/v1'"
        )
    if parts.query or parts.fragment:
        raise MemsyValidationError(f"base_url {url!r} must not carry a query string or fragment")
    for suffix in PLANE_PATHS.values():
        if url.endswith(suffix):
            return url[: -len(suffix)]
    return url


def resolve_api_key(api_key: str | None) -> str:
    """The API key from the argument or ``MEMSY_API_KEY``. The message never echoes the key."""
    key = api_key if api_key is not None else os.environ.get("MEMSY_API_KEY")
    if key is None or (isinstance(key, str) and not key.strip()):
        raise MemsyValidationError("no API key: pass api_key='msy_...' or set the MEMSY_API_KEY environment variable")
    if not isinstance(key, str):
        raise MemsyValidationError(f"api_key must be a string, got {type(key).__name__}")
    if key != key.strip() or any(c.isspace() or ord(c) < 32 for c in key):
        raise MemsyValidationError("api_key contains whitespace or control characters; check how it was loaded")
    return key


def _timeout(value: Any) -> httpx.Timeout:
    """A timeout: seconds for every phase, or an ``httpx.Timeout`` for per-phase values."""
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
        raise MemsyValidationError(f"timeout must be a positive number of seconds or an httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))


PHASES = ("connect", "read", "write", "pool")
"""The phases of an ``httpx.Timeout``."""


def _cut(timeout: httpx.Timeout, budget: float) -> httpx.Timeout:
    """``timeout`` with every phase cut to the remaining ``budget`` of a deadline."""
    phases = {name: getattr(timeout, name) for name in PHASES}
    return httpx.Timeout(**{name: budget if v is None else min(v, budget) for name, v in phases.items()})


def _seconds(timeout: httpx.Timeout) -> str:
    values = {v for v in (timeout.connect, timeout.read, timeout.write, timeout.pool) if v is not None}
    return _fmt(max(values)) if values else "no limit"


def _fmt(seconds: float) -> str:
    """Seconds for a message: ``2.5s``, and a timeout cut to a deadline's remainder reads ``0.5s``, not
    ``0.4999871s``."""
    return f"{round(seconds, 3):g}s"


_PHASES: tuple[tuple[type[httpx.TimeoutException], str], ...] = (
    (httpx.ConnectTimeout, "connect"),
    (httpx.ReadTimeout, "read"),
    (httpx.WriteTimeout, "write"),
    (httpx.PoolTimeout, "pool"),
)


def _phase(exc: BaseException) -> str | None:
    """The phase of ``httpx.Timeout`` that fired, when httpx says which."""
    return next((name for cls, name in _PHASES if isinstance(exc, cls)), None)


def _timed_out(exc: httpx.TimeoutException, timeout: httpx.Timeout | None, deadline: float | None) -> str:
    """What ran out, and what to raise: the phase httpx names with that phase's seconds (else the longest limit);
    under a ``RetryPolicy.deadline`` that cut the attempt's timeout, the deadline."""
    kind = type(exc).__name__
    phase = _phase(exc)
    seconds = getattr(timeout, phase) if timeout is not None and phase is not None else None
    if seconds is not None:
        after = f"after {_fmt(seconds)} ({phase} timeout, {kind})"
    elif timeout is not None:
        after = f"after {_seconds(timeout)} ({kind})"
    else:
        after = f"({kind})"
    if deadline is not None:
        return f"timed out {after}: the time left of RetryPolicy.deadline={deadline:g}s; raise the deadline"
    return f"timed out {after}; raise timeout= on the client or for this call"


def _was_cut(exc: BaseException, attempt: httpx.Timeout, call: httpx.Timeout) -> bool:
    """Whether the timeout that fired was shorter for this attempt than the call asked for (a deadline cut it)."""
    if not isinstance(exc, httpx.TimeoutException):
        return False
    phase = _phase(exc)
    names = (phase,) if phase is not None else PHASES
    return any(getattr(attempt, name) != getattr(call, name) for name in names)


def _is_stale(exc: httpx.HTTPError) -> bool:
    """Whether the request died on a connection the server had closed before any byte of its answer: httpx's
    "disconnected without sending a response", or a read or write on a reset connection."""
    if isinstance(exc, httpx.RemoteProtocolError):
        return "without sending a response" in str(exc)
    return isinstance(exc, (httpx.ReadError, httpx.WriteError))


def as_memsy_error(
    exc: BaseException,
    call: Call[Any] | None = None,
    timeout: httpx.Timeout | None = None,
    deadline: float | None = None,
) -> MemsyError:
    """Any failure raised while executing a call, as the MemsyError the caller gets. ``timeout`` is the timeout
    of the attempt that failed; ``deadline`` the ``RetryPolicy.deadline`` when it cut that timeout."""
    if isinstance(exc, MemsyError):
        return exc
    if isinstance(exc, httpx.HTTPError):
        try:
            request: httpx.Request | None = exc.request
        except RuntimeError:
            request = None
        if request is not None:
            exc.request = request = redacted(request)
        where = f"{call.method}: " if call is not None else ""
        if request is not None:
            where += f"{request.method} {request.url} "
        if isinstance(exc, httpx.TimeoutException):
            timed_out = MemsyTimeoutError(where + _timed_out(exc, timeout, deadline))
            timed_out.phase, timed_out._deadline_cut = _phase(exc), deadline is not None
            return timed_out
        error = MemsyConnectionError(f"{where}failed ({type(exc).__name__}): {exc}".rstrip(": "))
        error.stale_connection = _is_stale(exc)
        return error
    if isinstance(exc, (httpx.InvalidURL, httpx.StreamError)):
        return MemsyConnectionError(f"request failed ({type(exc).__name__}): {exc}".rstrip(": "))
    return MemsyError(f"unexpected {type(exc).__name__}: {exc}")


class BaseClient:
    """Settings and non-I/O behaviour shared by the four clients."""

    _env_url_names: tuple[str, ...] = ("MEMSY_BASE_URL",)
    _plane_path: str  # the generated methods class of each plane sets it
    _http_class: type[httpx.Client] | type[httpx.AsyncClient]
    _http: Any

    def __init__(
        self,
        base_url: str | None,
        api_key: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        retry_backoff: float,
        retry_policy: RetryPolicy | None,
        default_headers: dict[str, str] | None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
    ) -> None:
        _configure_logging_from_env()
        self._host = resolve_host(base_url, self._env_url_names)
        self._timeout = _timeout(timeout)
        self.retry_policy = retry_policy or RetryPolicy(max_retries=max_retries, backoff=retry_backoff)
        self._headers = {
            "Authorization": f"Bearer {resolve_api_key(api_key)}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            **_header_map(default_headers),
        }
        self._last_headers: Any = None
        self._owns_http = True
        self._urls: dict[str, httpx.URL] = {}
        """Absolute URLs by path, parsed once: httpx would parse a path and join it to its base URL on every call."""
        self._per_request: dict[str, Any] = {}
        """What each request must carry itself: nothing when the pool was configured with our settings."""
        if http_client is None:
            self._http = self._http_class(
                base_url=self._host,
                headers=self._headers,
                timeout=self._timeout,
                transport=transport,  # type: ignore[arg-type]  # the subclass's own kind
                follow_redirects=False,
            )
        elif isinstance(http_client, self._http_class):
            self._http = http_client  # a pool the caller owns: our settings go with every request, close() leaves it
            self._owns_http = False
            self._per_request = {"headers": self._headers, "timeout": self._timeout}
        else:
            kind = f"{self._http_class.__module__}.{self._http_class.__name__}"
            raise MemsyValidationError(f"http_client must be an {kind}, got {type(http_client).__name__}")
        self._attach_resources()

    @property
    def last_usage(self) -> models.UsageInfo | None:
        """Usage headers of the most recent response (success or error); None when it had none."""
        return parse_usage(self._last_headers) if self._last_headers is not None else None

    @property
    def last_rate_limit(self) -> models.RateLimitInfo | None:
        """Rate-limit headers of the most recent response (success or error); None when it had none."""
        return parse_rate_limit(self._last_headers) if self._last_headers is not None else None

    @property
    def base_url(self) -> str:
        """The plane's base URL, e.g. ``https://api.memsy.io/v1``."""
        return self._host + self._plane_path

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key='***')"

    def _attach_resources(self) -> None:
        """Create the client's sub-resources (``orgs``, ``keys``, ...)."""

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        default_headers: dict[str, str] | None = None,
    ) -> Self:
        """A client with some settings changed that shares this one's connection pool (closing it leaves the
        pool open; close the original when done)."""
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["_timeout"] = _timeout(timeout)
        if retry_policy is not None:
            changes["retry_policy"] = retry_policy
        elif max_retries is not None:
            from dataclasses import replace

            changes["retry_policy"] = replace(self.retry_policy, max_retries=max_retries)
        if default_headers:
            changes["_headers"] = {**self._headers, **_header_map(default_headers)}
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__, **changes, _owns_http=False)
        if "_headers" in changes or "_timeout" in changes:  # the pool's defaults no longer fit: send them each time
            clone._per_request = {"headers": clone._headers, "timeout": clone._timeout}
        clone._attach_resources()
        return clone

    def _request_kwargs(self, call: Call[Any], options: RequestOptions | None) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for a call, with its per-call options merged in."""
        path = call.request["url"]
        url = self._urls.get(path)
        if url is None:
            if len(self._urls) >= 256:  # paths with ids: keep the cache small
                self._urls.clear()
            url = self._urls[path] = httpx.URL(self._host + path)
        kwargs = {**call.request, "url": url, **self._per_request}
        if options is None:
            return kwargs
        if options.extra_query:
            kwargs["params"] = {**kwargs.get("params", {}), **options.extra_query}
        if options.extra_body:
            kwargs["json"] = {**kwargs.get("json", {}), **options.extra_body}
        if options.extra_headers:
            kwargs["headers"] = {**kwargs.get("headers", {}), **options.extra_headers}
        if options.timeout is not None:
            kwargs["timeout"] = _timeout(options.timeout)
        return kwargs

    def _attempt_kwargs(self, kwargs: dict[str, Any], started: float) -> dict[str, Any]:
        """The request of one attempt: under a deadline, its timeout is cut to the time left."""
        deadline = self.retry_policy.deadline
        if deadline is None:
            return kwargs
        left = deadline - (time.monotonic() - started)
        if left <= 0:
            passed = MemsyTimeoutError(f"the call's deadline of {deadline:g}s (RetryPolicy.deadline) has passed")
            passed._deadline_cut = True
            raise passed
        return {**kwargs, "timeout": _cut(kwargs.get("timeout", self._timeout), left)}

    def _retry_delay(self, call: Call[Any], error: MemsyError, attempt: int, started: float) -> float | None:
        delay = self.retry_policy.delay(error, attempt, retry_safe=call.retry_safe, elapsed=time.monotonic() - started)
        if isinstance(error, MemsyAPIError) and error.response is not None:
            self._last_headers = error.response.headers
        if delay is not None:
            logger.info(
                "memsy %s: %s; retry %d/%d in %.2fs",
                call.method,
                type(error).__name__,
                attempt + 1,
                self.retry_policy.max_retries,
                delay,
            )
        return delay

    def _delay_or_raise(
        self,
        call: Call[Any],
        exc: Exception,
        attempt: int,
        started: float,
        sent_kwargs: dict[str, Any],
        kwargs: dict[str, Any],
    ) -> float:
        """The wait before retrying after ``exc``; raises the caller's MemsyError when there is no retry.
        ``sent_kwargs`` is the request of the attempt (its timeout cut under a deadline), ``kwargs`` the call's."""
        timeout = sent_kwargs.get("timeout", self._timeout)
        cut = sent_kwargs is not kwargs and _was_cut(exc, timeout, kwargs.get("timeout", self._timeout))
        error = as_memsy_error(exc, call, timeout, self.retry_policy.deadline if cut else None)
        delay = self._retry_delay(call, error, attempt, started)
        if delay is None:
            error._note_attempts(attempt + 1)
            if error is exc:
                raise error
            raise error from exc
        return delay

    def _finish(
        self, call: Call[T], response: httpx.Response, options: RequestOptions | None, sent: float, raw: bool
    ) -> Any:
        """Raise the typed error of an error status; otherwise read the body into the public model in one JSON
        pass (or, on the raw view, wrap the response) and attach the response headers, from which ``usage``
        and ``rate_limit`` are read on first access."""
        _log_response(response)
        headers = response.headers
        self._last_headers = headers
        if not 200 <= response.status_code < 300:
            error = error_from_response(response)
            if isinstance(error, NotFoundError):
                request = response.request
                error.message += f" ({call.method}: {request.method} {request.url.path} was not found)"
            raise error
        if raw:
            return RawResponse(response, call, time.monotonic() - sent, self, options)
        return self._result(call, response, options)

    def _result(self, call: Call[T], response: httpx.Response, options: RequestOptions | None) -> Any:
        """The model of a success response; a page also gets what ``has_next_page()`` and ``next_page()`` need
        (this client, the call and its per-call options), whether it came from a call or from
        ``RawResponse.parse()``."""
        result: Any = read(call, response)
        if call.page is not None:
            result._pager = (self, call, options)
        return result


def read(call: Call[T], response: httpx.Response) -> T:
    """The body of a success response as the call's model, with the response headers attached."""
    content = response.content
    try:
        result = call.read(json.loads(content) if content else None)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError) as exc:
        raise malformed_response(response, f"{type(exc).__name__}: {exc}") from exc
    if isinstance(result, (Model, ResourceList)):
        result._headers = response.headers
    return result


def _header_map(headers: Any) -> dict[str, str]:
    if headers is None:
        return {}
    if not isinstance(headers, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
        raise MemsyValidationError(f"default_headers must be a dict of str to str, got {type(headers).__name__}")
    if any(k.lower() == "authorization" for k in headers):
        raise MemsyValidationError("default_headers must not set Authorization: pass api_key= instead")
    return dict(headers)


def _log_response(response: httpx.Response) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        request = response.request
        logger.debug("memsy HTTP %s %s -> %d", request.method, request.url.path, response.status_code)


class SyncResource:
    """Base of a blocking client's sub-resources (``client.orgs``, ``control.keys``, ...)."""

    def __init__(self, client: SyncClient) -> None:
        self._client = client


class AsyncResource:
    """Base of an asyncio client's sub-resources."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client


class SyncClient(BaseClient):
    """Base of the blocking clients."""

    _http_class = httpx.Client
    _http: httpx.Client

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_backoff: float = DEFAULT_RETRY_BACKOFF,
        *,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        default_headers: dict[str, str] | None = None,
    ) -> None:
        settings = (base_url, api_key, timeout, max_retries, retry_backoff, retry_policy, default_headers)
        super().__init__(*settings, transport, http_client)

    def _run(self, call: Call[T], options: RequestOptions | None = None, raw: bool = False) -> T:
        kwargs = self._request_kwargs(call, options)
        started, attempt = time.monotonic(), 0
        while True:
            attempt_kwargs = kwargs
            try:
                attempt_kwargs, sent = self._attempt_kwargs(kwargs, started), time.monotonic()
                return self._finish(call, self._http.request(**attempt_kwargs), options, sent, raw)  # type: ignore[no-any-return]
            except Exception as exc:
                delay = self._delay_or_raise(call, exc, attempt, started, attempt_kwargs, kwargs)
            _retry.sleep(delay)
            attempt += 1

    def _run_raw(self, call: Call[T], options: RequestOptions | None = None) -> RawResponse[T]:
        raw: Any = self._run(call, options, raw=True)
        return raw  # type: ignore[no-any-return]

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``, or this client came from
        ``with_options``). The client cannot be used afterwards."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(BaseClient):
    """Base of the asyncio clients."""

    _http_class = httpx.AsyncClient
    _http: httpx.AsyncClient

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_backoff: float = DEFAULT_RETRY_BACKOFF,
        *,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: dict[str, str] | None = None,
    ) -> None:
        settings = (base_url, api_key, timeout, max_retries, retry_backoff, retry_policy, default_headers)
        super().__init__(*settings, transport, http_client)

    async def _run(self, call: Call[T], options: RequestOptions | None = None, raw: bool = False) -> T:
        kwargs = self._request_kwargs(call, options)
        started, attempt = time.monotonic(), 0
        while True:
            attempt_kwargs = kwargs
            try:
                attempt_kwargs, sent = self._attempt_kwargs(kwargs, started), time.monotonic()
                return self._finish(call, await self._http.request(**attempt_kwargs), options, sent, raw)  # type: ignore[no-any-return]
            except Exception as exc:
                delay = self._delay_or_raise(call, exc, attempt, started, attempt_kwargs, kwargs)
            await _retry.async_sleep(delay)
            attempt += 1

    async def _run_raw(self, call: Call[T], options: RequestOptions | None = None) -> RawResponse[T]:
        raw: Any = await self._run(call, options, raw=True)
        return raw  # type: ignore[no-any-return]

    async def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``, or this client came from
        ``with_options``). The client cannot be used afterwards."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
