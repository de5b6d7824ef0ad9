"""Every answer of memsy.local carries an X-Request-Id, and every result of the SDK exposes it."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import memsy
from memsy.local import LocalMemsy

from .conftest import contract, operations
from .contract_guard import ContractGuard, GuardedTransport, operation_id
from .local_fixtures import connect


def test_every_result_and_every_error_has_the_request_id(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    with connect(server, wire_guard) as client:
        health = client.health()
        page = client.memories.list()
        raw = client.with_raw_response.search("anything")
        with pytest.raises(memsy.NotFoundError) as missing:
            client.memories.get("no-such-memory")
    ids = [health.request_id, page.request_id, raw.request_id, raw.parse().request_id, missing.value.request_id]
    assert all(i and i.startswith("req_") for i in ids), ids
    assert len(set(ids)) == 4  # one per request (the raw response and its parse share one)
    answer = httpx.get(server.url + "/no/such/route")
    assert answer.headers["x-request-id"].startswith("req_")


def _documented_headers(request: httpx.Request, status: int) -> set[str]:
    """The headers the contract documents for this answer of the operation the request addresses."""
    op_id = operation_id(request)
    op = next(op for _m, _p, op in operations() if op["operationId"] == op_id)
    responses = op["responses"]
    response = responses.get(str(status)) or responses[f"{str(status)[0]}XX"]
    if "$ref" in response:
        response = contract()["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return set(response.get("headers") or {})


def test_every_kind_of_answer_carries_the_request_id_the_contract_documents(server: LocalMemsy) -> None:
    """A success and the shared error answers (400, 401, 404, 422, 429, 501, 5XX): memsy.local sends X-Request-Id
    on each, the contract documents it on each, and each answer validates against the contract (the requests that
    provoke the errors do not, on purpose)."""
    guard = ContractGuard()
    key = {"Authorization": f"Bearer {server.api_key}"}
    wrong_key = {"Authorization": "Bearer msy_" + "0" * 32}
    data = server.data_url
    cases: list[tuple[int, Callable[[], None], httpx.Request]] = [
        (200, lambda: None, httpx.Request("POST", f"{data}/search", json={"query": "x"}, headers=key)),
        (400, lambda: None, httpx.Request("POST", f"{data}/search", json={"query": "x", "org_id": "o"}, headers=key)),
        (401, lambda: None, httpx.Request("POST", f"{data}/search", json={"query": "x"}, headers=wrong_key)),
        (404, lambda: None, httpx.Request("GET", f"{data}/console/memories/no-such-memory", headers=key)),
        (422, lambda: None, httpx.Request("POST", f"{data}/ingest", json={"events": []}, headers=key)),
        (429, server.faults.rate_limit, httpx.Request("POST", f"{data}/search", json={"query": "x"}, headers=key)),
        (501, lambda: None, httpx.Request("DELETE", f"{data}/clear/tag", headers=key)),
        (503, server.faults.server_error, httpx.Request("GET", f"{data}/health")),
    ]
    ids = []
    with httpx.Client(transport=GuardedTransport(httpx.HTTPTransport(), guard)) as client:
        for status, script, request in cases:
            script()
            response = client.send(request)
            assert response.status_code == status, (request.url, response.text)
            assert response.headers.get("x-request-id", "").startswith("req_"), (status, dict(response.headers))
            assert "X-Request-Id" in _documented_headers(request, status), (request.method, request.url.path, status)
            ids.append(response.headers["x-request-id"])
    assert len(set(ids)) == len(cases)
    assert [v for v in guard.violations if not v.startswith("request ")] == []
