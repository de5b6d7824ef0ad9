"""SQLite storage of memsy.local: keys, onboarding records, events, memories (with an FTS5 index), usage.

One connection per thread over one WAL-mode database: readers never wait for the writer, and writers take turns
on :attr:`Store.write_lock` (a Python lock, so a waiting writer sleeps instead of spinning in SQLite's busy
handler). ``synchronous=NORMAL`` means a committed transaction survives the process being killed. The log is
copied into the database by :meth:`Store.checkpoint` (memsy.local's housekeeping calls it a few times a second),
outside the write lock: left to SQLite, the commit that crosses its threshold would copy a thousand pages and
sync twice while every other writer waits for it. An in-memory
store (``":memory:"``) is a database file in a private temporary folder (on tmpfs where there is one), deleted on
:meth:`Store.close`: several connections cannot share a plain SQLite memory database.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

Clock = Callable[[], float]

DEDUP_WINDOW = 60.0
AUTOCHECKPOINT_PAGES = 20_000
"""SQLite's own checkpoint threshold, a safety net only: :meth:`Store.checkpoint`, called by housekeeping, keeps
the log far below it."""
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    key_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, name TEXT NOT NULL, prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL, is_admin INTEGER NOT NULL, has_seat INTEGER NOT NULL,
    is_active INTEGER NOT NULL, created_at TEXT NOT NULL, last_used_at TEXT, expires_at TEXT, expires_ts REAL
);
CREATE INDEX IF NOT EXISTS api_keys_org ON api_keys (org_id, created_at, key_id);
CREATE TABLE IF NOT EXISTS customizations (
    kind TEXT NOT NULL, record_id TEXT NOT NULL, org_id TEXT NOT NULL, name TEXT NOT NULL, focus TEXT NOT NULL,
    promotion_prompt TEXT NOT NULL, prompt_meta TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL, PRIMARY KEY (kind, record_id)
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, actor_id TEXT NOT NULL, session_id TEXT NOT NULL,
    kind TEXT NOT NULL, content TEXT NOT NULL, role_id TEXT, team_id TEXT, ts TEXT NOT NULL, metadata TEXT,
    ingested_at TEXT NOT NULL, ingested_ts REAL NOT NULL, status TEXT NOT NULL, dedup_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_dedup ON events (org_id, dedup_key, ingested_ts);
CREATE INDEX IF NOT EXISTS events_pending ON events (status, ingested_ts) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS events_console ON events (org_id, ts, event_id);
CREATE TABLE IF NOT EXISTS memories (
    memory_id TEXT NOT NULL UNIQUE, org_id TEXT NOT NULL, actor_id TEXT, session_id TEXT,
    scope_level TEXT NOT NULL, role_id TEXT, team_id TEXT, type TEXT NOT NULL, kind TEXT NOT NULL,
    memory_kind TEXT NOT NULL, status TEXT NOT NULL, text TEXT NOT NULL, summary TEXT, confidence REAL NOT NULL,
    strength REAL NOT NULL, recall_count INTEGER NOT NULL, decay_half_life_days REAL NOT NULL,
    pinned INTEGER NOT NULL, tags TEXT NOT NULL, entity_refs TEXT NOT NULL, source_event_ids TEXT NOT NULL,
    observed_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_recalled_at TEXT
);
-- The worker's duplicate lookup (one memory per text and scope) and the actor filters: an index probe instead of
-- a scan of the actor's memories.
CREATE INDEX IF NOT EXISTS memories_same_text ON memories (org_id, actor_id, text);
-- One index per console sort column (read forwards or backwards), so a page is read in order instead of sorting
-- the org's memories; they also count an org's memories by status.
CREATE INDEX IF NOT EXISTS memories_by_observed ON memories (org_id, status, observed_at, memory_id);
CREATE INDEX IF NOT EXISTS memories_by_created ON memories (org_id, status, created_at, memory_id);
CREATE INDEX IF NOT EXISTS memories_by_strength ON memories (org_id, status, strength, memory_id);
CREATE INDEX IF NOT EXISTS memories_by_confidence ON memories (org_id, status, confidence, memory_id);
-- Indexes of earlier versions that the ones above make redundant.
DROP INDEX IF EXISTS memories_org;
DROP INDEX IF EXISTS memories_actor;
CREATE TABLE IF NOT EXISTS usage (
    org_id TEXT NOT NULL, hour TEXT NOT NULL, dimension TEXT NOT NULL, quantity INTEGER NOT NULL,
    PRIMARY KEY (org_id, hour, dimension)
);
CREATE TABLE IF NOT EXISTS key_usage (
    key_id TEXT NOT NULL, day TEXT NOT NULL, api_calls INTEGER NOT NULL, PRIMARY KEY (key_id, day)
);
CREATE TABLE IF NOT EXISTS interest (
    org_id TEXT PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL, company TEXT, use_case TEXT, notes TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS local_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _scope_sql(row: str) -> str:
    """SQL for the ``scope`` column of the full-text index, so that a search filters by scope inside the index
    instead of joining every match: the memory's org (``o``), who may see it (``v``: the org plus the level and its
    actor, role or team) and its session (``s``, or ``n`` for none, per org). Ids are written in hex, so a token is
    a letter, hex digits, ``x`` separators and a final ``z``: one token, which no stemming rule changes.
    :func:`org_token`, :func:`visibility_token` and :func:`session_token` build the same tokens in Python."""
    org = f"hex({row}.org_id)"
    level_id = (
        f"CASE {row}.scope_level WHEN 'actor' THEN {row}.actor_id WHEN 'role' THEN {row}.role_id "
        f"WHEN 'team' THEN {row}.team_id ELSE '' END"
    )
    return (
        f"'o' || {org} || 'z v' || {org} || 'x' || hex({row}.scope_level) || 'x' || hex(COALESCE({level_id}, ''))"
        f" || 'z ' || CASE WHEN {row}.session_id IS NULL THEN 'n' || {org} || 'z'"
        f" ELSE 's' || {org} || 'x' || hex({row}.session_id) || 'z' END"
    )


_SCOPED_COLUMNS = "text, tags, org_id, actor_id, session_id, scope_level, role_id, team_id"
FTS_VERSION = "2"
"""Changes whenever the index's columns or tokens do: a database with another version gets its index rebuilt."""
FTS_SCHEMA = f"""
CREATE VIRTUAL TABLE memories_fts USING fts5(
    text, tags, scope, content='memories', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER memories_ai AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts (rowid, text, tags, scope) VALUES (new.rowid, new.text, new.tags, {_scope_sql("new")});
END;
CREATE TRIGGER memories_ad AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text, tags, scope)
    VALUES ('delete', old.rowid, old.text, old.tags, {_scope_sql("old")});
END;
CREATE TRIGGER memories_au AFTER UPDATE OF {_SCOPED_COLUMNS} ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text, tags, scope)
    VALUES ('delete', old.rowid, old.text, old.tags, {_scope_sql("old")});
    INSERT INTO memories_fts (rowid, text, tags, scope) VALUES (new.rowid, new.text, new.tags, {_scope_sql("new")});
END;
INSERT INTO memories_fts (rowid, text, tags, scope) SELECT rowid, text, tags, {_scope_sql("memories")} FROM memories;
"""


def real_as_json(expression: str) -> str:
    """SQL for a REAL value inside ``json_array``, exactly: SQLite writes a JSON number with 15 significant
    digits, which is not always the same float; this is a one-item array of its text with 17, which always is
    (and leaves NULL, integers and text as they are). :func:`exact_real` reads it back."""
    exact = f"json_array(printf('%!.17g', {expression}))"
    return f"CASE typeof({expression}) WHEN 'real' THEN {exact} ELSE {expression} END"


def exact_real(value: Any) -> Any:
    """The float that :func:`real_as_json` wrote (anything else as it is)."""
    return float(value[0]) if isinstance(value, list) else value


_decode_json = json.JSONDecoder().decode
"""Decodes the JSON texts SQLite builds for :meth:`Store.joined` (one decoder, made once)."""


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


def org_token(org_id: str) -> str:
    """The index token every memory of the org carries (see :func:`_scope_sql`)."""
    return f"o{_hex(org_id)}z"


def visibility_token(org_id: str, level: str, level_id: str = "") -> str:
    """The index token of the memories of one level (``org``, ``role``, ``team``, ``actor``) and id in an org."""
    return f"v{_hex(org_id)}x{_hex(level)}x{_hex(level_id)}z"


def session_token(org_id: str, session_id: str | None) -> str:
    """The index token of the org's memories of one session (None: of no session)."""
    return f"n{_hex(org_id)}z" if session_id is None else f"s{_hex(org_id)}x{_hex(session_id)}z"


def iso(ts: float) -> str:
    """Unix seconds as an ISO-8601 UTC timestamp with milliseconds."""
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_ulid_lock = threading.Lock()
_ulid_last = 0


def ulid(ts: float) -> str:
    """A time-ordered 26-character id (ULID layout: 48-bit milliseconds, 80 random bits). Monotonic: ids made
    in the same millisecond increase, so sorting by id keeps creation order."""
    global _ulid_last
    with _ulid_lock:
        value = (int(ts * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
        if value >> 80 == _ulid_last >> 80 and value <= _ulid_last:
            value = _ulid_last + 1
        _ulid_last = value
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


MAX_VARIABLES = 999
"""Bound values per statement that every SQLite accepts (the limit before SQLite 3.32)."""


def insert_rows(db: sqlite3.Connection, insert: str, row: str, rows: Sequence[Sequence[Any]]) -> None:
    """``insert`` (``INSERT INTO t (...)``) of many rows, each ``row`` (``(?, ?, ...)``), in as few statements as
    the variable limit allows: one for a usual batch, where ``executemany`` steps once per row, and every step lets
    go of the interpreter lock and waits to take it back."""
    per_statement = max(1, MAX_VARIABLES // max(1, row.count("?")))
    for start in range(0, len(rows), per_statement):
        part = rows[start : start + per_statement]
        db.execute(f"{insert} VALUES {', '.join([row] * len(part))}", [value for one in part for value in one])


def hash_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def new_raw_key() -> str:
    return "msy_" + secrets.token_hex(16)


@dataclass(frozen=True)
class ApiKey:
    key_id: str
    org_id: str
    name: str
    scopes: tuple[str, ...]
    is_admin: bool
    has_seat: bool


@dataclass(frozen=True)
class StoredKey:
    """A key as stored: who it is, and whether it still works."""

    key: ApiKey
    is_active: bool
    expires_ts: float | None

    def valid_at(self, now: float) -> bool:
        return self.is_active and (self.expires_ts is None or self.expires_ts > now)


BOOTSTRAP_KEY = "bootstrap_admin_key"


def _temporary_database() -> tuple[str, str]:
    """A private folder (on tmpfs when the machine has one) and the database path inside it. The folder's name
    carries the process id: folders left by processes that died without cleaning up (killed, or ended by a signal)
    are removed here."""
    shm = "/dev/shm"
    parent = shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else tempfile.gettempdir()
    for name in os.listdir(parent):
        owner = name.split("-")[2] if name.startswith("memsy-local-") and name.count("-") >= 3 else ""
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
    folder = tempfile.mkdtemp(prefix=f"memsy-local-{os.getpid()}-", dir=parent)
    return folder, os.path.join(folder, "memsy.db")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class Store:
    """All persistent state of one memsy.local instance."""

    def __init__(self, path: str = ":memory:", clock: Clock = time.time) -> None:
        self.path = path
        self.clock = clock
        self._folder: str | None = None
        self._file = os.path.abspath(path)  # (connections open lazily, and the extraction process later: same file)
        if path == ":memory:":
            self._folder, self._file = _temporary_database()
            # Removed on close(), or when the store is garbage-collected or the interpreter exits unclosed.
            weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        self.write_lock = threading.RLock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._closed = False
        self._memory_orgs: frozenset[str] | None = None
        self._memory_orgs_lock = threading.Lock()
        self._row_shapes: dict[str, tuple[list[str], list[int], str]] = {}
        db = self.db
        db.execute("PRAGMA journal_mode=WAL")
        self._create_schema(db)

    def _create_schema(self, db: sqlite3.Connection) -> None:
        with self.write_lock:
            db.executescript(SCHEMA)
            version = db.execute("SELECT value FROM local_settings WHERE name = 'fts_version'").fetchone()
            if version is None or version[0] != FTS_VERSION:
                # A database of another memsy.local version (or a new one): (re)build the index and its triggers.
                db.executescript(
                    "BEGIN IMMEDIATE; DROP TRIGGER IF EXISTS memories_ai; DROP TRIGGER IF EXISTS memories_ad;"
                    "DROP TRIGGER IF EXISTS memories_au; DROP TABLE IF EXISTS memories_fts;"
                    + FTS_SCHEMA
                    + f"INSERT OR REPLACE INTO local_settings VALUES ('fts_version', '{FTS_VERSION}'); COMMIT;"
                )

    @property
    def file(self) -> str:
        """The database file (for an in-memory store, the one in its temporary folder)."""
        return self._file

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            if self._closed:
                raise sqlite3.ProgrammingError("the memsy.local store is closed")
            connection = sqlite3.connect(self._file, check_same_thread=False, isolation_level=None, timeout=30)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA temp_store=MEMORY")
            connection.execute("PRAGMA mmap_size=268435456")
            connection.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
            with self._connections_lock:
                self._connections.append(connection)
            self._local.connection = connection
        return connection

    def close(self) -> None:
        with self.write_lock, self._connections_lock:
            if self._closed:
                return
            self._closed = True
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        with self.write_lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def checkpoint(self) -> None:
        """Copy committed pages from the write-ahead log into the database, without waiting for readers or
        writers (a passive checkpoint needs no write lock: writers go on appending meanwhile)."""
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()

    def rows(self, table: str, clause: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """``SELECT rowid, * FROM {table} {clause}``, as dicts, fetched in one step: SQLite writes the rows as one
        JSON text. Every row fetched through :mod:`sqlite3` lets go of the GIL and takes it back, two thread
        switches when other threads wait for it: a search or a page of memories read dozens, and the request
        threads and the event loop then wait for each other at every one.

        The rows keep the clause's order: SQLite runs a subquery with ORDER BY and LIMIT under an aggregate as a
        co-routine (it is never flattened into it), and the aggregate reads its rows as they come
        (``tests/test_local_queries.py`` checks every console sort)."""
        names, reals, values = self._row_shape(table)
        found = self.joined(
            f"SELECT group_concat(r) FROM (SELECT json_array({values}) AS r FROM {table} {clause})", params
        )
        for values_of_row in found:
            for index in reals:
                values_of_row[index] = exact_real(values_of_row[index])
        return [dict(zip(names, values_of_row, strict=True)) for values_of_row in found]

    def joined(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The values of a query that answers one row: ``group_concat`` of JSON values (none when it matched
        nothing). :meth:`rows` and the ranked searches read their rows this way."""
        row = self.one(sql, params)
        return [] if row is None or row[0] is None else _decode_json("[" + row[0] + "]")

    def _row_shape(self, table: str) -> tuple[list[str], list[int], str]:
        """A table's column names (``rowid`` first), the positions of its REAL columns, and the values of a row
        for ``json_array`` (REAL ones through :func:`real_as_json`)."""
        shape = self._row_shapes.get(table)
        if shape is None:
            columns = [(c["name"], c["type"].upper()) for c in self.query(f"PRAGMA table_info({table})")]
            names = ["rowid", *(name for name, _ in columns)]
            reals = [i for i, (_, kind) in enumerate(columns, start=1) if kind == "REAL"]
            values = ", ".join(["rowid", *(real_as_json(n) if kind == "REAL" else n for n, kind in columns)])
            shape = self._row_shapes[table] = (names, reals, values)
        return shape

    def one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        return self.db.execute(sql, params).fetchone()  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------------------ api keys

    def create_key(
        self,
        org_id: str,
        name: str,
        *,
        scopes: Iterable[str] = ("read", "write"),
        admin: bool = False,
        seat: bool = False,
        expires_at: datetime | None = None,
        raw_key: str | None = None,
    ) -> tuple[dict[str, Any], str]:
        """Store a new key (only its hash) and return (record, raw key)."""
        raw = raw_key or new_raw_key()
        now = self.clock()
        key_id = "key_" + ulid(now).lower()
        record = {
            "key_id": key_id,
            "org_id": org_id,
            "name": name,
            "prefix": raw[:7],
            "key_hash": hash_key(raw),
            "scopes": json.dumps(list(dict.fromkeys(scopes))),
            "is_admin": int(admin),
            "has_seat": int(seat),
            "is_active": 1,
            "created_at": iso(now),
            "last_used_at": None,
            "expires_at": iso(expires_at.timestamp()) if expires_at else None,
            "expires_ts": expires_at.timestamp() if expires_at else None,
        }
        with self.transaction() as db:
            db.execute(
                f"INSERT INTO api_keys ({', '.join(record)}) VALUES ({', '.join('?' * len(record))})",
                tuple(record.values()),
            )
        return self.key_info(self.one("SELECT * FROM api_keys WHERE key_id = ?", (key_id,))), raw  # type: ignore[arg-type]

    def ensure_key(self, org_id: str, raw_key: str, *, name: str = "local-admin") -> None:
        """Make ``raw_key`` a valid admin key with a seat (idempotent)."""
        if self.one("SELECT 1 FROM api_keys WHERE key_hash = ?", (hash_key(raw_key),)) is None:
            self.create_key(org_id, name, admin=True, seat=True, raw_key=raw_key)

    def bootstrap_key(self, org_id: str) -> str:
        """The admin key memsy.local made for itself in this database, made now when there is none (or when the
        earlier one was revoked or expired), so that restarting on the same file keeps printing the same key.

        This is the one key kept in recoverable form (in ``local_settings``): it is printed on every start anyway.
        Every key, this one included, is looked up by its hash in ``api_keys``.
        """
        with self.write_lock:
            row = self.one("SELECT value FROM local_settings WHERE name = ?", (BOOTSTRAP_KEY,))
            if row is not None:
                stored = self.find_key(row["value"])
                if stored is not None and stored.key.org_id == org_id and stored.valid_at(self.clock()):
                    return str(row["value"])
            _, raw = self.create_key(org_id, "local-admin", admin=True, seat=True)
            with self.transaction() as db:
                db.execute("INSERT OR REPLACE INTO local_settings VALUES (?, ?)", (BOOTSTRAP_KEY, raw))
            return raw

    def find_key(self, raw_key: str) -> StoredKey | None:
        """The stored key with this secret, whatever its state (None when unknown)."""
        row = self.one("SELECT * FROM api_keys WHERE key_hash = ?", (hash_key(raw_key),))
        if row is None:
            return None
        key = ApiKey(
            key_id=row["key_id"],
            org_id=row["org_id"],
            name=row["name"],
            scopes=tuple(json.loads(row["scopes"])),
            is_admin=bool(row["is_admin"]),
            has_seat=bool(row["has_seat"]),
        )
        return StoredKey(key, bool(row["is_active"]), row["expires_ts"])

    def authenticate(self, raw_key: str) -> ApiKey | None:
        """The key with this secret when it is active and unexpired (marks it used)."""
        stored = self.find_key(raw_key)
        now = self.clock()
        if stored is None or not stored.valid_at(now):
            return None
        self.touch_keys({stored.key.key_id: now})
        return stored.key

    def touch_keys(self, last_used: dict[str, float]) -> None:
        """Record when keys were last used (batched by the caller: a write per request would be wasteful)."""
        if last_used:
            with self.transaction() as db:
                db.executemany(
                    "UPDATE api_keys SET last_used_at = ? WHERE key_id = ?",
                    [(iso(ts), key_id) for key_id, ts in last_used.items()],
                )

    @staticmethod
    def key_info(row: sqlite3.Row) -> dict[str, Any]:
        return {
            "key_id": row["key_id"],
            "prefix": row["prefix"],
            "name": row["name"],
            "scopes": json.loads(row["scopes"]),
            "is_active": bool(row["is_active"]),
            "created_at": row["created_at"],
            "last_used_at": row["last_used_at"],
            "expires_at": row["expires_at"],
        }

    def list_keys(self, org_id: str) -> list[dict[str, Any]]:
        rows = self.query("SELECT * FROM api_keys WHERE org_id = ? ORDER BY created_at, key_id", (org_id,))
        return [self.key_info(r) for r in rows]

    def revoke_key(self, org_id: str, key_id: str) -> bool:
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE api_keys SET is_active = 0 WHERE org_id = ? AND key_id = ? AND is_active = 1",
                (org_id, key_id),
            )
        return cursor.rowcount > 0

    def key_exists(self, org_id: str, key_id: str) -> bool:
        return self.one("SELECT 1 FROM api_keys WHERE org_id = ? AND key_id = ?", (org_id, key_id)) is not None

    # ------------------------------------------------------------------------------------------ customizations

    @staticmethod
    def customization(row: sqlite3.Row) -> dict[str, Any]:
        record = {
            "org_id": row["org_id"],
            "name": row["name"],
            "focus": row["focus"],
            "promotion_prompt": row["promotion_prompt"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
            "prompt_meta": json.loads(row["prompt_meta"]) if row["prompt_meta"] else None,
        }
        if row["kind"] != "org":
            record[f"{row['kind']}_id"] = row["record_id"]
        return record

    def get_customization(self, kind: str, record_id: str, org_id: str) -> dict[str, Any] | None:
        row = self.one(
            "SELECT * FROM customizations WHERE kind = ? AND record_id = ? AND org_id = ?", (kind, record_id, org_id)
        )
        return self.customization(row) if row else None

    def list_customizations(self, kind: str, org_id: str, limit: int = -1, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT * FROM customizations WHERE kind = ? AND org_id = ? ORDER BY seq LIMIT ? OFFSET ?",
            (kind, org_id, limit, offset),
        )
        return [self.customization(r) for r in rows]

    def create_customization(
        self, kind: str, record_id: str, org_id: str, name: str, focus: str, prompt: str, meta: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Insert a record; None when one with this id exists."""
        now = iso(self.clock())
        with self.transaction() as db:
            if db.execute(
                "SELECT 1 FROM customizations WHERE kind = ? AND record_id = ?", (kind, record_id)
            ).fetchone():
                return None
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM customizations").fetchone()[0]
            db.execute(
                "INSERT INTO customizations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (kind, record_id, org_id, name, focus, prompt, json.dumps(meta), now, now, seq),
            )
        return self.get_customization(kind, record_id, org_id)

    def update_customization(
        self, kind: str, record_id: str, org_id: str, changes: dict[str, Any]
    ) -> dict[str, Any] | None:
        allowed = {k: v for k, v in changes.items() if k in ("name", "focus", "promotion_prompt", "prompt_meta")}
        if "prompt_meta" in allowed:
            allowed["prompt_meta"] = json.dumps(allowed["prompt_meta"])
        with self.transaction() as db:
            sets = ", ".join([*(f"{k} = ?" for k in allowed), "updated_at = ?"])
            cursor = db.execute(
                f"UPDATE customizations SET {sets} WHERE kind = ? AND record_id = ? AND org_id = ?",
                (*allowed.values(), iso(self.clock()), kind, record_id, org_id),
            )
        return self.get_customization(kind, record_id, org_id) if cursor.rowcount else None

    def delete_customization(self, kind: str, record_id: str, org_id: str) -> bool:
        with self.transaction() as db:
            cursor = db.execute(
                "DELETE FROM customizations WHERE kind = ? AND record_id = ? AND org_id = ?", (kind, record_id, org_id)
            )
        return cursor.rowcount > 0

    # -------------------------------------------------------------------------------------------------- events

    def ingest(self, org_id: str, events: Sequence[dict[str, Any]]) -> list[str]:
        """Store events and return their ids in order; an event identical to one stored in the last 60 s on
        (actor_id, session_id, kind, content) gets that event's id instead of being stored again."""
        now = self.clock()
        stamp = iso(now)
        keys = [
            hashlib.sha256(
                json.dumps([event["actor_id"], event["session_id"], event["kind"], event["content"]]).encode()
            ).hexdigest()
            for event in events
        ]
        unique = list(dict.fromkeys(keys))
        ids: list[str] = []
        rows: list[tuple[Any, ...]] = []
        with self.transaction() as db:
            known: dict[str, str] = {}  # dedup key -> the earliest event stored with it in the window
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                for key, event_id in db.execute(
                    f"SELECT dedup_key, event_id FROM events WHERE org_id = ? AND dedup_key IN "
                    f"({','.join('?' * len(chunk))}) AND ingested_ts > ? ORDER BY ingested_ts, rowid",
                    (org_id, *chunk, now - DEDUP_WINDOW),
                ):
                    known.setdefault(key, event_id)
            for event, key in zip(events, keys, strict=True):
                event_id = known.get(key)
                if event_id is None:  # (a repeat later in this batch gets this id)
                    event_id = known[key] = ulid(now)
                    rows.append(
                        (
                            event_id,
                            org_id,
                            event["actor_id"],
                            event["session_id"],
                            event["kind"],
                            event["content"],
                            event.get("role_id"),
                            event.get("team_id"),
                            event.get("ts") or stamp,
                            event.get("metadata"),
                            stamp,
                            now,
                            key,
                        )
                    )
                ids.append(event_id)
            insert_rows(db, "INSERT INTO events", "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)", rows)
        return ids

    def statuses(self, org_id: str, event_ids: Sequence[str]) -> dict[str, str]:
        # ``+org_id``: the ids are looked up by primary key. Without the ``+``, SQLite estimates ten or more ids to
        # cost more than an org_id range of events_console and walks every event of the org instead. The statuses
        # come back as one JSON object, not a row per event: every row fetched lets go of the GIL and takes it back,
        # two thread switches each when other threads wait for it.
        unique = list(dict.fromkeys(event_ids))
        found: dict[str, str] = {}
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            row = self.one(
                "SELECT json_group_object(event_id, status) FROM events "
                f"WHERE +org_id = ? AND event_id IN ({','.join('?' * len(chunk))})",
                (org_id, *chunk),
            )
            found.update(json.loads(row[0]) if row is not None else {})
        return {i: found.get(i, "unknown") for i in unique}

    def due_events(self, before_ts: float, limit: int) -> list[sqlite3.Row]:
        return self.query(
            "SELECT * FROM events WHERE status = 'pending' AND ingested_ts <= ? ORDER BY ingested_ts LIMIT ?",
            (before_ts, limit),
        )

    def pending_count(self) -> int:
        row = self.one("SELECT COUNT(*) FROM events WHERE status = 'pending'")
        return int(row[0]) if row else 0

    def events_by_id(self, org_id: str, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not event_ids:
            return {}
        rows = self.rows(  # (``+org_id``: by primary key, as in :meth:`statuses`)
            "events",
            f"WHERE +org_id = ? AND event_id IN ({','.join('?' * len(event_ids))})",
            (org_id, *event_ids),
        )
        return {r["event_id"]: r for r in rows}

    def console_events(
        self,
        org_id: str,
        *,
        actor_id: str | None,
        session_id: str | None,
        kind: str | None,
        ascending: bool,
        limit: int,
        offset: int,
    ) -> tuple[list[sqlite3.Row], int]:
        where, params = ["org_id = ?"], [org_id]
        for column, value in (("actor_id", actor_id), ("session_id", session_id), ("kind", kind)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        clause = " AND ".join(where)
        order = "ASC" if ascending else "DESC"
        rows = self.query(
            f"SELECT * FROM events WHERE {clause} ORDER BY ts {order}, event_id {order} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        total = self.one(f"SELECT COUNT(*) FROM events WHERE {clause}", params)
        return rows, int(total[0]) if total else 0

    # ------------------------------------------------------------------------------------------------- memories

    def memory_orgs(self) -> frozenset[str]:
        """The orgs that have memories (read once, then kept up to date by :meth:`note_memory_orgs`)."""
        with self._memory_orgs_lock:
            return self._known_memory_orgs()

    def note_memory_orgs(self, org_ids: Iterable[str]) -> None:
        """Memories of these orgs are about to be stored (called before the write, never after: a search must
        not believe an org is alone while another org's memory is already there). Read first when nothing has
        read them yet: a first read after this call and before the write would miss these orgs for good."""
        with self._memory_orgs_lock:
            known = self._known_memory_orgs()
            if not known.issuperset(org_ids):
                self._memory_orgs = known.union(org_ids)

    def _known_memory_orgs(self) -> frozenset[str]:
        if self._memory_orgs is None:
            self._memory_orgs = frozenset(r[0] for r in self.query("SELECT DISTINCT org_id FROM memories"))
        return self._memory_orgs

    def count(self, sql: str, params: Sequence[Any] = ()) -> int:
        row = self.one(sql, params)
        return int(row[0]) if row and row[0] is not None else 0

    # ---------------------------------------------------------------------------------------------------- usage

    def write_usage(self, usage: dict[tuple[str, str, str], int], keys: dict[tuple[str, str], int]) -> None:
        """Add counts to the hourly usage of orgs (``(org_id, hour, dimension)``) and the daily api_calls of keys
        (``(key_id, day)``), in one transaction."""
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO usage VALUES (?, ?, ?, ?) ON CONFLICT (org_id, hour, dimension) "
                "DO UPDATE SET quantity = quantity + excluded.quantity",
                [(*key, quantity) for key, quantity in usage.items()],
            )
            db.executemany(
                "INSERT INTO key_usage VALUES (?, ?, ?) ON CONFLICT (key_id, day) "
                "DO UPDATE SET api_calls = api_calls + excluded.api_calls",
                [(*key, quantity) for key, quantity in keys.items()],
            )

    def key_usage(self, key_id: str) -> list[dict[str, Any]]:
        rows = self.query("SELECT day, api_calls FROM key_usage WHERE key_id = ? ORDER BY day", (key_id,))
        return [{"date": r["day"], "api_calls": int(r["api_calls"])} for r in rows]

    def usage_since(self, org_id: str, since_hour: str) -> dict[str, int]:
        rows = self.query(
            "SELECT dimension, SUM(quantity) AS q FROM usage WHERE org_id = ? AND hour >= ? GROUP BY dimension",
            (org_id, since_hour),
        )
        return {r["dimension"]: int(r["q"]) for r in rows}

    def usage_series(
        self, org_id: str, dimension: str | None, hourly: bool, start: str | None, end: str | None
    ) -> list[dict[str, Any]]:
        bucket = "hour" if hourly else "substr(hour, 1, 10)"
        where, params = ["org_id = ?"], [org_id]
        if dimension:
            where.append("dimension = ?")
            params.append(dimension)
        if start:
            where.append("substr(hour, 1, 10) >= ?")
            params.append(start)
        if end:
            where.append("substr(hour, 1, 10) <= ?")
            params.append(end)
        rows = self.query(
            f"SELECT {bucket} AS bucket, dimension, SUM(quantity) AS q FROM usage WHERE {' AND '.join(where)} "
            "GROUP BY bucket, dimension ORDER BY bucket, dimension",
            params,
        )
        return [
            {"date": r["bucket"] + (":00:00Z" if hourly else ""), "dimension": r["dimension"], "quantity": int(r["q"])}
            for r in rows
        ]

    # ------------------------------------------------------------------------------------------------- interest

    def express_interest(self, org_id: str, fields: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO interest VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    org_id,
                    fields["email"],
                    fields["name"],
                    fields.get("company"),
                    fields.get("use_case"),
                    fields.get("notes"),
                    iso(self.clock()),
                ),
            )

    def interest_expressed(self, org_id: str) -> bool:
        return self.one("SELECT 1 FROM interest WHERE org_id = ?", (org_id,)) is not None


def new_memory_id() -> str:
    """A UUID in the version 7 layout (RFC 9562): milliseconds first, then random bits. Ids made later sort
    later, so the index on memory_id grows at its end instead of splitting pages at random places."""
    value = (int(time.time() * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # the RFC 9562 variant
    return str(uuid.UUID(int=value))
