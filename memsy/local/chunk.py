"""What one round of extraction does to the database: the due events are read and extracted, then marked
completed or failed and their memories stored, in one short transaction written with a few statements.

:class:`Chunk` runs in memsy.local's worker thread, or in the extraction process (:mod:`.extraction_process`),
which runs it on its own interpreter lock. An event's memory lands at actor scope with the event's session, or,
when the event names a role (team) whose focus the memory mentions, at that role (team) scope without a session,
as a promoted memory. A memory identical to an active one in the same scope reinforces it instead of being
stored twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .extraction import Extracted, Rejected, extract, mentions_any
from .recalls import MAX_STRENGTH
from .store import Store, insert_rows, iso, new_memory_id

CHUNK = 50
"""Events extracted per transaction: the write lock is held for one small chunk, never a whole backlog."""
REINFORCE_STEP = 0.2


class Chunk:
    """One chunk of due events at a time: :meth:`prepare` reads and extracts them (no lock needed), :meth:`write`
    stores the outcome (the caller holds the store's write lock, or is the only writer meanwhile).

    The chunk is written with a few statements, not a few per event: every statement lets the request threads
    take the interpreter lock and then waits to get it back, so statements per event made extraction's share of
    a busy server about twice its own cost."""

    def __init__(self, store: Store, blocked_terms: tuple[str, ...]) -> None:
        self.store = store
        self.blocked_terms = blocked_terms
        self._outcomes: list[tuple[sqlite3.Row, Extracted | Rejected]] = []

    def prepare(self, due_before: float) -> tuple[int, set[str]]:
        """Read and extract the events ingested before ``due_before``: how many, and the orgs it would store
        memories for (whose searches must know before the write that other orgs' memories may be there)."""
        due = self.store.due_events(due_before, CHUNK)
        self._outcomes = [(event, extract(event["content"], event["kind"], self.blocked_terms)) for event in due]
        return len(due), {event["org_id"] for event, outcome in self._outcomes if isinstance(outcome, Extracted)}

    def write(self, now: float) -> tuple[Counter[str], Counter[str]]:
        """Store the prepared chunk at time ``now``; the memories stored and the tokens used, per org."""
        outcomes, self._outcomes = self._outcomes, []
        stored: Counter[str] = Counter()
        tokens: Counter[str] = Counter()
        if not outcomes:
            return stored, tokens
        with self.store.transaction() as db:
            scopes = _ScopeCache(db)
            placed = [(event, memory, scopes.place(event, memory)) for event, memory in _claim(db, outcomes)]
            memories = _ChunkMemories(db, iso(now))
            memories.read_existing(placed)
            for event, memory, scope in placed:
                stored[event["org_id"]] += memories.add(event, memory, scope)
                tokens[event["org_id"]] += memory.llm_tokens
            memories.write()
        return stored, tokens

    def close(self) -> None:
        """Nothing to release (the store is its owner's)."""


def _claim(
    db: sqlite3.Connection, outcomes: list[tuple[sqlite3.Row, Extracted | Rejected]]
) -> list[tuple[sqlite3.Row, Extracted]]:
    """Mark the chunk's events completed or failed and return the completed ones with their memories. An event no
    longer pending (another worker on the same database file took it) is left alone. Its ids come back as one JSON
    array, not a row each: every row fetched lets go of the interpreter lock and waits to take it back."""
    every = [event["event_id"] for event, _ in outcomes]
    completed = [event["event_id"] for event, outcome in outcomes if isinstance(outcome, Extracted)]
    marks = ",".join("?" * len(every))
    found = db.execute(
        f"SELECT json_group_array(event_id) FROM events WHERE event_id IN ({marks}) AND status = 'pending'", every
    ).fetchone()[0]
    pending = set(json.loads(found))
    db.execute(
        f"UPDATE events SET status = CASE WHEN event_id IN ({','.join('?' * len(completed))}) THEN 'completed' "
        f"ELSE 'failed' END WHERE event_id IN ({marks}) AND status = 'pending'",
        (*completed, *every),
    )
    return [(e, outcome) for e, outcome in outcomes if isinstance(outcome, Extracted) and e["event_id"] in pending]


Scope = tuple[str, "str | None", "str | None", "str | None"]
"""Where a memory lands: ``(scope_level, role_id, team_id, session_id)``."""
_MemoryKey = tuple[str, str, str, str, "str | None", "str | None", "str | None"]
"""What makes two memories the same: org, actor, text and scope."""


class _ChunkMemories:
    """The memories of one chunk: a memory identical to an active one in the same scope (stored before, or earlier
    in the chunk) reinforces it instead of being stored twice. Read with one statement, written with one insert."""

    def __init__(self, db: sqlite3.Connection, now: str) -> None:
        self._db = db
        self._now = now
        self._existing: dict[_MemoryKey, _Stored] = {}
        self._reinforced: dict[int, _Stored] = {}
        self._new: dict[_MemoryKey, dict[str, Any]] = {}

    def read_existing(self, placed: list[tuple[sqlite3.Row, Extracted, Scope]]) -> None:
        """The active memories with the org, actor and text of any of the chunk's memories."""
        wanted = list(dict.fromkeys((event["org_id"], event["actor_id"], memory.text) for event, memory, _ in placed))
        if not wanted:
            return
        rows = self._db.execute(
            # From the wanted triples to the index (CROSS JOIN keeps that order): one index lookup each, where a
            # row-value IN (VALUES ...) would scan the whole index. By rowid: the oldest of equals is reinforced.
            "SELECT m.rowid, m.strength, m.source_event_ids, m.org_id, m.actor_id, m.text, m.scope_level, "
            f"m.role_id, m.team_id, m.session_id FROM (VALUES {','.join(['(?, ?, ?)'] * len(wanted))}) AS w "
            "CROSS JOIN memories AS m INDEXED BY memories_same_text ON m.org_id = w.column1 "
            "AND m.actor_id = w.column2 AND m.text = w.column3 WHERE m.status = 'active' ORDER BY m.rowid",
            [value for triple in wanted for value in triple],
        ).fetchall()
        for row in rows:
            key = (row["org_id"], row["actor_id"], row["text"], row["scope_level"], row["role_id"], row["team_id"])
            self._existing.setdefault((*key, row["session_id"]), _Stored(row["rowid"], row["strength"], row[2]))

    def add(self, event: sqlite3.Row, memory: Extracted, scope: Scope) -> int:
        """Store (1) or reinforce (0) the memory of one event."""
        key: _MemoryKey = (event["org_id"], event["actor_id"], memory.text, *scope)
        same = self._new.get(key)
        if same is not None:
            same["strength"] = _reinforced(same["strength"])
            _add_source(same["source_event_ids"], event["event_id"])
            return 0
        stored = self._existing.get(key)
        if stored is not None:
            stored.reinforce(event["event_id"])
            self._reinforced[stored.rowid] = stored
            return 0
        level, role_id, team_id, session_id = scope
        self._new[key] = {
            "memory_id": new_memory_id(),
            "org_id": event["org_id"],
            "actor_id": event["actor_id"],
            "session_id": session_id,
            "scope_level": level,
            "role_id": role_id,
            "team_id": team_id,
            "type": memory.type,
            "kind": memory.kind,
            "memory_kind": memory.type,
            "status": "active",
            "text": memory.text,
            "summary": None,
            "confidence": memory.confidence,
            "strength": 1.0,
            "recall_count": 0,
            "decay_half_life_days": 30.0,
            "pinned": 0,
            "tags": json.dumps(memory.tags),
            "entity_refs": json.dumps([{"name": e, "type": "entity"} for e in memory.entities]),
            "source_event_ids": [event["event_id"]],
            "observed_at": event["ts"],
            "created_at": self._now,
            "updated_at": self._now,
            "last_recalled_at": None,
        }
        return 1

    def write(self) -> None:
        if self._reinforced:
            self._db.executemany(
                "UPDATE memories SET strength = ?, source_event_ids = ?, updated_at = ? WHERE rowid = ?",
                [(s.strength, json.dumps(s.sources), self._now, s.rowid) for s in self._reinforced.values()],
            )
        if self._new:
            rows = [{**row, "source_event_ids": json.dumps(row["source_event_ids"])} for row in self._new.values()]
            columns = list(rows[0])
            insert_rows(
                self._db,
                f"INSERT INTO memories ({', '.join(columns)})",
                "(" + ", ".join("?" * len(columns)) + ")",
                [[row[column] for column in columns] for row in rows],
            )


@dataclass(slots=True)
class _Stored:
    """An active memory of the database that the chunk reinforces."""

    rowid: int
    strength: float
    stored_sources: str
    """Its source event ids as stored (JSON text), read when it is reinforced: most same-text rows never are."""
    sources: list[str] = field(default_factory=list)

    def reinforce(self, event_id: str) -> None:
        if not self.sources:
            self.sources = json.loads(self.stored_sources)
        self.strength = _reinforced(self.strength)
        _add_source(self.sources, event_id)


def _reinforced(strength: float) -> float:
    return round(min(MAX_STRENGTH, strength + REINFORCE_STEP), 4)


def _add_source(sources: list[str], event_id: str) -> None:
    if event_id not in sources:
        sources.append(event_id)


class _ScopeCache:
    """Focus terms of the role and team records, read once per chunk, always within the event's org: a role id
    of another org is not a role of this one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._terms: dict[tuple[str, str, str], list[str]] = {}

    def place(self, event: sqlite3.Row, memory: Extracted) -> Scope:
        """Where the memory of one event lands: at the role (team) the event names when the memory mentions its
        focus, as a promoted memory without a session; else at the actor, with the event's session."""
        org_id = event["org_id"]
        if event["role_id"] and mentions_any(memory.text, self.focus_terms("role", event["role_id"], org_id)):
            return ("role", event["role_id"], None, None)
        if event["team_id"] and mentions_any(memory.text, self.focus_terms("team", event["team_id"], org_id)):
            return ("team", None, event["team_id"], None)
        return ("actor", None, None, event["session_id"])

    def focus_terms(self, kind: str, record_id: str, org_id: str) -> list[str]:
        key = (kind, record_id, org_id)
        if key not in self._terms:
            row = self._db.execute(
                "SELECT prompt_meta FROM customizations WHERE kind = ? AND record_id = ? AND org_id = ?",
                (kind, record_id, org_id),
            ).fetchone()
            meta = json.loads(row["prompt_meta"]) if row and row["prompt_meta"] else {}
            terms = meta.get("focus_terms")
            self._terms[key] = [t for t in terms if isinstance(t, str)] if isinstance(terms, list) else []
        return self._terms[key]
