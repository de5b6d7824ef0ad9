"""memsy.local's request validators are compiled from openapi.yaml: they accept and refuse what openapi-core (the
reference reading of the contract) accepts and refuses, fill in the contract's defaults, and name the same
places when they refuse."""

from __future__ import annotations

import json
from typing import Any

import pytest

from memsy.local.errors import ApiError
from memsy.local.operations import Match, Operations, operations
from memsy.local.reference_validation import WireRequest, request_problems
from memsy.local.validation import validate

from .conftest import contract

EVENT = {"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "I like tea."}
CASES: list[tuple[str, str, str, Any]] = [
    ("POST", "/v1/ingest", "", {"events": [EVENT]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "ts": "2026-05-01T09:30:00Z", "metadata": "{}"}]}),
    ("POST", "/v1/ingest", "", {"events": []}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "kind": "chat"}]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "content": ""}]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "content": "   "}]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "content": "x" * 8000}]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "content": "x" * 8001}]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "ts": "yesterday"}]}),
    ("POST", "/v1/ingest", "", {"events": [{**EVENT, "role_id": None}]}),
    (
        "POST",
        "/v1/ingest",
        "",
        {"events": [{"actorId": "a", "sessionId": "s", "kind": "user_message", "content": "x"}]},
    ),
    ("POST", "/v1/ingest", "", {}),
    ("POST", "/v1/search", "", {"query": "tea"}),
    ("POST", "/v1/search", "", {"query": "tea", "limit": 100, "threshold": 1, "include_source_events": True}),
    ("POST", "/v1/search", "", {"query": "tea", "limit": 101}),
    ("POST", "/v1/search", "", {"query": "tea", "limit": 0}),
    ("POST", "/v1/search", "", {"query": "tea", "threshold": 1.5}),
    ("POST", "/v1/search", "", {"query": "tea", "limit": "5"}),
    ("POST", "/v1/search", "", {"query": ""}),
    ("POST", "/v1/search", "", {"query": "tea", "session_id": "has space"}),
    ("POST", "/v1/search", "", {"query": "tea", "session_id": "slack:T1/U2@x.y-z_1"}),
    ("POST", "/v1/search", "", {"query": "tea", "role_ids": ["r1"], "team_ids": ["t1"]}),
    ("POST", "/v1/search", "", {"limit": 5}),
    ("POST", "/v1/status", "", {"event_ids": ["x"] * 500}),
    ("POST", "/v1/status", "", {"event_ids": ["x"] * 501}),
    ("POST", "/v1/status", "", {"event_ids": [""]}),
    ("POST", "/v1/orgs", "", {"org_id": "o", "name": "n", "focus": "f"}),
    ("POST", "/v1/orgs", "", {"org_id": "o", "name": "n"}),
    ("PATCH", "/v1/orgs/o", "", {"name": "m"}),
    ("PATCH", "/v1/roles/r1", "org_id=o", {"promotion_prompt": "p"}),
    ("PATCH", "/v1/roles/r1", "", {"promotion_prompt": "p"}),
    ("GET", "/v1/roles", "org_id=o&limit=500&offset=0", None),
    ("GET", "/v1/roles", "org_id=o&limit=501", None),
    ("GET", "/v1/roles", "limit=5", None),
    ("GET", "/v1/console/memories", "", None),
    ("GET", "/v1/console/memories", "limit=200&offset=7&sort=strength_desc&status=archived&type=fact", None),
    ("GET", "/v1/console/memories", "limit=201", None),
    ("GET", "/v1/console/memories", "limit=abc", None),
    ("GET", "/v1/console/memories", "offset=-1", None),
    ("GET", "/v1/console/memories", "sort=bogus", None),
    ("GET", "/v1/console/memories", "status=deleted", None),
    ("GET", "/v1/console/memories", "actor_id=" + "a" * 257, None),
    ("GET", "/v1/console/memories", "search=tea+time&kind=semantic", None),
    ("GET", "/v1/actors", "sort=actor_id_asc&q=sla&limit=5", None),
    ("GET", "/v1/actors/slack%3AT1%2FU2", "", None),
    ("GET", "/v1/actors/" + "a" * 257, "", None),
    ("GET", "/api/usage/timeseries", "granularity=hourly&period_start=2026-01-01&period_end=2026-01-31", None),
    ("GET", "/api/usage/timeseries", "granularity=weekly", None),
    ("GET", "/api/usage/timeseries", "period_start=2026-02-30", None),
    ("POST", "/api/keys", "", {"name": "ci", "scopes": ["read"], "expires_at": "2030-01-01T00:00:00Z"}),
    ("POST", "/api/keys", "", {"name": "ci", "scopes": []}),
    ("POST", "/api/keys", "", {"name": "ci", "scopes": ["read", "read"]}),
    ("POST", "/api/keys", "", {"name": "ci", "scopes": ["admin"]}),
    ("POST", "/api/keys", "", {"name": " "}),
    ("GET", "/api/console/events", "sort=ts_asc&kind=tool_result&limit=1", None),
    ("GET", "/api/console/events", "kind=chat", None),
    ("POST", "/api/interest/pro", "", {"email": "ada@example.com", "name": "Ada", "company": "Acme"}),
    ("POST", "/api/interest/pro", "", {"email": "not an email", "name": "Ada"}),
]


def _compiled(method: str, path: str, query: str, body: Any) -> list[tuple[Any, ...]]:
    match = operations().match(method, path)
    assert isinstance(match, Match), (method, path)
    raw = json.dumps(body).encode() if body is not None else b""
    try:
        validate(match.operation, match.raw_path_params, query, raw, "application/json")
    except ApiError as error:
        assert error.status == 422
        return sorted(tuple(str(part) for part in entry["loc"][:2]) for entry in error.body["detail"])
    return []


def _reference(method: str, path: str, query: str, body: Any) -> list[tuple[Any, ...]]:
    raw = json.dumps(body).encode() if body is not None else None
    headers = [("content-type", "application/json"), ("authorization", "Bearer k")]  # (without a key it stops)
    problems = request_problems(WireRequest(method.lower(), path, query, headers, raw, "application/json"))
    return sorted(tuple(str(part) for part in problem["loc"][:2]) for problem in problems)


@pytest.mark.parametrize(("method", "path", "query", "body"), CASES)
def test_compiled_validators_agree_with_openapi_core(method: str, path: str, query: str, body: Any) -> None:
    compiled, reference = _compiled(method, path, query, body), _reference(method, path, query, body)
    assert bool(compiled) == bool(reference), (compiled, reference)
    assert {loc[0] for loc in compiled} == {loc[0] for loc in reference}, (compiled, reference)


def test_the_corpus_has_both_verdicts_for_every_operation_with_input() -> None:
    verdicts: dict[tuple[str, str], set[bool]] = {}
    for method, path, query, body in CASES:
        match = operations().match(method, path)
        assert isinstance(match, Match)
        verdicts.setdefault((match.operation.method, match.operation.path), set()).add(
            not _compiled(method, path, query, body)
        )
    mixed = [key for key, seen in verdicts.items() if seen == {True, False}]
    assert len(mixed) >= 10, verdicts


def test_defaults_come_from_the_contract() -> None:
    table = operations()
    match = table.match("GET", "/v1/console/memories")
    assert isinstance(match, Match)
    query = validate(match.operation, {}, "", b"", None).query
    spec = contract()["paths"]["/v1/console/memories"]["get"]
    limit = next(p for p in spec["parameters"] if p.get("name") == "limit")
    assert query["limit"] == limit["schema"]["default"]
    assert query["offset"] == contract()["components"]["parameters"]["Offset"]["schema"]["default"]
    assert query["sort"] == contract()["components"]["schemas"]["MemorySort"]["default"]
    search = table.match("POST", "/v1/search")
    assert isinstance(search, Match)
    body = validate(search.operation, {}, "", b'{"query": "tea"}', "application/json").body
    properties = contract()["components"]["schemas"]["SearchRequest"]["properties"]
    for name in ("limit", "threshold", "include_source_events"):
        assert body[name] == properties[name]["default"]


def test_a_changed_contract_changes_the_validators() -> None:
    changed = json.loads(json.dumps(contract()))
    changed["components"]["schemas"]["SearchRequest"]["properties"]["limit"]["maximum"] = 5
    changed["components"]["schemas"]["SearchRequest"]["properties"]["limit"]["default"] = 3
    search = Operations(changed).match("POST", "/v1/search")
    assert isinstance(search, Match)
    with pytest.raises(ApiError):
        validate(search.operation, {}, "", b'{"query": "tea", "limit": 6}', "application/json")
    assert validate(search.operation, {}, "", b'{"query": "tea"}', "application/json").body["limit"] == 3


def test_an_operation_without_a_required_scope_is_refused_at_startup() -> None:
    from memsy.local.operations import ContractError

    changed = json.loads(json.dumps(contract()))
    del changed["paths"]["/v1/search"]["post"]["x-memsy-required-scope"]
    with pytest.raises(ContractError, match="searchMemories"):
        Operations(changed)
