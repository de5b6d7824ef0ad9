"""memsy.local keeps tenants apart and keys within their scopes.

One org's data is created through every creating route; a second org's key then walks every operation of the
contract, aimed at the first org's ids, and must find nothing of it. The worker, faults over HTTP and the scope
rules (stated per operation in the contract as ``x-memsy-required-scope``) are checked the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from memsy.local import LocalConfig, LocalMemsy, Plan

from .conftest import operations

OTHER_ORG = "org_other"
S3 = {  # credentials the fake S3 of memsy.local accepts
    "access_key_id": "AKIAIOSFODNN7EXAMPLE",
    "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "region": "eu-west-1",
    "bucket": "acme-notes",
}
CHANNEL = {"external_id": "C0GENERAL", "resource_type": "channel"}


@dataclass
class Call:
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    body: Any = None


def calls(org: str, ids: dict[str, str]) -> dict[str, Call]:
    """A request for every operation of the contract, aimed at ``org`` and the record / event / key ids given."""
    role, team, memory, key, actor = ids["role"], ids["team"], ids["memory"], ids["key"], ids["actor"]
    connector = ids["connector"]
    record = {"org_id": org, "name": "N", "focus": "F"}
    result = {
        "getHealth": Call("GET", "/v1/health"),
        "ingestEvents": Call("POST", "/v1/ingest", body={"events": [event("Probe fact.", actor="probe")]}),
        "searchMemories": Call("POST", "/v1/search", body={"query": ids["word"]}),
        "getEventStatus": Call("POST", "/v1/status", body={"event_ids": [ids["event"]]}),
        "clearContainer": Call("DELETE", "/v1/clear/s1"),
        "listOrgs": Call("GET", "/v1/orgs"),
        "createOrg": Call("POST", "/v1/orgs", body=record),
        "getOrg": Call("GET", f"/v1/orgs/{org}"),
        "updateOrg": Call("PATCH", f"/v1/orgs/{org}", body={"name": "Renamed"}),
        "deleteOrg": Call("DELETE", f"/v1/orgs/{org}"),
        "regenerateOrgPrompt": Call("POST", f"/v1/orgs/{org}/regenerate-prompt"),
        "listMemories": Call("GET", "/v1/console/memories"),
        "getMemoryStats": Call("GET", "/v1/console/memories/stats"),
        "getMemory": Call("GET", f"/v1/console/memories/{memory}"),
        "listActors": Call("GET", "/v1/actors"),
        "getActor": Call("GET", f"/v1/actors/{actor}"),
        "getControlHealth": Call("GET", "/api/health"),
        "getMe": Call("GET", "/api/me"),
        "getUsageSummary": Call("GET", "/api/usage/summary"),
        "getUsageTimeseries": Call("GET", "/api/usage/timeseries"),
        "getBillingSummary": Call("GET", "/api/billing/summary"),
        "listInvoices": Call("GET", "/api/billing/invoices"),
        "listKeys": Call("GET", "/api/keys"),
        "createKey": Call("POST", "/api/keys", body={"name": "probe", "scopes": ["read"]}),
        "deleteKey": Call("DELETE", f"/api/keys/{key}"),
        "getKeyUsage": Call("GET", f"/api/keys/{key}/usage"),
        "listConsoleEvents": Call("GET", "/api/console/events"),
        "expressProInterest": Call("POST", "/api/interest/pro", body={"email": "probe@example.com", "name": "P"}),
        "getProInterestStatus": Call("GET", "/api/interest/pro/status"),
        "listConnectorProviders": Call("GET", "/api/connectors/providers"),
        "getConnectorStatus": Call("GET", "/api/connectors/slack/status"),
        "createConnector": Call("POST", "/api/connectors/google_drive/connect"),
        "configureS3Connector": Call("POST", "/api/connectors/s3/configure", body={**S3, "connector_id": connector}),
        "listConnectors": Call("GET", "/api/connectors"),
        "getConnector": Call("GET", f"/api/connectors/{connector}"),
        "deleteConnector": Call("DELETE", f"/api/connectors/{connector}"),
        "listConnectorResources": Call("GET", f"/api/connectors/{connector}/resources"),
        "configureConnectorResources": Call(
            "PUT", f"/api/connectors/{connector}/resources", body={"resources": [CHANNEL]}
        ),
        "listConnectorBranches": Call("GET", f"/api/connectors/{connector}/branches", {"repo": "acme/handbook"}),
        "getConnectorPickerConfig": Call("GET", f"/api/connectors/{connector}/picker-token"),
        "syncConnector": Call("POST", f"/api/connectors/{connector}/sync"),
    }
    for kind, record_id in (("role", role), ("team", team)):
        plural, title = f"{kind}s", kind.title()
        item = f"/v1/{plural}/{record_id}"
        result.update(
            {
                f"list{title}s": Call("GET", f"/v1/{plural}", {"org_id": org}),
                f"create{title}": Call("POST", f"/v1/{plural}", body=record),
                f"get{title}": Call("GET", item, {"org_id": org}),
                f"update{title}": Call("PATCH", item, {"org_id": org}, {"focus": "Changed"}),
                f"delete{title}": Call("DELETE", item, {"org_id": org}),
                f"regenerate{title}Prompt": Call("POST", f"{item}/regenerate-prompt", {"org_id": org}),
            }
        )
    return result


def event(content: str, actor: str = "alice", **extra: Any) -> dict[str, Any]:
    return {"actor_id": actor, "session_id": "s1", "kind": "user_message", "content": content, **extra}


def send(client: httpx.Client, call: Call) -> httpx.Response:
    return client.request(call.method, call.path, params=call.params, json=call.body)


@pytest.fixture
def two_orgs() -> Iterator[tuple[LocalMemsy, httpx.Client, httpx.Client]]:
    config = LocalConfig(validate_responses=True, processing_delay=0.0, billing_enabled=True, plan=Plan(max_keys=100))
    with LocalMemsy(config=config) as server:
        other_key = server.create_key(org_id=OTHER_ORG, admin=True, seat=True)
        with (
            httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.api_key}"}) as mine,
            httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {other_key}"}) as theirs,
        ):
            yield server, mine, theirs
        assert not server.violations, "\n".join(server.violations)


def populate(server: LocalMemsy, client: httpx.Client) -> dict[str, str]:
    """Data of the server's org through every creating route; the ids and words that must not leak."""
    org = server.app.config.org_id
    assert client.post("/v1/orgs", json={"org_id": org, "name": "Acme Secret", "focus": "Zeppelin routes"}).is_success
    role = client.post("/v1/roles", json={"org_id": org, "name": "Pilot", "focus": "zeppelin mooring"}).json()
    team = client.post("/v1/teams", json={"org_id": org, "name": "Crew", "focus": "hangar keys"}).json()
    ids = client.post(
        "/v1/ingest",
        json={
            "events": [
                event("Zeppelin mooring needs two anchors.", actor="captain", role_id=role["role_id"]),
                event("The hangar keys live in drawer nine.", actor="captain", team_id=team["team_id"]),
                event("I prefer zeppelin flights at dawn.", actor="captain", metadata='{"secret": "xyzzy"}'),
            ]
        },
    ).json()["event_ids"]
    server.process_pending()
    key = client.post("/api/keys", json={"name": "acme-ci", "scopes": ["read"]}).json()
    assert client.post("/api/interest/pro", json={"email": "boss@acme.example", "name": "Boss"}).is_success
    memory = client.get("/v1/console/memories", params={"actor_id": "captain"}).json()["items"][0]
    connection = client.post("/api/connectors/slack/connect").json()
    assert httpx.get(connection["authorize_url"], follow_redirects=True).status_code == 200  # consent
    connector = connection["connector_id"]
    assert client.put(f"/api/connectors/{connector}/resources", json={"resources": [CHANNEL]}).is_success
    return {
        "connector": connector,
        "role": role["role_id"],
        "team": team["team_id"],
        "event": ids[0],
        "memory": memory["memory_id"],
        "key": key["key_id"],
        "key_secret": key["raw_key"],
        "actor": "captain",
        "word": "zeppelin",
        "org": org,
    }


def test_every_operation_of_another_org_sees_nothing_of_mine(
    two_orgs: tuple[LocalMemsy, httpx.Client, httpx.Client],
) -> None:
    server, mine, theirs = two_orgs
    ids = populate(server, mine)
    marks = [ids[k] for k in ("role", "team", "event", "memory", "key", "key_secret", "connector")]
    marks += ["Zeppelin", "zeppelin", "Acme Secret", "hangar", "xyzzy", "boss@acme.example", "captain", ids["org"]]
    mine_before = {op: send(mine, call).json() for op, call in calls(ids["org"], ids).items() if call.method == "GET"}

    contract_ops = {op["operationId"] for _, _, op in operations()}
    aimed_at_mine = calls(ids["org"], ids)
    assert set(aimed_at_mine) == contract_ops, "the walk must cover every operation of the contract"
    aimed_at_theirs = calls(OTHER_ORG, ids)  # their own org, my record / memory / key ids
    for op in sorted(contract_ops):
        for call in (aimed_at_mine[op], aimed_at_theirs[op]):
            response = send(theirs, call)
            assert response.status_code < 500 or op == "clearContainer", (op, response.text)  # (a 501 stub)
            text, asked = response.text, call.path + json.dumps(call.params) + json.dumps(call.body)
            leaked = [mark for mark in marks if mark in text and mark not in asked]  # (an id it sent may come back)
            assert not leaked, f"{op} {call.method} {call.path} -> {response.status_code} leaks {leaked}: {text[:300]}"
            if call.path.endswith((ids["role"], ids["team"], ids["memory"], ids["key"], "/usage", ids["actor"])):
                assert response.status_code in (403, 404), (op, call.path, response.status_code)
            if ids["connector"] in call.path + json.dumps(call.body):
                assert response.status_code == 404, (op, call.path, response.status_code)

    assert theirs.post("/v1/status", json={"event_ids": [ids["event"]]}).json()["unknownIds"] == [ids["event"]]
    assert theirs.get("/api/me").json()["org_id"] == OTHER_ORG
    # ... and nothing of mine changed, although their key tried to change, regenerate and delete it all.
    mine_after = {op: send(mine, call).json() for op, call in calls(ids["org"], ids).items() if call.method == "GET"}
    for op in ("listOrgs", "getRole", "getTeam", "getMemory", "getActor", "getProInterestStatus", "getConnector"):
        assert mine_after[op] == mine_before[op], op
    assert ids["key"] in json.dumps(mine_after["listKeys"])
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {ids['key_secret']}"}) as acme_ci:
        assert acme_ci.get("/api/me").status_code == 200  # not revoked by the other org


def test_the_worker_never_uses_another_orgs_role_or_team(
    two_orgs: tuple[LocalMemsy, httpx.Client, httpx.Client],
) -> None:
    server, mine, theirs = two_orgs
    ids = populate(server, mine)
    assert theirs.post("/v1/orgs", json={"org_id": OTHER_ORG, "name": "Other", "focus": "Other things"}).is_success
    # Their events name my role and team ids, and mention my focus terms: extraction must not promote them.
    events = [
        event("Zeppelin mooring is easy for us.", actor="spy", role_id=ids["role"]),
        event("We found the hangar keys.", actor="spy", team_id=ids["team"]),
    ]
    assert theirs.post("/v1/ingest", json={"events": events}).is_success
    server.process_pending()
    items = theirs.get("/v1/console/memories", params={"actor_id": "spy"}).json()["items"]
    assert len(items) == 2
    assert all(m["scope"]["level"] == "actor" and m["scope"]["role_id"] is None for m in items), items
    assert all(m["scope"]["team_id"] is None for m in items), items
    promoted = mine.post("/v1/search", json={"query": "mooring", "actor_id": "x", "role_ids": [ids["role"]]}).json()
    assert [r["content"] for r in promoted["results"]] == ["Zeppelin mooring needs two anchors."]


def test_search_and_listings_are_scoped_by_org_even_for_the_same_actor_and_session(
    two_orgs: tuple[LocalMemsy, httpx.Client, httpx.Client],
) -> None:
    server, mine, theirs = two_orgs
    assert mine.post("/v1/ingest", json={"events": [event("Mine: I like oolong tea.", actor="same")]}).is_success
    assert theirs.post("/v1/ingest", json={"events": [event("Theirs: I like oolong tea.", actor="same")]}).is_success
    server.process_pending()
    for client, own in ((mine, "Mine"), (theirs, "Theirs")):
        for body in (
            {"query": "oolong tea"},
            {"query": "oolong tea", "actor_id": "same"},
            {"query": "oolong tea", "session_id": "s1"},
            {"query": "oolong tea", "exclude_session_id": "s2"},
        ):
            contents = [r["content"] for r in client.post("/v1/search", json=body).json()["results"]]
            assert contents == [f"{own}: I like oolong tea."], (own, body, contents)
        assert [m["text"] for m in client.get("/v1/console/memories").json()["items"]] == [f"{own}: I like oolong tea."]
        assert client.get("/v1/actors/same").json()["memory_count"] == 1
        assert client.get("/api/console/events").json()["total"] == 1
        assert client.get("/v1/console/memories/stats").json()["total"] == 1


# ------------------------------------------------------------------------------------------------------ faults


def test_faults_scripted_over_http_hit_only_the_scripting_org(
    two_orgs: tuple[LocalMemsy, httpx.Client, httpx.Client],
) -> None:
    server, mine, theirs = two_orgs
    fault = {"kind": "respond", "status": 503, "body": {"detail": "theirs"}, "times": 3}
    assert theirs.post("/_local/faults", json=fault).json() == {"pending": 3}
    assert mine.post("/_local/faults", json={**fault, "times": 1, "body": {"detail": "mine"}}).json() == {"pending": 1}
    assert mine.post("/v1/search", json={"query": "x"}).json() == {"detail": "mine"}
    assert mine.post("/v1/search", json={"query": "x"}).status_code == 200  # their three are not mine
    assert theirs.post("/v1/search", json={"query": "x"}).json() == {"detail": "theirs"}
    assert mine.delete("/_local/faults").status_code == 204  # clears my faults only
    assert theirs.post("/v1/search", json={"query": "x"}).status_code == 503
    assert httpx.get(f"{server.url}/v1/health").status_code == 200  # no key: no org, no org's fault
    assert server.faults.pending == 1


def test_faults_over_http_can_be_switched_off() -> None:
    with LocalMemsy(http_faults=False) as server:
        response = httpx.post(
            f"{server.url}/_local/faults", json={"kind": "drop"}, headers={"Authorization": f"Bearer {server.api_key}"}
        )
        assert response.status_code == 403 and response.json()["detail"]["error"] == "faults_disabled"
        server.faults.drop()  # in-process scripting stays available to the test that owns the server
        assert server.faults.pending == 1


@pytest.mark.parametrize(
    "spec",
    [
        {"kind": "explode"},
        {"kind": "respond", "status": 99999},
        {"kind": "respond", "status": "503"},
        {"kind": "slow", "seconds": -1},
        {"kind": "slow", "seconds": 1e9},
        {"kind": "respond", "times": 0},
        {"kind": "respond", "headers": {"X-A": "b\r\nInjected: 1"}},
        {"kind": "respond", "headers": {"X-\u2603": "b"}},
        {"kind": "respond", "unknown": 1},
        [],
    ],
)
def test_bad_fault_scripts_are_422(two_orgs: tuple[LocalMemsy, httpx.Client, httpx.Client], spec: Any) -> None:
    server, mine, _ = two_orgs
    response = mine.post("/_local/faults", json=spec)
    assert response.status_code == 422, response.text
    assert server.faults.pending == 0
    assert mine.get("/v1/health").status_code == 200


# ------------------------------------------------------------------------------------------------------ scopes


READS_SENT_AS_POST = {"searchMemories", "getEventStatus"}  # read-only and safe to retry (wire facts 7.9)


def test_the_contract_states_the_required_scope_of_every_operation() -> None:
    for method, path, op in operations():
        assert op.get("x-memsy-required-scope") in ("none", "read", "write", "admin"), (method, path)
        changes_state = method != "get" and op["operationId"] not in READS_SENT_AS_POST
        if changes_state and op["x-memsy-required-scope"] in ("none", "read"):
            raise AssertionError(f"{method.upper()} {path} changes state but needs no write scope")


def test_every_operation_enforces_its_required_scope() -> None:
    kinds = {  # name: (scopes, admin)
        "read": (("read",), False),
        "write": (("write",), False),
        "member": (("read", "write"), False),
        "read admin": (("read",), True),
        "write admin": (("write",), True),
    }
    with LocalMemsy(validate_responses=True, processing_delay=0.0, billing_enabled=True) as server:
        keys = {
            name: server.create_key(scopes=scopes, admin=admin, seat=True) for name, (scopes, admin) in kinds.items()
        }
        ids = {k: "x" for k in ("role", "team", "memory", "key", "event", "actor", "word", "connector")}
        requests = calls(server.app.config.org_id, ids)
        for method, _, op in operations():
            call, required = requests[op["operationId"]], op["x-memsy-required-scope"]
            scope_needed = {
                "none": None,
                "read": "read",
                "write": "write",
                "admin": "read" if method == "get" else "write",
            }
            for name, key in keys.items():
                scopes, admin = kinds[name]
                response = httpx.request(
                    call.method,
                    server.url + call.path,
                    params=call.params,
                    json=call.body,
                    headers={"Authorization": f"Bearer {key}"},
                )
                body = response.json() if response.content else {}
                detail = body.get("detail") if isinstance(body, dict) else None
                code = body.get("error") if isinstance(body, dict) else None
                code = code or (detail.get("error") if isinstance(detail, dict) else None)
                needed = scope_needed[required]
                if required == "admin" and not admin:
                    assert (response.status_code, code) == (403, "admin_required"), (op["operationId"], name, body)
                elif needed is not None and needed not in scopes:
                    assert (response.status_code, code) == (403, "insufficient_scope"), (op["operationId"], name, body)
                    assert body["required_scope"] == needed
                elif op["operationId"] == "configureS3Connector" and not admin:
                    # S3 is an org-scoped provider: a seated member who is not an admin may not configure it
                    assert (response.status_code, code) == (403, "admin_required"), (name, body)
                elif op["operationId"] == "createKey" and not set(call.body["scopes"]) <= set(scopes):
                    assert (response.status_code, code) == (403, "insufficient_scope"), (name, body)  # see below
                else:
                    assert response.status_code != 403, (op["operationId"], name, body)
        assert not server.violations, "\n".join(server.violations)


def test_a_read_only_key_cannot_express_interest_or_ingest() -> None:
    with LocalMemsy(validate_responses=True) as server:
        reader = {"Authorization": f"Bearer {server.create_key(scopes=('read',))}"}
        interest = httpx.post(
            f"{server.url}/api/interest/pro", json={"email": "a@b.example", "name": "A"}, headers=reader
        )
        assert interest.status_code == 403 and interest.json()["required_scope"] == "write"
        assert not server.store.interest_expressed(server.app.config.org_id)


def test_no_key_can_mint_a_key_with_scopes_it_lacks() -> None:
    with LocalMemsy(validate_responses=True) as server:
        read_admin = {"Authorization": f"Bearer {server.create_key(scopes=('read',), admin=True)}"}
        refused = httpx.post(f"{server.url}/api/keys", json={"name": "more"}, headers=read_admin)
        assert refused.status_code == 403 and refused.json()["error"] == "insufficient_scope"
        write_admin = {"Authorization": f"Bearer {server.create_key(scopes=('write',), admin=True)}"}
        for scopes in (["read"], ["read", "write"]):
            refused = httpx.post(f"{server.url}/api/keys", json={"name": "n", "scopes": scopes}, headers=write_admin)
            assert refused.status_code == 403 and refused.json()["required_scope"] == "read"
        granted = httpx.post(f"{server.url}/api/keys", json={"name": "w", "scopes": ["write"]}, headers=write_admin)
        assert granted.status_code == 200 and granted.json()["scopes"] == ["write"]
        full = {"Authorization": f"Bearer {server.api_key}"}
        assert httpx.post(f"{server.url}/api/keys", json={"name": "rw"}, headers=full).json()["scopes"] == [
            "read",
            "write",
        ]
        assert len(server.store.list_keys(server.app.config.org_id)) == 5  # the bootstrap, two admins and two made
