"""What one API call is before it is sent (:class:`Call`), the per-call options a caller may add to it, and the
small readers of answers that are not a model. No I/O here: the clients of :mod:`memsy._core` run calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

import httpx  # loaded with the clients anyway; annotations read it at run time (typing.get_type_hints)

from ._model import ResourceList

if TYPE_CHECKING:
    from . import _core
else:  # annotations name the client through `_core`: resolvable at run time without an import cycle
    from ._lazy import LazyModule

    _core = LazyModule("memsy._core", globals(), "_core")

T = TypeVar("T")
R = TypeVar("R")


class Call(Generic[T]):
    """One request to make: its operation, the SDK method that makes it (for messages and logs), the keyword
    arguments of ``httpx.Client.request`` (method, url, params, json), the reader of its answer, and whether
    repeating it cannot do harm. (A plain slotted class: a dataclass would cost a millisecond at import.)"""

    __slots__ = ("method", "operation", "page", "read", "request", "retry_safe")

    def __init__(
        self,
        operation: str,
        method: str,
        request: dict[str, Any],
        read: Callable[[Any], T],
        retry_safe: bool = False,
        page: Callable[[int], Call[T]] | None = None,
    ) -> None:
        self.operation = operation
        self.method = method
        self.request = request
        self.read = read
        self.retry_safe = retry_safe
        """Reads, updates, and the POSTs the overlay marks (ingest thanks to server dedup, search, status)."""
        self.page = page
        """For a paged list: the same call at another offset (``next_page()``, ``iter()``)."""

    def with_request(self, request: dict[str, Any]) -> Call[T]:
        """The same call sending ``request`` instead (``ingest_many``: one batch of the checked events)."""
        return Call(self.operation, self.method, request, self.read, self.retry_safe, self.page)

    def __repr__(self) -> str:  # not the request: its body may hold a secret (configure_s3)
        return f"Call(operation={self.operation!r}, method={self.method!r}, retry_safe={self.retry_safe!r})"


class RawResponse(Generic[T]):
    """What a method of ``client.with_raw_response`` returns: the HTTP response, and :meth:`parse` for the
    model the method usually returns."""

    __slots__ = ("_call", "_client", "_measured", "_options", "_parsed", "http_response")

    def __init__(
        self,
        response: httpx.Response,
        call: Call[T],
        measured: float,
        client: _core.BaseClient | None = None,
        options: RequestOptions | None = None,
    ) -> None:
        self.http_response = response
        """The ``httpx.Response`` (its body already read)."""
        self._call = call
        self._measured = measured
        self._client = client
        """The client that sent the call: a page parsed here walks on with it, as a page a method returned does."""
        self._options = options
        self._parsed: Any = _UNPARSED

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (``X-Request-Id``), when it sent one."""
        from ._headers import request_id_of

        return request_id_of(self.http_response.headers)

    @property
    def elapsed(self) -> timedelta:
        """Time from sending the request to reading the whole answer."""
        try:
            return self.http_response.elapsed
        except RuntimeError:  # a response a custom transport built already read: our own measure
            return timedelta(seconds=self._measured)

    def parse(self) -> T:
        """The body as the method's usual result (read once; later calls return the same object)."""
        if self._parsed is _UNPARSED:
            if self._client is not None:
                self._parsed = self._client._result(self._call, self.http_response, self._options)
            else:
                from ._core import read

                self._parsed = read(self._call, self.http_response)
        return self._parsed  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self._call.method}>"


_UNPARSED: Any = object()


class RequestOptions(NamedTuple):
    """Per-call options (openai-python's names): they change this one request only."""

    timeout: float | httpx.Timeout | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None


def request_options(
    timeout: float | httpx.Timeout | None,
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, Any] | None,
    extra_body: Mapping[str, Any] | None = None,
) -> RequestOptions | None:
    """The options of a method call, or None when it has none (the common case costs one comparison)."""
    if timeout is None and extra_headers is None and extra_query is None and extra_body is None:
        return None
    return RequestOptions(timeout, extra_headers, extra_query, extra_body)


def _nothing(_: Any) -> None:
    return None


def _listed(read: Callable[[Any], R]) -> Callable[[Any], ResourceList[R]]:
    """The reader of a bare JSON array of models."""

    def parse(body: Any) -> ResourceList[R]:
        if type(body) is not list:
            raise TypeError(f"expected a JSON array, got {type(body).__name__}")
        return ResourceList([read(item) for item in body])

    return parse


def _unwrap_list(name: str, read: Callable[[Any], R] | type) -> Callable[[Any], ResourceList[R]]:
    """The reader of a body whose one property is a list: of models (``read`` is the model's reader, an item of
    another type is not the documented shape), or of plain values (``read`` is ``str`` or ``dict``: items of
    another type are dropped). An empty answer, or no such property, is an empty list."""

    def parse(body: Any) -> ResourceList[R]:
        if body is None:
            return ResourceList()
        if type(body) is not dict:
            raise TypeError(f"expected a JSON object, got {type(body).__name__}")
        items = body.get(name)
        if type(items) is not list:
            return ResourceList()
        if isinstance(read, type):
            kept: list[Any] = [x for x in items if type(x) is read]
            return ResourceList(kept)
        return ResourceList([read(x) for x in items])

    return parse


def _unwrap_bool(name: str) -> Callable[[Any], bool]:
    def parse(body: Any) -> bool:
        if type(body) is not dict:
            raise TypeError(f"expected a JSON object, got {type(body).__name__}")
        return body.get(name) is True

    return parse
