"""memsy.local's SQL: query shapes that keep requests cheap on a large store, and that give the same answers as
the plainer forms they replace."""

from __future__ import annotations

from typing import Any

import memsy
from memsy.local import LocalMemsy
from memsy.local.chunk import Chunk
from memsy.local.queries import SearchScope, search
from memsy.local.recalls import Recalls
from memsy.local.store import Store, org_token, session_token, visibility_token

ORG = "org_local"


def _events(count: int, actor: str) -> list[dict[str, Any]]:
    return [
        {"actor_id": actor, "session_id": "s", "kind": "user_message", "content": f"Fact {actor} {i}."}
        for i in range(count)
    ]


def _steps(store: Store, call: Any) -> int:
    """SQLite virtual-machine instructions ``call`` runs on this thread's connection."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    store.db.set_progress_handler(count, 1)
    try:
        call()
    finally:
        store.db.set_progress_handler(None, 1)
    return steps[0]


def test_event_ids_are_looked_up_by_primary_key_however_many_events_the_org_has() -> None:
    store = Store()
    try:
        ids = store.ingest(ORG, _events(100, "alice"))
        few = (_steps(store, lambda: store.statuses(ORG, ids)), _steps(store, lambda: store.events_by_id(ORG, ids)))
        for batch in range(20):
            store.ingest(ORG, _events(500, f"actor{batch}"))
        many = (_steps(store, lambda: store.statuses(ORG, ids)), _steps(store, lambda: store.events_by_id(ORG, ids)))
        # 10,000 more events of the org: a walk over them would take tens of times the instructions
        assert many[0] < 2 * few[0] and many[1] < 2 * few[1], (few, many)
        assert set(store.statuses(ORG, ids).values()) == {"pending"}
        assert list(store.events_by_id(ORG, ids)) == ids
        assert store.statuses("org_other", ids) == dict.fromkeys(ids, "unknown")
        assert store.events_by_id("org_other", ids) == {}
    finally:
        store.close()


def test_query_words_shaped_like_scope_tokens_never_match_the_scope_column() -> None:
    with LocalMemsy(processing_delay=0.0) as local, memsy.MemsyClient(local.data_url, api_key=local.api_key) as sdk:
        events = [
            {"actor_id": "alice", "session_id": "s1", "kind": "user_message", "content": "Zebras graze at dawn."},
            {"actor_id": "alice", "session_id": "s1", "kind": "user_message", "content": "Ännchen likes tea."},
        ]
        sdk.wait_for(sdk.ingest(events).event_ids, poll_interval=0.01, timeout=10)
        for token in (
            org_token(ORG),
            visibility_token(ORG, "actor", "alice"),
            session_token(ORG, "s1"),
            session_token(ORG, None),
        ):
            assert sdk.search(token).results == []
            assert sdk.search(token, actor_id="alice").results == []
            assert [r.content for r in sdk.search(f"{token} tea").results] == ["Ännchen likes tea."]
        assert [r.content for r in sdk.search("zebras").results] == ["Zebras graze at dawn."]
        assert [r.content for r in sdk.search("ännchen").results] == ["Ännchen likes tea."]


def test_words_without_a_z_rank_the_same_without_the_column_filter() -> None:
    """What :func:`memsy.local.queries.search` relies on when it leaves the column filter out."""
    store = Store()
    try:
        with store.transaction() as db:
            for i in range(300):
                words = ["window", "seats", "travel", "tea", "coffee", "hotel", "quiet", "lisbon"]
                text = " ".join(words[(i * k) % len(words)] for k in range(1, 6)) + f" note {i}."
                db.execute(
                    "INSERT INTO memories (memory_id, org_id, actor_id, session_id, scope_level, type, kind, "
                    "memory_kind, status, text, confidence, strength, recall_count, decay_half_life_days, pinned, "
                    "tags, entity_refs, source_event_ids, created_at, updated_at) VALUES (?, ?, ?, ?, 'actor', "
                    "'fact', 'semantic', 'fact', 'active', ?, 0.5, 1.0, 0, 30.0, 0, ?, '[]', '[]', 'x', 'x')",
                    (f"m{i}", ORG, f"user_{i % 7}", f"s{i % 3}", text, f'["{words[i % len(words)]}"]'),
                )
        sql = (
            "SELECT rowid, bm25(memories_fts, 1.0, 1.0, 0.0) FROM memories_fts WHERE memories_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT 100"
        )
        scope = f' AND scope : ("{visibility_token(ORG, "actor", "user_3")}" OR "{visibility_token(ORG, "org")}")'
        compared = 0
        for words_of_query in (['"tea"'], ['"window"', '"seats"'], ['"quiet"', '"lisbon"', '"note"']):
            for tier in (" AND ".join(words_of_query), " OR ".join(words_of_query)):
                for rest in ("", scope):
                    filtered = [tuple(r) for r in store.query(sql, (f"{{text tags}} : ({tier}){rest}",))]
                    assert [tuple(r) for r in store.query(sql, (f"({tier}){rest}",))] == filtered
                    compared += len(filtered)
        assert compared > 500
    finally:
        store.close()


def test_stored_json_reads_what_json_loads_reads_and_refuses_what_it_refuses() -> None:
    import json

    import pytest

    from memsy.local.queries import stored_json

    for text in ('["travel"]', "[]", '[{"name": "Ada", "type": "entity"}]', " [1] ", "[1]\n", '"x"', "NaN", b"[1]"):
        assert repr(stored_json(text)) == repr(json.loads(text))  # (repr: NaN is not equal to itself)
    for bad in ("", "[1] [2]", "\ufeff[1]", "[1", '{"a": }', None):
        with pytest.raises((ValueError, TypeError)) as expected:
            json.loads(bad)  # type: ignore[arg-type]
        with pytest.raises(expected.type) as got:
            stored_json(bad)
        assert str(got.value) == str(expected.value)


def test_another_orgs_first_memory_stays_out_of_a_search_that_believed_its_org_alone() -> None:
    with LocalMemsy(processing_delay=0.0) as local, memsy.MemsyClient(local.data_url, api_key=local.api_key) as sdk:
        sdk.ingest([{**_events(1, "alice")[0], "content": "Tea at noon."}])
        local.process_pending()
        assert local.store.memory_orgs() == {ORG}  # an org-wide search of this org now skips the org filter
        # Another org's first memory lands after that was read (the extraction process writes beside the server,
        # and another server can share the file): a search must still not return it.
        columns = [r[1] for r in local.store.query("PRAGMA table_info(memories)")]
        copied = ", ".join(
            {"memory_id": "memory_id || '-other'", "org_id": "'org_other'", "text": "'Tea for the other org.'"}.get(
                column, column
            )
            for column in columns
        )
        with local.store.transaction() as db:
            db.execute(f"INSERT INTO memories ({', '.join(columns)}) SELECT {copied} FROM memories")
        assert local.store.count("SELECT COUNT(*) FROM memories WHERE org_id = 'org_other'") == 1
        assert [r.content for r in sdk.search("tea").results] == ["Tea at noon."]


def test_search_reads_its_results_by_rowid_however_many_memories_the_org_has() -> None:
    store = Store()
    chunk = Chunk(store, ())

    def extract_all(events: list[dict[str, Any]]) -> None:
        store.ingest(ORG, events)
        while chunk.prepare(store.clock())[0]:
            with store.write_lock:
                chunk.write(store.clock())

    def searched() -> list[dict[str, Any]]:
        scope = SearchScope(ORG, None, (), (), None, None)
        return search(
            store, Recalls(store), scope, "tea", limit=10, threshold=0.0, include_source_events=False, window=500
        )

    try:
        extract_all([{**e, "content": f"Tea number {i}."} for i, e in enumerate(_events(10, "alice"))])
        few = _steps(store, searched)
        extract_all(_events(5000, "bob"))  # memories of the org without the word
        many = _steps(store, searched)
        # Reading the results through an index of the org's memories (SQLite's choice without statistics once
        # ten rowids are asked for) would walk all 5,000 more
        assert many < 2 * few, (few, many)
        assert len(searched()) == 10
    finally:
        store.close()


def _rows_fetched(store: Store, call: Any) -> int:
    """Rows ``call`` fetches through sqlite3 on this thread's connection: each one lets go of the GIL and takes it
    back (two thread switches when other threads wait for it)."""
    import sqlite3

    fetched = [0]

    def counting(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> sqlite3.Row:
        fetched[0] += 1
        return sqlite3.Row(cursor, row)

    store.db.row_factory = counting
    try:
        call()
    finally:
        store.db.row_factory = sqlite3.Row
    return fetched[0]


def _insert_memories(store: Store, count: int) -> None:
    with store.transaction() as db:
        for i in range(count):
            db.execute(
                "INSERT INTO memories (memory_id, org_id, actor_id, session_id, scope_level, type, kind, memory_kind, "
                "status, text, summary, confidence, strength, recall_count, decay_half_life_days, pinned, tags, "
                "entity_refs, source_event_ids, observed_at, created_at, updated_at) VALUES (?, ?, ?, 's', 'actor', "
                "'fact', 'semantic', 'fact', 'active', ?, ?, ?, ?, 0, 30.0, 0, '[\"tea\"]', '[]', '[]', ?, 'x', 'x')",
                (
                    f"m{i:04d}",
                    ORG,
                    f"user_{i % 3}",
                    f'Tea {i}: \x00\x01\u2028 "quoted" \\ \U0001f600',
                    None if i % 2 else f"summary {i}",
                    0.5 + (i % 50) / 100,  # 0.5700000000000001 and others that 15 digits do not give back
                    (0.1 + 0.2) * (i % 7),
                    None if i % 5 == 0 else f"2026-01-{1 + i % 28:02d}T00:00:00Z",  # ties and NULLs to sort
                ),
            )


def test_rows_read_in_one_step_are_the_rows_sqlite3_reads_value_for_value() -> None:
    from memsy.local.queries import MEMORY_SORTS

    store = Store()
    try:
        _insert_memories(store, 120)
        store.rows("memories", "WHERE 0")  # (the first read of a table also reads its columns)
        for clause, params in [("WHERE org_id = ?", (ORG,)), ("WHERE org_id = ? AND 0", (ORG,))] + [
            (f"WHERE org_id = ? AND status = 'active' ORDER BY {order} LIMIT ? OFFSET ?", (ORG, 25, offset))
            for order in MEMORY_SORTS.values()
            for offset in (0, 40)
        ]:
            plain = [dict(r) for r in store.query(f"SELECT rowid, * FROM memories {clause}", params)]
            assert _rows_fetched(store, lambda c=clause, p=params: store.rows("memories", c, p)) == 1
            read = store.rows("memories", clause, params)
            assert read == plain  # the same rows in the same order, and the same floats (not within 15 digits)
            assert [[type(v) for v in r.values()] for r in read] == [[type(v) for v in r.values()] for r in plain]
        assert any(r["confidence"] == 0.5700000000000001 for r in store.rows("memories", "WHERE 1", ()))
    finally:
        store.close()


def test_a_search_and_a_page_of_memories_fetch_a_row_per_query_not_per_result() -> None:
    from memsy.local.queries import MemoryCounts, list_memories

    store = Store()
    recalls = Recalls(store)
    try:
        _insert_memories(store, 60)
        store.rows("memories", "WHERE 0"), store.rows("events", "WHERE 0")  # (a table's first read reads its columns)
        ids = store.ingest(ORG, _events(10, "alice"))
        with store.transaction() as db:
            db.execute("UPDATE memories SET source_event_ids = ?", (f'["{ids[0]}", "{ids[1]}"]',))
        scope = SearchScope(ORG, None, (), (), None, None)
        for query in ("tea", "tea quoted", "tea nothing"):  # one tier, two tiers, and the second tier ranked

            def searched(query: str = query) -> None:
                results = search(
                    store, recalls, scope, query, limit=10, threshold=0.0, include_source_events=True, window=500
                )
                assert len(results) == 10 and results[0]["metadata"]["source_events"]

            assert _rows_fetched(store, searched) <= 5  # (before: a row per result in each of 3 or 4 queries)

        def page() -> None:
            items, _ = list_memories(store, recalls, MemoryCounts(), ORG, {}, "observed_at_desc", 20, 0, 60)
            assert len(items) == 20

        assert _rows_fetched(store, page) == 1
    finally:
        store.close()
