"""One builder per API operation: check the arguments, build the generated request, and say how to read the
answer. Builders do no I/O; the sync and async clients both execute what they return, so every rule here holds
for both."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from memsy_openapi_client.types import UNSET

from . import _convert as conv
from . import _validation as v
from .models import (
    ActorListResponse,
    ActorResource,
    ApiKeyListResponse,
    BillingSummary,
    ClearResponse,
    CreateKeyResponse,
    EventListResponse,
    HealthResponse,
    IngestResponse,
    Invoice,
    MemoryItemResource,
    MemoryListResponse,
    MemoryStatsResponse,
    MeResponse,
    OrgResource,
    ProInterestResponse,
    ResourceList,
    RoleResource,
    SearchResponse,
    StatusResponse,
    TeamResource,
    UsageSummaryResponse,
    UsageTimeseriesResponse,
)


class _LazyModule:
    """A generated module imported on first attribute access: `import memsy` does not load all 118 generated
    modules, only the operations a program uses (see bench/: import time)."""

    def __init__(self, name: str) -> None:
        self.__name__ = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self.__name__)
        value = getattr(self._module, attribute)
        setattr(self, attribute, value)  # later lookups skip __getattr__
        return value


class _LazyModels:
    """``memsy_openapi_client.models``, one model module at a time."""

    def __getattr__(self, name: str) -> Any:
        module = importlib.import_module("memsy_openapi_client.models." + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower())
        value = getattr(module, name)
        setattr(self, name, value)
        return value


if TYPE_CHECKING:
    from memsy_openapi_client import models as wire
    from memsy_openapi_client.api.account import get_me
    from memsy_openapi_client.api.actors import get_actor, list_actors
    from memsy_openapi_client.api.billing import get_billing_summary, list_invoices
    from memsy_openapi_client.api.console_events import list_console_events
    from memsy_openapi_client.api.events import clear_container, get_event_status, ingest_events
    from memsy_openapi_client.api.health import get_control_health, get_health
    from memsy_openapi_client.api.interest import express_pro_interest, get_pro_interest_status
    from memsy_openapi_client.api.keys import create_key, delete_key, get_key_usage, list_keys
    from memsy_openapi_client.api.memories import get_memory, get_memory_stats, list_memories
    from memsy_openapi_client.api.orgs import (
        create_org,
        delete_org,
        get_org,
        list_orgs,
        regenerate_org_prompt,
        update_org,
    )
    from memsy_openapi_client.api.roles import (
        create_role,
        delete_role,
        get_role,
        list_roles,
        regenerate_role_prompt,
        update_role,
    )
    from memsy_openapi_client.api.search import search_memories
    from memsy_openapi_client.api.teams import (
        create_team,
        delete_team,
        get_team,
        list_teams,
        regenerate_team_prompt,
        update_team,
    )
    from memsy_openapi_client.api.usage import get_usage_summary, get_usage_timeseries
else:
    wire = _LazyModels()
    get_me = _LazyModule("memsy_openapi_client.api.account.get_me")
    get_actor = _LazyModule("memsy_openapi_client.api.actors.get_actor")
    list_actors = _LazyModule("memsy_openapi_client.api.actors.list_actors")
    get_billing_summary = _LazyModule("memsy_openapi_client.api.billing.get_billing_summary")
    list_invoices = _LazyModule("memsy_openapi_client.api.billing.list_invoices")
    list_console_events = _LazyModule("memsy_openapi_client.api.console_events.list_console_events")
    clear_container = _LazyModule("memsy_openapi_client.api.events.clear_container")
    get_event_status = _LazyModule("memsy_openapi_client.api.events.get_event_status")
    ingest_events = _LazyModule("memsy_openapi_client.api.events.ingest_events")
    get_control_health = _LazyModule("memsy_openapi_client.api.health.get_control_health")
    get_health = _LazyModule("memsy_openapi_client.api.health.get_health")
    express_pro_interest = _LazyModule("memsy_openapi_client.api.interest.express_pro_interest")
    get_pro_interest_status = _LazyModule("memsy_openapi_client.api.interest.get_pro_interest_status")
    create_key = _LazyModule("memsy_openapi_client.api.keys.create_key")
    delete_key = _LazyModule("memsy_openapi_client.api.keys.delete_key")
    get_key_usage = _LazyModule("memsy_openapi_client.api.keys.get_key_usage")
    list_keys = _LazyModule("memsy_openapi_client.api.keys.list_keys")
    get_memory = _LazyModule("memsy_openapi_client.api.memories.get_memory")
    get_memory_stats = _LazyModule("memsy_openapi_client.api.memories.get_memory_stats")
    list_memories = _LazyModule("memsy_openapi_client.api.memories.list_memories")
    create_org = _LazyModule("memsy_openapi_client.api.orgs.create_org")
    delete_org = _LazyModule("memsy_openapi_client.api.orgs.delete_org")
    get_org = _LazyModule("memsy_openapi_client.api.orgs.get_org")
    list_orgs = _LazyModule("memsy_openapi_client.api.orgs.list_orgs")
    regenerate_org_prompt = _LazyModule("memsy_openapi_client.api.orgs.regenerate_org_prompt")
    update_org = _LazyModule("memsy_openapi_client.api.orgs.update_org")
    create_role = _LazyModule("memsy_openapi_client.api.roles.create_role")
    delete_role = _LazyModule("memsy_openapi_client.api.roles.delete_role")
    get_role = _LazyModule("memsy_openapi_client.api.roles.get_role")
    list_roles = _LazyModule("memsy_openapi_client.api.roles.list_roles")
    regenerate_role_prompt = _LazyModule("memsy_openapi_client.api.roles.regenerate_role_prompt")
    update_role = _LazyModule("memsy_openapi_client.api.roles.update_role")
    search_memories = _LazyModule("memsy_openapi_client.api.search.search_memories")
    create_team = _LazyModule("memsy_openapi_client.api.teams.create_team")
    delete_team = _LazyModule("memsy_openapi_client.api.teams.delete_team")
    get_team = _LazyModule("memsy_openapi_client.api.teams.get_team")
    list_teams = _LazyModule("memsy_openapi_client.api.teams.list_teams")
    regenerate_team_prompt = _LazyModule("memsy_openapi_client.api.teams.regenerate_team_prompt")
    update_team = _LazyModule("memsy_openapi_client.api.teams.update_team")
    get_usage_summary = _LazyModule("memsy_openapi_client.api.usage.get_usage_summary")
    get_usage_timeseries = _LazyModule("memsy_openapi_client.api.usage.get_usage_timeseries")

T = TypeVar("T")
R = TypeVar("R")

MEMORY_SORTS = ("observed_at_desc", "observed_at_asc", "strength_desc", "confidence_desc", "created_at_desc")
MEMORY_STATUSES = ("active", "archived", "decayed")
ACTOR_SORTS = ("first_memory_desc", "first_memory_asc", "last_memory_desc", "actor_id_asc")
EVENT_SORTS = ("ts_desc", "ts_asc")
GRANULARITIES = ("daily", "hourly")
KEY_SCOPES = ("read", "write")


@dataclass(slots=True)
class Call(Generic[T]):
    """One request to make: the generated operation module, its arguments, and the conversion of its answer."""

    endpoint: ModuleType
    kwargs: dict[str, Any]
    convert: Callable[[Any], T]
    retry_safe: bool = False
    """Whether repeating the request cannot do harm (reads, updates, and ingest thanks to server dedup)."""

    @property
    def name(self) -> str:
        return self.endpoint.__name__.rsplit(".", 1)[-1]


def _unset_if_none(value: Any) -> Any:
    return UNSET if value is None else value


def _nothing(_: Any) -> None:
    return None


def _listed(convert: Callable[[Any], R]) -> Callable[[Any], ResourceList[R]]:
    def parse(parsed: Any) -> ResourceList[R]:
        if not isinstance(parsed, list):
            raise TypeError(f"expected a JSON array, got {type(parsed).__name__}")
        return ResourceList([convert(item) for item in parsed])

    return parse


# ------------------------------------------------------------------------------------------------- data plane


def health() -> Call[HealthResponse]:
    return Call(get_health, {}, conv.health, retry_safe=True)


def _wire_event(event: v.CheckedEvent) -> wire.EventPayload:
    """A checked event as the generated request model (absent optionals stay UNSET: left out of the body)."""
    return wire.EventPayload(
        actor_id=event.actor_id,
        session_id=event.session_id,
        kind=event.kind,  # type: ignore[arg-type]  # a checked EventKind value
        content=event.content,
        role_id=UNSET if event.role_id is None else event.role_id,
        team_id=UNSET if event.team_id is None else event.team_id,
        ts=UNSET if event.ts is None else event.ts,
        metadata=UNSET if event.metadata is None else event.metadata,
    )


def ingest_checked(events: Sequence[v.CheckedEvent]) -> Call[IngestResponse]:
    """Ingest events that :func:`memsy._validation.events` already checked."""
    body = wire.IngestRequest(events=[_wire_event(e) for e in events])
    return Call(ingest_events, {"body": body}, conv.ingest, retry_safe=True)


def ingest(events: Any) -> Call[IngestResponse]:
    return ingest_checked(v.events(events))


def search(
    query: Any,
    *,
    actor_id: Any,
    limit: Any,
    threshold: Any,
    include_source_events: Any,
    role_ids: Any,
    team_ids: Any,
    session_id: Any,
    exclude_session_id: Any,
) -> Call[SearchResponse]:
    session = v.searchable_id(session_id, "session_id")
    excluded = v.searchable_id(exclude_session_id, "exclude_session_id")
    if session and excluded:
        raise v.fail("pass session_id or exclude_session_id, not both (scope to one session, or exclude one)")
    roles = v.id_list(role_ids, "role_ids", allow_empty=True) if role_ids is not None else []
    teams = v.id_list(team_ids, "team_ids", allow_empty=True) if team_ids is not None else []
    body = wire.SearchRequest(
        query=v.text(query, "query", max_length=None),
        limit=v.bounded_int(limit, "limit", v.SEARCH_LIMIT),
        threshold=v.threshold(threshold),
        include_source_events=v.flag(include_source_events, "include_source_events"),
        actor_id=_unset_if_none(v.optional_text(actor_id, "actor_id")),
        role_ids=roles or UNSET,
        team_ids=teams or UNSET,
        session_id=_unset_if_none(session),
        exclude_session_id=_unset_if_none(excluded),
    )
    return Call(search_memories, {"body": body}, conv.search, retry_safe=True)


def status(event_ids: Any) -> Call[StatusResponse]:
    ids = v.id_list(event_ids, "event_ids", max_items=v.MAX_STATUS_IDS)
    return Call(get_event_status, {"body": wire.StatusRequest(event_ids=ids)}, conv.status, retry_safe=True)


def clear(container_tag: Any) -> Call[ClearResponse]:
    return Call(clear_container, {"container_tag": v.path_id(container_tag, "container_tag")}, conv.clear)


# ------------------------------------------------------------------------------------------------- onboarding


def _update_body(name: Any, focus: Any, promotion_prompt: Any) -> wire.UpdateCustomizationRequest:
    return wire.UpdateCustomizationRequest(
        name=_unset_if_none(v.optional_text(name, "name", max_length=None)),
        focus=_unset_if_none(v.optional_text(focus, "focus", max_length=None)),
        promotion_prompt=_unset_if_none(v.optional_text(promotion_prompt, "promotion_prompt", max_length=None)),
    )


def org_list() -> Call[ResourceList[OrgResource]]:
    return Call(list_orgs, {}, _listed(conv.org), retry_safe=True)


def org_create(org_id: Any, name: Any, focus: Any) -> Call[OrgResource]:
    body = wire.CreateOrgRequest(
        org_id=v.text(org_id, "org_id"),
        name=v.text(name, "name", max_length=None),
        focus=v.text(focus, "focus", max_length=None),
    )
    return Call(create_org, {"body": body}, conv.org)


def org_get(org_id: Any) -> Call[OrgResource]:
    return Call(get_org, {"org_id": v.path_id(org_id, "org_id")}, conv.org, retry_safe=True)


def org_update(org_id: Any, name: Any, focus: Any, promotion_prompt: Any) -> Call[OrgResource]:
    kwargs = {"org_id": v.path_id(org_id, "org_id"), "body": _update_body(name, focus, promotion_prompt)}
    return Call(update_org, kwargs, conv.org, retry_safe=True)


def org_regenerate_prompt(org_id: Any) -> Call[OrgResource]:
    return Call(regenerate_org_prompt, {"org_id": v.path_id(org_id, "org_id")}, conv.org)


def org_delete(org_id: Any) -> Call[None]:
    return Call(delete_org, {"org_id": v.path_id(org_id, "org_id")}, _nothing)


@dataclass(frozen=True, slots=True)
class _ScopedRecords(Generic[R]):
    """Roles and teams: the same operations on records that live inside an org and get a server-assigned id."""

    id_name: str
    list_op: ModuleType
    create_op: ModuleType
    get_op: ModuleType
    update_op: ModuleType
    regenerate_op: ModuleType
    delete_op: ModuleType
    create_body: Callable[..., Any]
    convert: Callable[[Any], R]

    def _ids(self, record_id: Any, org_id: Any) -> dict[str, Any]:
        return {self.id_name: v.path_id(record_id, self.id_name), "org_id": v.text(org_id, "org_id")}

    def list(self, org_id: Any, limit: Any, offset: Any) -> Call[ResourceList[R]]:
        kwargs = {
            "org_id": v.text(org_id, "org_id"),
            "limit": v.bounded_int(limit, "limit", v.ONBOARDING_LIMIT),
            "offset": v.offset(offset),
        }
        return Call(self.list_op, kwargs, _listed(self.convert), retry_safe=True)

    def create(self, org_id: Any, name: Any, focus: Any) -> Call[R]:
        body = self.create_body(
            org_id=v.text(org_id, "org_id"),
            name=v.text(name, "name", max_length=None),
            focus=v.text(focus, "focus", max_length=None),
        )
        return Call(self.create_op, {"body": body}, self.convert)

    def get(self, record_id: Any, org_id: Any) -> Call[R]:
        return Call(self.get_op, self._ids(record_id, org_id), self.convert, retry_safe=True)

    def update(self, record_id: Any, org_id: Any, name: Any, focus: Any, promotion_prompt: Any) -> Call[R]:
        kwargs = {**self._ids(record_id, org_id), "body": _update_body(name, focus, promotion_prompt)}
        return Call(self.update_op, kwargs, self.convert, retry_safe=True)

    def regenerate_prompt(self, record_id: Any, org_id: Any) -> Call[R]:
        return Call(self.regenerate_op, self._ids(record_id, org_id), self.convert)

    def delete(self, record_id: Any, org_id: Any) -> Call[None]:
        return Call(self.delete_op, self._ids(record_id, org_id), _nothing)


ROLES: _ScopedRecords[RoleResource] = _ScopedRecords(
    "role_id",
    list_roles,
    create_role,
    get_role,
    update_role,
    regenerate_role_prompt,
    delete_role,
    wire.CreateRoleRequest,
    conv.role,
)
TEAMS: _ScopedRecords[TeamResource] = _ScopedRecords(
    "team_id",
    list_teams,
    create_team,
    get_team,
    update_team,
    regenerate_team_prompt,
    delete_team,
    wire.CreateTeamRequest,
    conv.team,
)


# --------------------------------------------------------------------------------------------------- memories


def memory_list(
    *, actor_id: Any, kind: Any, type: Any, status: Any, sort: Any, search: Any, limit: Any, offset: Any
) -> Call[MemoryListResponse]:
    kwargs = {
        "actor_id": _unset_if_none(v.optional_text(actor_id, "actor_id")),
        "kind": _unset_if_none(v.optional_text(kind, "kind", max_length=None)),
        "type_": _unset_if_none(v.optional_text(type, "type", max_length=None)),
        "status": UNSET if status is None else v.choice(status, "status", MEMORY_STATUSES),
        "sort": v.choice(sort, "sort", MEMORY_SORTS),
        "search": _unset_if_none(v.optional_text(search, "search", max_length=None)),
        "limit": v.bounded_int(limit, "limit", v.MEMORY_LIMIT),
        "offset": v.offset(offset),
    }
    return Call(list_memories, kwargs, conv.memory_list, retry_safe=True)


def memory_get(memory_id: Any) -> Call[MemoryItemResource]:
    return Call(get_memory, {"memory_id": v.path_id(memory_id, "memory_id")}, conv.memory, retry_safe=True)


def memory_stats() -> Call[MemoryStatsResponse]:
    return Call(get_memory_stats, {}, conv.memory_stats, retry_safe=True)


# ----------------------------------------------------------------------------------------------------- actors


def actor_list(*, org_id: Any, limit: Any, offset: Any, sort: Any, q: Any) -> Call[ActorListResponse]:
    kwargs = {
        "org_id": _unset_if_none(v.optional_text(org_id, "org_id")),
        "limit": v.bounded_int(limit, "limit", v.ACTOR_LIMIT),
        "offset": v.offset(offset),
        "sort": v.choice(sort, "sort", ACTOR_SORTS),
        "q": _unset_if_none(v.optional_text(q, "q", max_length=None)),
    }
    return Call(list_actors, kwargs, conv.actor_list, retry_safe=True)


def actor_get(actor_id: Any, org_id: Any) -> Call[ActorResource]:
    kwargs = {
        "actor_id": v.path_id(actor_id, "actor_id"),
        "org_id": _unset_if_none(v.optional_text(org_id, "org_id")),
    }
    return Call(get_actor, kwargs, conv.actor, retry_safe=True)


# ---------------------------------------------------------------------------------------------- control plane


def control_health() -> Call[HealthResponse]:
    return Call(get_control_health, {}, conv.health, retry_safe=True)


def me() -> Call[MeResponse]:
    return Call(get_me, {}, conv.me, retry_safe=True)


def usage_summary() -> Call[UsageSummaryResponse]:
    return Call(get_usage_summary, {}, conv.usage_summary, retry_safe=True)


def _date(value: Any, name: str) -> Any:
    if value is None:
        return UNSET
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise v.fail(f"{name} {value!r} is not an ISO-8601 date (YYYY-MM-DD)") from None
    raise v.fail(f"{name} must be a date or a 'YYYY-MM-DD' string, got {type(value).__name__}")


def usage_timeseries(
    *, dimension: Any, granularity: Any, period_start: Any, period_end: Any
) -> Call[UsageTimeseriesResponse]:
    start, end = _date(period_start, "period_start"), _date(period_end, "period_end")
    if start is not UNSET and end is not UNSET and start > end:
        raise v.fail(f"period_start ({start}) is after period_end ({end})")
    kwargs = {
        "dimension": _unset_if_none(v.optional_text(dimension, "dimension", max_length=None)),
        "granularity": v.choice(granularity, "granularity", GRANULARITIES),
        "period_start": start,
        "period_end": end,
    }
    return Call(get_usage_timeseries, kwargs, conv.usage_timeseries, retry_safe=True)


def billing_summary() -> Call[BillingSummary]:
    return Call(get_billing_summary, {}, conv.billing_summary, retry_safe=True)


def invoices() -> Call[ResourceList[Invoice]]:
    return Call(list_invoices, {}, _listed(conv.invoice), retry_safe=True)


def key_list() -> Call[ApiKeyListResponse]:
    return Call(list_keys, {}, conv.key_list, retry_safe=True)


def key_create(name: Any, scopes: Any, expires_at: Any) -> Call[CreateKeyResponse]:
    if isinstance(scopes, str) or not isinstance(scopes, (list, tuple, set, frozenset)) or not scopes:
        raise v.fail(f"scopes must be a non-empty list drawn from {', '.join(KEY_SCOPES)}, got {scopes!r}")
    chosen = [v.choice(s, "scopes[]", KEY_SCOPES) for s in scopes]
    body = wire.CreateKeyRequest(
        name=v.text(name, "name", max_length=200),
        scopes=list(dict.fromkeys(chosen)),  # type: ignore[arg-type]
        expires_at=_unset_if_none(v.timestamp(expires_at, "expires_at")),
    )
    return Call(create_key, {"body": body}, conv.created_key)


def key_delete(key_id: Any) -> Call[None]:
    return Call(delete_key, {"key_id": v.path_id(key_id, "key_id")}, _nothing)


def key_usage(key_id: Any) -> Call[ResourceList[dict[str, Any]]]:
    return Call(get_key_usage, {"key_id": v.path_id(key_id, "key_id")}, conv.key_usage, retry_safe=True)


def event_list(
    *, actor_id: Any, session_id: Any, kind: Any, sort: Any, limit: Any, offset: Any
) -> Call[EventListResponse]:
    kwargs = {
        "actor_id": _unset_if_none(v.optional_text(actor_id, "actor_id")),
        "session_id": _unset_if_none(v.optional_text(session_id, "session_id")),
        "kind": UNSET if kind is None else v.choice(kind, "kind", v.EVENT_KINDS),
        "sort": v.choice(sort, "sort", EVENT_SORTS),
        "limit": v.bounded_int(limit, "limit", v.EVENT_LIMIT),
        "offset": v.offset(offset),
    }
    return Call(list_console_events, kwargs, conv.event_list, retry_safe=True)


def interest_express(email: Any, name: Any, company: Any, use_case: Any, notes: Any) -> Call[ProInterestResponse]:
    address = v.text(email, "email", max_length=320)
    if "@" not in address.strip("@"):
        raise v.fail(f"email {address!r} is not an email address")
    body = wire.ProInterestRequest(
        email=address,
        name=v.text(name, "name", max_length=200),
        company=_unset_if_none(v.optional_text(company, "company", max_length=200)),
        use_case=_unset_if_none(v.optional_text(use_case, "use_case", max_length=2000)),
        notes=_unset_if_none(v.optional_text(notes, "notes", max_length=2000)),
    )
    return Call(express_pro_interest, {"body": body}, conv.pro_interest)


def interest_status() -> Call[bool]:
    return Call(get_pro_interest_status, {}, conv.pro_interest_status, retry_safe=True)
