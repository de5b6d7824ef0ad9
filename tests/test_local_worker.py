"""memsy.local's extraction worker: a chunk of events is written with a few statements, and gives the memories
that one event at a time would (reinforcement within the chunk and of stored memories, events already taken)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from memsy.local.store import Store
from memsy.local.worker import CHUNK, Worker

ORG = "org_local"


def _event(content: str, kind: str = "user_message", actor: str = "alice", session: str = "s1") -> dict[str, Any]:
    return {"actor_id": actor, "session_id": session, "kind": kind, "content": content}


class _Run:
    """A store, a worker that extracts at once, and what the worker reported."""

    def __init__(self) -> None:
        self.store = Store()
        self.stored: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()
        self.worker = Worker(
            self.store,
            processing_delay=0.0,
            blocked_terms=("memsy:reject",),
            on_memories_stored=lambda org, n: self.stored.update({org: n}),
            on_tokens_used=lambda org, n: self.tokens.update({org: n}),
        )

    def memories(self) -> list[dict[str, Any]]:
        rows = self.store.query("SELECT * FROM memories ORDER BY rowid")
        return [{**dict(r), "source_event_ids": json.loads(r["source_event_ids"])} for r in rows]


@pytest.fixture
def run() -> Any:
    started = _Run()
    yield started
    started.store.close()


def test_a_chunk_is_written_with_a_few_statements_however_many_events(run: _Run) -> None:
    def statements_for(count: int, tag: str) -> int:
        run.store.ingest(ORG, [_event(f"Fact {tag} {i}.", actor=f"a{i % 7}") for i in range(count)])
        seen: set[str] = set()  # (SQLite traces a statement again as each row starts its triggers; "--": inside them)
        run.store.db.set_trace_callback(lambda sql: None if sql.startswith("--") else seen.add(sql))
        try:
            assert run.worker.run_once() == count
        finally:
            run.store.db.set_trace_callback(None)
        return len(seen)

    few, many = statements_for(2, "few"), statements_for(CHUNK, "many")
    assert few == many == 7  # due events, BEGIN, pending ones, their statuses, same texts, insert, COMMIT
    assert run.stored[ORG] == 2 + CHUNK


def test_equal_memories_in_one_chunk_and_across_chunks_reinforce_one_memory(run: _Run) -> None:
    first = run.store.ingest(ORG, [_event("I am vegetarian."), _event("I am vegetarian.", kind="app_event")])
    other = run.store.ingest(ORG, [_event("I am vegetarian.", actor="bob"), _event("I am vegetarian.", session="s2")])
    assert run.worker.run_once() == 4  # one chunk
    memories = run.memories()
    assert [(m["actor_id"], m["session_id"], m["strength"]) for m in memories] == [
        ("alice", "s1", pytest.approx(1.2)),
        ("bob", "s1", 1.0),
        ("alice", "s2", 1.0),
    ]
    assert memories[0]["source_event_ids"] == first
    assert [m["source_event_ids"] for m in memories[1:]] == [[other[0]], [other[1]]]
    assert run.stored[ORG] == 3

    later = run.store.ingest(ORG, [_event("I am vegetarian.", kind="tool_result")])
    assert run.worker.run_once() == 1
    again = run.memories()
    assert len(again) == 3 and again[0]["strength"] == pytest.approx(1.4)
    assert again[0]["source_event_ids"] == [*first, *later]
    assert run.stored[ORG] == 3  # reinforcing stores nothing new
    assert run.tokens[ORG] > 0


def test_events_no_longer_pending_are_left_alone(run: _Run) -> None:
    ids = run.store.ingest(ORG, [_event("I like tea."), _event("I like coffee."), _event("memsy:reject this")])
    due = run.store.due_events(run.store.clock(), CHUNK)
    with run.store.transaction() as db:  # another worker on the same file finished the first one meanwhile
        db.execute("UPDATE events SET status = 'completed' WHERE event_id = ?", (ids[0],))
    run.store.due_events = lambda *_: due  # type: ignore[method-assign]
    assert run.worker.run_once() == 3
    assert [m["text"] for m in run.memories()] == ["I like coffee."]
    assert run.store.statuses(ORG, ids) == {ids[0]: "completed", ids[1]: "completed", ids[2]: "failed"}
    assert run.stored[ORG] == 1
