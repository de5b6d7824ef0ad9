"""wait_for and ingest_many."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import memsy

from . import samples as s
from .conftest import Driver
from .fakes import reply

EVENT = {"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "x"}


def test_wait_for_polls_until_nothing_is_pending(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.queue(
        reply(200, s.status_body(completed=["e1"], pending=["e2", "e3"])),
        reply(200, s.status_body(failed=["e2"], pending=["e3"])),
        reply(200, s.status_body(completed=["e3"])),
    )
    result = sdk("wait_for", ["e1", "e2", "e3"], poll_interval=0.25)
    assert result.completed_ids == ["e1", "e3"] and result.failed_ids == ["e2"] and result.pending_ids == []
    assert result.statuses == {"e1": "completed", "e2": "failed", "e3": "completed"}
    assert result.total == 3 and result.rate_limit is not None
    assert sleeps == [0.25, 0.25]
    # only still-pending ids are asked again
    assert [json.loads(r.content)["event_ids"] for r in fake.requests] == [["e1", "e2", "e3"], ["e2", "e3"], ["e3"]]


def test_wait_for_chunks_by_500(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    ids = [f"e{i}" for i in range(1201)]
    fake.default = lambda request: reply(200, s.status_body(completed=json.loads(request.content)["event_ids"]))
    result = sdk("wait_for", ids)
    assert [len(json.loads(r.content)["event_ids"]) for r in fake.requests] == [500, 500, 201]
    assert result.completed_ids == ids and sleeps == []


def test_wait_for_times_out_with_the_last_state(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.default = reply(200, s.status_body(pending=["e1"]))
    with pytest.raises(memsy.WaitTimeoutError) as caught:
        sdk("wait_for", ["e1"], timeout=0, poll_interval=1)
    assert caught.value.status.pending_ids == ["e1"]
    assert "1 of 1 events still pending" in str(caught.value)
    assert isinstance(caught.value, memsy.MemsyError)


def test_wait_for_marks_unknown_ids(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    body = {**s.status_body(failed=["ghost"]), "unknownIds": ["ghost"]}
    fake.queue(reply(200, body))
    result = sdk("wait_for", ["ghost"])
    assert result.unknown_ids == ["ghost"] and result.statuses == {"ghost": "unknown"}


def _echo_ids(request: httpx.Request) -> httpx.Response:
    events = json.loads(request.content)["events"]
    return reply(200, {"event_ids": [f"id-{e['content']}" for e in events]})


def test_ingest_many_keeps_input_order(sdk: Driver, fake: Any) -> None:
    events = [{**EVENT, "content": str(i)} for i in range(23)]
    fake.default = _echo_ids
    result = sdk("ingest_many", events, batch_size=5, concurrency=3)
    assert result.event_ids == [f"id-{i}" for i in range(23)]
    assert sorted(len(json.loads(r.content)["events"]) for r in fake.requests) == [3, 5, 5, 5, 5]
    assert result.rate_limit is not None


def test_ingest_many_reports_what_was_stored_when_a_batch_fails(sdk: Driver, fake: Any) -> None:
    events = [{**EVENT, "content": str(i)} for i in range(6)]

    def fail_second_batch(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)["events"]
        if sent[0]["content"] == "2":
            return reply(503, {"detail": "down"})
        return _echo_ids(request)

    fake.default = fail_second_batch
    with pytest.raises(memsy.IngestManyError) as caught:
        sdk("ingest_many", events, batch_size=2, concurrency=1)
    error = caught.value
    assert error.event_ids[:2] == ["id-0", "id-1"]
    assert error.event_ids[2:4] == [None, None]
    assert set(error.errors) == {1}
    assert isinstance(error.errors[1], memsy.ServerError)
    assert isinstance(error.__cause__, memsy.ServerError)
