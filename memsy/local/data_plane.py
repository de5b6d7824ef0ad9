"""Handlers of the data plane (``/v1``) other than onboarding records: health, ingest, search, status, clear,
console memories and actors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._version import __version__
from . import queries
from .errors import NOT_FOUND, ApiError, coded, detail, invalid
from .handlers import Ctx, Result, handles

if TYPE_CHECKING:
    from .app import LocalMemsyApp


def require_own_org(ctx: Ctx, org_id: str | None) -> str:
    """The caller's org; 403 when the request names another one."""
    if org_id is not None and org_id != ctx.org_id:
        raise detail(403, "org_id does not match the organization of the API key")
    return ctx.org_id


def refuse_org_id_in_body(app: LocalMemsyApp, ctx: Ctx) -> None:
    if isinstance(ctx.body, dict) and "org_id" in ctx.body and app.config.plan.name == "free":
        raise coded(400, "org_id_not_allowed", "org_id may not be sent; the org is derived from the API key.")


@handles("getHealth", on_loop=True)
def health(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 200, {"status": "ok", "version": f"memsy.local {__version__}", "components": {"db": "ok", "worker": "ok"}}


@handles("ingestEvents")
def ingest(app: LocalMemsyApp, ctx: Ctx) -> Result:
    refuse_org_id_in_body(app, ctx)
    return 200, {"event_ids": ingest_events(app, ctx.org_id, [_clean_event(e) for e in ctx.body["events"]])}


def ingest_events(app: LocalMemsyApp, org_id: str, events: list[dict[str, Any]]) -> list[str]:
    """Store events for extraction within the org's quotas (429 past them) and wake the worker; their ids."""
    app.metering.check_quota(org_id, "events_ingested", len(events))
    app.metering.check_quota(org_id, "memories_stored", 0)
    ids = app.store.ingest(org_id, events)
    app.metering.add(org_id, "events_ingested", len(events))
    app.worker.notify()
    return ids


def _clean_event(event: dict[str, Any]) -> dict[str, Any]:
    """NUL characters removed from every string; whitespace-only role / team ids become null."""
    cleaned = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in event.items()}
    for field_name in ("role_id", "team_id"):
        value = cleaned.get(field_name)
        if isinstance(value, str) and not value.strip():
            cleaned[field_name] = None
    return cleaned


@handles("searchMemories")
def search(app: LocalMemsyApp, ctx: Ctx) -> Result:
    refuse_org_id_in_body(app, ctx)
    body = ctx.body
    session, excluded = body.get("session_id") or None, body.get("exclude_session_id") or None
    if session and excluded:
        raise invalid(["body", "exclude_session_id"], "session_id and exclude_session_id are mutually exclusive")
    app.metering.check_quota(ctx.org_id, "search_queries", 1)
    scope = queries.SearchScope(
        org_id=ctx.org_id,
        actor_id=body.get("actor_id"),
        role_ids=tuple(body.get("role_ids") or ()),
        team_ids=tuple(body.get("team_ids") or ()),
        session_id=session,
        exclude_session_id=excluded,
    )
    results = queries.search(
        app.store,
        app.recalls,
        scope,
        body["query"],
        limit=body["limit"],
        threshold=body["threshold"],
        include_source_events=body["include_source_events"],
        window=app.config.search_window,
    )
    app.metering.add(ctx.org_id, "search_queries", 1)
    return 200, {"results": results}


@handles("getEventStatus")
def status(app: LocalMemsyApp, ctx: Ctx) -> Result:
    ids = ctx.body["event_ids"]
    states = app.store.statuses(ctx.org_id, ids)
    by_state: dict[str, list[str]] = {"completed": [], "failed": [], "pending": [], "unknown": []}
    for event_id, state in states.items():
        by_state[state].append(event_id)
    return 200, {
        "completedIds": by_state["completed"],
        "failedIds": by_state["failed"],
        "pendingIds": by_state["pending"],
        "total": len(ids),
        "statuses": states,
        "unknownIds": by_state["unknown"],
    }


@handles("clearContainer")
def clear(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 501, {"detail": "Not Implemented"}


@handles("listMemories")
def list_memories(app: LocalMemsyApp, ctx: Ctx) -> Result:
    q = ctx.query
    items, total = queries.list_memories(
        app.store,
        app.recalls,
        app.memory_counts,
        ctx.org_id,
        q,
        q["sort"],
        q["limit"],
        q["offset"],
        app.metering.memories(ctx.org_id),
    )
    return 200, {"items": items, "total": total, "limit": q["limit"], "offset": q["offset"]}


@handles("getMemoryStats")
def memory_stats(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 200, queries.memory_stats(app.store, app.recalls, ctx.org_id)


@handles("getMemory")
def get_memory(app: LocalMemsyApp, ctx: Ctx) -> Result:
    memory = queries.get_memory(app.store, app.recalls, ctx.org_id, ctx.path["memory_id"])
    if memory is None:
        raise ApiError(404, NOT_FOUND)
    return 200, memory


@handles("listActors")
def list_actors(app: LocalMemsyApp, ctx: Ctx) -> Result:
    q = ctx.query
    org_id = require_own_org(ctx, q.get("org_id"))
    items, total, truncated = queries.list_actors(app.store, org_id, q["sort"], q.get("q"), q["limit"], q["offset"])
    return 200, {"items": items, "total": total, "limit": q["limit"], "offset": q["offset"], "truncated": truncated}


@handles("getActor")
def get_actor(app: LocalMemsyApp, ctx: Ctx) -> Result:
    org_id = require_own_org(ctx, ctx.query.get("org_id"))
    actor = queries.get_actor(app.store, org_id, ctx.path["actor_id"])
    if actor is None:
        raise ApiError(404, NOT_FOUND)
    return 200, actor
