"""Every answer of memsy.local carries an X-Request-Id, and every result of the SDK exposes it."""

from __future__ import annotations

import httpx
import pytest

import memsy
from memsy.local import LocalMemsy

from .contract_guard import ContractGuard
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
