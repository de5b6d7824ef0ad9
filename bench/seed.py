"""Fill a memsy.local database with memories directly (setup for the benchmarks, not a measured path)."""

from __future__ import annotations

import json
import sys

from memsy.local.store import Store, iso, new_memory_id, ulid

from .bodies import text_for


def seed_memories(path: str, count: int, org_id: str = "org_local") -> None:
    store = Store(path)
    now = store.clock()
    rows = []
    for i in range(count):
        stamp = iso(now - (count - i))
        rows.append(
            (
                new_memory_id(),
                org_id,
                f"user_{i % 500}",
                f"session_{i % 50}",
                "actor",
                None,
                None,
                "preference" if i % 3 == 0 else "fact",
                "semantic",
                "fact",
                "active",
                text_for(i),
                None,
                0.5 + (i % 50) / 100,
                1.0,
                0,
                30.0,
                0,
                json.dumps(["travel"]),
                "[]",
                json.dumps([ulid(now)]),
                stamp,
                stamp,
                stamp,
                None,
            )
        )
    columns = (
        "memory_id, org_id, actor_id, session_id, scope_level, role_id, team_id, type, kind, memory_kind, status, "
        "text, summary, confidence, strength, recall_count, decay_half_life_days, pinned, tags, entity_refs, "
        "source_event_ids, observed_at, created_at, updated_at, last_recalled_at"
    )
    with store.transaction() as db:
        db.executemany(f"INSERT INTO memories ({columns}) VALUES ({', '.join('?' * 25)})", rows)
    store.close()


if __name__ == "__main__":
    seed_memories(sys.argv[1], int(sys.argv[2]))
