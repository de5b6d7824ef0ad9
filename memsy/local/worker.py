"""The background worker of memsy.local: turns pending events into memories (or fails them).

An event becomes due ``processing_delay`` seconds after it was ingested. Memories land at actor scope with the
event's session, or, when the event names a role (team) whose focus the text mentions, at that role (team) scope
without a session, as a promoted memory. A memory identical to an active one in the same scope reinforces it
instead of being stored twice.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from .extraction import Extracted, extract, mentions_any
from .store import Store, iso, new_memory_id

logger = logging.getLogger("memsy.local")

CHUNK = 50
"""Events extracted per transaction: the write lock is held for one small chunk, never a whole backlog."""
REINFORCE_STEP = 0.2
MAX_STRENGTH = 5.0


class Worker:
    """Processes due events, in a background thread or on demand (:meth:`run_once`)."""

    def __init__(
        self,
        store: Store,
        *,
        processing_delay: float,
        blocked_terms: tuple[str, ...],
        on_memories_stored: Callable[[str, int], None],
        on_tokens_used: Callable[[str, int], None],
        on_idle: Callable[[], None] = lambda: None,
        idle_every: float = 0.25,
    ) -> None:
        self.store = store
        self.processing_delay = processing_delay
        self.blocked_terms = blocked_terms
        self.on_memories_stored = on_memories_stored
        self.on_tokens_used = on_tokens_used
        self.on_idle = on_idle
        """Called every ``idle_every`` seconds from the worker's thread, and once more when it stops."""
        self.idle_every = idle_every
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._run_lock = threading.Lock()

    def start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._stop.clear()
                self._thread = threading.Thread(target=self._loop, name="memsy-local-worker", daemon=True)
                self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._idle()

    def notify(self) -> None:
        """New events arrived."""
        self._wake.set()

    def _idle(self) -> None:
        try:
            self.on_idle()
        except Exception:  # housekeeping must never stop extraction; it is retried on the next round
            logger.exception("memsy.local housekeeping failed")

    def _loop(self) -> None:
        poll = max(0.005, min(self.processing_delay, 0.05))
        next_idle = time.monotonic() + self.idle_every
        while not self._stop.is_set():
            try:
                processed = self.run_once()
            except Exception:  # keep serving; the events stay pending and are retried
                logger.exception("memsy.local worker failed; retrying")
                processed = 0
            if time.monotonic() >= next_idle:
                self._idle()
                next_idle = time.monotonic() + self.idle_every
            if processed < CHUNK:
                self._wake.wait(poll)
                self._wake.clear()
            else:
                time.sleep(0)  # let the request threads in between chunks

    def run_once(self) -> int:
        """Process one chunk of the events that are due now; returns how many."""
        with self._run_lock:
            due = self.store.due_events(self.store.clock() - self.processing_delay, CHUNK)
            if not due:
                return 0
            # Extraction is pure computation: done before the write transaction, which then only writes.
            outcomes = [(event, extract(event["content"], event["kind"], self.blocked_terms)) for event in due]
            stored: Counter[str] = Counter()
            tokens: Counter[str] = Counter()
            self.store.note_memory_orgs(
                {event["org_id"] for event, outcome in outcomes if isinstance(outcome, Extracted)}
            )
            with self.store.transaction() as db:
                scopes = _ScopeCache(db)
                for event, outcome in outcomes:
                    status = "completed" if isinstance(outcome, Extracted) else "failed"
                    changed = db.execute(
                        "UPDATE events SET status = ? WHERE event_id = ? AND status = 'pending'",
                        (status, event["event_id"]),
                    ).rowcount
                    if changed and isinstance(outcome, Extracted):
                        stored[event["org_id"]] += self._store_memory(db, event, outcome, scopes)
                        tokens[event["org_id"]] += outcome.llm_tokens
            for org_id, count in stored.items():
                self.on_memories_stored(org_id, count)
            for org_id, count in tokens.items():
                self.on_tokens_used(org_id, count)
            return len(due)

    def _store_memory(self, db: sqlite3.Connection, event: sqlite3.Row, memory: Extracted, scopes: _ScopeCache) -> int:
        """Store (1) or reinforce (0) the memory of one event."""
        org_id = event["org_id"]
        level, role_id, team_id, session_id = "actor", None, None, event["session_id"]
        if event["role_id"] and mentions_any(memory.text, scopes.focus_terms("role", event["role_id"], org_id)):
            level, role_id, session_id = "role", event["role_id"], None
        elif event["team_id"] and mentions_any(memory.text, scopes.focus_terms("team", event["team_id"], org_id)):
            level, team_id, session_id = "team", event["team_id"], None
        now = iso(self.store.clock())
        existing = db.execute(
            "SELECT rowid, strength, source_event_ids FROM memories INDEXED BY memories_same_text "
            "WHERE org_id = ? AND actor_id = ? AND text = ? AND status = 'active' AND scope_level = ? "
            "AND role_id IS ? AND team_id IS ? AND session_id IS ?",
            (org_id, event["actor_id"], memory.text, level, role_id, team_id, session_id),
        ).fetchone()
        if existing is not None:
            sources = json.loads(existing["source_event_ids"])
            if event["event_id"] not in sources:
                sources.append(event["event_id"])
            db.execute(
                "UPDATE memories SET strength = ?, source_event_ids = ?, updated_at = ? WHERE rowid = ?",
                (
                    round(min(MAX_STRENGTH, existing["strength"] + REINFORCE_STEP), 4),
                    json.dumps(sources),
                    now,
                    existing["rowid"],
                ),
            )
            return 0
        row: dict[str, Any] = {
            "memory_id": new_memory_id(),
            "org_id": org_id,
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
            "source_event_ids": json.dumps([event["event_id"]]),
            "observed_at": event["ts"],
            "created_at": now,
            "updated_at": now,
            "last_recalled_at": None,
        }
        db.execute(f"INSERT INTO memories ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
        return 1


class _ScopeCache:
    """Focus terms of the role and team records, read once per chunk, always within the event's org: a role id
    of another org is not a role of this one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._terms: dict[tuple[str, str, str], list[str]] = {}

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
