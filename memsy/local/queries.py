"""Read-side queries of memsy.local: ranked search, console memories, stats and actors."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .extraction import STOPWORDS, stem, words
from .store import Store, iso

MAX_SOURCE_METADATA = 5
RECALL_STEP = 0.1
MAX_STRENGTH = 5.0
ACTOR_SCAN_CAP = 200_000
MEMORY_SORTS = {
    "observed_at_desc": "observed_at DESC, memory_id ASC",
    "observed_at_asc": "observed_at ASC, memory_id ASC",
    "strength_desc": "strength DESC, memory_id ASC",
    "confidence_desc": "confidence DESC, memory_id ASC",
    "created_at_desc": "created_at DESC, memory_id ASC",
}
ACTOR_SORTS = {
    "first_memory_desc": "first_memory_at DESC, actor_id ASC",
    "first_memory_asc": "first_memory_at ASC, actor_id ASC",
    "last_memory_desc": "last_memory_at DESC, actor_id ASC",
    "actor_id_asc": "actor_id ASC",
}


def memory_item(row: sqlite3.Row) -> dict[str, Any]:
    """A memory row as the console's MemoryItem."""
    level = row["scope_level"]
    return {
        "memory_id": row["memory_id"],
        "org_id": row["org_id"],
        "scope": {
            "level": level,
            "actor_id": row["actor_id"] if level == "actor" else None,
            "team_id": row["team_id"],
            "role_id": row["role_id"],
        },
        "type": row["type"],
        "kind": row["kind"],
        "memory_kind": row["memory_kind"],
        "status": row["status"],
        "text": row["text"],
        "confidence": row["confidence"],
        "strength": row["strength"],
        "recall_count": row["recall_count"],
        "decay_half_life_days": row["decay_half_life_days"],
        "pinned": bool(row["pinned"]),
        "tags": json.loads(row["tags"]),
        "entity_refs": json.loads(row["entity_refs"]),
        "source_event_ids": json.loads(row["source_event_ids"]),
        "source_urls": [],
        "summary": row["summary"],
        "payload": None,
        "last_recalled_at": row["last_recalled_at"],
        "effective_from": None,
        "effective_to": None,
        "observed_at": row["observed_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


@dataclass(frozen=True)
class SearchScope:
    org_id: str
    actor_id: str | None
    role_ids: tuple[str, ...]
    team_ids: tuple[str, ...]
    session_id: str | None
    exclude_session_id: str | None


def _fts_query(query: str) -> tuple[str, list[str]]:
    tokens = [w for w in dict.fromkeys(words(query)) if w not in STOPWORDS] or list(dict.fromkeys(words(query)))
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens), tokens


def _scope_filter(scope: SearchScope) -> tuple[str, list[Any]]:
    where, params = ["m.org_id = ?", "m.status = 'active'"], [scope.org_id]
    if scope.actor_id is not None:
        visible = ["(m.scope_level = 'actor' AND m.actor_id = ?)", "m.scope_level = 'org'"]
        params.append(scope.actor_id)
        for level, ids in (("role", scope.role_ids), ("team", scope.team_ids)):
            if ids:
                visible.append(f"(m.scope_level = '{level}' AND m.{level}_id IN ({','.join('?' * len(ids))}))")
                params.extend(ids)
        where.append("(" + " OR ".join(visible) + ")")
    if scope.session_id:
        where.append("(m.session_id IS NULL OR m.session_id = ?)")
        params.append(scope.session_id)
    if scope.exclude_session_id:
        where.append("(m.session_id IS NULL OR m.session_id != ?)")
        params.append(scope.exclude_session_id)
    return " AND ".join(where), params


def search(
    store: Store, scope: SearchScope, query: str, limit: int, threshold: float, include_source_events: bool
) -> list[dict[str, Any]]:
    """Ranked full-text search (FTS5 bm25), scores in 0..1; recalled memories are reinforced."""
    match, tokens = _fts_query(query)
    if not tokens:
        return []
    where, params = _scope_filter(scope)
    rows = store.query(
        "SELECT m.rowid AS rid, m.*, bm25(memories_fts) AS rank FROM memories_fts "
        f"JOIN memories m ON m.rowid = memories_fts.rowid WHERE memories_fts MATCH ? AND {where} "
        "ORDER BY rank, m.memory_id LIMIT ?",
        (match, *params, limit),
    )
    if not rows:
        return []
    best = max(-r["rank"] for r in rows) or 1.0
    query_stems = {stem(t) for t in tokens}
    scored = []
    for row in rows:
        coverage = len(query_stems & {stem(w) for w in words(row["text"] + " " + row["tags"])}) / len(query_stems)
        relevance = max(0.0, -row["rank"]) / best
        score = round(0.5 * coverage + 0.5 * relevance, 6)
        if score >= threshold:
            scored.append((score, row))
    _reinforce(store, [row["rid"] for _, row in scored])
    events = store.events_by_id([e for _, row in scored for e in json.loads(row["source_event_ids"])])
    return [_result(row, score, events, include_source_events) for score, row in scored]


def _reinforce(store: Store, rowids: list[int]) -> None:
    if not rowids:
        return
    with store.transaction() as db:
        db.execute(
            f"UPDATE memories SET strength = ROUND(MIN(?, strength + ?), 4), recall_count = recall_count + 1, "
            f"last_recalled_at = ? WHERE rowid IN ({','.join('?' * len(rowids))})",
            (MAX_STRENGTH, RECALL_STEP, iso(store.clock()), *rowids),
        )


def _result(row: sqlite3.Row, score: float, events: dict[str, sqlite3.Row], with_sources: bool) -> dict[str, Any]:
    source_ids = json.loads(row["source_event_ids"])
    metadata: dict[str, Any] = {
        "type": row["type"],
        "kind": row["kind"],
        "strength": round(min(MAX_STRENGTH, row["strength"] + RECALL_STEP), 4),
        "confidence": row["confidence"],
        "tags": json.loads(row["tags"]),
        "entities": json.loads(row["entity_refs"]),
        "observed_at": row["observed_at"],
        "actor_id": row["actor_id"],
        "session_id": row["session_id"],
        "source_event_ids": source_ids,
    }
    sources = [events[i] for i in source_ids if i in events]
    if with_sources:
        metadata["source_events"] = [
            {"event_id": e["event_id"], "kind": e["kind"], "content": e["content"], "ts": e["ts"]} for e in sources
        ]
    user_metadata = [_source_metadata(e) for e in sources if e["metadata"] is not None][:MAX_SOURCE_METADATA]
    if user_metadata:
        metadata["source_metadata"] = user_metadata
    return {"id": row["memory_id"], "content": row["text"], "score": score, "metadata": metadata}


def parse_metadata(text: str | None) -> dict[str, Any] | None:
    """Event metadata text as an object: the parsed JSON object, else ``{"raw": text}``."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"raw": text}
    return value if isinstance(value, dict) else {"raw": text}


def _source_metadata(event: sqlite3.Row) -> dict[str, Any]:
    parsed = parse_metadata(event["metadata"])
    if parsed is not None and set(parsed) == {"raw"} and parsed["raw"] == event["metadata"]:
        return {"event_id": event["event_id"], "raw": event["metadata"]}
    return {"event_id": event["event_id"], "metadata": parsed}


def list_memories(
    store: Store, org_id: str, filters: dict[str, Any], sort: str, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    where, params = ["org_id = ?", "status = ?"], [org_id, filters.get("status") or "active"]
    for column in ("actor_id", "kind", "type"):
        if filters.get(column) is not None:
            where.append(f"{column} = ?")
            params.append(filters[column])
    if filters.get("search"):
        escaped = filters["search"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("text LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    clause = " AND ".join(where)
    rows = store.query(
        f"SELECT * FROM memories WHERE {clause} ORDER BY {MEMORY_SORTS[sort]} LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [memory_item(r) for r in rows], store.count(f"SELECT COUNT(*) FROM memories WHERE {clause}", params)


def get_memory(store: Store, org_id: str, memory_id: str) -> dict[str, Any] | None:
    row = store.one("SELECT * FROM memories WHERE org_id = ? AND memory_id = ?", (org_id, memory_id))
    return memory_item(row) if row else None


def memory_stats(store: Store, org_id: str) -> dict[str, Any]:
    def grouped(column: str) -> dict[str, int]:
        rows = store.query(f"SELECT {column} AS k, COUNT(*) AS n FROM memories WHERE org_id = ? GROUP BY k", (org_id,))
        return {r["k"]: int(r["n"]) for r in rows}

    totals = store.one(
        "SELECT COUNT(*) AS n, SUM(status = 'active') AS active, AVG(confidence) AS conf, AVG(strength) AS strength, "
        "MIN(created_at) AS earliest, MAX(created_at) AS latest FROM memories WHERE org_id = ?",
        (org_id,),
    )
    assert totals is not None
    entities: Counter[str] = Counter()
    for row in store.query("SELECT entity_refs FROM memories WHERE org_id = ? AND status = 'active'", (org_id,)):
        entities.update(e.get("name", "") for e in json.loads(row["entity_refs"]) if isinstance(e, dict))
    buckets = store.query(
        "SELECT MIN(CAST(confidence * 5 AS INTEGER), 4) AS b, COUNT(*) AS n FROM memories WHERE org_id = ? GROUP BY b",
        (org_id,),
    )
    by_bucket = {int(r["b"]): int(r["n"]) for r in buckets}
    total = int(totals["n"])
    return {
        "total": total,
        "total_memories": total,
        "active_memories": int(totals["active"] or 0),
        "by_type": grouped("type"),
        "by_kind": grouped("kind"),
        "by_status": grouped("status"),
        "avg_confidence": round(float(totals["conf"] or 0.0), 6),
        "avg_strength": round(float(totals["strength"] or 0.0), 6),
        "top_entities": [{"name": n, "count": c} for n, c in entities.most_common(10) if n],
        "confidence_buckets": [
            {"range": f"{b / 5:.1f}-{(b + 1) / 5:.1f}", "count": by_bucket.get(b, 0)} for b in range(5)
        ],
        "date_range": {"earliest": totals["earliest"], "latest": totals["latest"]},
    }


_ACTOR_SELECT = """
SELECT actor_id, MIN(created_at) AS first_memory_at, MAX(created_at) AS last_memory_at, COUNT(*) AS memory_count,
       SUM(status = 'active') AS active_memory_count, GROUP_CONCAT(DISTINCT scope_level) AS scope_levels,
       GROUP_CONCAT(DISTINCT role_id) AS role_ids, GROUP_CONCAT(DISTINCT team_id) AS team_ids
FROM (SELECT * FROM memories WHERE org_id = ? AND actor_id IS NOT NULL ORDER BY rowid LIMIT ?)
"""


def _actor(row: sqlite3.Row) -> dict[str, Any]:
    def split(value: str | None) -> list[str]:
        return sorted(value.split(",")) if value else []

    return {
        "actor_id": row["actor_id"],
        "first_memory_at": row["first_memory_at"],
        "last_memory_at": row["last_memory_at"],
        "memory_count": int(row["memory_count"]),
        "active_memory_count": int(row["active_memory_count"] or 0),
        "scope_levels": split(row["scope_levels"]),
        "role_ids": split(row["role_ids"]),
        "team_ids": split(row["team_ids"]),
    }


def list_actors(
    store: Store, org_id: str, sort: str, q: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int, bool]:
    having, params = "", [org_id, ACTOR_SCAN_CAP]
    if q:
        having = "HAVING instr(lower(actor_id), lower(?)) > 0"
        params.append(q)
    grouped = f"{_ACTOR_SELECT} GROUP BY actor_id {having}"
    rows = store.query(f"{grouped} ORDER BY {ACTOR_SORTS[sort]} LIMIT ? OFFSET ?", (*params, limit, offset))
    total = store.count(f"SELECT COUNT(*) FROM ({grouped})", params)
    truncated = store.count("SELECT COUNT(*) FROM memories WHERE org_id = ?", (org_id,)) > ACTOR_SCAN_CAP
    return [_actor(r) for r in rows], total, truncated


def get_actor(store: Store, org_id: str, actor_id: str) -> dict[str, Any] | None:
    row = store.one(f"{_ACTOR_SELECT} WHERE actor_id = ? GROUP BY actor_id", (org_id, ACTOR_SCAN_CAP, actor_id))
    return _actor(row) if row else None
