"""The base of every public model, and the handwritten ergonomics the generated models mix in.

The models themselves (their fields, types, defaults, docstrings and readers) are generated from openapi.yaml into
:mod:`memsy._generated.models`; ``sdk-overlay.yaml`` names the mixins below that a model also derives from.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from ._headers import metadata, parse_rate_limit, parse_usage, read_values, request_id_of

if TYPE_CHECKING:
    from ._generated.models import ConnectorResourceItem
    from .models import RateLimitInfo, UsageInfo

T = TypeVar("T")
M = TypeVar("M", bound="Model")
I = TypeVar("I", bound="InputModel")  # noqa: E741
H = TypeVar("H", bound="HeaderModel")
_UNREAD: Any = object()
_GENERATED = "memsy._generated.models"


def plain_headers(headers: Any) -> dict[str, str]:
    """Response headers as a dict keyed by lowercase name (an ``httpx.Headers`` read once, as latin-1 like
    httpx, values of a repeated header joined with ", " like ``httpx.Headers.get``)."""
    raw = getattr(headers, "raw", None)
    if raw is None:
        return {str(k).lower(): v for k, v in headers.items()}
    plain = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in raw}
    if len(plain) < len(raw):  # a repeated header: its values joined, as httpx.Headers.get does
        plain = {}
        for key, value in raw:
            name, text = key.decode("latin-1").lower(), value.decode("latin-1")
            plain[name] = f"{plain[name]}, {text}" if name in plain else text
    return plain


class _Metered:
    """``usage``, ``rate_limit`` and ``request_id`` of the response a result came from, read from its headers on
    first access (most callers never look)."""

    __slots__ = ()
    _headers: Any
    _usage: Any
    _rate_limit: Any

    def _header_state(self) -> Any:
        """The response headers as a plain dict (lowercase names), made on first use: an ``httpx.Headers`` lookup
        scans every header, and usage alone reads eleven."""
        headers = getattr(self, "_headers", None)
        if headers is not None and type(headers) is not dict:
            headers = self._headers = plain_headers(headers)
        return headers

    @property
    def usage(self) -> UsageInfo | None:
        """Plan consumption from the ``X-Usage-*`` / ``X-Plan`` headers; None when the response had none."""
        cached = getattr(self, "_usage", _UNREAD)
        if cached is _UNREAD:
            headers = self._header_state()
            cached = self._usage = parse_usage(headers) if headers is not None else None
        return cached  # type: ignore[no-any-return]

    @usage.setter
    def usage(self, value: UsageInfo | None) -> None:  # memsy 0.3.5's models had plain fields
        self._usage = value

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """Rate-limit window state from the ``X-RateLimit-*`` headers; None when the response had none."""
        cached = getattr(self, "_rate_limit", _UNREAD)
        if cached is _UNREAD:
            headers = self._header_state()
            cached = self._rate_limit = parse_rate_limit(headers) if headers is not None else None
        return cached  # type: ignore[no-any-return]

    @rate_limit.setter
    def rate_limit(self, value: RateLimitInfo | None) -> None:
        self._rate_limit = value

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (``X-Request-Id``), when it sent one: quote it to support."""
        headers = self._header_state()
        return request_id_of(headers) if headers is not None else None

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle or a copy keeps: the data and the response's headers (a plain dict), not the client a page
        holds for ``next_page()`` (its connection pool cannot be copied; a copied page lists no further)."""
        import copyreg

        # the slot names object.__reduce_ex__ copies (mangled, without __dict__ / __weakref__); not in typeshed
        names: list[str] = copyreg._slotnames(type(self))  # type: ignore[attr-defined]
        state = {n: getattr(self, n) for n in names if hasattr(self, n)}
        state.update(getattr(self, "__dict__", {}))
        if state.get("_headers") is not None:
            state["_headers"] = metadata(self._header_state())
        return {k: v for k, v in state.items() if k != "_pager" and v is not _UNREAD}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def __copy__(self) -> Any:
        """A shallow copy, in this process: a page still fetches the next one with its client."""
        cls = type(self)
        copied = cls.__new__(cls)
        if isinstance(self, list) and isinstance(copied, list):  # a ResourceList: its items too
            copied.extend(self)
        copied.__setstate__(self.__getstate__())
        pager = getattr(self, "_pager", None)
        if pager is not None:
            object.__setattr__(copied, "_pager", pager)
        return copied


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


def _taking_metadata(init: Callable[..., None]) -> Callable[..., None]:
    """``init`` (a generated model's dataclass ``__init__``), also taking ``usage=`` and ``rate_limit=``."""

    def __init__(
        self: Model, *args: Any, usage: UsageInfo | None = None, rate_limit: RateLimitInfo | None = None, **kwargs: Any
    ) -> None:
        init(self, *args, **kwargs)
        if usage is not None:
            self._usage = usage
        if rate_limit is not None:
            self._rate_limit = rate_limit

    __init__.__doc__ = init.__doc__
    __init__.__qualname__ = init.__qualname__
    __init__.__wrapped__ = init  # type: ignore[attr-defined]
    return __init__


class _ConstructorSignature:
    """``inspect.signature()`` (and ``help()``) of a model class: its dataclass fields, then ``usage=`` and
    ``rate_limit=``. Computed when asked, not for every model at import."""

    def __get__(self, instance: object, owner: type) -> Any:
        wrapped = getattr(owner.__dict__.get("__init__"), "__wrapped__", None)
        if instance is not None or wrapped is None:
            raise AttributeError("__signature__")  # inspect then works it out as usual
        import inspect

        signature = inspect.signature(wrapped)
        metadata = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=f"{kind} | None")
            for name, kind in (("usage", "UsageInfo"), ("rate_limit", "RateLimitInfo"))
        ]
        return signature.replace(parameters=[*list(signature.parameters.values())[1:], *metadata])


class Model(_Metered, PlainData):
    """Base of the generated models: unknown properties stay reachable in :attr:`extra`, and a result knows the
    usage, rate-limit state and request id of its response."""

    __slots__ = ("_headers", "_pager", "_rate_limit", "_usage", "_wire")
    _wire: dict[str, Any]
    _wire_names: ClassVar[frozenset[str]] = frozenset()
    """The property names the contract gives this model, as sent on the wire."""

    if TYPE_CHECKING:

        @classmethod
        def _read(cls, body: Any) -> Any: ...  # generated for each model

    else:
        __signature__ = _ConstructorSignature()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The constructor of a generated model also takes memsy 0.3.5's ``usage=`` / ``rate_limit=`` (dataclass
        # fields there, response metadata here). ``@dataclass(slots=True)`` builds the class a second time, with
        # its ``__init__``: that second class is the one wrapped. A subclass of the user's is left as it is.
        init = cls.__dict__.get("__init__")
        if cls.__module__ == _GENERATED and "__dataclass_fields__" in cls.__dict__ and init is not None:
            cls.__init__ = _taking_metadata(init)  # type: ignore[method-assign]

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """Read ``data``, a decoded JSON object keyed by wire names, exactly as the client reads a response body
        (as memsy 0.3.5's ``from_dict`` did): properties this SDK does not know stay reachable in :attr:`extra`,
        an optional property of an unexpected type reads as its default, a missing required one raises
        ``KeyError``, and a value that is not an object raises ``TypeError``."""
        if isinstance(data, Mapping) and type(data) is not dict:
            data = dict(data)
        return cls._read(data)  # type: ignore[no-any-return]

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
        names = [f.name for f in fields(self)]  # type: ignore[arg-type]
        # tuples, as the dataclass == compares: a field holding NaN is still equal to itself
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

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
        """Whether another page follows this one. False for a page a list method did not return (built by hand,
        deep-copied or unpickled): it cannot fetch one (its ``next_page()`` says so)."""
        return self._next_offset() is not None

    def next_page(self) -> Any:
        """The next page, fetched with the same arguments (awaitable on the async client). After the last page
        it raises ``LookupError``: check :meth:`has_next_page` first."""
        if getattr(self, "_pager", None) is None:
            raise LookupError(
                "this page was not returned by a list method (it was built, copied or unpickled): call the list "
                "method again, with offset= where this page ends"
            )
        offset = self._next_offset()
        if offset is None:
            raise LookupError("this is the last page: check has_next_page() first")
        client, call, options = self._pager
        return client._run(call.page(offset), options)


class ResourceList(list[T], _Metered, _Paged, PlainData, Generic[T]):
    """A list returned by a list method, with the ``usage``, ``rate_limit`` and ``request_id`` of its response."""

    def __init__(self, items: Iterable[T] = (), *, headers: Any = None) -> None:
        super().__init__(items)
        self._headers = headers
        self._usage = _UNREAD
        self._rate_limit = _UNREAD
        self._pager = None

    def to_dict(self) -> list[Any]:  # type: ignore[override]
        """The items as plain JSON-ready data (a list: each model as its ``to_dict()``), response metadata left
        out. Named like the models' method so that every result has it (``to_json()`` too)."""
        return [_plain(item) for item in self]


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


class InputModel:
    """``to_dict()`` of a public input model (``EventPayload``, ``ResourceSelection``), as memsy 0.3.5 had it."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The fields as the JSON object of the wire (its names are the attribute names), fields that are None left
        out: an enum member as its value, a datetime as ISO-8601 text, and a mapping (only JSON-text properties,
        such as ``EventPayload.metadata``, take one) as its JSON text. Nothing is checked here: the client checks
        every field when it sends one (and leaves out a blank ``role_id`` / ``team_id``)."""
        assert is_dataclass(self)
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, enum.Enum):
                value = value.value
            elif isinstance(value, Mapping):
                value = json.dumps(dict(value), separators=(",", ":"), ensure_ascii=False)
            elif isinstance(value, date):  # a datetime too
                value = value.isoformat()
            out[f.name] = value
        return out


class ResourceSelectionMethods(InputModel):
    """``ResourceSelection.from_item`` of memsy 0.3.5, with ``to_dict``."""

    __slots__ = ()

    @classmethod
    def from_item(cls: type[I], item: ConnectorResourceItem) -> I:
        """The selection of a listed resource, keeping its ``resource_type`` (and its name)."""
        if not isinstance(item.resource_type, str):
            from ._validation import fail

            raise fail(
                f"resource {item.external_id!r} was listed without a resource_type; build its "
                "ResourceSelection(external_id, resource_type) yourself",
                "item.resource_type",
            )
        selection: I = cast(Any, cls)(external_id=item.external_id, resource_type=item.resource_type, name=item.name)
        return selection


class HeaderModel:
    """``from_headers`` of the models read from response headers (``UsageInfo``, ``RateLimitInfo``), as memsy
    0.3.5 had it."""

    __slots__ = ()
    if TYPE_CHECKING:
        _HEADERS: ClassVar[tuple[tuple[str, str, bool], ...]]

    @classmethod
    def from_headers(cls: type[H], headers: Mapping[str, str]) -> H:
        """Read the headers (names in any case): a value that is absent or does not parse is None. Unlike the
        ``usage`` / ``rate_limit`` of a result, which are None when the response carried none of the headers,
        this always returns an instance (every field None then), as 0.3.5 did."""
        values = read_values(plain_headers(headers), cls._HEADERS) or {}
        model: H = cast(Any, cls)(**values)
        return model


def rebuilt(cls: type[M], generated: type[Any], model: Any) -> M:
    """A body read into the fields of a generated model, built again through ``cls.__init__``: ``cls`` is a
    subclass (of the caller's), whose own fields and ``__post_init__`` the reader does not know."""
    made = cls(**{f.name: getattr(model, f.name) for f in fields(generated) if f.init})
    made._wire = model._wire
    return made


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
