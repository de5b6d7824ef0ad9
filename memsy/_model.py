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

if TYPE_CHECKING:
    from ._generated.models import ConnectorResourceItem, SourceEvent, SourceMetadata
    from .models import RateLimitInfo, UsageInfo

T = TypeVar("T")
M = TypeVar("M", bound="Model")
I = TypeVar("I", bound="InputModel")  # noqa: E741
H = TypeVar("H", bound="HeaderModel")
_UNREAD: Any = object()
_GENERATED = "memsy._generated.models"


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

    @usage.setter
    def usage(self, value: UsageInfo | None) -> None:  # memsy 0.3.5's models had plain fields
        self._usage = value

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """Rate-limit window state from the ``X-RateLimit-*`` headers; None when the response had none."""
        cached = getattr(self, "_rate_limit", _UNREAD)
        if cached is _UNREAD:
            from ._headers import parse_rate_limit

            headers = self._header_state()
            cached = self._rate_limit = parse_rate_limit(headers) if headers is not None else None
        return cached  # type: ignore[no-any-return]

    @rate_limit.setter
    def rate_limit(self, value: RateLimitInfo | None) -> None:
        self._rate_limit = value

    @property
    def request_id(self) -> str | None:
        """The server's id of the request (``X-Request-Id``), when it sent one: quote it to support."""
        from ._headers import request_id_of

        headers = self._header_state()
        return request_id_of(headers) if headers is not None else None


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


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


class Model(_Metered):
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

    def to_dict(self) -> dict[str, Any]:
        """The model as plain JSON-ready data, keyed by attribute name (response metadata left out)."""
        assert is_dataclass(self)
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


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
        from ._headers import read_values

        lowered = {str(name).lower(): value for name, value in headers.items()}
        values = read_values(lowered, cls._HEADERS) or {}
        model: H = cast(Any, cls)(**values)
        return model


def _typed(metadata: Mapping[str, Any] | None, key: str, kind: type | tuple[type, ...]) -> Any:
    value = metadata.get(key) if metadata else None
    if isinstance(value, bool) and kind is not bool:
        return None
    return value if isinstance(value, kind) else None


class SearchResultAccessors:
    """Typed reads of the open ``metadata`` bag of a search result: a value of an unexpected type reads as None
    (or empty), while ``metadata`` keeps it as sent."""

    __slots__ = ()
    if TYPE_CHECKING:
        metadata: dict[str, Any] | None

    def _records(self, key: str, reader: Any) -> list[Any] | None:
        raw = self.metadata.get(key) if self.metadata else None
        if not isinstance(raw, list):
            return None
        records = []
        for item in raw:
            if isinstance(item, dict):
                try:
                    records.append(reader(item))
                except (KeyError, TypeError, ValueError):
                    continue  # one malformed record does not hide the others
        return records

    @property
    def source_events(self) -> list[SourceEvent] | None:
        """Originating events, when the search asked for them (``include_source_events=True``)."""
        from ._generated.models import SourceEvent

        return self._records("source_events", SourceEvent._read)

    @property
    def source_metadata(self) -> list[SourceMetadata] | None:
        """User metadata of the originating events (at most 5)."""
        from ._generated.models import SourceMetadata

        return self._records("source_metadata", SourceMetadata._read)

    @property
    def type(self) -> str | None:
        """Memory type (``preference``, ``fact``, ...)."""
        return _typed(self.metadata, "type", str)  # type: ignore[no-any-return]

    @property
    def kind(self) -> str | None:
        """Memory kind (``semantic``, ``episodic``, ...)."""
        return _typed(self.metadata, "kind", str)  # type: ignore[no-any-return]

    @property
    def strength(self) -> float | None:
        """Reinforcement strength, 0-5 (not a probability)."""
        value = _typed(self.metadata, "strength", (int, float))
        return float(value) if value is not None else None

    @property
    def confidence(self) -> float | None:
        """Extraction confidence, 0-1."""
        value = _typed(self.metadata, "confidence", (int, float))
        return float(value) if value is not None else None

    @property
    def title(self) -> str | None:
        """Short title, when the server made one."""
        return _typed(self.metadata, "title", str)  # type: ignore[no-any-return]

    @property
    def summary(self) -> str | None:
        """Summary, when the server made one."""
        return _typed(self.metadata, "summary", str)  # type: ignore[no-any-return]

    @property
    def tags(self) -> list[str]:
        """Tags (empty when none)."""
        value = _typed(self.metadata, "tags", list)
        return [t for t in value if isinstance(t, str)] if value else []

    @property
    def entities(self) -> list[dict[str, Any]]:
        """Named entities (empty when none)."""
        value = _typed(self.metadata, "entities", list)
        return [e for e in value if isinstance(e, dict)] if value else []

    @property
    def source_event_ids(self) -> list[str]:
        """Ids of the originating events (empty when not reported)."""
        value = _typed(self.metadata, "source_event_ids", list)
        return [e for e in value if isinstance(e, str)] if value else []

    @property
    def observed_at(self) -> str | None:
        """When the memory was observed (ISO-8601)."""
        return _typed(self.metadata, "observed_at", str)  # type: ignore[no-any-return]

    @property
    def actor_id(self) -> str | None:
        """Actor the memory is about, when reported."""
        return _typed(self.metadata, "actor_id", str)  # type: ignore[no-any-return]

    @property
    def session_id(self) -> str | None:
        """Conversation the memory belongs to; None when it belongs to none (or the value is not a string)."""
        return _typed(self.metadata, "session_id", str)  # type: ignore[no-any-return]
