"""Public models of the Memsy SDK: what you pass in and what you get back.

The models are generated from the contract (:mod:`memsy._generated.models`): snake_case attributes, the contract's
descriptions as docstrings. Each response model also carries:

* ``usage`` / ``rate_limit`` / ``request_id``: read from the headers of the response it came from (``None`` when
  the server did not send them);
* ``extra``: properties the server sent that this SDK version does not know yet (forward compatibility);
* ``to_dict()`` / ``to_json()``: plain data, keyed by attribute name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._generated.models import (
    ActorListResponse,
    ActorResource,
    ApiKeyInfo,
    ApiKeyListResponse,
    BillingSummary,
    ClearResponse,
    CreateKeyResponse,
    DimensionUsage,
    EventItem,
    EventKind,
    EventListResponse,
    EventPayload,
    HealthResponse,
    IngestResponse,
    Invoice,
    MemoryItemResource,
    MemoryListResponse,
    MemoryScope,
    MemoryStatsResponse,
    MeResponse,
    OrgResource,
    PaymentMethod,
    ProInterestResponse,
    RoleResource,
    SearchResponse,
    SearchResult,
    SourceEvent,
    SourceMetadata,
    StatusResponse,
    TeamResource,
    TimeseriesPoint,
    UpcomingInvoice,
    UsageSummaryResponse,
    UsageTimeseriesResponse,
)
from ._model import Model, ResourceList

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
    "Model",
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
