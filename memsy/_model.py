"""The base of every public model, and the handwritten ergonomics the generated models mix in.

The models themselves (their fields, types, defaults, docstrings and readers) are generated from openapi.yaml into
:mod:`memsy._generated.models`; ``sdk-overlay.yaml`` names the mixins below that a model also derives from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

if TYPE_CHECKING:
    from .models import RateLimitInfo, UsageInfo

T = TypeVar("T")
_UNREAD: Any = object()


class _Metered:
    """``usage``, ``rate_limit`` and ``request_id`` of the response a result came from, read from its headers on
    first access (most callers never look)."""

    __slots__ = ()
    _headers: Any
    _usage: Any
    _rate_limit: Any

    def _header_state(self) -> Any:
        return getattr(self, "_headers", None)

    @property
    def usage(self) -> UsageInfo | None:
        """Plan consumption from the ``X-Usage-*`` / ``X-Plan`` headers; None when the response had none."""
        cached = getattr(self, "_usage", _UNREAD)
        if cached is _UNREAD:
            from ._headers import parse_usage

            headers = self._header_state()
            cached = self._usage = parse_usage(headers) if headers is not None else None
        return cached  # type: ignore[no-any-return]

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """Rate-limit window state from the ``X-RateLimit-*`` headers; None when the response had none."""
        cached = getattr(self, "_rate_limit", _UNREAD)
        if cached is _UNREAD:
            from ._headers import parse_rate_limit

            headers = self._header_state()
            cached = self._rate_limit = parse_rate_limit(headers) if headers is not None else None
        return cached  # type: ignore[no-any-return]

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (``X-Request-Id``), when it sent one: quote it to support."""
        from ._headers import request_id_of

        headers = self._header_state()
        return request_id_of(headers) if headers is not None else None


def _plain(value: Any) -> Any:
    if isinstance(value, PlainData):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class PlainData:
    """``to_dict()`` and ``to_json()`` of a dataclass: the public models (through :class:`Model`), and the models
    read from response headers (``UsageInfo``, ``RateLimitInfo``), which have no other base."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The model as plain JSON-ready data, keyed by attribute name (response metadata left out)."""
        assert is_dataclass(self)
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


class Model(_Metered, PlainData):
    """Base of the generated models: unknown properties stay reachable in :attr:`extra`, and a result knows the
    usage, rate-limit state and request id of its response."""

    __slots__ = ("_headers", "_pager", "_rate_limit", "_usage", "_wire")
    _wire: dict[str, Any]
    _wire_names: ClassVar[frozenset[str]] = frozenset()
    """The property names the contract gives this model, as sent on the wire."""

    @property
    def extra(self) -> dict[str, Any]:
        """Properties the server sent that this SDK version does not know (forward compatibility)."""
        wire = getattr(self, "_wire", None)
        if not wire:
            return {}
        known = self._wire_names
        return {k: v for k, v in wire.items() if k not in known}

    def __repr__(self) -> str:  # the dataclass repr, shared: fields marked repr=False (secrets) left out
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:  # the dataclass ==: same class, equal fields
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(self))  # type: ignore[arg-type]

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: unhashable, as dataclasses are


class _Paged:
    """``has_next_page()`` / ``next_page()`` of a page that a paged list method returned. ``_pager`` is set by
    the client that fetched the page: (that client, the call, its per-call options)."""

    __slots__ = ()
    _pager: Any

    def _next_offset(self) -> int | None:
        pager = getattr(self, "_pager", None)
        if pager is None:
            return None
        from ._helpers import following_offset

        params = pager[1].request.get("params", {})
        return following_offset(self, params.get("offset", 0), params.get("limit"))

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        return self._next_offset() is not None

    def next_page(self) -> Any:
        """The next page, fetched with the same arguments (awaitable on the async client). After the last page
        it raises ``LookupError``: check :meth:`has_next_page` first."""
        offset = self._next_offset()
        if offset is None:
            raise LookupError("this is the last page: check has_next_page() first")
        client, call, options = self._pager
        return client._run(call.page(offset), options)


class ResourceList(list[T], _Metered, _Paged, Generic[T]):
    """A list returned by a list method, with the ``usage``, ``rate_limit`` and ``request_id`` of its response."""

    def __init__(self, items: Iterable[T] = (), *, headers: Any = None) -> None:
        super().__init__(items)
        self._headers = headers
        self._usage = _UNREAD
        self._rate_limit = _UNREAD
        self._pager = None

    def to_dict(self) -> list[Any]:
        """The items as plain JSON-ready data (a list: each model as its ``to_dict()``), response metadata left
        out. Named like the models' method so that every result has it."""
        return [_plain(item) for item in self]

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


# ------------------------------------------------------------------------------------ mixins (sdk-overlay.yaml)


class Page(_Paged, Generic[T]):
    """A page of an offset-paged list: iterating it iterates ``items``; ``has_next_page()`` and ``next_page()``
    walk on."""

    __slots__ = ()
    if TYPE_CHECKING:
        items: list[T]
        total: int
        offset: int

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class ResultsIterable(Generic[T]):
    """Iterating the response iterates its ``results``, best first."""

    __slots__ = ()
    if TYPE_CHECKING:
        results: list[T]

    def __iter__(self) -> Iterator[T]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)


class StatusAccessors:
    __slots__ = ()
    if TYPE_CHECKING:
        pending_ids: list[str]

    @property
    def done(self) -> bool:
        """True when no queried event is still pending."""
        return not self.pending_ids


class HealthAccessors:
    __slots__ = ()
    if TYPE_CHECKING:
        status: str

    @property
    def ok(self) -> bool:
        """True when the status is ``ok``."""
        return self.status == "ok"


# Lenient reads of an open bag (a JSON object the contract lists some keys of): the typed accessors generated
# for it (``sdk-overlay.yaml`` ``accessors``, e.g. ``SearchResult.type``) call these. A value of an unexpected type
# reads as None (or empty), while the bag keeps it as sent.


def bag_text(bag: Mapping[str, Any] | None, key: str) -> str | None:
    value = bag.get(key) if bag else None
    return value if isinstance(value, str) else None


def bag_number(bag: Mapping[str, Any] | None, key: str) -> float | None:
    value = bag.get(key) if bag else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def bag_strings(bag: Mapping[str, Any] | None, key: str) -> list[str]:
    value = bag.get(key) if bag else None
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def bag_objects(bag: Mapping[str, Any] | None, key: str) -> list[dict[str, Any]]:
    value = bag.get(key) if bag else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def bag_records(bag: Mapping[str, Any] | None, key: str, read: Callable[[Any], T]) -> list[T] | None:
    """The models of a listed key; None when absent (it is there only when asked for). One malformed record does
    not hide the others."""
    value = bag.get(key) if bag else None
    if not isinstance(value, list):
        return None
    records = []
    for item in value:
        if isinstance(item, dict):
            try:
                records.append(read(item))
            except (KeyError, TypeError, ValueError):
                continue
    return records
