"""The conformance gates themselves: the wire guard catches violations, and the suite exercises every operation
of the contract through both the blocking and the asyncio SDK against memsy.local."""

from __future__ import annotations

import httpx
import pytest

from .conftest import operations
from .contract_guard import COVERAGE, ContractGuard, GuardedTransport, operation_id


def _send(guard: ContractGuard, request: httpx.Request, response: httpx.Response) -> None:
    transport = GuardedTransport(httpx.MockTransport(lambda _: response), guard)
    transport.handle_request(request)


def test_guard_catches_a_request_that_breaks_the_contract() -> None:
    guard = ContractGuard()
    bad_body = {"events": [{"actor_id": "a", "session_id": "s", "kind": "chat", "content": "x"}]}
    request = httpx.Request(
        "POST", "https://api.memsy.io/v1/ingest", json=bad_body, headers={"Authorization": "Bearer k"}
    )
    _send(guard, request, httpx.Response(200, json={"event_ids": ["e1"]}))
    assert len(guard.violations) == 1 and "request POST /v1/ingest" in guard.violations[0]
    assert "'chat' is not one of" in guard.violations[0]


def test_guard_catches_a_response_that_breaks_the_contract() -> None:
    guard = ContractGuard()
    request = httpx.Request(
        "POST", "https://api.memsy.io/v1/search", json={"query": "q"}, headers={"Authorization": "Bearer k"}
    )
    _send(guard, request, httpx.Response(200, json={"hits": []}))
    assert len(guard.violations) == 1 and "'results' is a required property" in guard.violations[0]


def test_guard_catches_an_undocumented_status() -> None:
    guard = ContractGuard()
    request = httpx.Request("GET", "https://api.memsy.io/v1/orgs", headers={"Authorization": "Bearer k"})
    _send(guard, request, httpx.Response(418, json={"detail": "teapot"}))
    assert guard.violations and "418" in guard.violations[0]


def test_operation_lookup_matches_encoded_ids() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/v1/actors/slack%3AT1%2FU2")
    assert operation_id(request) == "getActor"
    assert operation_id(httpx.Request("GET", "http://127.0.0.1:1/v1/console/memories/stats")) == "getMemoryStats"
    assert operation_id(httpx.Request("PUT", "http://127.0.0.1:1/v1/search")) is None


@pytest.mark.coverage_gate
def test_every_operation_is_exercised_sync_and_async_against_memsy_local() -> None:
    """Runs last (see conftest): the whole suite must have driven every operation both ways."""
    ids = sorted(op["operationId"] for _, _, op in operations())
    missing = [f"{op} ({flavour})" for op in ids for flavour in ("sync", "async") if not COVERAGE[(op, flavour)]]
    covered = 2 * len(ids) - len(missing)
    print(
        f"\noperation coverage against memsy.local: {covered}/{2 * len(ids)} ({100 * covered / (2 * len(ids)):.0f} %)"
    )
    assert not missing, "operations never exercised: " + ", ".join(missing)
