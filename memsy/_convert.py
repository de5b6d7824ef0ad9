"""Turning the generated client's parsed models into the public models of :mod:`memsy.models`.

The generated models do not check types and mark absent properties with ``UNSET``; everything here reads them
defensively so that an absent optional field, a ``null`` or an unknown property never raises.
"""

from __future__ import annotations

from typing import Any

from memsy_openapi_client import models as wire
from memsy_openapi_client.types import Unset

from . import models as m

_COUNTABLE = (int, float)


def opt(value: Any) -> Any:
    """None for an absent (``UNSET``) value."""
    return None if isinstance(value, Unset) else value


def as_dict(value: Any) -> dict[str, Any] | None:
    """A generated open object (or a plain dict) as a dict; None when absent or null."""
    if value is None or isinstance(value, Unset):
        return None
    if isinstance(value, dict):
        return value
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else None


def str_list(value: Any) -> list[str]:
    """The strings of a list; [] when absent."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def dict_list(value: Any) -> list[dict[str, Any]]:
    """The objects of a list as dicts; [] when absent."""
    if not isinstance(value, list):
        return []
    return [d for d in (as_dict(v) for v in value) if d is not None]


def number(value: Any, default: float) -> float:
    """A float from a JSON number; ``default`` otherwise."""
    return float(value) if isinstance(value, _COUNTABLE) and not isinstance(value, bool) else default


def integer(value: Any, default: int = 0) -> int:
    """An int from a JSON integer (or an integral numeric string); ``default`` otherwise."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return default


def meta(obj: Any) -> dict[str, Any]:
    """Unknown properties of a generated model."""
    extra = getattr(obj, "additional_properties", None)
    return extra if isinstance(extra, dict) else {}


# ------------------------------------------------------------------------------------------------- data plane


def health(g: wire.HealthResponse) -> m.HealthResponse:
    components = as_dict(g.components)
    return m.HealthResponse(
        status=g.status if isinstance(g.status, str) else "unknown",
        version=opt(g.version) or "",
        billing_enabled=opt(g.billing_enabled),
        components={k: str(v) for k, v in components.items()} if components is not None else None,
        extra=meta(g),
    )


def ingest(g: wire.IngestResponse) -> m.IngestResponse:
    return m.IngestResponse(event_ids=str_list(g.event_ids), extra=meta(g))


def status(g: wire.StatusResponse) -> m.StatusResponse:
    statuses = as_dict(g.statuses)
    return m.StatusResponse(
        completed_ids=str_list(g.completed_ids),
        failed_ids=str_list(g.failed_ids),
        pending_ids=str_list(g.pending_ids),
        total=integer(g.total),
        statuses={k: v for k, v in statuses.items() if isinstance(v, str)} if statuses is not None else None,
        unknown_ids=str_list(opt(g.unknown_ids)),
        extra=meta(g),
    )


def clear(g: wire.ClearResponse) -> m.ClearResponse:
    return m.ClearResponse(deleted=integer(g.deleted), extra=meta(g))


def _source_events(metadata: dict[str, Any]) -> list[m.SourceEvent] | None:
    raw = metadata.get("source_events")
    if not isinstance(raw, list):
        return None
    return [
        m.SourceEvent(
            event_id=str(e.get("event_id", "")),
            kind=str(e.get("kind", "")),
            content=str(e.get("content", "")),
            ts=e.get("ts") if isinstance(e.get("ts"), str) else None,
        )
        for e in raw
        if isinstance(e, dict)
    ]


def _source_metadata(metadata: dict[str, Any]) -> list[m.SourceMetadata] | None:
    raw = metadata.get("source_metadata")
    if not isinstance(raw, list):
        return None
    return [
        m.SourceMetadata(
            event_id=str(e.get("event_id", "")),
            metadata=e.get("metadata") if isinstance(e.get("metadata"), dict) else None,
            raw=e.get("raw") if isinstance(e.get("raw"), str) else None,
        )
        for e in raw
        if isinstance(e, dict)
    ]


def search_result(g: wire.SearchResult) -> m.SearchResult:
    metadata = as_dict(g.metadata)
    return m.SearchResult(
        id=str(g.id),
        content=g.content if isinstance(g.content, str) else "",
        score=number(g.score, 0.0),
        metadata=metadata,
        source_events=_source_events(metadata) if metadata else None,
        source_metadata=_source_metadata(metadata) if metadata else None,
        extra=meta(g),
    )


def search(g: wire.SearchResponse) -> m.SearchResponse:
    results = g.results if isinstance(g.results, list) else []
    return m.SearchResponse(results=[search_result(r) for r in results], extra=meta(g))


def _customization_fields(g: Any) -> dict[str, Any]:
    return {
        "org_id": g.org_id,
        "name": g.name,
        "focus": g.focus,
        "promotion_prompt": g.promotion_prompt,
        "created_at": g.created_at,
        "updated_at": g.updated_at,
        "prompt_meta": as_dict(g.prompt_meta),
        "extra": meta(g),
    }


def org(g: wire.OrgResource) -> m.OrgResource:
    return m.OrgResource(**_customization_fields(g))


def role(g: wire.RoleResource) -> m.RoleResource:
    return m.RoleResource(role_id=g.role_id, **_customization_fields(g))


def team(g: wire.TeamResource) -> m.TeamResource:
    return m.TeamResource(team_id=g.team_id, **_customization_fields(g))


def memory_scope(g: Any) -> m.MemoryScope:
    d = as_dict(g) or {}
    return m.MemoryScope(
        level=str(d.get("level", "")),
        actor_id=d.get("actor_id"),
        team_id=d.get("team_id"),
        role_id=d.get("role_id"),
    )


def memory(g: wire.MemoryItemResource) -> m.MemoryItemResource:
    return m.MemoryItemResource(
        memory_id=g.memory_id,
        org_id=g.org_id,
        scope=memory_scope(g.scope),
        type=opt(g.type_) or "",
        kind=opt(g.kind) or "",
        memory_kind=opt(g.memory_kind) or "",
        status=opt(g.status) or "",
        text=opt(g.text) or "",
        confidence=number(opt(g.confidence), 0.0),
        strength=number(opt(g.strength), 1.0),
        recall_count=integer(opt(g.recall_count)),
        decay_half_life_days=number(opt(g.decay_half_life_days), 0.0),
        pinned=opt(g.pinned) is True,
        tags=str_list(opt(g.tags)),
        entity_refs=dict_list(opt(g.entity_refs)),
        source_event_ids=str_list(opt(g.source_event_ids)),
        source_urls=str_list(opt(g.source_urls)),
        summary=opt(g.summary),
        payload=as_dict(g.payload),
        last_recalled_at=opt(g.last_recalled_at),
        effective_from=opt(g.effective_from),
        effective_to=opt(g.effective_to),
        observed_at=opt(g.observed_at),
        created_at=opt(g.created_at),
        updated_at=opt(g.updated_at),
        extra=meta(g),
    )


def memory_list(g: wire.MemoryListResponse) -> m.MemoryListResponse:
    items = g.items if isinstance(g.items, list) else []
    return m.MemoryListResponse(
        items=[memory(i) for i in items],
        total=integer(g.total),
        limit=integer(g.limit),
        offset=integer(g.offset),
        extra=meta(g),
    )


def _int_map(value: Any) -> dict[str, int]:
    d = as_dict(value) or {}
    return {k: integer(v) for k, v in d.items()}


def memory_stats(g: wire.MemoryStatsResponse) -> m.MemoryStatsResponse:
    buckets = opt(g.confidence_buckets)
    return m.MemoryStatsResponse(
        total=integer(g.total),
        total_memories=integer(g.total_memories),
        active_memories=integer(g.active_memories),
        avg_confidence=number(g.avg_confidence, 0.0),
        avg_strength=number(g.avg_strength, 0.0),
        by_type=_int_map(g.by_type),
        by_kind=_int_map(g.by_kind),
        by_status=_int_map(g.by_status),
        top_entities=dict_list(opt(g.top_entities)),
        confidence_buckets=dict_list(buckets) if isinstance(buckets, list) else None,
        date_range=as_dict(g.date_range),
        extra=meta(g),
    )


def actor(g: wire.ActorResource) -> m.ActorResource:
    return m.ActorResource(
        actor_id=g.actor_id,
        first_memory_at=opt(g.first_memory_at),
        last_memory_at=opt(g.last_memory_at),
        memory_count=integer(opt(g.memory_count)),
        active_memory_count=integer(opt(g.active_memory_count)),
        scope_levels=str_list(opt(g.scope_levels)),
        role_ids=str_list(opt(g.role_ids)),
        team_ids=str_list(opt(g.team_ids)),
        extra=meta(g),
    )


def actor_list(g: wire.ActorListResponse) -> m.ActorListResponse:
    items = opt(g.items)
    return m.ActorListResponse(
        items=[actor(i) for i in items] if isinstance(items, list) else [],
        total=integer(g.total),
        limit=integer(g.limit),
        offset=integer(g.offset),
        truncated=opt(g.truncated) is True,
        extra=meta(g),
    )


# ---------------------------------------------------------------------------------------------- control plane


def me(g: wire.MeResponse) -> m.MeResponse:
    return m.MeResponse(
        customer_id=g.customer_id,
        email=g.email,
        tier=g.tier,
        is_superadmin=g.is_superadmin is True,
        org_id=g.org_id,
        is_billing_admin=g.is_billing_admin is True,
        user_id=opt(g.user_id),
        org_role=opt(g.org_role),
        extra=meta(g),
    )


def usage_summary(g: wire.UsageSummaryResponse) -> m.UsageSummaryResponse:
    dims = g.dimensions if isinstance(g.dimensions, list) else []
    return m.UsageSummaryResponse(
        org_id=g.org_id,
        tier=g.tier,
        period_start=g.period_start,
        period_end=g.period_end,
        dimensions=[
            m.DimensionUsage(
                dimension=d.dimension,
                used=integer(d.used),
                limit=opt(d.limit),
                overage_rate=opt(d.overage_rate),
            )
            for d in dims
        ],
        extra=meta(g),
    )


def usage_timeseries(g: wire.UsageTimeseriesResponse) -> m.UsageTimeseriesResponse:
    data = g.data if isinstance(g.data, list) else []
    return m.UsageTimeseriesResponse(
        org_id=g.org_id,
        granularity=str(g.granularity),
        data=[m.TimeseriesPoint(date=p.date, dimension=p.dimension, quantity=integer(p.quantity)) for p in data],
        extra=meta(g),
    )


def billing_summary(g: wire.BillingSummary) -> m.BillingSummary:
    pm = as_dict(g.payment_method)
    ui = as_dict(g.upcoming_invoice)
    return m.BillingSummary(
        tier=g.tier,
        purchased_seats=integer(g.purchased_seats),
        assigned_seats=integer(g.assigned_seats),
        available_seats=integer(g.available_seats),
        stripe_customer_id=opt(g.stripe_customer_id),
        payment_method=m.PaymentMethod(
            brand=str(pm.get("brand", "")),
            last4=str(pm.get("last4", "")),
            exp_month=integer(pm.get("exp_month")),
            exp_year=integer(pm.get("exp_year")),
        )
        if pm
        else None,
        upcoming_invoice=m.UpcomingInvoice(
            amount_due=integer(ui.get("amount_due")),
            currency=str(ui.get("currency", "")),
            period_end=integer(ui.get("period_end")),
        )
        if ui
        else None,
        subscription_status=opt(g.subscription_status),
        billing_contact=opt(g.billing_contact),
        stripe_subscription_id=opt(g.stripe_subscription_id),
        extra=meta(g),
    )


def invoice(g: wire.Invoice) -> m.Invoice:
    created = integer(g.created, -1)
    return m.Invoice(
        id=g.id,
        amount_due=integer(g.amount_due),
        amount_paid=integer(g.amount_paid),
        currency=g.currency,
        status=g.status,
        created=created if created >= 0 else None,
        hosted_invoice_url=opt(g.hosted_invoice_url),
        extra=meta(g),
    )


def key_info(g: wire.ApiKeyInfo) -> m.ApiKeyInfo:
    return m.ApiKeyInfo(
        key_id=g.key_id,
        prefix=g.prefix,
        name=g.name,
        scopes=str_list(g.scopes),
        is_active=g.is_active is True,
        created_at=g.created_at,
        last_used_at=opt(g.last_used_at),
        expires_at=opt(g.expires_at),
        extra=meta(g),
    )


def key_list(g: wire.ApiKeyListResponse) -> m.ApiKeyListResponse:
    keys = g.keys if isinstance(g.keys, list) else []
    return m.ApiKeyListResponse(
        keys=[key_info(k) for k in keys],
        max_keys=integer(g.max_keys),
        active_count=integer(g.active_count),
        extra=meta(g),
    )


def created_key(g: wire.CreateKeyResponse) -> m.CreateKeyResponse:
    return m.CreateKeyResponse(
        key_id=g.key_id,
        raw_key=g.raw_key,
        prefix=g.prefix,
        name=g.name,
        scopes=str_list(g.scopes),
        is_active=opt(g.is_active),
        created_at=opt(g.created_at),
        expires_at=opt(g.expires_at),
        extra=meta(g),
    )


def key_usage(g: wire.KeyUsageResponse) -> list[dict[str, Any]]:
    return dict_list(g.usage)


def event_item(g: wire.EventItem) -> m.EventItem:
    return m.EventItem(
        event_id=g.event_id,
        org_id=g.org_id,
        actor_id=g.actor_id,
        kind=g.kind,
        content=g.content,
        ts=g.ts,
        session_id=opt(g.session_id),
        metadata=as_dict(g.metadata),
        ingested_at=opt(g.ingested_at),
        extra=meta(g),
    )


def event_list(g: wire.EventListResponse) -> m.EventListResponse:
    items = g.items if isinstance(g.items, list) else []
    return m.EventListResponse(
        items=[event_item(i) for i in items],
        total=integer(g.total),
        limit=integer(g.limit),
        offset=integer(g.offset),
        extra=meta(g),
    )


def pro_interest(g: wire.ProInterestResponse) -> m.ProInterestResponse:
    return m.ProInterestResponse(message=str(g.message), extra=meta(g))


def pro_interest_status(g: wire.ProInterestStatus) -> bool:
    return g.expressed is True
