"""Public models of the Memsy SDK: what you pass in and what you get back.

The models are generated from the contract (:mod:`memsy._generated.models`): snake_case attributes, the contract's
descriptions as docstrings. Each response model also carries:

* ``usage`` / ``rate_limit`` / ``request_id``: read from the headers of the response it came from (``None`` when
  the server did not send them);
* ``extra``: properties the server sent that this SDK version does not know yet (forward compatibility);
* ``to_dict()`` / ``to_json()``: plain data, keyed by attribute name.
"""

from __future__ import annotations

from ._generated.models import (
    ActorListResponse,
    ActorResource,
    ApiKeyInfo,
    ApiKeyListResponse,
    BillingSummary,
    ClearResponse,
    Connector,
    ConnectorConnection,
    ConnectorResourceItem,
    ConnectorStatus,
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
    PickerConfig,
    ProInterestResponse,
    RateLimitInfo,
    ResourceSelection,
    ResourceType,
    RoleResource,
    SearchResponse,
    SearchResult,
    SourceEvent,
    SourceMetadata,
    StatusResponse,
    TeamResource,
    TimeseriesPoint,
    UpcomingInvoice,
    UsageInfo,
    UsageSummaryResponse,
    UsageTimeseriesResponse,
)
from ._model import Model as Model  # the base of every model (not a name users import)
from ._model import ResourceList

# memsy 0.3.5's names of two models (the same classes).
EventItemResponse = EventItem
MemoryScopeInfo = MemoryScope

__all__ = [
    "ActorListResponse",
    "ActorResource",
    "ApiKeyInfo",
    "ApiKeyListResponse",
    "BillingSummary",
    "ClearResponse",
    "Connector",
    "ConnectorConnection",
    "ConnectorResourceItem",
    "ConnectorStatus",
    "CreateKeyResponse",
    "DimensionUsage",
    "EventItem",
    "EventItemResponse",
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
    "MemoryScopeInfo",
    "MemoryStatsResponse",
    "OrgResource",
    "PaymentMethod",
    "PickerConfig",
    "ProInterestResponse",
    "RateLimitInfo",
    "ResourceList",
    "ResourceSelection",
    "ResourceType",
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
