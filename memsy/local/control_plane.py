"""Handlers of the control plane (``/api``): health, the caller's identity, usage, billing, API keys, console
events and plan interest."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from .._version import __version__
from . import queries
from .auth import check_grant, member_id
from .errors import NOT_FOUND, ApiError, coded, invalid
from .handlers import Ctx, Result, handles
from .metering import USAGE_HEADERS

if TYPE_CHECKING:
    from .app import LocalMemsyApp


@handles("getControlHealth", on_loop=True)
def control_health(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 200, {
        "status": "ok",
        "version": f"memsy.local {__version__}",
        "billing_enabled": app.config.billing_enabled,
        "components": {"db": "ok"},
    }


@handles("getMe")
def me(app: LocalMemsyApp, ctx: Ctx) -> Result:
    assert ctx.key is not None
    return 200, {
        "customer_id": "cus_local",
        "email": app.config.email,
        "tier": app.config.plan.name,
        "is_superadmin": False,
        "org_id": ctx.org_id,
        "is_billing_admin": ctx.key.is_admin,
        "user_id": member_id(ctx.key),
        "org_role": "org:admin" if ctx.key.is_admin else "org:member",
    }


def _period(app: LocalMemsyApp) -> tuple[datetime, datetime]:
    now = datetime.fromtimestamp(app.store.clock(), timezone.utc)
    last_day = calendar.monthrange(now.year, now.month)[1]
    return now.replace(day=1), now.replace(day=last_day)


@handles("getUsageSummary")
def usage_summary(app: LocalMemsyApp, ctx: Ctx) -> Result:
    start, end = _period(app)
    usage = app.metering.usage(ctx.org_id)
    dimensions = [
        {
            "dimension": dimension,
            "used": app.metering.memories(ctx.org_id) if dimension == "memories_stored" else usage.get(dimension, 0),
            "limit": app.config.plan.quotas.get(dimension),
            "overage_rate": None,
        }
        for dimension in USAGE_HEADERS
    ]
    return 200, {
        "org_id": ctx.org_id,
        "tier": app.config.plan.name,
        "period_start": start.date().isoformat(),
        "period_end": end.date().isoformat(),
        "dimensions": dimensions,
    }


@handles("getUsageTimeseries")
def usage_timeseries(app: LocalMemsyApp, ctx: Ctx) -> Result:
    q = ctx.query
    app.metering.flush()
    data = app.store.usage_series(
        ctx.org_id, q.get("dimension"), q["granularity"] == "hourly", q.get("period_start"), q.get("period_end")
    )
    return 200, {"org_id": ctx.org_id, "granularity": q["granularity"], "data": data}


def _billing(app: LocalMemsyApp) -> None:
    if not app.config.billing_enabled:
        raise coded(
            403,
            "billing_not_enabled",
            "Billing is not enabled for this organization.",
            interest_path="/api/interest/pro",
        )


@handles("getBillingSummary")
def billing_summary(app: LocalMemsyApp, ctx: Ctx) -> Result:
    _billing(app)
    seats = app.store.count(
        "SELECT COUNT(*) FROM api_keys WHERE org_id = ? AND has_seat = 1 AND is_active = 1", (ctx.org_id,)
    )
    _, end = _period(app)
    return 200, {
        "tier": app.config.plan.name,
        "purchased_seats": max(5, seats),
        "assigned_seats": seats,
        "available_seats": max(5, seats) - seats,
        "stripe_customer_id": "cus_local",
        "payment_method": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": end.year + 3},
        "upcoming_invoice": {"amount_due": 4900, "currency": "usd", "period_end": int(end.timestamp())},
        "subscription_status": "active",
        "billing_contact": app.config.email,
        "stripe_subscription_id": "sub_local",
    }


@handles("listInvoices")
def list_invoices(app: LocalMemsyApp, ctx: Ctx) -> Result:
    _billing(app)
    start, _ = _period(app)
    invoice = {
        "id": "in_local_1",
        "amount_due": 4900,
        "amount_paid": 4900,
        "currency": "usd",
        "status": "paid",
        "created": int(start.timestamp()),
        "hosted_invoice_url": None,
    }
    return 200, [invoice]


@handles("listKeys")
def list_keys(app: LocalMemsyApp, ctx: Ctx) -> Result:
    keys = app.store.list_keys(ctx.org_id)
    active = sum(k["is_active"] for k in keys)
    return 200, {"keys": keys, "max_keys": app.config.plan.max_keys, "active_count": active}


@handles("createKey")
def create_key(app: LocalMemsyApp, ctx: Ctx) -> Result:
    assert ctx.key is not None
    scopes = ctx.body["scopes"]
    check_grant(ctx.key, scopes)
    active = sum(k["is_active"] for k in app.store.list_keys(ctx.org_id))
    if active >= app.config.plan.max_keys:
        raise coded(
            403,
            "key_limit_reached",
            f"The {app.config.plan.name} plan allows {app.config.plan.max_keys} active keys.",
            limit=app.config.plan.max_keys,
            current=active,
        )
    expires = ctx.body.get("expires_at")
    record, raw = app.store.create_key(
        ctx.org_id, ctx.body["name"], scopes=scopes, expires_at=_timestamp(expires) if expires else None
    )
    app.keys.forget()
    return 200, {
        "key_id": record["key_id"],
        "raw_key": raw,
        "prefix": record["prefix"],
        "name": record["name"],
        "scopes": record["scopes"],
        "is_active": True,
        "created_at": record["created_at"],
        "expires_at": record["expires_at"],
    }


def _timestamp(text: str) -> datetime:
    """An RFC 3339 date-time (already checked against the contract's format) as a datetime; the few the contract
    allows and Python cannot represent (year 0, a leap second) are a 422."""
    normalised = text.upper().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(normalised)
    except ValueError:
        raise invalid(["body", "expires_at"], f"Unsupported date-time {text!r}", "datetime_parsing") from None


@handles("deleteKey")
def delete_key(app: LocalMemsyApp, ctx: Ctx) -> Result:
    if not app.store.key_exists(ctx.org_id, ctx.path["key_id"]):
        raise ApiError(404, NOT_FOUND)
    app.store.revoke_key(ctx.org_id, ctx.path["key_id"])
    app.keys.forget()
    return 204, None


@handles("getKeyUsage")
def key_usage(app: LocalMemsyApp, ctx: Ctx) -> Result:
    if not app.store.key_exists(ctx.org_id, ctx.path["key_id"]):
        raise ApiError(404, NOT_FOUND)
    app.metering.flush()
    return 200, {"usage": app.store.key_usage(ctx.path["key_id"])}


@handles("listConsoleEvents")
def list_console_events(app: LocalMemsyApp, ctx: Ctx) -> Result:
    assert ctx.key is not None
    if not ctx.key.has_seat:
        raise ApiError(403, {"error": "seat_required", "message": "An assigned seat is required for this route."})
    q = ctx.query
    rows, total = app.store.console_events(
        ctx.org_id,
        actor_id=q.get("actor_id"),
        session_id=q.get("session_id"),
        kind=q.get("kind"),
        ascending=q["sort"] == "ts_asc",
        limit=q["limit"],
        offset=q["offset"],
    )
    items = [
        {
            "event_id": r["event_id"],
            "org_id": r["org_id"],
            "actor_id": r["actor_id"],
            "kind": r["kind"],
            "content": r["content"],
            "ts": r["ts"],
            "session_id": r["session_id"],
            "metadata": queries.parse_metadata(r["metadata"]),
            "ingested_at": r["ingested_at"],
        }
        for r in rows
    ]
    return 200, {"items": items, "total": total, "limit": q["limit"], "offset": q["offset"]}


@handles("expressProInterest")
def express_pro_interest(app: LocalMemsyApp, ctx: Ctx) -> Result:
    app.store.express_interest(ctx.org_id, ctx.body)
    return 200, {"message": "Interest recorded"}


@handles("getProInterestStatus")
def pro_interest_status(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 200, {"expressed": app.store.interest_expressed(ctx.org_id)}
