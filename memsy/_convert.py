"""Reading response bodies (decoded JSON) into the public models of :mod:`memsy.models`, in one pass.

Properties the contract requires are read with ``d[...]``: a body without them is not what the API documents and
becomes a :class:`~memsy.MalformedResponseError` (the KeyError / TypeError is turned into it by the caller).
Optional properties, nulls, values of an unexpected type and unknown properties never raise: optional values fall
back to their default and the whole object stays reachable through the model's ``extra``.
"""

from __future__ import annotations

from typing import Any

from . import models as m


def obj(value: Any) -> dict[str, Any]:
    """A JSON object; anything else is not the documented shape."""
    if not isinstance(value, dict):
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return value


def opt_dict(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def str_list(value: Any) -> list[str]:
    """The strings of a list; [] when absent or not a list."""
    if not isinstance(value, list):
        return []
    try:
        "".join(value)  # all strings (checked in C): keep the decoded list as it is
        return value
    except TypeError:
        return [v for v in value if isinstance(v, str)]


def dict_list(value: Any) -> list[dict[str, Any]]:
    """The objects of a list; [] when absent or not a list."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def number(value: Any, default: float) -> float:
    """A float from a JSON number; ``default`` otherwise."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def opt_number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def integer(value: Any, default: int = 0) -> int:
    """An int from a JSON integer (or an integral float or digit string); ``default`` otherwise."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return default


def opt_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def text(value: Any) -> str:
    """A required string property (present, possibly of an unexpected type: kept as text)."""
    return value if isinstance(value, str) else str(value)


# ------------------------------------------------------------------------------------------------- data plane


def health(body: Any) -> m.HealthResponse:
    d = obj(body)
    components = opt_dict(d.get("components"))
    billing = d.get("billing_enabled")
    return m.HealthResponse(
        status=d["status"] if isinstance(d["status"], str) else "unknown",
        version=opt_str(d.get("version")) or "",
        billing_enabled=billing if isinstance(billing, bool) else None,
        components={k: str(v) for k, v in components.items()} if components is not None else None,
        _wire=d,
    )


def ingest(body: Any) -> m.IngestResponse:
    d = obj(body)
    ids = d["event_ids"]
    if not isinstance(ids, list):
        raise TypeError("event_ids is not a list")
    return m.IngestResponse(event_ids=str_list(ids), _wire=d)


def _str_map(value: dict[str, Any]) -> dict[str, str]:
    try:
        "".join(value.values())  # all strings: keep the decoded object as it is
        return value
    except TypeError:
        return {k: v for k, v in value.items() if isinstance(v, str)}


def status(body: Any) -> m.StatusResponse:
    d = obj(body)
    statuses = opt_dict(d.get("statuses"))
    return m.StatusResponse(
        completed_ids=str_list(d["completedIds"]),
        failed_ids=str_list(d["failedIds"]),
        pending_ids=str_list(d["pendingIds"]),
        total=integer(d["total"]),
        statuses=_str_map(statuses) if statuses is not None else None,
        unknown_ids=str_list(d.get("unknownIds")),
        _wire=d,
    )


def clear(body: Any) -> m.ClearResponse:
    d = obj(body)
    return m.ClearResponse(deleted=integer(d["deleted"]), _wire=d)


def search_result(body: Any) -> m.SearchResult:
    d = obj(body)
    identifier, content, score, metadata = d["id"], d["content"], d["score"], d.get("metadata")
    return m.SearchResult(
        identifier if isinstance(identifier, str) else str(identifier),
        content if isinstance(content, str) else str(content),
        float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else 0.0,
        metadata if isinstance(metadata, dict) else None,
        d,
    )


def search(body: Any) -> m.SearchResponse:
    # The hot path of an agent: kept to one small loop (see bench/).
    d = obj(body)
    results = d["results"]
    if not isinstance(results, list):
        raise TypeError("results is not a list")
    return m.SearchResponse(results=[search_result(r) for r in results], _wire=d)


def _customization(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "org_id": text(d["org_id"]),
        "name": text(d["name"]),
        "focus": text(d["focus"]),
        "promotion_prompt": text(d["promotion_prompt"]),
        "created_at": text(d["created_at"]),
        "updated_at": text(d["updated_at"]),
        "prompt_meta": opt_dict(d.get("prompt_meta")),
        "_wire": d,
    }


def org(body: Any) -> m.OrgResource:
    return m.OrgResource(**_customization(obj(body)))


def role(body: Any) -> m.RoleResource:
    d = obj(body)
    return m.RoleResource(role_id=text(d["role_id"]), **_customization(d))


def team(body: Any) -> m.TeamResource:
    d = obj(body)
    return m.TeamResource(team_id=text(d["team_id"]), **_customization(d))


def memory_scope(value: Any) -> m.MemoryScope:
    d = obj(value)
    return m.MemoryScope(
        level=text(d["level"]),
        actor_id=opt_str(d.get("actor_id")),
        team_id=opt_str(d.get("team_id")),
        role_id=opt_str(d.get("role_id")),
    )


def memory(body: Any) -> m.MemoryItemResource:
    d = obj(body)
    get = d.get
    return m.MemoryItemResource(
        memory_id=text(d["memory_id"]),
        org_id=text(d["org_id"]),
        scope=memory_scope(d["scope"]),
        type=opt_str(get("type")) or "",
        kind=opt_str(get("kind")) or "",
        memory_kind=opt_str(get("memory_kind")) or "",
        status=opt_str(get("status")) or "",
        text=opt_str(get("text")) or "",
        confidence=number(get("confidence"), 0.0),
        strength=number(get("strength"), 1.0),
        recall_count=integer(get("recall_count")),
        decay_half_life_days=number(get("decay_half_life_days"), 0.0),
        pinned=get("pinned") is True,
        tags=str_list(get("tags")),
        entity_refs=dict_list(get("entity_refs")),
        source_event_ids=str_list(get("source_event_ids")),
        source_urls=str_list(get("source_urls")),
        summary=opt_str(get("summary")),
        payload=opt_dict(get("payload")),
        last_recalled_at=opt_str(get("last_recalled_at")),
        effective_from=opt_str(get("effective_from")),
        effective_to=opt_str(get("effective_to")),
        observed_at=opt_str(get("observed_at")),
        created_at=opt_str(get("created_at")),
        updated_at=opt_str(get("updated_at")),
        _wire=d,
    )


def _items(d: dict[str, Any]) -> list[Any]:
    items = d["items"]
    if not isinstance(items, list):
        raise TypeError("items is not a list")
    return items


def memory_list(body: Any) -> m.MemoryListResponse:
    d = obj(body)
    return m.MemoryListResponse(
        items=[memory(i) for i in _items(d)],
        total=integer(d["total"]),
        limit=integer(d["limit"]),
        offset=integer(d["offset"]),
        _wire=d,
    )


def _int_map(value: Any) -> dict[str, int]:
    return {k: integer(v) for k, v in value.items()} if isinstance(value, dict) else {}


def memory_stats(body: Any) -> m.MemoryStatsResponse:
    d = obj(body)
    buckets = d.get("confidence_buckets")
    return m.MemoryStatsResponse(
        total=integer(d["total"]),
        total_memories=integer(d["total_memories"]),
        active_memories=integer(d["active_memories"]),
        avg_confidence=number(d["avg_confidence"], 0.0),
        avg_strength=number(d["avg_strength"], 0.0),
        by_type=_int_map(d.get("by_type")),
        by_kind=_int_map(d.get("by_kind")),
        by_status=_int_map(d.get("by_status")),
        top_entities=dict_list(d.get("top_entities")),
        confidence_buckets=dict_list(buckets) if isinstance(buckets, list) else None,
        date_range=opt_dict(d.get("date_range")),
        _wire=d,
    )


def actor(body: Any) -> m.ActorResource:
    d = obj(body)
    return m.ActorResource(
        actor_id=text(d["actor_id"]),
        first_memory_at=opt_str(d.get("first_memory_at")),
        last_memory_at=opt_str(d.get("last_memory_at")),
        memory_count=integer(d.get("memory_count")),
        active_memory_count=integer(d.get("active_memory_count")),
        scope_levels=str_list(d.get("scope_levels")),
        role_ids=str_list(d.get("role_ids")),
        team_ids=str_list(d.get("team_ids")),
        _wire=d,
    )


def actor_list(body: Any) -> m.ActorListResponse:
    d = obj(body)
    items = d.get("items")
    return m.ActorListResponse(
        items=[actor(i) for i in items] if isinstance(items, list) else [],
        total=integer(d["total"]),
        limit=integer(d["limit"]),
        offset=integer(d["offset"]),
        truncated=d.get("truncated") is True,
        _wire=d,
    )


# ---------------------------------------------------------------------------------------------- control plane


def me(body: Any) -> m.MeResponse:
    d = obj(body)
    return m.MeResponse(
        customer_id=text(d["customer_id"]),
        email=text(d["email"]),
        tier=text(d["tier"]),
        is_superadmin=d["is_superadmin"] is True,
        org_id=text(d["org_id"]),
        is_billing_admin=d["is_billing_admin"] is True,
        user_id=opt_str(d.get("user_id")),
        org_role=opt_str(d.get("org_role")),
        _wire=d,
    )


def usage_summary(body: Any) -> m.UsageSummaryResponse:
    d = obj(body)
    return m.UsageSummaryResponse(
        org_id=text(d["org_id"]),
        tier=text(d["tier"]),
        period_start=text(d["period_start"]),
        period_end=text(d["period_end"]),
        dimensions=[
            m.DimensionUsage(
                dimension=text(x["dimension"]),
                used=integer(x["used"]),
                limit=opt_int(x.get("limit")),
                overage_rate=opt_number(x.get("overage_rate")),
            )
            for x in map(obj, d["dimensions"])
        ],
        _wire=d,
    )


def usage_timeseries(body: Any) -> m.UsageTimeseriesResponse:
    d = obj(body)
    return m.UsageTimeseriesResponse(
        org_id=text(d["org_id"]),
        granularity=text(d["granularity"]),
        data=[
            m.TimeseriesPoint(date=text(p["date"]), dimension=text(p["dimension"]), quantity=integer(p["quantity"]))
            for p in map(obj, d["data"])
        ],
        _wire=d,
    )


def billing_summary(body: Any) -> m.BillingSummary:
    d = obj(body)
    pm = opt_dict(d.get("payment_method"))
    ui = opt_dict(d.get("upcoming_invoice"))
    return m.BillingSummary(
        tier=text(d["tier"]),
        purchased_seats=integer(d["purchased_seats"]),
        assigned_seats=integer(d["assigned_seats"]),
        available_seats=integer(d["available_seats"]),
        stripe_customer_id=opt_str(d.get("stripe_customer_id")),
        payment_method=m.PaymentMethod(
            brand=text(pm.get("brand", "")),
            last4=text(pm.get("last4", "")),
            exp_month=integer(pm.get("exp_month")),
            exp_year=integer(pm.get("exp_year")),
        )
        if pm
        else None,
        upcoming_invoice=m.UpcomingInvoice(
            amount_due=integer(ui.get("amount_due")),
            currency=text(ui.get("currency", "")),
            period_end=integer(ui.get("period_end")),
        )
        if ui
        else None,
        subscription_status=opt_str(d.get("subscription_status")),
        billing_contact=opt_str(d.get("billing_contact")),
        stripe_subscription_id=opt_str(d.get("stripe_subscription_id")),
        _wire=d,
    )


def invoice(body: Any) -> m.Invoice:
    d = obj(body)
    created = integer(d["created"], -1)
    return m.Invoice(
        id=text(d["id"]),
        amount_due=integer(d["amount_due"]),
        amount_paid=integer(d["amount_paid"]),
        currency=text(d["currency"]),
        status=text(d["status"]),
        created=created if created >= 0 else None,
        hosted_invoice_url=opt_str(d.get("hosted_invoice_url")),
        _wire=d,
    )


def key_info(body: Any) -> m.ApiKeyInfo:
    d = obj(body)
    return m.ApiKeyInfo(
        key_id=text(d["key_id"]),
        prefix=text(d["prefix"]),
        name=text(d["name"]),
        scopes=str_list(d["scopes"]),
        is_active=d["is_active"] is True,
        created_at=text(d["created_at"]),
        last_used_at=opt_str(d.get("last_used_at")),
        expires_at=opt_str(d.get("expires_at")),
        _wire=d,
    )


def key_list(body: Any) -> m.ApiKeyListResponse:
    d = obj(body)
    return m.ApiKeyListResponse(
        keys=[key_info(k) for k in d["keys"]],
        max_keys=integer(d["max_keys"]),
        active_count=integer(d["active_count"]),
        _wire=d,
    )


def created_key(body: Any) -> m.CreateKeyResponse:
    d = obj(body)
    active = d.get("is_active")
    return m.CreateKeyResponse(
        key_id=text(d["key_id"]),
        raw_key=text(d["raw_key"]),
        prefix=text(d["prefix"]),
        name=text(d["name"]),
        scopes=str_list(d["scopes"]),
        is_active=active if isinstance(active, bool) else None,
        created_at=opt_str(d.get("created_at")),
        expires_at=opt_str(d.get("expires_at")),
        _wire=d,
    )


def key_usage(body: Any) -> m.ResourceList[dict[str, Any]]:
    """Usage records of a key; an empty (204) answer is no records."""
    return m.ResourceList(dict_list(obj(body)["usage"]) if body is not None else [])


def event_item(body: Any) -> m.EventItem:
    d = obj(body)
    return m.EventItem(
        event_id=text(d["event_id"]),
        org_id=text(d["org_id"]),
        actor_id=text(d["actor_id"]),
        kind=text(d["kind"]),
        content=text(d["content"]),
        ts=text(d["ts"]),
        session_id=opt_str(d.get("session_id")),
        metadata=opt_dict(d.get("metadata")),
        ingested_at=opt_str(d.get("ingested_at")),
        _wire=d,
    )


def event_list(body: Any) -> m.EventListResponse:
    d = obj(body)
    return m.EventListResponse(
        items=[event_item(i) for i in _items(d)],
        total=integer(d["total"]),
        limit=integer(d["limit"]),
        offset=integer(d["offset"]),
        _wire=d,
    )


def pro_interest(body: Any) -> m.ProInterestResponse:
    d = obj(body)
    return m.ProInterestResponse(message=text(d["message"]), _wire=d)


def pro_interest_status(body: Any) -> bool:
    return obj(body).get("expressed") is True
