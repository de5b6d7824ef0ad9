"""memsy.local's extraction worker: a chunk of events is written with a few statements, and gives the memories
that one event at a time would (reinforcement within the chunk and of stored memories, events already taken), in
the worker thread or in the extraction process, which ends with its server and is replaced when it dies."""

from __future__ import annotations

import json
import logging
import math
import os
import signal
import sys
import threading
import time
from collections import Counter
from typing import Any

import pytest

import memsy
from memsy.local import LocalMemsy, extraction_process
from memsy.local.chunk import CHUNK
from memsy.local.extraction_process import ChunkProcess, ExtractionProcessError
from memsy.local.store import MAX_VARIABLES, Store
from memsy.local.worker import Worker

ORG = "org_local"
BLOCKED = ("memsy:reject",)


def _event(content: str, kind: str = "user_message", actor: str = "alice", session: str = "s1") -> dict[str, Any]:
    return {"actor_id": actor, "session_id": session, "kind": kind, "content": content}


class _Run:
    """A store, a worker that extracts at once, and what the worker reported."""

    def __init__(self, in_process: bool = False) -> None:
        self.store = Store()
        self.stored: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()
        self.process = ChunkProcess(self.store, BLOCKED) if in_process else None
        self.worker = Worker(
            self.store,
            processing_delay=0.0,
            blocked_terms=BLOCKED,
            on_memories_stored=lambda org, n: self.stored.update({org: n}),
            on_tokens_used=lambda org, n: self.tokens.update({org: n}),
            chunk=self.process,
        )

    def memories(self) -> list[dict[str, Any]]:
        rows = self.store.query("SELECT * FROM memories ORDER BY rowid")
        return [{**dict(r), "source_event_ids": json.loads(r["source_event_ids"])} for r in rows]


@pytest.fixture(params=["worker thread", "extraction process"])
def run(request: pytest.FixtureRequest) -> Any:
    started = _Run(in_process=request.param == "extraction process")
    yield started
    started.worker.stop()
    started.store.close()


def _ended(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_chunk_is_written_with_a_few_statements_however_many_events() -> None:
    run = _Run()  # (in this thread, where its statements can be traced)

    def statements_for(count: int, tag: str) -> int:
        run.store.ingest(ORG, [_event(f"Fact {tag} {i}.", actor=f"a{i % 7}") for i in range(count)])
        seen: set[str] = set()  # (SQLite traces a statement again as each row starts its triggers; "--": inside them)
        run.store.db.set_trace_callback(lambda sql: None if sql.startswith("--") else seen.add(sql))
        try:
            assert run.worker.run_once() == count
        finally:
            run.store.db.set_trace_callback(None)
        return len(seen)

    run.store.memory_orgs()  # (read once per store: not a chunk's work)
    few, many = statements_for(2, "few"), statements_for(CHUNK, "many")
    assert few == 7  # due events, BEGIN, pending ones, their statuses, same texts, insert, COMMIT
    assert many == 6 + math.ceil(CHUNK / (MAX_VARIABLES // 25))  # the insert within every SQLite's variable limit
    assert run.stored[ORG] == 2 + CHUNK
    run.store.close()


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


def test_events_no_longer_pending_are_left_alone() -> None:
    run = _Run()  # (in this thread, where due_events can be replaced)
    ids = run.store.ingest(ORG, [_event("I like tea."), _event("I like coffee."), _event("memsy:reject this")])
    due = run.store.due_events(run.store.clock(), CHUNK)
    with run.store.transaction() as db:  # another worker on the same file finished the first one meanwhile
        db.execute("UPDATE events SET status = 'completed' WHERE event_id = ?", (ids[0],))
    run.store.due_events = lambda *_: due  # type: ignore[method-assign]
    assert run.worker.run_once() == 3
    assert [m["text"] for m in run.memories()] == ["I like coffee."]
    assert run.store.statuses(ORG, ids) == {ids[0]: "completed", ids[1]: "completed", ids[2]: "failed"}
    assert run.stored[ORG] == 1
    run.store.close()


def test_extraction_runs_in_a_process_that_ends_with_its_server() -> None:
    with LocalMemsy() as local, memsy.MemsyClient(local.data_url, api_key=local.api_key) as sdk:
        chunk = local.app.worker._chunk
        assert isinstance(chunk, ChunkProcess)
        sdk.search("tea")
        time.sleep(0.2)  # a few of the worker's rounds
        assert chunk.pid is None  # nothing to extract yet: no process
        ids = sdk.ingest([_event("I like green tea.")]).event_ids
        assert sdk.wait_for(ids, poll_interval=0.01, timeout=10).completed_ids == ids
        assert sdk.search("tea").results[0].content == "I like green tea."
        assert local.app.metering.usage(local.app.config.org_id)["llm_tokens"] > 0  # reported back, and metered
        assert chunk.pid is not None and chunk.pid != os.getpid()
        pid = chunk.pid
    assert _ended(pid)


def test_ctrl_c_leaves_the_extraction_process_to_its_server() -> None:
    run = _Run(in_process=True)
    assert run.process is not None
    try:
        first = run.store.ingest(ORG, [_event("I like coffee.")])
        assert run.worker.run_once() == 1
        pid = run.process.pid
        assert pid is not None
        os.kill(pid, signal.SIGINT)  # what a terminal's Ctrl-C sends to every process of the group
        ids = run.store.ingest(ORG, [_event("I like tea.")])
        assert run.worker.run_once() == 1 and run.process.pid == pid
        assert run.store.statuses(ORG, [*first, *ids]) == dict.fromkeys([*first, *ids], "completed")
    finally:
        run.worker.stop()
        run.store.close()


def test_a_dead_extraction_process_is_replaced_and_nothing_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction_process, "RESTART_PAUSE", (0.2, 0.4))
    run = _Run(in_process=True)
    assert run.process is not None
    try:
        ids = run.store.ingest(ORG, [_event("I like tea."), _event("I like coffee.")])
        assert run.process.prepare(run.store.clock()) == (2, {ORG})
        first = run.process.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)  # between the two steps: the chunk it prepared is gone with it
        with run.store.write_lock:
            try:  # seen dying during the call (the worker logs it), or before it (a new process has nothing to write)
                assert run.process.write(run.store.clock()) == (Counter(), Counter())
            except ExtractionProcessError as error:
                assert "ended" in str(error)
        assert run.store.statuses(ORG, ids) == dict.fromkeys(ids, "pending")
        with pytest.raises(ExtractionProcessError, match="starts shortly"):  # not a new process every round
            run.worker.run_once()
        time.sleep(0.25)
        assert run.worker.run_once() == 2
        assert run.process.pid not in (None, first) and _ended(first)
        assert run.store.statuses(ORG, ids) == dict.fromkeys(ids, "completed") and run.stored[ORG] == 2
    finally:
        run.worker.stop()
        run.store.close()


@pytest.mark.parametrize("executable", ["", "/bin/false"])
def test_without_a_process_that_starts_extraction_runs_in_the_worker_thread(
    executable: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "executable", executable)  # none at all, or one that ends at once
    run = _Run(in_process=True)
    try:
        ids = run.store.ingest(ORG, [_event("I like tea.")])
        with caplog.at_level(logging.WARNING, logger="memsy.local"):
            assert run.worker.run_once() == 1
            assert run.worker.run_once() == 0  # and no new process is tried for every round
        assert caplog.text.count("extraction runs in the server's worker thread from now on") == 1
        assert run.process is not None and run.process.pid is None
        assert run.store.statuses(ORG, ids) == {ids[0]: "completed"}
    finally:
        run.worker.stop()
        run.store.close()


def test_orgs_noted_before_the_first_read_are_not_lost() -> None:
    store = Store()
    try:
        store.ingest(ORG, [_event("I like tea.")])
        store.note_memory_orgs({"org_other"})  # the worker, before writing org_other's first memory
        assert store.memory_orgs() == {"org_other"}  # a search between that and the write must know it
    finally:
        store.close()


def test_an_interrupted_request_never_leaves_the_answers_out_of_step(monkeypatch: pytest.MonkeyPatch) -> None:
    run = _Run(in_process=True)
    try:
        ids = run.store.ingest(ORG, [_event("I like tea.")])
        sent = extraction_process._send

        def interrupted(pipe: Any, message: dict[str, Any]) -> None:
            sent(pipe, message)
            # Ctrl-C or a test's timeout, after the request went out (this test's own request: not another
            # server's worker thread that may still run in this process)
            if "prepare" in message and threading.current_thread() is threading.main_thread():
                raise KeyboardInterrupt

        monkeypatch.setattr(extraction_process, "_send", interrupted)
        with pytest.raises(KeyboardInterrupt):
            run.worker.run_once()
        monkeypatch.setattr(extraction_process, "_send", sent)
        assert run.worker.run_once() == 1  # each answer read by its own request
        assert run.store.statuses(ORG, ids) == {ids[0]: "completed"} and run.stored[ORG] == 1
    finally:
        run.worker.stop()
        run.store.close()


def test_a_process_silent_at_start_is_ended_and_extraction_runs_in_the_worker_thread(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # What an embedding application's sys.executable can do: start, read, and never answer nor end.
    monkeypatch.setattr(extraction_process, "_CHILD", "import time; time.sleep(60)  # {root}")
    monkeypatch.setattr(extraction_process, "ANSWER_SECONDS", 0.5)
    run = _Run(in_process=True)
    assert run.process is not None
    try:
        ids = run.store.ingest(ORG, [_event("I like tea.")])
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="memsy.local"):
            assert run.worker.run_once() == 1
        assert time.monotonic() - started < 10
        assert "did not answer within 0.5 s" in caplog.text
        assert "extraction runs in the server's worker thread from now on" in caplog.text
        assert run.store.statuses(ORG, ids) == {ids[0]: "completed"} and run.stored[ORG] == 1
    finally:
        run.worker.stop()
        run.store.close()


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="stopping a process takes POSIX's SIGSTOP")
def test_a_process_that_falls_silent_is_ended_and_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction_process, "RESTART_PAUSE", (0.2, 0.4))
    run = _Run(in_process=True)
    assert run.process is not None
    try:
        run.store.ingest(ORG, [_event("I like coffee.")])
        assert run.worker.run_once() == 1
        silent = run.process.pid
        assert silent is not None
        os.kill(silent, signal.SIGSTOP)  # alive, and answering nothing
        monkeypatch.setattr(extraction_process, "ANSWER_SECONDS", 0.5)
        ids = run.store.ingest(ORG, [_event("I like tea.")])
        with pytest.raises(ExtractionProcessError, match="ended"):
            run.worker.run_once()
        assert run.process.pid is None and _ended(silent)
        time.sleep(0.25)
        assert run.worker.run_once() == 1
        assert run.process.pid not in (None, silent)
        assert run.store.statuses(ORG, ids) == {ids[0]: "completed"}
    finally:
        run.worker.stop()
        run.store.close()
