"""The memsy.local HTTP application: both planes of the contract on one ASGI app (Starlette).

Every request goes through the same pipeline (:meth:`LocalMemsyApp._serve`): scripted faults, authentication,
the plan's rate window and quotas, validation against openapi.yaml, the route's scope / admin / seat rules, the
handler, then the metered headers (and, in tests, validation of the response against the contract).
"""

from __future__ import annotations

import asyncio
import calendar
import json
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send
from werkzeug.datastructures import Headers

from .._version import __version__
from . import queries
from .contract import RouteMissing, WireRequest, WireResponse, request_problems, response_problems
from .extraction import promotion_prompt
from .faults import Fault, FaultInjector
from .store import ApiKey, Store, iso, ulid
from .worker import Worker

logger = logging.getLogger("memsy.local")

DEFAULT_QUOTAS = {
    "api_calls": 1_000_000,
    "events_ingested": 1_000_000,
    "search_queries": 1_000_000,
    "llm_tokens": 100_000_000,
    "memories_stored": 1_000_000,
}
_USAGE_HEADERS = {
    "api_calls": "ApiCalls",
    "events_ingested": "EventsIngested",
    "memories_stored": "MemoriesStored",
    "llm_tokens": "LlmTokens",
    "search_queries": "SearchQueries",
}
UPGRADE_URL = "https://memsy.io/pricing"


@dataclass
class Plan:
    """What the local org's plan allows. Quotas are per calendar month; ``None`` means unlimited."""

    name: str = "free"
    requests_per_window: int = 6000
    window_seconds: float = 60.0
    quotas: dict[str, int | None] = field(default_factory=lambda: dict(DEFAULT_QUOTAS))
    max_keys: int = 25


@dataclass
class LocalConfig:
    """Settings of one memsy.local instance."""

    plan: Plan = field(default_factory=Plan)
    processing_delay: float = 0.05
    """Seconds between an ingest and the extraction of its events."""
    blocked_terms: tuple[str, ...] = ("memsy:reject",)
    """Content containing one of these fails extraction (a stand-in for the service's content filter)."""
    billing_enabled: bool = False
    validate_responses: bool = False
    """Check every response against the contract and record violations (the test suite turns this on)."""
    org_id: str = "org_local"
    email: str = "admin@memsy.local"


class ApiError(Exception):
    """An error answer, with the body in one of the service's envelope shapes."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def detail(status: int, message: str) -> ApiError:
    return ApiError(status, {"detail": message})


def coded(status: int, code: str, message: str, **extra: Any) -> ApiError:
    return ApiError(status, {"detail": {"error": code, "message": message, **extra}})


def invalid(loc: list[Any], message: str, kind: str = "value_error") -> ApiError:
    return ApiError(422, {"detail": [{"loc": loc, "msg": message, "type": kind}]})


NOT_FOUND = {"detail": "Not Found"}


@dataclass
class Ctx:
    """What a handler gets."""

    key: ApiKey | None
    path: dict[str, str]
    query: dict[str, str]
    body: Any
    kind: str = ""

    @property
    def org_id(self) -> str:
        assert self.key is not None
        return self.key.org_id


@dataclass(frozen=True)
class RouteSpec:
    method: str
    path: str
    handler: str
    auth: bool = True
    scope: str | None = None
    admin: bool = False
    seat: bool = False
    kind: str = ""


ROUTES: list[RouteSpec] = []


def route(method: str, path: str, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        ROUTES.append(RouteSpec(method, path, fn.__name__, **options))
        return fn

    return register


class Metering:
    """Rate window, monthly usage counters and the headers that report them."""

    def __init__(self, store: Store, plan: Plan) -> None:
        self.store, self.plan = store, plan
        self._windows: dict[str, tuple[float, int]] = {}
        self._usage: dict[tuple[str, str], dict[str, int]] = {}
        self._memories: dict[str, int] = {}

    def _month(self) -> str:
        return iso(self.store.clock())[:7]

    def usage(self, org_id: str) -> dict[str, int]:
        key = (org_id, self._month())
        if key not in self._usage:
            self._usage[key] = self.store.usage_since(org_id, key[1] + "-01T00")
        return self._usage[key]

    def memories(self, org_id: str) -> int:
        if org_id not in self._memories:
            self._memories[org_id] = self.store.count(
                "SELECT COUNT(*) FROM memories WHERE org_id = ? AND status = 'active'", (org_id,)
            )
        return self._memories[org_id]

    def invalidate(self, org_id: str) -> None:
        """Counters changed outside this class (the worker stored memories and used tokens)."""
        self._memories.pop(org_id, None)
        self._usage.pop((org_id, self._month()), None)

    def add(self, org_id: str, dimension: str, quantity: int, key_id: str | None = None) -> None:
        # Take the cached counters before writing: if the worker drops the cache meanwhile, the next read
        # reloads from the database (which has this write) instead of counting it twice.
        cached = self._usage.get((org_id, self._month()))
        self.store.record_usage(org_id, dimension, quantity, key_id=key_id)
        if cached is not None:
            cached[dimension] = cached.get(dimension, 0) + quantity

    def check_quota(self, org_id: str, dimension: str, adding: int) -> None:
        limit = self.plan.quotas.get(dimension)
        current = self.memories(org_id) if dimension == "memories_stored" else self.usage(org_id).get(dimension, 0)
        if limit is not None and current + adding > limit:
            raise ApiError(
                429,
                {
                    "error": "usage_limit_exceeded",
                    "message": f"Monthly {dimension} quota of the {self.plan.name} plan is exhausted.",
                    "dimension": dimension,
                    "current": current,
                    "limit": limit,
                    "upgrade_url": UPGRADE_URL,
                },
            )

    def admit(self, key: ApiKey) -> dict[str, str]:
        """Count one request in the rate window and the api_calls quota; the X-RateLimit headers."""
        now = self.store.clock()
        window = self.plan.window_seconds
        start = math.floor(now / window) * window
        seen_start, count = self._windows.get(key.org_id, (start, 0))
        if seen_start != start:
            count = 0
        limit = self.plan.requests_per_window
        reset = math.ceil(start + window)
        if count >= limit:
            headers = {
                "X-RateLimit-Limit": str(limit),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(reset),
                "Retry-After": str(max(1, math.ceil(start + window - now))),
            }
            raise ApiError(429, {"detail": "Rate limit exceeded"}, headers)
        self.check_quota(key.org_id, "api_calls", 1)
        self._windows[key.org_id] = (start, count + 1)
        self.add(key.org_id, "api_calls", 1, key_id=key.key_id)
        return {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(max(0, limit - count - 1)),
            "X-RateLimit-Reset": str(reset),
        }

    def usage_headers(self, org_id: str) -> dict[str, str]:
        usage = self.usage(org_id)
        headers = {"X-Plan": self.plan.name}
        for dimension, suffix in _USAGE_HEADERS.items():
            used = self.memories(org_id) if dimension == "memories_stored" else usage.get(dimension, 0)
            headers[f"X-Usage-{suffix}"] = str(used)
            limit = self.plan.quotas.get(dimension)
            if limit is not None:
                headers[f"X-Usage-{suffix}-Limit"] = str(limit)
        return headers


def _json(status: int, body: Any, headers: dict[str, str]) -> Response:
    if body is None:
        return Response(status_code=status, headers=headers)
    content = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    return Response(content, status_code=status, headers=headers, media_type="application/json")


class LocalMemsyApp:
    """State and handlers of one memsy.local instance; :attr:`asgi` is the ASGI application."""

    def __init__(self, store: Store | None = None, config: LocalConfig | None = None) -> None:
        self.config = config or LocalConfig()
        self.store = store or Store()
        self.faults = FaultInjector()
        self.metering = Metering(self.store, self.config.plan)
        self.violations: list[str] = []
        self.worker = Worker(
            self.store,
            processing_delay=self.config.processing_delay,
            blocked_terms=self.config.blocked_terms,
            on_memories_changed=self.metering.invalidate,
        )
        routes = [Route(spec.path, self._endpoint(spec), methods=[spec.method]) for spec in ROUTES]
        routes.append(Route("/_local/faults", self._script_fault, methods=["POST", "DELETE"]))
        self._routes = routes
        starlette = Starlette(routes=routes)
        starlette.add_exception_handler(404, self._not_found)
        starlette.add_exception_handler(405, self._not_allowed)
        self.asgi: ASGIApp = _FaultsAndRawPaths(starlette, self)

    # ------------------------------------------------------------------------------------------------ pipeline

    def _endpoint(self, spec: RouteSpec) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await self._serve(spec, request)

        return endpoint

    async def _serve(self, spec: RouteSpec, request: Request) -> Response:
        self.worker.start()
        raw = await request.body()
        wire = WireRequest(
            method=request.method.lower(),
            path=request.scope["path"],
            query=request.url.query,
            headers=list(request.headers.items()),
            body=raw or None,
            content_type=request.headers.get("content-type", ""),
        )
        key: ApiKey | None = None
        headers: dict[str, str] = {}
        try:
            authorization = request.headers.get("authorization")
            if spec.auth or authorization is not None:
                key = self._authenticate(authorization)
                headers.update(self.metering.admit(key))
            body = _decode_json(raw)
            problems = request_problems(wire)
            if problems:
                raise ApiError(422, {"detail": problems})
            self._authorize(spec, key)
            ctx = Ctx(
                key=key,
                path={k: unquote(v) for k, v in request.path_params.items()},
                query=dict(request.query_params),
                body=body,
                kind=spec.kind,
            )
            status, body = getattr(self, spec.handler)(ctx)
        except ApiError as error:
            status, body = error.status, error.body
            headers.update(error.headers)
        except RouteMissing as missing:
            status, body = missing.status, NOT_FOUND if missing.status == 404 else {"detail": "Method Not Allowed"}
        if key is not None:
            headers.update(self.metering.usage_headers(key.org_id))
        response = _json(status, body, headers)
        if self.config.validate_responses:
            self._check_response(wire, response)
        return response

    def _authenticate(self, authorization: str | None) -> ApiKey:
        if authorization is None:
            raise detail(401, "Not authenticated")
        scheme, _, token = authorization.partition(" ")
        key = self.store.authenticate(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
        if key is None:
            raise detail(401, "Invalid API key")
        return key

    def _authorize(self, spec: RouteSpec, key: ApiKey | None) -> None:
        if key is None:
            return
        if spec.scope is not None and spec.scope not in key.scopes:
            raise ApiError(
                403,
                {
                    "error": "insufficient_scope",
                    "detail": f"API key missing '{spec.scope}' scope",
                    "required_scope": spec.scope,
                },
            )
        if spec.admin and not key.is_admin:
            raise coded(403, "admin_required", "This route requires the org:admin role.")
        if spec.seat and not key.has_seat:
            raise ApiError(403, {"error": "seat_required", "message": "An assigned seat is required for this route."})

    def _check_response(self, wire: WireRequest, response: Response) -> None:
        answer = WireResponse(
            status_code=response.status_code,
            headers=Headers(list(response.headers.items())),
            content_type=response.headers.get("content-type", ""),
            data=bytes(response.body) or None,
        )
        for problem in response_problems(wire, answer):
            message = f"{wire.method.upper()} {wire.path} -> {response.status_code}: {problem}"
            logger.error("contract violation: %s", message)
            self.violations.append(message)

    async def _not_found(self, request: Request, exc: Exception) -> Response:
        return _json(404, NOT_FOUND, {})

    async def _not_allowed(self, request: Request, exc: Exception) -> Response:
        path = request.scope["path"]
        methods = sorted({m for r in self._routes if r.path_regex.match(path) for m in r.methods or ()})
        return _json(405, {"detail": "Method Not Allowed"}, {"Allow": ", ".join(methods)})

    async def _script_fault(self, request: Request) -> Response:
        """``POST /_local/faults`` scripts a fault (body: the fields of :class:`Fault`); ``DELETE`` clears them.
        Local-only and outside the contract; needs an admin key."""
        try:
            key = self._authenticate(request.headers.get("authorization"))
            if not key.is_admin:
                raise coded(403, "admin_required", "Scripting faults needs an admin key.")
            if request.method == "DELETE":
                self.faults.clear()
                return _json(204, None, {})
            spec = json.loads(await request.body() or b"{}")
            self.faults.add(Fault(**spec))
        except ApiError as error:
            return _json(error.status, error.body, error.headers)
        except (TypeError, ValueError) as exc:
            return _json(422, {"detail": [{"loc": ["body"], "msg": str(exc), "type": "value_error"}]}, {})
        return _json(200, {"pending": self.faults.pending}, {})

    # ----------------------------------------------------------------------------------------------- helpers

    def _require_own_org(self, ctx: Ctx, org_id: str | None) -> str:
        if org_id is not None and org_id != ctx.org_id:
            raise detail(403, "org_id does not match the organization of the API key")
        return ctx.org_id

    def _refuse_org_id_in_body(self, ctx: Ctx) -> None:
        if isinstance(ctx.body, dict) and "org_id" in ctx.body and self.config.plan.name == "free":
            raise coded(400, "org_id_not_allowed", "org_id may not be sent; the org is derived from the API key.")

    def _customization(self, kind: str, record_id: str, ctx: Ctx) -> dict[str, Any]:
        record = self.store.get_customization(kind, record_id, ctx.org_id)
        if record is None:
            raise ApiError(404, NOT_FOUND)
        return record

    # --------------------------------------------------------------------------------------------- data plane

    @route("GET", "/v1/health", auth=False)
    def health(self, ctx: Ctx) -> tuple[int, Any]:
        return 200, {
            "status": "ok",
            "version": f"memsy.local {__version__}",
            "components": {"db": "ok", "worker": "ok"},
        }

    @route("POST", "/v1/ingest", scope="write")
    def ingest(self, ctx: Ctx) -> tuple[int, Any]:
        self._refuse_org_id_in_body(ctx)
        events = [_clean_event(e) for e in ctx.body["events"]]
        self.metering.check_quota(ctx.org_id, "events_ingested", len(events))
        self.metering.check_quota(ctx.org_id, "memories_stored", 0)
        ids = self.store.ingest(ctx.org_id, events)
        self.metering.add(ctx.org_id, "events_ingested", len(events))
        self.worker.notify()
        return 200, {"event_ids": ids}

    @route("POST", "/v1/search", scope="read")
    def search(self, ctx: Ctx) -> tuple[int, Any]:
        self._refuse_org_id_in_body(ctx)
        body = ctx.body
        session, excluded = body.get("session_id") or None, body.get("exclude_session_id") or None
        if session and excluded:
            raise invalid(["body", "exclude_session_id"], "session_id and exclude_session_id are mutually exclusive")
        self.metering.check_quota(ctx.org_id, "search_queries", 1)
        scope = queries.SearchScope(
            org_id=ctx.org_id,
            actor_id=body.get("actor_id"),
            role_ids=tuple(body.get("role_ids") or ()),
            team_ids=tuple(body.get("team_ids") or ()),
            session_id=session,
            exclude_session_id=excluded,
        )
        results = queries.search(
            self.store,
            scope,
            body["query"],
            body.get("limit", 10),
            body.get("threshold", 0.0),
            body.get("include_source_events", False),
        )
        self.metering.add(ctx.org_id, "search_queries", 1)
        return 200, {"results": results}

    @route("POST", "/v1/status", scope="read")
    def status(self, ctx: Ctx) -> tuple[int, Any]:
        ids = ctx.body["event_ids"]
        states = self.store.statuses(ctx.org_id, ids)
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

    @route("DELETE", "/v1/clear/{container_tag}", scope="write")
    def clear(self, ctx: Ctx) -> tuple[int, Any]:
        return 501, {"detail": "Not Implemented"}

    # Org, role and team records share their handlers; ``ctx.kind`` says which (see _record_routes below).

    def list_records(self, ctx: Ctx) -> tuple[int, Any]:
        if ctx.kind == "org":
            return 200, self.store.list_customizations("org", ctx.org_id)
        org_id = self._require_own_org(ctx, ctx.query["org_id"])
        limit, offset = int(ctx.query.get("limit", 100)), int(ctx.query.get("offset", 0))
        return 200, self.store.list_customizations(ctx.kind, org_id, limit, offset)

    def create_record(self, ctx: Ctx) -> tuple[int, Any]:
        org_id = self._require_own_org(ctx, ctx.body["org_id"])
        if ctx.kind == "org":
            record_id = org_id
        elif self.store.get_customization("org", org_id, org_id) is None:
            raise detail(404, f"Org record {org_id!r} not found; create it with POST /v1/orgs first")
        else:
            record_id = f"{ctx.kind}_{ulid(self.store.clock()).lower()}"
        name, focus = ctx.body["name"], ctx.body["focus"]
        prompt, meta = promotion_prompt(ctx.kind, name, focus)
        record = self.store.create_customization(ctx.kind, record_id, org_id, name, focus, prompt, meta)
        if record is None:
            raise coded(409, "already_exists", f"A {ctx.kind} record with this id already exists.")
        return 200, record

    def _record(self, ctx: Ctx) -> tuple[str, dict[str, Any]]:
        """The addressed record (404 when it does not exist in the caller's org)."""
        if ctx.kind != "org":
            self._require_own_org(ctx, ctx.query["org_id"])
        record_id = ctx.path[f"{ctx.kind}_id"]
        record = self.store.get_customization(ctx.kind, record_id, ctx.org_id)
        if record is None:
            raise ApiError(404, NOT_FOUND)
        return record_id, record

    def get_record(self, ctx: Ctx) -> tuple[int, Any]:
        return 200, self._record(ctx)[1]

    def update_record(self, ctx: Ctx) -> tuple[int, Any]:
        record_id, _ = self._record(ctx)
        changes = {k: ctx.body[k] for k in ("name", "focus", "promotion_prompt") if k in ctx.body}
        return 200, self.store.update_customization(ctx.kind, record_id, ctx.org_id, changes)

    def regenerate_record_prompt(self, ctx: Ctx) -> tuple[int, Any]:
        record_id, current = self._record(ctx)
        prompt, meta = promotion_prompt(ctx.kind, current["name"], current["focus"])
        changes = {"promotion_prompt": prompt, "prompt_meta": meta}
        return 200, self.store.update_customization(ctx.kind, record_id, ctx.org_id, changes)

    def delete_record(self, ctx: Ctx) -> tuple[int, Any]:
        record_id, _ = self._record(ctx)
        self.store.delete_customization(ctx.kind, record_id, ctx.org_id)
        return 204, None

    @route("GET", "/v1/console/memories", scope="read")
    def list_memories(self, ctx: Ctx) -> tuple[int, Any]:
        q = ctx.query
        limit, offset = int(q.get("limit", 50)), int(q.get("offset", 0))
        items, total = queries.list_memories(
            self.store, ctx.org_id, q, q.get("sort", "observed_at_desc"), limit, offset
        )
        return 200, {"items": items, "total": total, "limit": limit, "offset": offset}

    @route("GET", "/v1/console/memories/stats", scope="read")
    def memory_stats(self, ctx: Ctx) -> tuple[int, Any]:
        return 200, queries.memory_stats(self.store, ctx.org_id)

    @route("GET", "/v1/console/memories/{memory_id}", scope="read")
    def get_memory(self, ctx: Ctx) -> tuple[int, Any]:
        memory = queries.get_memory(self.store, ctx.org_id, ctx.path["memory_id"])
        if memory is None:
            raise ApiError(404, NOT_FOUND)
        return 200, memory

    @route("GET", "/v1/actors", scope="read")
    def list_actors(self, ctx: Ctx) -> tuple[int, Any]:
        q = ctx.query
        org_id = self._require_own_org(ctx, q.get("org_id"))
        limit, offset = int(q.get("limit", 100)), int(q.get("offset", 0))
        items, total, truncated = queries.list_actors(
            self.store, org_id, q.get("sort", "first_memory_desc"), q.get("q"), limit, offset
        )
        return 200, {"items": items, "total": total, "limit": limit, "offset": offset, "truncated": truncated}

    @route("GET", "/v1/actors/{actor_id}", scope="read")
    def get_actor(self, ctx: Ctx) -> tuple[int, Any]:
        org_id = self._require_own_org(ctx, ctx.query.get("org_id"))
        actor = queries.get_actor(self.store, org_id, ctx.path["actor_id"])
        if actor is None:
            raise ApiError(404, NOT_FOUND)
        return 200, actor

    # ------------------------------------------------------------------------------------------ control plane

    @route("GET", "/api/health", auth=False)
    def control_health(self, ctx: Ctx) -> tuple[int, Any]:
        return 200, {
            "status": "ok",
            "version": f"memsy.local {__version__}",
            "billing_enabled": self.config.billing_enabled,
            "components": {"db": "ok"},
        }

    @route("GET", "/api/me")
    def me(self, ctx: Ctx) -> tuple[int, Any]:
        assert ctx.key is not None
        return 200, {
            "customer_id": "cus_local",
            "email": self.config.email,
            "tier": self.config.plan.name,
            "is_superadmin": False,
            "org_id": ctx.org_id,
            "is_billing_admin": ctx.key.is_admin,
            "user_id": f"user_{ctx.key.key_id}",
            "org_role": "org:admin" if ctx.key.is_admin else "org:member",
        }

    def _period(self) -> tuple[datetime, datetime]:
        now = datetime.fromtimestamp(self.store.clock(), timezone.utc)
        last_day = calendar.monthrange(now.year, now.month)[1]
        return now.replace(day=1), now.replace(day=last_day)

    @route("GET", "/api/usage/summary", admin=True)
    def usage_summary(self, ctx: Ctx) -> tuple[int, Any]:
        start, end = self._period()
        usage = self.metering.usage(ctx.org_id)
        dimensions = [
            {
                "dimension": dimension,
                "used": self.metering.memories(ctx.org_id)
                if dimension == "memories_stored"
                else usage.get(dimension, 0),
                "limit": self.config.plan.quotas.get(dimension),
                "overage_rate": None,
            }
            for dimension in _USAGE_HEADERS
        ]
        return 200, {
            "org_id": ctx.org_id,
            "tier": self.config.plan.name,
            "period_start": start.date().isoformat(),
            "period_end": end.date().isoformat(),
            "dimensions": dimensions,
        }

    @route("GET", "/api/usage/timeseries", admin=True)
    def usage_timeseries(self, ctx: Ctx) -> tuple[int, Any]:
        q = ctx.query
        granularity = q.get("granularity", "daily")
        data = self.store.usage_series(
            ctx.org_id, q.get("dimension"), granularity == "hourly", q.get("period_start"), q.get("period_end")
        )
        return 200, {"org_id": ctx.org_id, "granularity": granularity, "data": data}

    def _billing(self) -> None:
        if not self.config.billing_enabled:
            raise coded(
                403,
                "billing_not_enabled",
                "Billing is not enabled for this organization.",
                interest_path="/api/interest/pro",
            )

    @route("GET", "/api/billing/summary", admin=True)
    def billing_summary(self, ctx: Ctx) -> tuple[int, Any]:
        self._billing()
        seats = self.store.count(
            "SELECT COUNT(*) FROM api_keys WHERE org_id = ? AND has_seat = 1 AND is_active = 1", (ctx.org_id,)
        )
        _, end = self._period()
        return 200, {
            "tier": self.config.plan.name,
            "purchased_seats": max(5, seats),
            "assigned_seats": seats,
            "available_seats": max(5, seats) - seats,
            "stripe_customer_id": "cus_local",
            "payment_method": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": end.year + 3},
            "upcoming_invoice": {"amount_due": 4900, "currency": "usd", "period_end": int(end.timestamp())},
            "subscription_status": "active",
            "billing_contact": self.config.email,
            "stripe_subscription_id": "sub_local",
        }

    @route("GET", "/api/billing/invoices", admin=True)
    def list_invoices(self, ctx: Ctx) -> tuple[int, Any]:
        self._billing()
        start, _ = self._period()
        return 200, [
            {
                "id": "in_local_1",
                "amount_due": 4900,
                "amount_paid": 4900,
                "currency": "usd",
                "status": "paid",
                "created": int(start.timestamp()),
                "hosted_invoice_url": None,
            }
        ]

    @route("GET", "/api/keys", admin=True)
    def list_keys(self, ctx: Ctx) -> tuple[int, Any]:
        keys = self.store.list_keys(ctx.org_id)
        active = sum(k["is_active"] for k in keys)
        return 200, {"keys": keys, "max_keys": self.config.plan.max_keys, "active_count": active}

    @route("POST", "/api/keys", admin=True)
    def create_key(self, ctx: Ctx) -> tuple[int, Any]:
        active = sum(k["is_active"] for k in self.store.list_keys(ctx.org_id))
        if active >= self.config.plan.max_keys:
            raise coded(
                403,
                "key_limit_reached",
                f"The {self.config.plan.name} plan allows {self.config.plan.max_keys} active keys.",
                limit=self.config.plan.max_keys,
                current=active,
            )
        expires = ctx.body.get("expires_at")
        record, raw = self.store.create_key(
            ctx.org_id,
            ctx.body["name"],
            scopes=ctx.body.get("scopes") or ("read", "write"),
            expires_at=datetime.fromisoformat(expires.replace("Z", "+00:00")) if expires else None,
        )
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

    @route("DELETE", "/api/keys/{key_id}", admin=True)
    def delete_key(self, ctx: Ctx) -> tuple[int, Any]:
        if not self.store.key_exists(ctx.org_id, ctx.path["key_id"]):
            raise ApiError(404, NOT_FOUND)
        self.store.revoke_key(ctx.org_id, ctx.path["key_id"])
        return 204, None

    @route("GET", "/api/keys/{key_id}/usage", admin=True)
    def key_usage(self, ctx: Ctx) -> tuple[int, Any]:
        if not self.store.key_exists(ctx.org_id, ctx.path["key_id"]):
            raise ApiError(404, NOT_FOUND)
        return 200, {"usage": self.store.key_usage(ctx.path["key_id"])}

    @route("GET", "/api/console/events", seat=True)
    def list_console_events(self, ctx: Ctx) -> tuple[int, Any]:
        q = ctx.query
        limit, offset = int(q.get("limit", 50)), int(q.get("offset", 0))
        rows, total = self.store.console_events(
            ctx.org_id,
            actor_id=q.get("actor_id"),
            session_id=q.get("session_id"),
            kind=q.get("kind"),
            ascending=q.get("sort") == "ts_asc",
            limit=limit,
            offset=offset,
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
        return 200, {"items": items, "total": total, "limit": limit, "offset": offset}

    @route("POST", "/api/interest/pro")
    def express_pro_interest(self, ctx: Ctx) -> tuple[int, Any]:
        self.store.express_interest(ctx.org_id, ctx.body)
        return 200, {"message": "Interest recorded"}

    @route("GET", "/api/interest/pro/status")
    def pro_interest_status(self, ctx: Ctx) -> tuple[int, Any]:
        return 200, {"expressed": self.store.interest_expressed(ctx.org_id)}


def _record_routes() -> list[RouteSpec]:
    routes = []
    for kind in ("org", "role", "team"):
        collection, item = f"/v1/{kind}s", f"/v1/{kind}s/{{{kind}_id}}"
        routes += [
            RouteSpec("GET", collection, "list_records", scope="read", kind=kind),
            RouteSpec("POST", collection, "create_record", scope="write", admin=True, kind=kind),
            RouteSpec("GET", item, "get_record", scope="read", kind=kind),
            RouteSpec("PATCH", item, "update_record", scope="write", admin=True, kind=kind),
            RouteSpec(
                "POST", item + "/regenerate-prompt", "regenerate_record_prompt", scope="write", admin=True, kind=kind
            ),
            RouteSpec("DELETE", item, "delete_record", scope="write", admin=True, kind=kind),
        ]
    return routes


ROUTES.extend(_record_routes())


def _decode_json(raw: bytes) -> Any:
    """The request body as JSON (None when empty); a body that is not UTF-8 JSON is a 422, as on the service."""
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise invalid(["body"], f"JSON decode error: {exc}", "json_invalid") from None


def _clean_event(event: dict[str, Any]) -> dict[str, Any]:
    """NUL characters removed from every string; whitespace-only role / team ids become null."""
    cleaned = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in event.items()}
    for field_name in ("role_id", "team_id"):
        value = cleaned.get(field_name)
        if isinstance(value, str) and not value.strip():
            cleaned[field_name] = None
    return cleaned


class _DropConnection(Exception):
    """Raised mid-response to make the server close the connection (a scripted ``drop`` fault)."""


class _FaultsAndRawPaths:
    """ASGI wrapper: routes on the raw (still percent-encoded) path, so an id containing ``/`` stays one path
    segment, and applies scripted faults before the app sees the request."""

    def __init__(self, app: ASGIApp, owner: LocalMemsyApp) -> None:
        self.app, self.owner = app, owner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path")
        if raw_path:
            scope = {**scope, "path": raw_path.decode("latin-1").split("?", 1)[0]}
        fault = self.owner.faults.take(scope["path"]) if not scope["path"].startswith("/_local/") else None
        if fault is None:
            await self.app(scope, receive, send)
        elif fault.kind == "slow":
            await asyncio.sleep(fault.seconds)
            await self.app(scope, receive, send)
        elif fault.kind == "drop":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1000")]})
            await send({"type": "http.response.body", "body": b'{"partial":', "more_body": True})
            raise _DropConnection("scripted connection drop")
        else:
            response = _fault_response(fault)
            await response(scope, receive, send)


def _fault_response(fault: Fault) -> Response:
    if fault.text is not None:
        return Response(fault.text, status_code=fault.status, headers=fault.headers, media_type="text/html")
    return _json(fault.status, fault.body, fault.headers)


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], _DropConnection))


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
