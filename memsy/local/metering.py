"""Metering of memsy.local: the plan's rate window, the monthly usage counters and quotas, and the headers that
report them.

Counters live in memory and are written to the database in batches (:meth:`Metering.flush`, run a few times a
second and before anything reads usage back from the database): a write transaction per request would cost more
than most requests do. A process killed with ``kill -9`` can lose the counts of its last fraction of a second.
"""

from __future__ import annotations

import logging
import math
import threading

from .config import UPGRADE_URL, Plan
from .errors import ApiError
from .store import ApiKey, Store, iso

logger = logging.getLogger("memsy.local")

USAGE_HEADERS = {
    "api_calls": "ApiCalls",
    "events_ingested": "EventsIngested",
    "memories_stored": "MemoriesStored",
    "llm_tokens": "LlmTokens",
    "search_queries": "SearchQueries",
}
"""Usage dimensions, in the order they are reported, and the suffix of their ``X-Usage-*`` header."""


class Metering:
    """Rate window, monthly usage counters and the headers that report them (thread-safe)."""

    def __init__(self, store: Store, plan: Plan) -> None:
        self.store, self.plan = store, plan
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}
        self._usage: dict[tuple[str, str], dict[str, int]] = {}
        self._memories: dict[str, int] = {}
        self._memory_generation: dict[str, int] = {}
        self._pending_usage: dict[tuple[str, str, str], int] = {}
        self._pending_keys: dict[tuple[str, str], int] = {}
        self._hour_cache: tuple[float, str] = (math.nan, "")

    def _month(self) -> str:
        return self._hour(self.store.clock())[:7]

    def _hour(self, now: float) -> str:
        """``YYYY-MM-DDTHH`` of a time (UTC), the prefix of :func:`iso`; formatted once per hour."""
        start = math.floor(now / 3600) * 3600
        cached = self._hour_cache
        if cached[0] == start:
            return cached[1]
        hour = iso(start)[:13]
        self._hour_cache = (start, hour)
        return hour

    def usage(self, org_id: str) -> dict[str, int]:
        """This month's totals per dimension (flushed and not yet flushed)."""
        month = self._month()
        with self._lock:
            cached = self._usage.get((org_id, month))
        if cached is not None:
            return cached
        with self._flush_lock:  # no batch is between memory and the database: database + pending is exact
            totals = self.store.usage_since(org_id, month + "-01T00")
            with self._lock:
                for (org, hour, dimension), quantity in self._pending_usage.items():
                    if org == org_id and hour.startswith(month):
                        totals[dimension] = totals.get(dimension, 0) + quantity
                return self._usage.setdefault((org_id, month), totals)

    def warm(self, org_id: str) -> bool:
        """Whether the org's counters are in memory (metering it then needs no database)."""
        with self._lock:
            return (org_id, self._month()) in self._usage and org_id in self._memories

    def memories(self, org_id: str) -> int:
        """Active memories of the org: counted once, then kept up to date by :meth:`memories_added`."""
        while True:
            with self._lock:
                cached = self._memories.get(org_id)
                generation = self._memory_generation.get(org_id, 0)
            if cached is not None:
                return cached
            count = self.store.count("SELECT COUNT(*) FROM memories WHERE org_id = ? AND status = 'active'", (org_id,))
            with self._lock:
                if self._memory_generation.get(org_id, 0) == generation:  # no store raced the count: exact
                    return self._memories.setdefault(org_id, count)

    def memories_added(self, org_id: str, count: int) -> None:
        """The worker stored ``count`` new memories for the org."""
        with self._lock:
            self._memory_generation[org_id] = self._memory_generation.get(org_id, 0) + 1
            if org_id in self._memories:
                self._memories[org_id] += count

    def invalidate(self, org_id: str) -> None:
        """Counters changed outside this class: read them from the database again on next use."""
        with self._lock:
            self._memories.pop(org_id, None)
            self._usage.pop((org_id, self._month()), None)

    def add(self, org_id: str, dimension: str, quantity: int, key_id: str | None = None) -> None:
        stamp = self._hour(self.store.clock())
        with self._lock:
            hour_key = (org_id, stamp, dimension)
            self._pending_usage[hour_key] = self._pending_usage.get(hour_key, 0) + quantity
            if key_id is not None:
                day_key = (key_id, stamp[:10])
                self._pending_keys[day_key] = self._pending_keys.get(day_key, 0) + quantity
            cached = self._usage.get((org_id, stamp[:7]))
            if cached is not None:
                cached[dimension] = cached.get(dimension, 0) + quantity

    def flush(self) -> None:
        """Write the counters gathered since the last flush in one transaction."""
        with self._flush_lock:
            with self._lock:
                usage, keys = self._pending_usage, self._pending_keys
                self._pending_usage, self._pending_keys = {}, {}
            if usage or keys:
                self.store.write_usage(usage, keys)

    def check_quota(self, org_id: str, dimension: str, adding: int) -> None:
        limit = self.plan.quotas.get(dimension)
        if limit is None:
            return
        current = self.memories(org_id) if dimension == "memories_stored" else self.usage(org_id).get(dimension, 0)
        if current + adding > limit:
            raise ApiError(
                429,
                {
                    "error": "usage_limit_exceeded",
                    "message": f"Monthly {dimension} quota of the {self.plan.name} plan is exhausted.",
                    "dimension": dimension,
                    "current": current,
                    "limit": limit,
                    "upgrade_url": UPGRADE_URL,
                },
            )

    def admit(self, key: ApiKey) -> dict[str, str]:
        """Count one request in the rate window and the api_calls quota; the X-RateLimit headers."""
        now = self.store.clock()
        window = self.plan.window_seconds
        start = math.floor(now / window) * window
        limit = self.plan.requests_per_window
        reset = math.ceil(start + window)
        if self._window_count(key.org_id, start) >= limit:
            headers = {
                "X-RateLimit-Limit": str(limit),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(reset),
                "Retry-After": str(max(1, math.ceil(start + window - now))),
            }
            raise ApiError(429, {"detail": "Rate limit exceeded"}, headers)
        self.check_quota(key.org_id, "api_calls", 1)
        with self._lock:
            count = self._window_count(key.org_id, start)
            self._windows[key.org_id] = (start, count + 1)
        self.add(key.org_id, "api_calls", 1, key_id=key.key_id)
        return {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(max(0, limit - count - 1)),
            "X-RateLimit-Reset": str(reset),
        }

    def _window_count(self, org_id: str, start: float) -> int:
        seen_start, count = self._windows.get(org_id, (start, 0))
        return count if seen_start == start else 0

    def usage_headers(self, org_id: str) -> dict[str, str]:
        usage = self.usage(org_id)
        headers = {"X-Plan": self.plan.name}
        for dimension, suffix in USAGE_HEADERS.items():
            used = self.memories(org_id) if dimension == "memories_stored" else usage.get(dimension, 0)
            headers[f"X-Usage-{suffix}"] = str(used)
            limit = self.plan.quotas.get(dimension)
            if limit is not None:
                headers[f"X-Usage-{suffix}-Limit"] = str(limit)
        return headers
