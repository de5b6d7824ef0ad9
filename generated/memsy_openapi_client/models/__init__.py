"""Contains all the data models used in inputs/outputs (each imported on first access)"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actor_list_response import ActorListResponse
    from .actor_resource import ActorResource
    from .actor_sort import ActorSort
    from .api_key_info import ApiKeyInfo
    from .api_key_list_response import ApiKeyListResponse
    from .billing_summary import BillingSummary
    from .clear_response import ClearResponse
    from .create_key_request import CreateKeyRequest
    from .create_key_response import CreateKeyResponse
    from .create_org_request import CreateOrgRequest
    from .create_role_request import CreateRoleRequest
    from .create_team_request import CreateTeamRequest
    from .dimension_usage import DimensionUsage
    from .error_fields import ErrorFields
    from .error_info import ErrorInfo
    from .error_response import ErrorResponse
    from .event_item import EventItem
    from .event_item_metadata_type_0 import EventItemMetadataType0
    from .event_kind import EventKind
    from .event_list_response import EventListResponse
    from .event_payload import EventPayload
    from .event_sort import EventSort
    from .granularity import Granularity
    from .health_response import HealthResponse
    from .health_response_components_type_0 import HealthResponseComponentsType0
    from .ingest_request import IngestRequest
    from .ingest_response import IngestResponse
    from .invoice import Invoice
    from .key_scope import KeyScope
    from .key_usage_response import KeyUsageResponse
    from .key_usage_response_usage_item import KeyUsageResponseUsageItem
    from .me_response import MeResponse
    from .memory_item_resource import MemoryItemResource
    from .memory_item_resource_entity_refs_item import MemoryItemResourceEntityRefsItem
    from .memory_item_resource_payload_type_0 import MemoryItemResourcePayloadType0
    from .memory_list_response import MemoryListResponse
    from .memory_scope import MemoryScope
    from .memory_sort import MemorySort
    from .memory_stats_response import MemoryStatsResponse
    from .memory_stats_response_by_kind import MemoryStatsResponseByKind
    from .memory_stats_response_by_status import MemoryStatsResponseByStatus
    from .memory_stats_response_by_type import MemoryStatsResponseByType
    from .memory_stats_response_confidence_buckets_type_0_item import MemoryStatsResponseConfidenceBucketsType0Item
    from .memory_stats_response_date_range_type_0 import MemoryStatsResponseDateRangeType0
    from .memory_stats_response_top_entities_item import MemoryStatsResponseTopEntitiesItem
    from .memory_status_filter import MemoryStatusFilter
    from .org_resource import OrgResource
    from .org_resource_prompt_meta_type_0 import OrgResourcePromptMetaType0
    from .payment_method import PaymentMethod
    from .pro_interest_request import ProInterestRequest
    from .pro_interest_response import ProInterestResponse
    from .pro_interest_status import ProInterestStatus
    from .rate_limit_info import RateLimitInfo
    from .role_resource import RoleResource
    from .role_resource_prompt_meta_type_0 import RoleResourcePromptMetaType0
    from .search_request import SearchRequest
    from .search_response import SearchResponse
    from .search_result import SearchResult
    from .search_result_metadata import SearchResultMetadata
    from .search_result_metadata_entities_item import SearchResultMetadataEntitiesItem
    from .source_event import SourceEvent
    from .source_metadata import SourceMetadata
    from .source_metadata_metadata import SourceMetadataMetadata
    from .status_request import StatusRequest
    from .status_response import StatusResponse
    from .status_response_statuses_type_0 import StatusResponseStatusesType0
    from .team_resource import TeamResource
    from .team_resource_prompt_meta_type_0 import TeamResourcePromptMetaType0
    from .timeseries_point import TimeseriesPoint
    from .upcoming_invoice import UpcomingInvoice
    from .update_customization_request import UpdateCustomizationRequest
    from .usage_info import UsageInfo
    from .usage_summary_response import UsageSummaryResponse
    from .usage_timeseries_response import UsageTimeseriesResponse
    from .validation_error_response import ValidationErrorResponse
    from .validation_issue import ValidationIssue

_MODULES = {
    "ActorListResponse": ".actor_list_response",
    "ActorResource": ".actor_resource",
    "ActorSort": ".actor_sort",
    "ApiKeyInfo": ".api_key_info",
    "ApiKeyListResponse": ".api_key_list_response",
    "BillingSummary": ".billing_summary",
    "ClearResponse": ".clear_response",
    "CreateKeyRequest": ".create_key_request",
    "CreateKeyResponse": ".create_key_response",
    "CreateOrgRequest": ".create_org_request",
    "CreateRoleRequest": ".create_role_request",
    "CreateTeamRequest": ".create_team_request",
    "DimensionUsage": ".dimension_usage",
    "ErrorFields": ".error_fields",
    "ErrorInfo": ".error_info",
    "ErrorResponse": ".error_response",
    "EventItem": ".event_item",
    "EventItemMetadataType0": ".event_item_metadata_type_0",
    "EventKind": ".event_kind",
    "EventListResponse": ".event_list_response",
    "EventPayload": ".event_payload",
    "EventSort": ".event_sort",
    "Granularity": ".granularity",
    "HealthResponse": ".health_response",
    "HealthResponseComponentsType0": ".health_response_components_type_0",
    "IngestRequest": ".ingest_request",
    "IngestResponse": ".ingest_response",
    "Invoice": ".invoice",
    "KeyScope": ".key_scope",
    "KeyUsageResponse": ".key_usage_response",
    "KeyUsageResponseUsageItem": ".key_usage_response_usage_item",
    "MeResponse": ".me_response",
    "MemoryItemResource": ".memory_item_resource",
    "MemoryItemResourceEntityRefsItem": ".memory_item_resource_entity_refs_item",
    "MemoryItemResourcePayloadType0": ".memory_item_resource_payload_type_0",
    "MemoryListResponse": ".memory_list_response",
    "MemoryScope": ".memory_scope",
    "MemorySort": ".memory_sort",
    "MemoryStatsResponse": ".memory_stats_response",
    "MemoryStatsResponseByKind": ".memory_stats_response_by_kind",
    "MemoryStatsResponseByStatus": ".memory_stats_response_by_status",
    "MemoryStatsResponseByType": ".memory_stats_response_by_type",
    "MemoryStatsResponseConfidenceBucketsType0Item": ".memory_stats_response_confidence_buckets_type_0_item",
    "MemoryStatsResponseDateRangeType0": ".memory_stats_response_date_range_type_0",
    "MemoryStatsResponseTopEntitiesItem": ".memory_stats_response_top_entities_item",
    "MemoryStatusFilter": ".memory_status_filter",
    "OrgResource": ".org_resource",
    "OrgResourcePromptMetaType0": ".org_resource_prompt_meta_type_0",
    "PaymentMethod": ".payment_method",
    "ProInterestRequest": ".pro_interest_request",
    "ProInterestResponse": ".pro_interest_response",
    "ProInterestStatus": ".pro_interest_status",
    "RateLimitInfo": ".rate_limit_info",
    "RoleResource": ".role_resource",
    "RoleResourcePromptMetaType0": ".role_resource_prompt_meta_type_0",
    "SearchRequest": ".search_request",
    "SearchResponse": ".search_response",
    "SearchResult": ".search_result",
    "SearchResultMetadata": ".search_result_metadata",
    "SearchResultMetadataEntitiesItem": ".search_result_metadata_entities_item",
    "SourceEvent": ".source_event",
    "SourceMetadata": ".source_metadata",
    "SourceMetadataMetadata": ".source_metadata_metadata",
    "StatusRequest": ".status_request",
    "StatusResponse": ".status_response",
    "StatusResponseStatusesType0": ".status_response_statuses_type_0",
    "TeamResource": ".team_resource",
    "TeamResourcePromptMetaType0": ".team_resource_prompt_meta_type_0",
    "TimeseriesPoint": ".timeseries_point",
    "UpcomingInvoice": ".upcoming_invoice",
    "UpdateCustomizationRequest": ".update_customization_request",
    "UsageInfo": ".usage_info",
    "UsageSummaryResponse": ".usage_summary_response",
    "UsageTimeseriesResponse": ".usage_timeseries_response",
    "ValidationErrorResponse": ".validation_error_response",
    "ValidationIssue": ".validation_issue",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "ActorListResponse",
    "ActorResource",
    "ActorSort",
    "ApiKeyInfo",
    "ApiKeyListResponse",
    "BillingSummary",
    "ClearResponse",
    "CreateKeyRequest",
    "CreateKeyResponse",
    "CreateOrgRequest",
    "CreateRoleRequest",
    "CreateTeamRequest",
    "DimensionUsage",
    "ErrorFields",
    "ErrorInfo",
    "ErrorResponse",
    "EventItem",
    "EventItemMetadataType0",
    "EventKind",
    "EventListResponse",
    "EventPayload",
    "EventSort",
    "Granularity",
    "HealthResponse",
    "HealthResponseComponentsType0",
    "IngestRequest",
    "IngestResponse",
    "Invoice",
    "KeyScope",
    "KeyUsageResponse",
    "KeyUsageResponseUsageItem",
    "MemoryItemResource",
    "MemoryItemResourceEntityRefsItem",
    "MemoryItemResourcePayloadType0",
    "MemoryListResponse",
    "MemoryScope",
    "MemorySort",
    "MemoryStatsResponse",
    "MemoryStatsResponseByKind",
    "MemoryStatsResponseByStatus",
    "MemoryStatsResponseByType",
    "MemoryStatsResponseConfidenceBucketsType0Item",
    "MemoryStatsResponseDateRangeType0",
    "MemoryStatsResponseTopEntitiesItem",
    "MemoryStatusFilter",
    "MeResponse",
    "OrgResource",
    "OrgResourcePromptMetaType0",
    "PaymentMethod",
    "ProInterestRequest",
    "ProInterestResponse",
    "ProInterestStatus",
    "RateLimitInfo",
    "RoleResource",
    "RoleResourcePromptMetaType0",
    "SearchRequest",
    "SearchResponse",
    "SearchResult",
    "SearchResultMetadata",
    "SearchResultMetadataEntitiesItem",
    "SourceEvent",
    "SourceMetadata",
    "SourceMetadataMetadata",
    "StatusRequest",
    "StatusResponse",
    "StatusResponseStatusesType0",
    "TeamResource",
    "TeamResourcePromptMetaType0",
    "TimeseriesPoint",
    "UpcomingInvoice",
    "UpdateCustomizationRequest",
    "UsageInfo",
    "UsageSummaryResponse",
    "UsageTimeseriesResponse",
    "ValidationErrorResponse",
    "ValidationIssue",
)
