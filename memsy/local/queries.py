"""Read-side queries of memsy.local: ranked search, console memories, stats and actors."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .extraction import STOPWORDS, stem, stems, words
from .recalls import MAX_STRENGTH, RECALL_STEP, Pending, Recalls, Row, current
from .store import Store, exact_real, iso, org_token, real_as_json, session_token, visibility_token

MAX_SOURCE_METADATA = 5
ACTOR_SCAN_CAP = 200_000
STRENGTH_SORTS = frozenset({"strength_desc"})
MEMORY_SORTS = {  # memory_id breaks ties in the sort's direction, so that one index serves both directions
    "observed_at_desc": "observed_at DESC, memory_id DESC",
    "observed_at_asc": "observed_at ASC, memory_id ASC",
    "strength_desc": "strength DESC, memory_id DESC",
    "confidence_desc": "confidence DESC, memory_id DESC",
    "created_at_desc": "created_at DESC, memory_id DESC",
}
ACTOR_SORTS = {
    "first_memory_desc": "first_memory_at DESC, actor_id ASC",
    "first_memory_asc": "first_memory_at ASC, actor_id ASC",
    "last_memory_desc": "last_memory_at DESC, actor_id ASC",
    "actor_id_asc": "actor_id ASC",
}


_DECODER = json.JSONDecoder()


def stored_json(text: Any) -> Any:
    """A JSON column of a memory, as memsy.local writes it (``json.dumps``: one value, nothing around it), read by
    ``JSONDecoder.raw_decode`` without the whitespace scans ``json.loads`` wraps it in (most of the cost of such
    short texts, and a search or a memory page reads dozens). Anything else (whitespace around the value, a BOM,
    bytes, text that is not JSON) goes through ``json.loads``: the value, or the error, is always the one it gives."""
    try:
        value, end = _DECODER.raw_decode(text)
    except (ValueError, TypeError):
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def memory_item(row: Row, pending: Pending) -> dict[str, Any]:
    """A memory row (read with its rowid) as the console's MemoryItem."""
    level = row["scope_level"]
    strength, recall_count, last_recalled_at = current(row, pending)
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
        "strength": strength,
        "recall_count": recall_count,
        "decay_half_life_days": row["decay_half_life_days"],
        "pinned": bool(row["pinned"]),
        "tags": stored_json(row["tags"]),
        "entity_refs": stored_json(row["entity_refs"]),
        "source_event_ids": stored_json(row["source_event_ids"]),
        "source_urls": [],
        "summary": row["summary"],
        "payload": None,
        "last_recalled_at": last_recalled_at,
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


def _phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _query_tokens(query: str) -> list[str]:
    """The query's words, stopwords left out unless the query has nothing else."""
    tokens = list(dict.fromkeys(words(query)))
    return [w for w in tokens if w not in STOPWORDS] or tokens


def _may_be_scope_token(token: str) -> bool:
    """Whether a query word could match a token of the index's scope column. Scope tokens all end in ``z``
    (:func:`store._scope_sql`), and the tokenizer (unicode61, then porter, which only ever writes a ``z`` where
    the word had one) makes a token with a ``z`` only from a word with one, or with a letter outside ASCII that
    it folds into one. A word that cannot match the scope column needs no column filter: FTS5 then matches and
    ranks exactly the same rows (bm25 finds the same hits and counts the same memories per word) without
    checking the column of every hit, which costs a sixth of a search."""
    return not token.isascii() or "z" in token


def _scope_match(scope: SearchScope, org_alone: bool) -> str:
    """The FTS5 expression (after the query's words) selecting the memories a search may see, with the tokens of
    :func:`store._scope_sql`. ``org_alone``: no other org has memories, so an org-wide search needs no org filter
    (the org's token is in every row: intersecting with it would only cost time)."""
    org = scope.org_id
    clauses = []
    if scope.actor_id is not None:
        visible = [visibility_token(org, "actor", scope.actor_id), visibility_token(org, "org")]
        visible += [visibility_token(org, "role", i) for i in dict.fromkeys(scope.role_ids)]
        visible += [visibility_token(org, "team", i) for i in dict.fromkeys(scope.team_ids)]
        clauses.append("scope : (" + " OR ".join(_phrase(t) for t in visible) + ")")
    elif not org_alone:
        clauses.append(f"scope : {_phrase(org_token(org))}")
    if scope.session_id:
        sessions = (session_token(org, None), session_token(org, scope.session_id))
        clauses.append("scope : (" + " OR ".join(_phrase(t) for t in sessions) + ")")
    match = "".join(f" AND {clause}" for clause in clauses)
    if scope.exclude_session_id:
        match += f" NOT scope : {_phrase(session_token(org, scope.exclude_session_id))}"
    return match


# Each of these queries answers in one row of JSON, which _ranked and _probe read (Store.joined).
#
# The newest ``window`` matches, ranked by bm25 (the scope column weighs nothing): FTS5 walks a doclist in rowid
# order and stops after ``window`` rows, so the cost does not grow with the store.
_RANKED = (
    f"SELECT group_concat(json_array(rowid, {real_as_json('rank')}, 0)) FROM (SELECT rowid, rank FROM (SELECT rowid, "
    "bm25(memories_fts, 1.0, 1.0, 0.0) AS rank FROM memories_fts WHERE memories_fts MATCH ? ORDER BY rowid DESC "
    "LIMIT ?) ORDER BY rank, rowid LIMIT ?)"
)
# Whether a query matches at least ``limit`` memories, and which ones when it matches fewer: no ranking (bm25 first
# counts every memory holding each query word, which costs more than the match on a large store), and in rowid
# order, which FTS5 walks without loading whole doclists.
_PROBE = (
    "SELECT group_concat(rowid) FROM (SELECT rowid FROM memories_fts WHERE memories_fts MATCH ? ORDER BY rowid LIMIT ?)"
)
# The second tier ranked with the first tier's few memories (``rowid IN (...)``) put first: bm25 gives a memory the
# same rank in both tiers (the same phrases, counted the same way), so one ranked query serves both.
_RANKED_AFTER = (
    f"SELECT group_concat(json_array(rowid, {real_as_json('rank')}, first)) FROM (SELECT rowid, rank, "
    "rowid IN ({marks}) AS first FROM (SELECT rowid, bm25(memories_fts, 1.0, 1.0, 0.0) AS rank FROM memories_fts "
    "WHERE memories_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY first DESC, rank, rowid LIMIT ?)"
)


def _ranked(store: Store, sql: str, params: Sequence[Any]) -> list[tuple[int, float, int]]:
    """(rowid, rank, first) of the rows of a ranked query, in its order (first tier first, then by rank)."""
    ranked = [(rowid, exact_real(rank), first) for rowid, rank, first in store.joined(sql, params)]
    ranked.sort(key=lambda item: (-item[2], item[1], item[0]))  # (the query's order, from what it returned)
    return ranked


def _probe(store: Store, match: str, limit: int) -> list[int]:
    """The rowids of at most ``limit`` memories matching ``match`` (see ``_PROBE``)."""
    return store.joined(_PROBE, (match, limit))


def search(
    store: Store,
    recalls: Recalls,
    scope: SearchScope,
    query: str,
    *,
    limit: int,
    threshold: float,
    include_source_events: bool,
    window: int,
) -> list[dict[str, Any]]:
    """Ranked full-text search (FTS5 bm25), scores in 0..1; recalled memories are reinforced.

    Memories matching every word of the query are ranked first, then (when they are fewer than ``limit``) those
    matching any word. Within each tier the ``window`` most recent matches are ranked by bm25, so ranking is
    exact until a tier matches more than ``window`` memories. The score is half the share of query words the
    memory contains and half its bm25 relevance relative to the best result; results are in score order.
    """
    tokens = _query_tokens(query)
    if not tokens:
        return []
    phrases = [_phrase(t) for t in tokens]
    tiers = [" AND ".join(phrases)] + ([" OR ".join(phrases)] if len(phrases) > 1 else [])
    scope_match = _scope_match(scope, org_alone=store.memory_orgs() <= {scope.org_id})
    columns = "{text tags} : " if any(_may_be_scope_token(t) for t in tokens) else ""
    matches = [f"{columns}({tier}){scope_match}" for tier in tiers]
    ranks = _two_tiers(store, matches, limit, window) if len(matches) == 2 and 0 < limit <= window else None
    if ranks is None:
        ranks = {}
        for match in matches:
            for rowid, rank, _ in _ranked(store, _RANKED, (match, window, limit + len(ranks))):
                ranks.setdefault(rowid, rank)
            if len(ranks) >= limit:
                break
    if not ranks:
        return []
    order = list(ranks)[: max(limit, 0)]
    marks = ",".join("?" * len(order))
    found, pending = recalls.read(
        lambda: store.rows(
            # The org again: an org-wide search of an org believed alone matched without it, and another org's
            # first memory can land between reading which orgs have memories and the match. ``+org_id``: the rows
            # are read by rowid; without the ``+``, SQLite (without statistics) walks an index of the org's memories.
            "memories",
            f"WHERE rowid IN ({marks}) AND status = 'active' AND +org_id = ?",
            (*order, scope.org_id),  # (status: the index has none; memsy.local keeps every memory active)
        )
    )
    rows = {r["rowid"]: r for r in found}
    best = max(-ranks[rowid] for rowid in order) or 1.0
    query_stems = {stem(t) for t in tokens}
    scored = []
    for position, rowid in enumerate(order):
        row = rows.get(rowid)
        if row is None:
            continue
        coverage = len(query_stems & stems(row["text"] + " " + row["tags"])) / len(query_stems)
        relevance = max(0.0, -ranks[rowid]) / best
        score = round(0.5 * coverage + 0.5 * relevance, 6)
        if score >= threshold:
            scored.append((-score, position, row))
    scored.sort(key=lambda item: (item[0], item[1]))
    chosen = [(-negative, row) for negative, _, row in scored[:limit]]
    recalls.record([row["rowid"] for _, row in chosen], iso(store.clock()))
    events = store.events_by_id(scope.org_id, [e for _, row in chosen for e in stored_json(row["source_event_ids"])])
    return [_result(row, score, current(row, pending)[0], events, include_source_events) for score, row in chosen]


def _two_tiers(store: Store, matches: list[str], limit: int, window: int) -> dict[int, float] | None:
    """The ranks of the tier loop in :func:`search` for a two-tier query, with fewer ranked queries: the first tier
    is probed unranked, and when it has fewer than ``limit`` memories (all of them then, as ``limit`` is within the
    window), one ranked query of the second tier returns them first. None when that query's window does not hold
    them all (an older memory matching every word, behind ``window`` newer ones matching some): the caller then
    ranks tier by tier."""
    first, second = matches
    found = _probe(store, first, limit)
    if len(found) >= limit:
        return {rowid: rank for rowid, rank, _ in _ranked(store, _RANKED, (first, window, limit))}
    sql = _RANKED_AFTER.format(marks=",".join("?" * len(found)))
    rows = _ranked(store, sql, (*found, second, window, limit))
    if sum(first_tier for _, _, first_tier in rows) < len(found):
        return None
    return {rowid: rank for rowid, rank, _ in rows}


def _result(row: Row, score: float, strength: float, events: dict[str, Row], with_sources: bool) -> dict[str, Any]:
    source_ids = stored_json(row["source_event_ids"])
    metadata: dict[str, Any] = {
        "type": row["type"],
        "kind": row["kind"],
        "strength": round(min(MAX_STRENGTH, strength + RECALL_STEP), 4),  # this recall included
        "confidence": row["confidence"],
        "tags": stored_json(row["tags"]),
        "entities": stored_json(row["entity_refs"]),
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


def _source_metadata(event: Row) -> dict[str, Any]:
    parsed = parse_metadata(event["metadata"])
    if parsed is not None and set(parsed) == {"raw"} and parsed["raw"] == event["metadata"]:
        return {"event_id": event["event_id"], "raw": event["metadata"]}
    return {"event_id": event["event_id"], "metadata": parsed}


class MemoryCounts:
    """Totals of console memory listings, per org and filter, kept until the org's memories change: walking a
    large store page by page then counts it once, not once per page (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation: dict[str, int] = {}
        self._totals: dict[tuple[str, str, tuple[Any, ...]], tuple[int, int]] = {}

    def changed(self, org_id: str) -> None:
        with self._lock:
            self._generation[org_id] = self._generation.get(org_id, 0) + 1

    def total(self, store: Store, org_id: str, clause: str, params: list[Any]) -> int:
        key = (org_id, clause, tuple(params))
        with self._lock:
            generation = self._generation.get(org_id, 0)
            cached = self._totals.get(key)
        if cached is not None and cached[0] == generation:
            return cached[1]
        total = store.count(f"SELECT COUNT(*) FROM memories WHERE {clause}", params)
        with self._lock:
            if len(self._totals) > 1000:
                self._totals.clear()
            self._totals[key] = (generation, total)
        return total


def list_memories(
    store: Store,
    recalls: Recalls,
    counts: MemoryCounts,
    org_id: str,
    filters: dict[str, Any],
    sort: str,
    limit: int,
    offset: int,
    active_total: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of memories and the total matching; ``active_total`` (the org's active memories, kept by
    metering) is the total when nothing else filters."""
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
    if sort in STRENGTH_SORTS:
        recalls.flush()  # the order comes from the database
    rows, pending = recalls.read(
        lambda: store.rows(
            "memories",
            f"WHERE {clause} ORDER BY {MEMORY_SORTS[sort]} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    )
    total = active_total if len(where) == 2 and params[1] == "active" else counts.total(store, org_id, clause, params)
    return [memory_item(r, pending) for r in rows], total


def get_memory(store: Store, recalls: Recalls, org_id: str, memory_id: str) -> dict[str, Any] | None:
    rows, pending = recalls.read(
        lambda: store.rows("memories", "WHERE org_id = ? AND memory_id = ?", (org_id, memory_id))
    )
    return memory_item(rows[0], pending) if rows else None


def memory_stats(store: Store, recalls: Recalls, org_id: str) -> dict[str, Any]:
    recalls.flush()  # averages come from the database

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
