"""Contains all the data models used in inputs/outputs (each imported on first access)"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actor_sort import ActorSort
    from .create_key_request import CreateKeyRequest
    from .create_org_request import CreateOrgRequest
    from .create_role_request import CreateRoleRequest
    from .create_team_request import CreateTeamRequest
    from .event_kind import EventKind
    from .event_payload import EventPayload
    from .event_sort import EventSort
    from .granularity import Granularity
    from .ingest_request import IngestRequest
    from .key_scope import KeyScope
    from .memory_sort import MemorySort
    from .memory_status_filter import MemoryStatusFilter
    from .pro_interest_request import ProInterestRequest
    from .search_request import SearchRequest
    from .status_request import StatusRequest
    from .update_customization_request import UpdateCustomizationRequest

_MODULES = {
    "ActorSort": ".actor_sort",
    "CreateKeyRequest": ".create_key_request",
    "CreateOrgRequest": ".create_org_request",
    "CreateRoleRequest": ".create_role_request",
    "CreateTeamRequest": ".create_team_request",
    "EventKind": ".event_kind",
    "EventPayload": ".event_payload",
    "EventSort": ".event_sort",
    "Granularity": ".granularity",
    "IngestRequest": ".ingest_request",
    "KeyScope": ".key_scope",
    "MemorySort": ".memory_sort",
    "MemoryStatusFilter": ".memory_status_filter",
    "ProInterestRequest": ".pro_interest_request",
    "SearchRequest": ".search_request",
    "StatusRequest": ".status_request",
    "UpdateCustomizationRequest": ".update_customization_request",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "ActorSort",
    "CreateKeyRequest",
    "CreateOrgRequest",
    "CreateRoleRequest",
    "CreateTeamRequest",
    "EventKind",
    "EventPayload",
    "EventSort",
    "Granularity",
    "IngestRequest",
    "KeyScope",
    "MemorySort",
    "MemoryStatusFilter",
    "ProInterestRequest",
    "SearchRequest",
    "StatusRequest",
    "UpdateCustomizationRequest",
)
