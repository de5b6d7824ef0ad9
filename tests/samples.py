"""Contract-valid response bodies (the contract guard checks them whenever they are served)."""

from __future__ import annotations

from typing import Any

TS = "2026-05-01T09:30:00Z"


def org(org_id: str = "org_acme", **over: Any) -> dict[str, Any]:
    return {
        "org_id": org_id,
        "name": "Acme",
        "focus": "Travel",
        "promotion_prompt": "Extract travel facts.",
        "created_at": TS,
        "updated_at": TS,
        "prompt_meta": None,
        **over,
    }


def role(role_id: str = "role_1", **over: Any) -> dict[str, Any]:
    return {**org(), "role_id": role_id, **over}


def team(team_id: str = "team_1", **over: Any) -> dict[str, Any]:
    return {**org(), "team_id": team_id, **over}


def memory(memory_id: str = "mem_1", **over: Any) -> dict[str, Any]:
    return {
        "memory_id": memory_id,
        "org_id": "org_acme",
        "scope": {"level": "actor", "actor_id": "user_42", "team_id": None, "role_id": None},
        "type": "preference",
        "kind": "semantic",
        "memory_kind": "preference",
        "status": "active",
        "text": "Prefers window seats.",
        "confidence": 0.9,
        "strength": 1.2,
        "recall_count": 3,
        "decay_half_life_days": 30.0,
        "pinned": False,
        "tags": ["travel"],
        "entity_refs": [{"name": "window seat"}],
        "source_event_ids": ["ev_1"],
        "source_urls": [],
        "summary": None,
        "payload": None,
        "last_recalled_at": None,
        "effective_from": None,
        "effective_to": None,
        "observed_at": TS,
        "created_at": TS,
        "updated_at": TS,
        **over,
    }


def memory_page(items: list[dict[str, Any]], total: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


STATS = {
    "total": 3,
    "total_memories": 3,
    "active_memories": 2,
    "by_type": {"preference": 2, "fact": 1},
    "by_kind": {"semantic": 3},
    "by_status": {"active": 2, "archived": 1},
    "avg_confidence": 0.8,
    "avg_strength": 1.1,
    "top_entities": [{"name": "tea", "count": 2}],
    "confidence_buckets": None,
    "date_range": {"earliest": TS, "latest": None},
}


def actor(actor_id: str = "user_42", **over: Any) -> dict[str, Any]:
    return {
        "actor_id": actor_id,
        "first_memory_at": TS,
        "last_memory_at": TS,
        "memory_count": 4,
        "active_memory_count": 3,
        "scope_levels": ["actor"],
        "role_ids": [],
        "team_ids": [],
        **over,
    }


def search_result(memory_id: str = "mem_1", **metadata: Any) -> dict[str, Any]:
    return {
        "id": memory_id,
        "content": "Prefers window seats.",
        "score": 0.82,
        "metadata": {"type": "preference", "kind": "semantic", "strength": 1.4, "confidence": 0.93, **metadata},
    }


SOURCE_EVENT = {"event_id": "ev_1", "kind": "user_message", "content": "I like window seats", "ts": TS}
HEALTH = {"status": "ok", "version": "2.1.0", "components": {"db": "ok"}}
CONTROL_HEALTH = {"status": "ok", "version": "2.1.0", "billing_enabled": False}
ME = {
    "customer_id": "cus_1",
    "email": "ada@acme.example",
    "tier": "pro",
    "is_superadmin": False,
    "org_id": "org_acme",
    "is_billing_admin": True,
    "user_id": None,
    "org_role": "org:admin",
}
USAGE_SUMMARY = {
    "org_id": "org_acme",
    "tier": "pro",
    "period_start": "2026-05-01",
    "period_end": "2026-05-31",
    "dimensions": [{"dimension": "api_calls", "used": 10, "limit": 100, "overage_rate": None}],
}
TIMESERIES = {
    "org_id": "org_acme",
    "granularity": "daily",
    "data": [{"date": "2026-05-01", "dimension": "api_calls", "quantity": 5}],
}
BILLING = {
    "tier": "pro",
    "purchased_seats": 5,
    "assigned_seats": 2,
    "available_seats": 3,
    "stripe_customer_id": "cus_x",
    "payment_method": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030},
    "upcoming_invoice": {"amount_due": 4900, "currency": "usd", "period_end": 1780272000},
    "subscription_status": "active",
    "billing_contact": None,
    "stripe_subscription_id": None,
}
INVOICE = {
    "id": "in_1",
    "amount_due": 4900,
    "amount_paid": 4900,
    "currency": "usd",
    "status": "paid",
    "created": "1777593600",
    "hosted_invoice_url": None,
}
KEY_INFO = {
    "key_id": "key_1",
    "prefix": "msy_abc",
    "name": "ci",
    "scopes": ["read", "write"],
    "is_active": True,
    "created_at": TS,
    "last_used_at": None,
    "expires_at": None,
}
KEY_LIST = {"keys": [KEY_INFO], "max_keys": 10, "active_count": 1}
CREATED_KEY = {
    "key_id": "key_2",
    "raw_key": "msy_0123456789abcdef0123456789abcdef",
    "prefix": "msy_012",
    "name": "ci",
    "scopes": ["read"],
}
KEY_USAGE = {"usage": [{"date": "2026-05-01", "api_calls": 3}]}


def event_item(event_id: str = "ev_1", **over: Any) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "org_id": "org_acme",
        "actor_id": "user_42",
        "kind": "user_message",
        "content": "hello",
        "ts": TS,
        "session_id": "s1",
        "metadata": {"channel": "web"},
        "ingested_at": TS,
        **over,
    }


def event_page(items: list[dict[str, Any]], total: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def status_body(completed: list[str] = (), failed: list[str] = (), pending: list[str] = ()) -> dict[str, Any]:
    ids = [*completed, *failed, *pending]
    statuses = {
        **dict.fromkeys(completed, "completed"),
        **dict.fromkeys(failed, "failed"),
        **dict.fromkeys(pending, "pending"),
    }
    return {
        "completedIds": list(completed),
        "failedIds": list(failed),
        "pendingIds": list(pending),
        "total": len(ids),
        "statuses": statuses,
    }


def connector(connector_id: str = "con_1", provider: str = "slack", status: str = "pending", **over: Any) -> dict:
    return {
        "id": connector_id,
        "provider": provider,
        "status": status,
        "display_name": "Acme workspace",
        "scopes": ["channels:read"],
        "created_at": TS,
        **over,
    }


CONNECTION = {"connector_id": "con_1", "authorize_url": "https://slack.com/oauth/v2/authorize?state=abc"}
CHANNELS = {
    "resources": [
        {"external_id": "C1", "resource_type": "channel", "name": "general", "selected": False},
        {"external_id": "C2", "resource_type": "channel", "name": "random", "selected": True},
    ]
}
PICKER = {"access_token": "ya29.secret-token", "expires_in": 3599, "api_key": "AIza-browser", "app_id": "1234"}
