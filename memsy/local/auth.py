"""Who is calling, and may they: API keys looked up by hash (with a cache, so that an authenticated request does
not need the database), and the scope rules each operation states in the contract (``x-memsy-required-scope``).
"""

from __future__ import annotations

import threading

from .errors import ApiError, coded, detail, insufficient_scope
from .operations import Operation
from .store import ApiKey, Store, StoredKey, hash_key

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class KeyCache:
    """Keys by the hash of their secret, as last read from the store. Revocation goes through
    :meth:`forget` (memsy.local is the only writer of its keys), so it takes effect on the next request; expiry
    is checked on every use. ``last_used_at`` is written in batches (:meth:`flush`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._keys: dict[str, StoredKey | None] = {}
        self._used: dict[str, float] = {}
        self._lock = threading.Lock()

    def cached(self, raw_key: str) -> tuple[bool, StoredKey | None]:
        """(known, key): ``known`` is False when the store has to be asked (:meth:`load`)."""
        digest = hash_key(raw_key)
        with self._lock:
            if digest in self._keys:
                return True, self._keys[digest]
        return False, None

    def load(self, raw_key: str) -> StoredKey | None:
        stored = self.store.find_key(raw_key)
        with self._lock:
            if len(self._keys) > 10_000:  # a flood of random keys must not grow memory without bound
                self._keys.clear()
            self._keys[hash_key(raw_key)] = stored
        return stored

    def forget(self) -> None:
        """Keys changed in the store (created or revoked): read them again."""
        with self._lock:
            self._keys.clear()

    def mark_used(self, key: ApiKey, now: float) -> None:
        with self._lock:
            self._used[key.key_id] = now

    def flush(self) -> None:
        with self._lock:
            used, self._used = self._used, {}
        self.store.touch_keys(used)


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer`` header (None when absent or of another scheme)."""
    if authorization is None:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def unauthenticated(authorization: str | None) -> ApiError:
    return detail(401, "Not authenticated" if authorization is None else "Invalid API key")


def authorize(operation: Operation, key: ApiKey | None) -> None:
    """Refuse (403) a key that lacks what the operation's ``x-memsy-required-scope`` asks for."""
    if key is None:
        return
    required = operation.required_scope
    if required == "none":
        return
    if required == "admin":
        if not key.is_admin:
            raise coded(403, "admin_required", "This route requires the org:admin role.")
        required = "read" if operation.method in SAFE_METHODS else "write"
    if required not in key.scopes:
        raise insufficient_scope(required)


def member_id(key: ApiKey) -> str:
    """The member a key acts for (``user_id`` of ``/api/me``): memsy.local has no users, each key stands for one
    member of its org."""
    return f"user_{key.key_id}"


def check_grant(key: ApiKey, scopes: list[str]) -> None:
    """A key may only mint keys with scopes it holds itself."""
    for scope in scopes:
        if scope not in key.scopes:
            raise insufficient_scope(scope, f"API key missing '{scope}' scope: a key cannot grant a scope it lacks")
