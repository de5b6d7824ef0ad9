"""The background worker of memsy.local: turns pending events into memories (or fails them), a chunk at a time.

An event becomes due ``processing_delay`` seconds after it was ingested. The worker decides when a chunk is
extracted, on the store's clock, and reports what it stored; what a chunk does to the database is
:class:`.chunk.Chunk`'s, run in this thread or in the extraction process (:mod:`.extraction_process`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Protocol

from .chunk import CHUNK, Chunk
from .store import Store

logger = logging.getLogger("memsy.local")


class ChunkRunner(Protocol):
    """Runs :class:`.chunk.Chunk`'s two steps, here or in another process."""

    def prepare(self, due_before: float) -> tuple[int, set[str]]: ...

    def write(self, now: float) -> tuple[Counter[str], Counter[str]]: ...

    def close(self) -> None: ...


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
        chunk: ChunkRunner | None = None,
    ) -> None:
        self.store = store
        self.processing_delay = processing_delay
        self._chunk = chunk or Chunk(store, blocked_terms)
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
        locked = self._run_lock.acquire(timeout=10)  # (a chunk still running past the join: closed under it)
        try:
            self._chunk.close()
        finally:
            if locked:
                self._run_lock.release()
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
            due, orgs = self._chunk.prepare(self.store.clock() - self.processing_delay)
            if not due:
                return 0
            self.store.note_memory_orgs(orgs)  # before the memories are there
            with self.store.write_lock:  # (the extraction process writes on its own connection)
                stored, tokens = self._chunk.write(self.store.clock())
            for org_id, count in stored.items():
                self.on_memories_stored(org_id, count)
            for org_id, count in tokens.items():
                self.on_tokens_used(org_id, count)
            return due
