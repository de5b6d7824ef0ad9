"""Every public method, blocking and asyncio: the request on the wire (checked against the contract by the
guard), and the parsed result, including the usage and rate-limit headers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

import memsy

from . import samples as s
from .conftest import Driver
from .fakes import reply

EVENT = {"actor_id": "user_42", "session_id": "s1", "kind": "user_message", "content": "I like tea"}


@dataclass
class Case:
    method_path: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    status: int
    body: Any
    http: str
    url_path: str
    query: dict[str, str] = field(default_factory=dict)
    sent: Any = None
    check: Any = None


DATA_CASES = [
    Case(
        "health",
        (),
        {},
        200,
        s.HEALTH,
        "GET",
        "/v1/health",
        check=lambda r: r.status == "ok" and r.components == {"db": "ok"},
    ),
    Case(
        "ingest",
        ([EVENT, memsy.EventPayload("user_42", "s1", memsy.EventKind.TOOL_RESULT, "42", metadata={"a": 1})],),
        {},
        200,
        {"event_ids": ["ev_1", "ev_2"]},
        "POST",
        "/v1/ingest",
        sent={
            "events": [
                EVENT,
                {
                    "actor_id": "user_42",
                    "session_id": "s1",
                    "kind": "tool_result",
                    "content": "42",
                    "metadata": '{"a":1}',
                },
            ]
        },
        check=lambda r: r.event_ids == ["ev_1", "ev_2"],
    ),
    Case(
        "search",
        ("seat",),
        {},
        200,
        {"results": [s.search_result()]},
        "POST",
        "/v1/search",
        sent={"query": "seat", "limit": 10, "threshold": 0.0, "include_source_events": False},
        check=lambda r: r.results[0].id == "mem_1" and r.results[0].type == "preference",
    ),
    Case(
        "search",
        ("seat",),
        {
            "actor_id": "user_42",
            "limit": 5,
            "threshold": 0.3,
            "include_source_events": True,
            "role_ids": ["r1"],
            "team_ids": [],
            "session_id": "slack:T1:U2",
        },
        200,
        {"results": [s.search_result(source_events=[s.SOURCE_EVENT], session_id="slack:T1:U2")]},
        "POST",
        "/v1/search",
        sent={
            "query": "seat",
            "limit": 5,
            "threshold": 0.3,
            "include_source_events": True,
            "actor_id": "user_42",
            "role_ids": ["r1"],
            "session_id": "slack:T1:U2",
        },
        check=lambda r: r.results[0].source_events[0].event_id == "ev_1" and r.results[0].session_id == "slack:T1:U2",
    ),
    Case(
        "search",
        ("seat",),
        {"exclude_session_id": "s9", "session_id": ""},
        200,
        {"results": []},
        "POST",
        "/v1/search",
        sent={
            "query": "seat",
            "limit": 10,
            "threshold": 0.0,
            "include_source_events": False,
            "exclude_session_id": "s9",
        },
        check=lambda r: r.results == [] and len(r) == 0,
    ),
    Case(
        "status",
        (["ev_1", "ev_2"],),
        {},
        200,
        s.status_body(completed=["ev_1"], pending=["ev_2"]),
        "POST",
        "/v1/status",
        sent={"event_ids": ["ev_1", "ev_2"]},
        check=lambda r: r.completed_ids == ["ev_1"] and r.pending_ids == ["ev_2"] and r.total == 2 and not r.done,
    ),
    Case(
        "orgs.list",
        (),
        {},
        200,
        [s.org()],
        "GET",
        "/v1/orgs",
        check=lambda r: isinstance(r, memsy.ResourceList) and r[0].org_id == "org_acme",
    ),
    Case(
        "orgs.create",
        ("org_acme", "Acme", "Travel"),
        {},
        200,
        s.org(),
        "POST",
        "/v1/orgs",
        sent={"org_id": "org_acme", "name": "Acme", "focus": "Travel"},
        check=lambda r: r.promotion_prompt,
    ),
    Case(
        "orgs.get",
        ("org/with?odd#chars",),
        {},
        200,
        s.org(),
        "GET",
        "/v1/orgs/org%2Fwith%3Fodd%23chars",
        check=lambda r: isinstance(r, memsy.OrgResource),
    ),
    Case(
        "orgs.update",
        ("org_acme",),
        {"focus": "Expenses"},
        200,
        s.org(focus="Expenses"),
        "PATCH",
        "/v1/orgs/org_acme",
        sent={"focus": "Expenses"},
        check=lambda r: r.focus == "Expenses",
    ),
    Case(
        "orgs.regenerate_prompt",
        ("org_acme",),
        {},
        200,
        s.org(),
        "POST",
        "/v1/orgs/org_acme/regenerate-prompt",
        check=lambda r: r.org_id == "org_acme",
    ),
    Case("orgs.delete", ("org_acme",), {}, 204, None, "DELETE", "/v1/orgs/org_acme", check=lambda r: r is None),
    Case(
        "roles.list",
        ("org_acme",),
        {"limit": 5, "offset": 10},
        200,
        [s.role()],
        "GET",
        "/v1/roles",
        query={"org_id": "org_acme", "limit": "5", "offset": "10"},
        check=lambda r: r[0].role_id == "role_1",
    ),
    Case(
        "roles.create",
        ("org_acme", "Agent", "Rules"),
        {},
        200,
        s.role(),
        "POST",
        "/v1/roles",
        sent={"org_id": "org_acme", "name": "Agent", "focus": "Rules"},
        check=lambda r: r.role_id == "role_1",
    ),
    Case(
        "roles.get",
        ("role_1", "org_acme"),
        {},
        200,
        s.role(),
        "GET",
        "/v1/roles/role_1",
        query={"org_id": "org_acme"},
        check=lambda r: r.role_id == "role_1",
    ),
    Case(
        "roles.update",
        ("role_1", "org_acme"),
        {"name": "Senior agent", "promotion_prompt": "P"},
        200,
        s.role(name="Senior agent"),
        "PATCH",
        "/v1/roles/role_1",
        query={"org_id": "org_acme"},
        sent={"name": "Senior agent", "promotion_prompt": "P"},
        check=lambda r: r.name == "Senior agent",
    ),
    Case(
        "roles.regenerate_prompt",
        ("role_1", "org_acme"),
        {},
        200,
        s.role(),
        "POST",
        "/v1/roles/role_1/regenerate-prompt",
        query={"org_id": "org_acme"},
        check=lambda r: r.role_id,
    ),
    Case(
        "roles.delete",
        ("role_1", "org_acme"),
        {},
        204,
        None,
        "DELETE",
        "/v1/roles/role_1",
        query={"org_id": "org_acme"},
        check=lambda r: r is None,
    ),
    Case(
        "teams.list",
        ("org_acme",),
        {},
        200,
        [s.team()],
        "GET",
        "/v1/teams",
        query={"org_id": "org_acme", "limit": "100", "offset": "0"},
        check=lambda r: r[0].team_id == "team_1",
    ),
    Case(
        "teams.create",
        ("org_acme", "EMEA", "Region"),
        {},
        200,
        s.team(),
        "POST",
        "/v1/teams",
        sent={"org_id": "org_acme", "name": "EMEA", "focus": "Region"},
        check=lambda r: r.team_id == "team_1",
    ),
    Case(
        "teams.get",
        ("team_1", "org_acme"),
        {},
        200,
        s.team(),
        "GET",
        "/v1/teams/team_1",
        query={"org_id": "org_acme"},
        check=lambda r: r.team_id == "team_1",
    ),
    Case(
        "teams.update",
        ("team_1", "org_acme"),
        {"name": "EMEA desk"},
        200,
        s.team(name="EMEA desk"),
        "PATCH",
        "/v1/teams/team_1",
        query={"org_id": "org_acme"},
        sent={"name": "EMEA desk"},
        check=lambda r: r.name == "EMEA desk",
    ),
    Case(
        "teams.regenerate_prompt",
        ("team_1", "org_acme"),
        {},
        200,
        s.team(),
        "POST",
        "/v1/teams/team_1/regenerate-prompt",
        query={"org_id": "org_acme"},
        check=lambda r: r.team_id,
    ),
    Case(
        "teams.delete",
        ("team_1", "org_acme"),
        {},
        204,
        None,
        "DELETE",
        "/v1/teams/team_1",
        query={"org_id": "org_acme"},
        check=lambda r: r is None,
    ),
    Case(
        "memories.list",
        (),
        {
            "actor_id": "user_42",
            "kind": "semantic",
            "type": "fact",
            "status": "archived",
            "sort": "strength_desc",
            "search": "window seat",
            "limit": 20,
            "offset": 40,
        },
        200,
        s.memory_page([s.memory()], total=41, limit=20, offset=40),
        "GET",
        "/v1/console/memories",
        query={
            "actor_id": "user_42",
            "kind": "semantic",
            "type": "fact",
            "status": "archived",
            "sort": "strength_desc",
            "search": "window seat",
            "limit": "20",
            "offset": "40",
        },
        check=lambda r: r.total == 41 and r.items[0].scope.level == "actor" and r.items[0].type == "preference",
    ),
    Case(
        "memories.get",
        ("mem_1",),
        {},
        200,
        s.memory(),
        "GET",
        "/v1/console/memories/mem_1",
        check=lambda r: r.memory_id == "mem_1" and r.entity_refs == [{"name": "window seat"}],
    ),
    Case(
        "memories.stats",
        (),
        {},
        200,
        s.STATS,
        "GET",
        "/v1/console/memories/stats",
        check=lambda r: r.by_status == {"active": 2, "archived": 1} and r.date_range["latest"] is None,
    ),
    Case(
        "actors.list",
        (),
        {"limit": 5, "offset": 10, "sort": "actor_id_asc", "q": "sl ack&x"},
        200,
        {"items": [s.actor()], "total": 1, "limit": 5, "offset": 10, "truncated": False},
        "GET",
        "/v1/actors",
        query={"limit": "5", "offset": "10", "sort": "actor_id_asc", "q": "sl ack&x"},
        check=lambda r: r.items[0].memory_count == 4 and not r.truncated,
    ),
    Case(
        "actors.get",
        ("slack:T0B7:U0B7",),
        {"org_id": "org_acme"},
        200,
        s.actor("slack:T0B7:U0B7"),
        "GET",
        "/v1/actors/slack%3AT0B7%3AU0B7",
        query={"org_id": "org_acme"},
        check=lambda r: r.actor_id == "slack:T0B7:U0B7",
    ),
]

CONTROL_CASES = [
    Case("health", (), {}, 200, s.CONTROL_HEALTH, "GET", "/api/health", check=lambda r: r.billing_enabled is False),
    Case("me", (), {}, 200, s.ME, "GET", "/api/me", check=lambda r: r.org_role == "org:admin" and r.user_id is None),
    Case(
        "usage.summary",
        (),
        {},
        200,
        s.USAGE_SUMMARY,
        "GET",
        "/api/usage/summary",
        check=lambda r: r.dimensions[0].used == 10,
    ),
    Case(
        "usage.timeseries",
        (),
        {"dimension": "api_calls", "granularity": "hourly", "period_start": "2026-05-01", "period_end": "2026-05-31"},
        200,
        s.TIMESERIES,
        "GET",
        "/api/usage/timeseries",
        query={
            "dimension": "api_calls",
            "granularity": "hourly",
            "period_start": "2026-05-01",
            "period_end": "2026-05-31",
        },
        check=lambda r: r.data[0].quantity == 5,
    ),
    Case(
        "billing.summary",
        (),
        {},
        200,
        s.BILLING,
        "GET",
        "/api/billing/summary",
        check=lambda r: r.payment_method.last4 == "4242" and r.upcoming_invoice.amount_due == 4900,
    ),
    Case(
        "billing.invoices",
        (),
        {},
        200,
        [s.INVOICE, {**s.INVOICE, "id": "in_2", "created": 1777593600}],
        "GET",
        "/api/billing/invoices",
        check=lambda r: [i.created for i in r] == [1777593600, 1777593600],
    ),
    Case("keys.list", (), {}, 200, s.KEY_LIST, "GET", "/api/keys", check=lambda r: r.keys[0].prefix == "msy_abc"),
    Case(
        "keys.create",
        ("ci",),
        {"scopes": ["read"], "expires_at": "2027-01-01T00:00:00Z"},
        200,
        s.CREATED_KEY,
        "POST",
        "/api/keys",
        sent={"name": "ci", "scopes": ["read"], "expires_at": "2027-01-01T00:00:00+00:00"},
        check=lambda r: r.raw_key.startswith("msy_"),
    ),
    Case("keys.delete", ("key_1",), {}, 204, None, "DELETE", "/api/keys/key_1", check=lambda r: r is None),
    Case(
        "keys.usage",
        ("key_1",),
        {},
        200,
        s.KEY_USAGE,
        "GET",
        "/api/keys/key_1/usage",
        check=lambda r: r == [{"date": "2026-05-01", "api_calls": 3}],
    ),
    Case(
        "events.list",
        (),
        {"actor_id": "user_42", "session_id": "s1", "kind": "user_message", "sort": "ts_asc", "limit": 10, "offset": 0},
        200,
        s.event_page([s.event_item()], total=1, limit=10),
        "GET",
        "/api/console/events",
        query={
            "actor_id": "user_42",
            "session_id": "s1",
            "kind": "user_message",
            "sort": "ts_asc",
            "limit": "10",
            "offset": "0",
        },
        check=lambda r: r.items[0].metadata == {"channel": "web"},
    ),
    Case(
        "interest.express",
        ("ada@acme.example", "Ada"),
        {"company": "Acme"},
        200,
        {"message": "Interest recorded"},
        "POST",
        "/api/interest/pro",
        sent={"email": "ada@acme.example", "name": "Ada", "company": "Acme"},
        check=lambda r: r.message == "Interest recorded",
    ),
    Case(
        "interest.status",
        (),
        {},
        200,
        {"expressed": True},
        "GET",
        "/api/interest/pro/status",
        check=lambda r: r is True,
    ),
    Case(
        "connectors.list_providers",
        (),
        {},
        200,
        {"providers": ["slack", "google_drive", "s3", "notion", "github", "onedrive"]},
        "GET",
        "/api/connectors/providers",
        check=lambda r: r[:2] == ["slack", "google_drive"],
    ),
    Case(
        "connectors.status",
        ("google_drive",),
        {},
        200,
        {"connected": True, "display_name": "ada@acme.example"},
        "GET",
        "/api/connectors/google_drive/status",
        check=lambda r: r.connected and r.display_name == "ada@acme.example",
    ),
    Case(
        "connectors.create",
        ("slack",),
        {},
        200,
        s.CONNECTION,
        "POST",
        "/api/connectors/slack/connect",
        check=lambda r: r.connector_id == "con_1" and r.authorize_url.startswith("https://"),
    ),
    Case(
        "connectors.configure_s3",
        (),
        {"access_key_id": "AKIA1", "secret_access_key": "s3cr3t", "region": "eu-west-1", "bucket": "notes"},
        200,
        s.connector(provider="s3", status="active", bucket="notes", region="eu-west-1"),
        "POST",
        "/api/connectors/s3/configure",
        sent={"access_key_id": "AKIA1", "secret_access_key": "s3cr3t", "region": "eu-west-1", "bucket": "notes"},
        check=lambda r: r.bucket == "notes" and r.status == "active",
    ),
    Case(
        "connectors.list",
        (),
        {},
        200,
        [s.connector(), s.connector("con_2", "github")],
        "GET",
        "/api/connectors",
        check=lambda r: [c.provider for c in r] == ["slack", "github"] and r[0].bucket is None,
    ),
    Case(
        "connectors.get",
        ("con_1",),
        {},
        200,
        s.connector(),
        "GET",
        "/api/connectors/con_1",
        check=lambda r: r.scopes == ["channels:read"],
    ),
    Case(
        "connectors.list_resources",
        ("con_1",),
        {"parent_id": "folder-9"},
        200,
        s.CHANNELS,
        "GET",
        "/api/connectors/con_1/resources",
        query={"parent_id": "folder-9"},
        check=lambda r: [i.external_id for i in r] == ["C1", "C2"] and r[1].selected,
    ),
    Case(
        "connectors.list_branches",
        ("con_2", "acme/api"),
        {},
        200,
        {"resources": [{"external_id": "main", "resource_type": "default_branch", "name": "main"}]},
        "GET",
        "/api/connectors/con_2/branches",
        query={"repo": "acme/api"},
        check=lambda r: r[0].resource_type == "default_branch" and not r[0].selected,
    ),
    Case(
        "connectors.picker_config",
        ("con_3",),
        {},
        200,
        s.PICKER,
        "GET",
        "/api/connectors/con_3/picker-token",
        check=lambda r: r.expires_in == 3599 and "ya29" not in repr(r),
    ),
    Case(
        "connectors.configure_resources",
        ("con_1", [{"external_id": "C1", "resource_type": "channel"}, memsy.ResourceSelection("C2", "channel", "x")]),
        {},
        200,
        s.connector(status="active"),
        "PUT",
        "/api/connectors/con_1/resources",
        sent={
            "resources": [
                {"external_id": "C1", "resource_type": "channel"},
                {"external_id": "C2", "resource_type": "channel", "name": "x"},
            ]
        },
        check=lambda r: r.status == "active",
    ),
    Case(
        "connectors.sync",
        ("con_1",),
        {},
        200,
        s.connector(status="active"),
        "POST",
        "/api/connectors/con_1/sync",
        check=lambda r: r.status == "active",
    ),
    Case("connectors.delete", ("con_1",), {}, 204, None, "DELETE", "/api/connectors/con_1", check=lambda r: r is None),
]


def _run_case(driver: Driver, fake: Any, case: Case) -> None:
    fake.queue(reply(case.status, case.body))
    result = driver(case.method_path, *case.args, **case.kwargs)
    request = fake.last
    assert request.method == case.http
    assert request.url.raw_path.split(b"?")[0].decode() == case.url_path
    assert dict(request.url.params) == case.query
    assert request.headers["authorization"] == "Bearer msy_0123456789abcdef0123456789abcdef"
    if case.sent is not None:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == case.sent
    elif case.http in ("GET", "DELETE"):
        assert request.content == b""
    assert case.check(result), result
    if result is not None and not isinstance(result, bool):
        assert result.rate_limit == memsy.RateLimitInfo(limit=1000, remaining=959, reset=1780272000)
        assert result.usage.api_calls == 41 and result.usage.plan == "free"
    assert driver.client.last_rate_limit.remaining == 959


@pytest.mark.parametrize("case", DATA_CASES, ids=[f"{c.method_path}-{i}" for i, c in enumerate(DATA_CASES)])
def test_data_plane_method(sdk: Driver, fake: Any, case: Case) -> None:
    _run_case(sdk, fake, case)


@pytest.mark.parametrize("case", CONTROL_CASES, ids=[f"{c.method_path}-{i}" for i, c in enumerate(CONTROL_CASES)])
def test_control_plane_method(control: Driver, fake: Any, case: Case) -> None:
    _run_case(control, fake, case)


def test_clear_surfaces_the_501_as_not_implemented(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(501, {"detail": "Not Implemented"}))
    with pytest.raises(memsy.NotImplementedByServerError) as caught:
        sdk("clear", "conversation-1")
    assert caught.value.status_code == 501
    assert "not implement" in str(caught.value)
    assert fake.last.method == "DELETE" and fake.last.url.path == "/v1/clear/conversation-1"


def test_memories_iter_walks_every_page_lazily(sdk: Driver, fake: Any) -> None:
    pages = [
        s.memory_page([s.memory(f"m{i}") for i in range(2)], total=5, limit=2, offset=0),
        s.memory_page([s.memory(f"m{i}") for i in range(2, 4)], total=5, limit=2, offset=2),
        s.memory_page([s.memory("m4")], total=5, limit=2, offset=4),
    ]
    fake.queue(*(reply(200, p) for p in pages))
    items = sdk.drain("memories.iter", page_size=2, sort="created_at_desc")
    assert [m.memory_id for m in items] == ["m0", "m1", "m2", "m3", "m4"]
    assert [r.url.params["offset"] for r in fake.requests] == ["0", "2", "4"]
    assert all(r.url.params["sort"] == "created_at_desc" for r in fake.requests)


def test_actors_iter_stops_on_an_empty_page(sdk: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, {"items": [s.actor("a1")], "total": 9, "limit": 1, "offset": 0}),
        reply(200, {"items": [], "total": 9, "limit": 1, "offset": 1}),
    )
    assert [a.actor_id for a in sdk.drain("actors.iter", page_size=1)] == ["a1"]
    assert len(fake.requests) == 2


def test_events_iter_walks_every_page(control: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, s.event_page([s.event_item("e1")], total=2, limit=1)),
        reply(200, s.event_page([s.event_item("e2")], total=2, limit=1, offset=1)),
    )
    assert [e.event_id for e in control.drain("events.iter", page_size=1)] == ["e1", "e2"]


def test_iter_checks_arguments_before_iterating(sdk: Driver, fake: Any) -> None:
    with pytest.raises(memsy.MemsyValidationError, match="limit"):
        sdk("memories.iter", page_size=0)
    assert fake.requests == []
