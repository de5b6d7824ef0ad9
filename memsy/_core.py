"""The machinery every client shares: configuration, sending a :class:`~memsy._call.Call` (built by the
generated operations) over httpx, reading its answer, turning failures into :class:`MemsyError` and deciding
retries.

Only the two small ``_run`` loops differ between sync and async; everything they call is shared.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import time
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import httpx

from . import _retry
from ._call import Call, RequestOptions
from ._headers import parse_rate_limit, parse_usage
from ._model import Model, ResourceList
from ._retry import RetryPolicy
from ._version import __version__
from .exceptions import (
    MemsyAPIError,
    MemsyConnectionError,
    MemsyError,
    MemsyTimeoutError,
    MemsyValidationError,
    error_from_response,
    malformed_response,
)
from .models import RateLimitInfo, UsageInfo

if TYPE_CHECKING:
    from typing_extensions import Self

T = TypeVar("T")

DEFAULT_HOST = "https://api.memsy.io"
USER_AGENT = f"memsy-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
_PLANE_SUFFIXES = ("/v1", "/api")

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
    for suffix in _PLANE_SUFFIXES:
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
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
        raise MemsyValidationError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(float(value))


def as_memsy_error(exc: BaseException) -> MemsyError:
    """Any failure raised while executing a call, as the MemsyError the caller gets."""
    if isinstance(exc, MemsyError):
        return exc
    if isinstance(exc, httpx.TimeoutException):
        return MemsyTimeoutError(f"request timed out ({type(exc).__name__}): {exc}".rstrip(": "))
    if isinstance(exc, (httpx.TransportError, httpx.HTTPError, httpx.InvalidURL, httpx.StreamError)):
        return MemsyConnectionError(f"request failed ({type(exc).__name__}): {exc}".rstrip(": "))
    return MemsyError(f"unexpected {type(exc).__name__}: {exc}")


class BaseClient:
    """Settings and non-I/O behaviour shared by the four clients."""

    _env_url_names: tuple[str, ...] = ("MEMSY_BASE_URL",)
    _plane_path = "/v1"

    def __init__(
        self,
        base_url: str | None,
        api_key: str | None,
        timeout: float,
        max_retries: int,
        retry_backoff: float,
        retry_policy: RetryPolicy | None,
    ) -> None:
        _configure_logging_from_env()
        self._host = resolve_host(base_url, self._env_url_names)
        self._timeout = _timeout(timeout)
        self.retry_policy = retry_policy or RetryPolicy(max_retries=max_retries, backoff=retry_backoff)
        self._headers = {
            "Authorization": f"Bearer {resolve_api_key(api_key)}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }
        self._last_headers: Any = None

    @property
    def last_usage(self) -> UsageInfo | None:
        """Usage headers of the most recent response (success or error); None when it had none."""
        return parse_usage(self._last_headers) if self._last_headers is not None else None

    @property
    def last_rate_limit(self) -> RateLimitInfo | None:
        """Rate-limit headers of the most recent response (success or error); None when it had none."""
        return parse_rate_limit(self._last_headers) if self._last_headers is not None else None

    @property
    def base_url(self) -> str:
        """The plane's base URL, e.g. ``https://api.memsy.io/v1``."""
        return self._host + self._plane_path

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key='***')"

    def _http_options(self, transport: Any) -> dict[str, Any]:
        return {
            "base_url": self._host,
            "headers": self._headers,
            "timeout": self._timeout,
            "transport": transport,
            "follow_redirects": False,
        }

    @staticmethod
    def _request_kwargs(call: Call[Any], options: RequestOptions | None) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for a call, with its per-call options merged in."""
        if options is None:
            return call.request
        kwargs = dict(call.request)
        if options.extra_query:
            kwargs["params"] = {**kwargs.get("params", {}), **options.extra_query}
        if options.extra_body:
            kwargs["json"] = {**kwargs.get("json", {}), **options.extra_body}
        if options.extra_headers:
            kwargs["headers"] = dict(options.extra_headers)
        if options.timeout is not None:
            kwargs["timeout"] = (
                options.timeout if isinstance(options.timeout, httpx.Timeout) else _timeout(options.timeout)
            )
        return kwargs

    def _retry_delay(self, call: Call[Any], error: MemsyError, attempt: int, started: float) -> float | None:
        delay = self.retry_policy.delay(error, attempt, retry_safe=call.retry_safe, elapsed=time.monotonic() - started)
        if isinstance(error, MemsyAPIError) and error.response is not None:
            self._last_headers = error.response.headers
        if delay is not None:
            logger.info(
                "memsy %s: %s; retry %d/%d in %.2fs",
                call.name,
                type(error).__name__,
                attempt + 1,
                self.retry_policy.max_retries,
                delay,
            )
        return delay

    def _delay_or_raise(self, call: Call[Any], exc: Exception, attempt: int, started: float) -> float:
        """The wait before retrying after ``exc``; raises the caller's MemsyError when there is no retry."""
        error = as_memsy_error(exc)
        delay = self._retry_delay(call, error, attempt, started)
        if delay is None:
            if error is exc:
                raise error
            raise error from exc
        return delay

    def _finish(self, call: Call[T], response: httpx.Response) -> T:
        """Raise the typed error of an error status; otherwise read the body into the public model in one JSON
        pass and attach the response headers, from which ``usage`` and ``rate_limit`` are read on first access."""
        _log_response(response)
        headers = response.headers
        self._last_headers = headers
        if not 200 <= response.status_code < 300:
            raise error_from_response(response)
        content = response.content
        try:
            result = call.read(json.loads(content) if content else None)
        except (KeyError, ValueError, TypeError, AttributeError, IndexError) as exc:
            raise malformed_response(response, f"{type(exc).__name__}: {exc}") from exc
        if isinstance(result, (Model, ResourceList)):
            result._headers = headers
        return result


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

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        retry_backoff: float = 1.0,
        *,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(base_url, api_key, timeout, max_retries, retry_backoff, retry_policy)
        self._http = httpx.Client(**self._http_options(transport))
        self._attach_resources()

    def _attach_resources(self) -> None:
        """Create the client's sub-resources (``orgs``, ``keys``, ...)."""

    def _run(self, call: Call[T], options: RequestOptions | None = None) -> T:
        kwargs = self._request_kwargs(call, options)
        started, attempt = time.monotonic(), 0
        while True:
            try:
                return self._finish(call, self._http.request(**kwargs))
            except Exception as exc:
                delay = self._delay_or_raise(call, exc, attempt, started)
            _retry.sleep(delay)
            attempt += 1

    def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        self._http.close()

    def __enter__(self: Self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(BaseClient):
    """Base of the asyncio clients."""

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        retry_backoff: float = 1.0,
        *,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(base_url, api_key, timeout, max_retries, retry_backoff, retry_policy)
        self._http = httpx.AsyncClient(**self._http_options(transport))
        self._attach_resources()

    def _attach_resources(self) -> None:
        """Create the client's sub-resources (``orgs``, ``keys``, ...)."""

    async def _run(self, call: Call[T], options: RequestOptions | None = None) -> T:
        kwargs = self._request_kwargs(call, options)
        started, attempt = time.monotonic(), 0
        while True:
            try:
                return self._finish(call, await self._http.request(**kwargs))
            except Exception as exc:
                delay = self._delay_or_raise(call, exc, attempt, started)
            await _retry.async_sleep(delay)
            attempt += 1

    async def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        await self._http.aclose()

    async def __aenter__(self: Self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
