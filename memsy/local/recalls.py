"""Recall reinforcement of memories: every search result grows its memory's ``strength`` (by 0.1, up to 5) and
``recall_count``, and sets ``last_recalled_at``.

Recalls are gathered in memory and written in one transaction a few times a second (:meth:`Recalls.flush`): a
write transaction per search would cost more than the search and would queue behind the extraction worker.
Everything that returns a memory reads it through :meth:`Recalls.current`, so answers are exact at once; what
only the database can compute (the strength sort, statistics) flushes first. A process killed with ``kill -9``
can lose the recalls of its last fraction of a second.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from .store import Store

RECALL_STEP = 0.1
MAX_STRENGTH = 5.0
FLUSH_CHUNK = 64
"""Recalls written per transaction: a flush of many recalls takes the write lock in short turns, so that an
ingest waits for one small chunk at most, never for the whole batch."""


Row = dict[str, Any]
"""A memory row by column name (:meth:`.store.Store.rows`)."""
Pending = dict[int, tuple[int, str]]
"""Recalls not yet written: memory rowid -> (how many, when the last was)."""


class Recalls:
    """Recalls not yet written, per memory rowid (thread-safe)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pending: Pending = {}
        self._epoch = 0
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()

    def record(self, rowids: list[int], when: str) -> None:
        with self._lock:
            for rowid in rowids:
                count, _ = self._pending.get(rowid, (0, when))
                self._pending[rowid] = (count + 1, when)

    def read(self, read_rows: Callable[[], list[Row]]) -> tuple[list[Row], Pending]:
        """Memory rows (which must have a ``rowid`` column) and the recalls pending for them, consistent with each
        other: read again if a flush committed in between."""
        while True:
            epoch = self._epoch
            rows = read_rows()
            with self._lock:
                if self._epoch == epoch:
                    return rows, {r["rowid"]: self._pending[r["rowid"]] for r in rows if r["rowid"] in self._pending}

    def flush(self) -> None:
        """Write the pending recalls, in rowid order (neighbouring rows share pages), a chunk per transaction."""
        with self._flush_lock:
            with self._lock:
                pending = sorted(self._pending.items())
            for start in range(0, len(pending), FLUSH_CHUNK):
                self._write(pending[start : start + FLUSH_CHUNK])

    def _write(self, chunk: list[tuple[int, tuple[int, str]]]) -> None:
        db = self.store.db
        with self.store.write_lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(
                    "UPDATE memories SET strength = ROUND(MIN(?, strength + ? * ?), 4), "
                    "recall_count = recall_count + ?, last_recalled_at = ? WHERE rowid = ?",
                    [(MAX_STRENGTH, RECALL_STEP, n, n, when, rowid) for rowid, (n, when) in chunk],
                )
            except BaseException:
                db.execute("ROLLBACK")
                raise
            # Commit and forget in one step for readers (see read): never the new row with the pending count.
            with self._lock:
                db.execute("COMMIT")
                for rowid, (n, when) in chunk:
                    count, latest = self._pending.get(rowid, (0, when))
                    if count <= n:
                        self._pending.pop(rowid, None)
                    else:
                        self._pending[rowid] = (count - n, latest)
                self._epoch += 1


def current(row: Row, pending: Pending) -> tuple[float, int, str | None]:
    """(strength, recall_count, last_recalled_at) of a memory row, counting its recalls not yet written."""
    waiting = pending.get(row["rowid"])
    if waiting is None:
        return row["strength"], row["recall_count"], row["last_recalled_at"]
    count, when = waiting
    return round(min(MAX_STRENGTH, row["strength"] + RECALL_STEP * count), 4), row["recall_count"] + count, when
