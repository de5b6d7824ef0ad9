"""New fields and new values from the server never break parsing; known fields stay readable."""

from __future__ import annotations

from typing import Any

from . import samples as s
from .conftest import Driver
from .fakes import reply


def test_unknown_properties_are_kept_in_extra(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(200, {**s.memory(), "embedding_model": "v9", "scope": {"level": "galaxy", "zone": 1}}))
    memory = sdk("memories.get", "mem_1")
    assert memory.extra == {"embedding_model": "v9"}
    assert memory.scope.level == "galaxy" and memory.text == "Prefers window seats."


def test_new_vocabulary_values_are_accepted(sdk: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, s.memory_page([s.memory(status="frozen", kind="holographic", type="hunch")], total=1)),
        reply(200, {**s.status_body(pending=["e1"]), "statuses": {"e1": "quarantined"}, "queueDepth": 4}),
        reply(200, {**s.HEALTH, "status": "degraded", "region": "eu"}),
    )
    item = sdk("memories.list").items[0]
    assert (item.status, item.kind, item.type) == ("frozen", "holographic", "hunch")
    status = sdk("status", ["e1"])
    assert status.statuses == {"e1": "quarantined"} and status.extra == {"queueDepth": 4}
    health = sdk("health")
    assert health.status == "degraded" and not health.ok and health.extra == {"region": "eu"}


def test_search_metadata_with_surprises(sdk: Driver, fake: Any) -> None:
    result = s.search_result(
        strength="strong",  # wrong type: the accessor reads None, metadata keeps the value
        source_events=[s.SOURCE_EVENT, "not an object", {"event_id": "ev_2", "kind": "voice_note", "content": "hi"}],
        sentiment={"score": 0.4},
    )
    fake.guard.check_responses = False  # strength as text is off-contract on purpose
    fake.queue(reply(200, {"results": [result], "next_cursor": None}))
    hit = sdk("search", "q").results[0]
    assert hit.strength is None and hit.metadata["strength"] == "strong"
    assert [e.event_id for e in hit.source_events] == ["ev_1", "ev_2"]
    assert hit.source_events[1].kind == "voice_note"
    assert hit.metadata["sentiment"] == {"score": 0.4}
