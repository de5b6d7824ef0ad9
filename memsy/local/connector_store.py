"""SQLite storage of memsy.local's connectors: one row per connector, always read and written within its org, and
the content items each connector has already ingested (so that a sync ingests only what is new).

Secrets are never stored in clear: the fake OAuth token and the consent link's state are kept as SHA-256 digests
(memsy.local only ever compares them), and the S3 secret as a salted PBKDF2 digest (the fake S3 never needs it
again once the credentials were checked; a real deployment would encrypt it to read the bucket later).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable
from typing import Any

from .store import Store, iso, ulid

SCHEMA = """
CREATE TABLE IF NOT EXISTS connectors (
    connector_id TEXT PRIMARY KEY, org_id TEXT NOT NULL, provider TEXT NOT NULL, owner_id TEXT,
    configured_by TEXT NOT NULL, configured_by_email TEXT, status TEXT NOT NULL, display_name TEXT,
    external_account_id TEXT, scopes TEXT NOT NULL, consent_digest TEXT, token_digest TEXT, bucket TEXT, region TEXT,
    access_key_id TEXT, secret_digest TEXT, selection TEXT NOT NULL, sync_round INTEGER NOT NULL,
    last_sync_at TEXT, last_error TEXT, created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS connectors_org ON connectors (org_id, provider, connector_id);
CREATE TABLE IF NOT EXISTS connector_items (
    connector_id TEXT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (connector_id, item_id)
) WITHOUT ROWID;
"""
PBKDF2_ITERATIONS = 20_000
"""Enough to make a stolen database file useless for guessing a secret, cheap enough for a local server."""


def digest(secret: str) -> str:
    """SHA-256 of a random, high-entropy token (a consent state, a fake OAuth token): comparable, not reversible."""
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_digest(secret: str) -> str:
    """A salted PBKDF2-SHA256 digest of a secret chosen by a person (the S3 secret)."""
    salt = secrets.token_bytes(16)
    derived = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${derived.hex()}"


class ConnectorStore:
    """The connectors of every org, in the memsy.local database (every read and write names the org)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.backfill_lock = threading.Lock()
        with store.write_lock:
            store.db.executescript(SCHEMA)

    def get(self, org_id: str, connector_id: str) -> sqlite3.Row | None:
        return self.store.one("SELECT * FROM connectors WHERE org_id = ? AND connector_id = ?", (org_id, connector_id))

    def of_org(self, org_id: str) -> list[sqlite3.Row]:
        return self.store.query("SELECT * FROM connectors WHERE org_id = ? ORDER BY connector_id", (org_id,))

    def of_provider(self, org_id: str, provider: str, owner_id: str | None) -> list[sqlite3.Row]:
        """The org's connectors of a provider (of one member, for a user-scoped provider)."""
        return self.store.query(
            "SELECT * FROM connectors WHERE org_id = ? AND provider = ? AND owner_id IS ? ORDER BY connector_id",
            (org_id, provider, owner_id),
        )

    def start_oauth(
        self, org_id: str, provider: str, owner_id: str | None, member_id: str, email: str, state: str
    ) -> str | None:
        """A pending connector waiting for consent with ``state``: the one already waiting (its earlier consent
        link stops working), else a new one. None when the org (the member) already has an authorized one."""
        with self.store.transaction() as db:
            rows = db.execute(
                "SELECT connector_id, token_digest FROM connectors WHERE org_id = ? AND provider = ? AND owner_id IS ?",
                (org_id, provider, owner_id),
            ).fetchall()
            if any(row["token_digest"] is not None for row in rows):
                return None
            if rows:
                connector_id: str = rows[0]["connector_id"]
                db.execute(
                    "UPDATE connectors SET consent_digest = ?, configured_by = ?, configured_by_email = ? "
                    "WHERE connector_id = ?",
                    (digest(state), member_id, email, connector_id),
                )
                return connector_id
            return self._insert(
                db,
                org_id=org_id,
                provider=provider,
                owner_id=owner_id,
                configured_by=member_id,
                configured_by_email=email,
                status="pending",
                consent_digest=digest(state),
            )

    def create_s3(
        self, org_id: str, member_id: str, email: str, access_key_id: str, secret: str, region: str, bucket: str
    ) -> str:
        with self.store.transaction() as db:
            return self._insert(
                db,
                org_id=org_id,
                provider="s3",
                owner_id=None,
                configured_by=member_id,
                configured_by_email=email,
                status="pending",
                **_s3_fields(access_key_id, secret, region, bucket),
            )

    def reconfigure_s3(
        self, org_id: str, connector_id: str, member_id: str, email: str, access_key_id: str, secret: str, region: str,
        bucket: str,
    ) -> bool:  # fmt: skip
        return self.update(
            org_id,
            connector_id,
            configured_by=member_id,
            configured_by_email=email,
            **_s3_fields(access_key_id, secret, region, bucket),
        )

    def _insert(self, db: sqlite3.Connection, **fields: Any) -> str:
        now = self.store.clock()
        row: dict[str, Any] = {
            "connector_id": "con_" + ulid(now).lower(),
            "scopes": "[]",
            "selection": "[]",
            "sync_round": 0,
            "created_at": iso(now),
            **fields,
        }
        db.execute(
            f"INSERT INTO connectors ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
        )
        return str(row["connector_id"])

    def consenting(self, connector_id: str, state: str) -> sqlite3.Row | None:
        """The connector whose consent link carries ``state`` (the link is the only credential a browser has)."""
        row = self.store.one("SELECT * FROM connectors WHERE connector_id = ?", (connector_id,))
        if row is None or row["consent_digest"] is None:
            return None
        return row if hmac.compare_digest(row["consent_digest"], digest(state)) else None

    def authorize(
        self, connector_id: str, token: str, display_name: str, account_id: str, scopes: Iterable[str]
    ) -> None:
        with self.store.transaction() as db:
            db.execute(
                "UPDATE connectors SET token_digest = ?, display_name = ?, external_account_id = ?, scopes = ? "
                "WHERE connector_id = ?",
                (digest(token), display_name, account_id, json.dumps(list(scopes)), connector_id),
            )

    def update(self, org_id: str, connector_id: str, **fields: Any) -> bool:
        if "selection" in fields:
            fields["selection"] = json.dumps(fields["selection"])
        with self.store.transaction() as db:
            cursor = db.execute(
                f"UPDATE connectors SET {', '.join(f'{name} = ?' for name in fields)} "
                "WHERE org_id = ? AND connector_id = ?",
                (*fields.values(), org_id, connector_id),
            )
        return cursor.rowcount > 0

    def delete(self, org_id: str, connector_id: str) -> bool:
        with self.store.transaction() as db:
            cursor = db.execute("DELETE FROM connectors WHERE org_id = ? AND connector_id = ?", (org_id, connector_id))
            if cursor.rowcount:
                db.execute("DELETE FROM connector_items WHERE connector_id = ?", (connector_id,))
        return cursor.rowcount > 0

    def new_items(self, connector_id: str, item_ids: list[str]) -> list[str]:
        """The items of ``item_ids`` the connector has not ingested yet, in order."""
        seen: set[str] = set()
        for start in range(0, len(item_ids), 500):
            chunk = item_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.store.query(
                f"SELECT item_id FROM connector_items WHERE connector_id = ? AND item_id IN ({marks})",
                (connector_id, *chunk),
            )
            seen.update(r["item_id"] for r in rows)
        return [i for i in dict.fromkeys(item_ids) if i not in seen]

    def mark_ingested(self, connector_id: str, item_ids: list[str]) -> None:
        with self.store.transaction() as db:
            db.executemany("INSERT OR IGNORE INTO connector_items VALUES (?, ?)", [(connector_id, i) for i in item_ids])


def _s3_fields(access_key_id: str, secret: str, region: str, bucket: str) -> dict[str, Any]:
    return {
        "access_key_id": access_key_id,
        "secret_digest": secret_digest(secret),
        "region": region,
        "bucket": bucket,
        "display_name": bucket,
    }


def selection(row: sqlite3.Row) -> list[dict[str, Any]]:
    value: list[dict[str, Any]] = json.loads(row["selection"])
    return value
