"""Public models of the Memsy SDK: what you pass in and what you get back.

Response models are plain dataclasses with snake_case attributes. Each carries:

* ``usage`` / ``rate_limit``: the usage and rate-limit headers of the response it came from (``None`` when the
  server did not send them);
* ``extra``: properties the server sent that this SDK version does not know yet (forward compatibility), read
  from the JSON object the model came from.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

__all__ = [
    "ActorListResponse",
    "ActorResource",
    "ApiKeyInfo",
    "ApiKeyListResponse",
    "BillingSummary",
    "ClearResponse",
    "CreateKeyResponse",
    "DimensionUsage",
    "EventItem",
    "EventKind",
    "EventListResponse",
    "EventPayload",
    "HealthResponse",
    "IngestResponse",
    "Invoice",
    "MeResponse",
    "MemoryItemResource",
    "MemoryListResponse",
    "MemoryScope",
    "MemoryStatsResponse",
    "OrgResource",
    "PaymentMethod",
    "ProInterestResponse",
    "RateLimitInfo",
    "ResourceList",
    "RoleResource",
    "SearchResponse",
    "SearchResult",
    "SourceEvent",
    "SourceMetadata",
    "StatusResponse",
    "TeamResource",
    "TimeseriesPoint",
    "UpcomingInvoice",
    "UsageInfo",
    "UsageSummaryResponse",
    "UsageTimeseriesResponse",
]

T = TypeVar("T")


# ------------------------------------------------------------------------------------------------------ headers


@dataclass(slots=True)
class UsageInfo:
    """Plan consumption from the ``X-Usage-*`` and ``X-Plan`` headers. A field is None when not reported."""

    api_calls: int | None = None
    api_calls_limit: int | None = None
    events_ingested: int | None = None
    events_ingested_limit: int | None = None
    memory_stored: int | None = None
    memory_stored_limit: int | None = None
    llm_tokens: int | None = None
    llm_tokens_limit: int | None = None
    search_queries: int | None = None
    search_queries_limit: int | None = None
    plan: str | None = None


@dataclass(slots=True)
class RateLimitInfo:
    """Rate-limit window state from the ``X-RateLimit-*`` headers (the ``api_calls`` dimension)."""

    limit: int | None = None
    """Requests allowed in the window."""
    remaining: int | None = None
    """Requests left in the window (never negative)."""
    reset: int | None = None
    """Unix time (seconds) at which the window resets."""


_KNOWN_WIRE_NAMES: dict[type, frozenset[str]] = {}


def _known_wire_names(cls: type) -> frozenset[str]:
    known = _KNOWN_WIRE_NAMES.get(cls)
    if known is None:
        aliases: dict[str, str] = getattr(cls, "_wire_aliases", {})
        names = {f.name for f in fields(cls) if not f.name.startswith("_")}
        known = _KNOWN_WIRE_NAMES[cls] = frozenset(names | set(aliases))
    return known


class _WireBacked:
    """Keeps the JSON object a model was read from, so that properties this SDK does not know stay reachable."""

    __slots__ = ()
    _wire: dict[str, Any]
    _wire_aliases: ClassVar[dict[str, str]] = {}
    """Wire names that differ from the attribute names."""

    @property
    def extra(self) -> dict[str, Any]:
        """Properties the server sent that this SDK version does not know (forward compatibility)."""
        known = _known_wire_names(type(self))
        return {k: v for k, v in self._wire.items() if k not in known}


_UNREAD: Any = object()


class _Metered:
    """``usage`` and ``rate_limit`` of the response a result came from, read from its headers on first access."""

    __slots__ = ()
    _headers: Any
    _usage: Any
    _rate_limit: Any

    @property
    def usage(self) -> UsageInfo | None:
        """Plan consumption from the ``X-Usage-*`` / ``X-Plan`` headers; None when the response had none."""
        if self._usage is _UNREAD:
            from ._headers import parse_usage

            self._usage = parse_usage(self._headers) if self._headers is not None else None
        return self._usage  # type: ignore[no-any-return]

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """Rate-limit window state from the ``X-RateLimit-*`` headers; None when the response had none."""
        if self._rate_limit is _UNREAD:
            from ._headers import parse_rate_limit

            self._rate_limit = parse_rate_limit(self._headers) if self._headers is not None else None
        return self._rate_limit  # type: ignore[no-any-return]


@dataclass(slots=True, kw_only=True)
class _Response(_WireBacked, _Metered):
    """Fields shared by every response model."""

    _wire: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _headers: Any = field(default=None, repr=False, compare=False)
    _usage: Any = field(default=_UNREAD, init=False, repr=False, compare=False)
    _rate_limit: Any = field(default=_UNREAD, init=False, repr=False, compare=False)


class ResourceList(list[T], _Metered, Generic[T]):
    """A list returned by a list method, with the ``usage`` and ``rate_limit`` of its response."""

    def __init__(self, items: Iterable[T] = (), *, headers: Any = None) -> None:
        super().__init__(items)
        self._headers = headers
        self._usage = _UNREAD
        self._rate_limit = _UNREAD


# ------------------------------------------------------------------------------------------------------- events


class EventKind(str, enum.Enum):
    """What produced an event."""

    USER_MESSAGE = "user_message"
    ASSISTANT_MESSAGE = "assistant_message"
    TOOL_RESULT = "tool_result"
    APP_EVENT = "app_event"

    def __str__(self) -> str:
        return self.value


@dataclass(slots=True)
class EventPayload:
    """One conversation event to ingest.

    ``kind`` is an :class:`EventKind` or its string value. ``metadata`` is a JSON document as text; a dict is
    serialised for you. ``ts`` is an ISO-8601 string or a timezone-aware ``datetime`` (server time when omitted).
    """

    actor_id: str
    session_id: str
    kind: EventKind | str
    content: str
    role_id: str | None = None
    team_id: str | None = None
    ts: str | datetime | None = None
    metadata: str | Mapping[str, Any] | None = None


@dataclass(slots=True)
class IngestResponse(_Response):
    """Ids of the ingested events, one per event, in input order."""

    event_ids: list[str]


@dataclass(slots=True)
class StatusResponse(_Response):
    """Processing state of the queried events."""

    completed_ids: list[str]
    """Searchable."""
    failed_ids: list[str]
    """Will never become memories."""
    pending_ids: list[str]
    """Still being processed."""
    total: int
    """Number of ids queried."""
    statuses: dict[str, str] | None = None
    """Per-id state (``pending``, ``completed``, ``failed``, ``unknown``, ...) when the server sends it."""
    unknown_ids: list[str] = field(default_factory=list)
    """Ids the server does not know, when it says so."""
    _wire_aliases: ClassVar[dict[str, str]] = {
        "completedIds": "completed_ids",
        "failedIds": "failed_ids",
        "pendingIds": "pending_ids",
        "unknownIds": "unknown_ids",
    }

    @property
    def done(self) -> bool:
        """True when no queried event is still pending."""
        return not self.pending_ids


@dataclass(slots=True)
class ClearResponse(_Response):
    """Result of ``clear()`` (the server does not implement it yet)."""

    deleted: int


@dataclass(slots=True)
class HealthResponse(_Response):
    """Liveness of a plane."""

    status: str
    version: str = ""
    billing_enabled: bool | None = None
    components: dict[str, str] | None = None

    @property
    def ok(self) -> bool:
        """True when the status is ``ok``."""
        return self.status == "ok"


# ------------------------------------------------------------------------------------------------------- search


@dataclass(slots=True)
class SourceEvent:
    """An event a memory was extracted from."""

    event_id: str
    kind: str
    content: str
    ts: str | None = None


@dataclass(slots=True)
class SourceMetadata:
    """User metadata of an originating event: ``metadata`` if it was a JSON object, else ``raw`` text."""

    event_id: str
    metadata: dict[str, Any] | None = None
    raw: str | None = None


def _typed(metadata: Mapping[str, Any] | None, key: str, kind: type | tuple[type, ...]) -> Any:
    value = metadata.get(key) if metadata else None
    if isinstance(value, bool) and kind is not bool:
        return None
    return value if isinstance(value, kind) else None


def _source_events(raw: Any) -> list[SourceEvent] | None:
    if not isinstance(raw, list):
        return None
    events = []
    for e in raw:
        if isinstance(e, dict):
            ts = e.get("ts")
            events.append(
                SourceEvent(
                    str(e.get("event_id", "")),
                    str(e.get("kind", "")),
                    str(e.get("content", "")),
                    ts if isinstance(ts, str) else None,
                )
            )
    return events


def _source_metadata(raw: Any) -> list[SourceMetadata] | None:
    if not isinstance(raw, list):
        return None
    entries = []
    for e in raw:
        if isinstance(e, dict):
            metadata, text = e.get("metadata"), e.get("raw")
            entries.append(
                SourceMetadata(
                    str(e.get("event_id", "")),
                    metadata if isinstance(metadata, dict) else None,
                    text if isinstance(text, str) else None,
                )
            )
    return entries


@dataclass(slots=True)
class SearchResult(_WireBacked):
    """One memory matching a query.

    ``metadata`` is the server's open bag of fields, kept whole. ``source_events`` and ``source_metadata`` are
    unpacked from it (on first access); the other properties read it with type checks (a value of the wrong type
    reads as None).
    """

    id: str
    content: str
    score: float
    metadata: dict[str, Any] | None = None
    _wire: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _source_events: Any = field(default=_UNREAD, init=False, repr=False, compare=False)
    _source_metadata: Any = field(default=_UNREAD, init=False, repr=False, compare=False)

    @property
    def source_events(self) -> list[SourceEvent] | None:
        """Originating events, when the search asked for them (``include_source_events=True``)."""
        if self._source_events is _UNREAD:
            self._source_events = _source_events(self.metadata.get("source_events")) if self.metadata else None
        return self._source_events  # type: ignore[no-any-return]

    @property
    def source_metadata(self) -> list[SourceMetadata] | None:
        """User metadata of the originating events (at most 5)."""
        if self._source_metadata is _UNREAD:
            self._source_metadata = _source_metadata(self.metadata.get("source_metadata")) if self.metadata else None
        return self._source_metadata  # type: ignore[no-any-return]

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


@dataclass(slots=True)
class SearchResponse(_Response):
    """Ranked results, best first. Iterating the response iterates the results."""

    results: list[SearchResult]

    def __iter__(self) -> Iterator[SearchResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)


# --------------------------------------------------------------------------------------------------- onboarding


@dataclass(slots=True)
class _Customization(_Response):
    org_id: str
    name: str
    focus: str
    promotion_prompt: str
    created_at: str
    updated_at: str
    prompt_meta: dict[str, Any] | None = None


@dataclass(slots=True)
class OrgResource(_Customization):
    """An org customization record."""


@dataclass(slots=True)
class RoleResource(_Customization):
    """A role customization record; ``role_id`` is assigned by the server."""

    role_id: str = ""


@dataclass(slots=True)
class TeamResource(_Customization):
    """A team customization record; ``team_id`` is assigned by the server."""

    team_id: str = ""


# ----------------------------------------------------------------------------------------------------- memories


@dataclass(slots=True)
class MemoryScope:
    """Where a memory lives: ``level`` is ``org``, ``role``, ``team`` or ``actor``."""

    level: str
    actor_id: str | None = None
    team_id: str | None = None
    role_id: str | None = None


@dataclass(slots=True)
class MemoryItemResource(_Response):
    """A stored memory as the console shows it."""

    memory_id: str
    org_id: str
    scope: MemoryScope
    type: str = ""
    kind: str = ""
    memory_kind: str = ""
    status: str = ""
    text: str = ""
    confidence: float = 0.0
    strength: float = 1.0
    recall_count: int = 0
    decay_half_life_days: float = 0.0
    pinned: bool = False
    tags: list[str] = field(default_factory=list)
    entity_refs: list[dict[str, str]] = field(default_factory=list)
    source_event_ids: list[str] = field(default_factory=list)
    source_urls: list[str] = field(default_factory=list)
    summary: str | None = None
    payload: dict[str, Any] | None = None
    last_recalled_at: str | None = None
    effective_from: str | None = None
    effective_to: str | None = None
    observed_at: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass(slots=True)
class MemoryListResponse(_Response):
    """One page of memories; walk ``offset`` until ``offset >= total`` (or use ``memories.iter()``)."""

    items: list[MemoryItemResource]
    total: int
    limit: int
    offset: int

    def __iter__(self) -> Iterator[MemoryItemResource]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(slots=True)
class MemoryStatsResponse(_Response):
    """Aggregates over the org's memories."""

    total: int
    total_memories: int
    active_memories: int
    avg_confidence: float
    avg_strength: float
    by_type: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    top_entities: list[dict[str, Any]] = field(default_factory=list)
    confidence_buckets: list[dict[str, Any]] | None = None
    date_range: dict[str, str | None] | None = None


# ------------------------------------------------------------------------------------------------------- actors


@dataclass(slots=True)
class ActorResource(_Response):
    """An actor, derived from its memories."""

    actor_id: str
    first_memory_at: str | None = None
    last_memory_at: str | None = None
    memory_count: int = 0
    active_memory_count: int = 0
    scope_levels: list[str] = field(default_factory=list)
    role_ids: list[str] = field(default_factory=list)
    team_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ActorListResponse(_Response):
    """One page of actors. When ``truncated`` the server stopped early: counts are lower bounds."""

    items: list[ActorResource]
    total: int
    limit: int
    offset: int
    truncated: bool = False

    def __iter__(self) -> Iterator[ActorResource]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


# ------------------------------------------------------------------------------------------------ control plane


@dataclass(slots=True)
class MeResponse(_Response):
    """The calling key's identity."""

    customer_id: str
    email: str
    tier: str
    is_superadmin: bool
    org_id: str
    is_billing_admin: bool
    user_id: str | None = None
    org_role: str | None = None


@dataclass(slots=True)
class DimensionUsage:
    """Consumption of one usage dimension."""

    dimension: str
    used: int
    limit: int | None = None
    overage_rate: float | None = None


@dataclass(slots=True)
class UsageSummaryResponse(_Response):
    """Usage of the current billing period."""

    org_id: str
    tier: str
    period_start: str
    period_end: str
    dimensions: list[DimensionUsage]


@dataclass(slots=True)
class TimeseriesPoint:
    """Quantity of one dimension in one bucket."""

    date: str
    dimension: str
    quantity: int


@dataclass(slots=True)
class UsageTimeseriesResponse(_Response):
    """A usage time series."""

    org_id: str
    granularity: str
    data: list[TimeseriesPoint]


@dataclass(slots=True)
class PaymentMethod:
    """The card on file."""

    brand: str
    last4: str
    exp_month: int
    exp_year: int


@dataclass(slots=True)
class UpcomingInvoice:
    """The next invoice (amount in minor units, ``period_end`` in Unix seconds)."""

    amount_due: int
    currency: str
    period_end: int


@dataclass(slots=True)
class BillingSummary(_Response):
    """Seats and billing state."""

    tier: str
    purchased_seats: int
    assigned_seats: int
    available_seats: int
    stripe_customer_id: str | None = None
    payment_method: PaymentMethod | None = None
    upcoming_invoice: UpcomingInvoice | None = None
    subscription_status: str | None = None
    billing_contact: str | None = None
    stripe_subscription_id: str | None = None


@dataclass(slots=True)
class Invoice(_WireBacked):
    """One invoice. ``created`` is Unix seconds (the server may send it as text; it is converted)."""

    id: str
    amount_due: int
    amount_paid: int
    currency: str
    status: str
    created: int | None
    hosted_invoice_url: str | None = None
    _wire: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(slots=True)
class ApiKeyInfo(_WireBacked):
    """An API key, without its secret."""

    key_id: str
    prefix: str
    name: str
    scopes: list[str]
    is_active: bool
    created_at: str
    last_used_at: str | None = None
    expires_at: str | None = None
    _wire: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(slots=True)
class ApiKeyListResponse(_Response):
    """The org's keys and the plan's allowance."""

    keys: list[ApiKeyInfo]
    max_keys: int
    active_count: int


@dataclass(slots=True)
class CreateKeyResponse(_Response):
    """A new key. ``raw_key`` is the secret, shown only once; it is left out of ``repr()``."""

    key_id: str
    raw_key: str = field(repr=False)
    prefix: str
    name: str
    scopes: list[str]
    is_active: bool | None = None
    created_at: str | None = None
    expires_at: str | None = None


@dataclass(slots=True)
class EventItem(_WireBacked):
    """An ingested event as the console shows it (``metadata`` parsed to an object)."""

    event_id: str
    org_id: str
    actor_id: str
    kind: str
    content: str
    ts: str
    session_id: str | None = None
    metadata: dict[str, Any] | None = None
    ingested_at: str | None = None
    _wire: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(slots=True)
class EventListResponse(_Response):
    """One page of events."""

    items: list[EventItem]
    total: int
    limit: int
    offset: int

    def __iter__(self) -> Iterator[EventItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(slots=True)
class ProInterestResponse(_Response):
    """Acknowledgement of an expression of interest."""

    message: str
