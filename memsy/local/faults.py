"""Fault injection for tests: script what the next matching requests get instead of a normal answer.

>>> server.faults.rate_limit(times=2, retry_after="1")       # doctest: +SKIP
>>> server.faults.server_error(status=503, text="<html>")    # doctest: +SKIP
>>> server.faults.slow(seconds=2.0)                          # doctest: +SKIP
>>> server.faults.drop()                                     # doctest: +SKIP

Faults are off until scripted, apply in the order they were added, and each applies to ``times`` requests whose
path starts with ``path`` (any path when None). Faults scripted here apply to every request; the same can be
scripted over HTTP with ``POST /_local/faults``, and then applies only to requests made with a key of the org
that scripted it.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fault:
    """One scripted behaviour. ``kind`` is ``respond``, ``slow`` or ``drop``."""

    kind: str
    times: int = 1
    path: str | None = None
    status: int = 503
    body: Any = None
    text: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    org_id: str | None = None
    """Only requests made with a key of this org (every request when None)."""

    def matches(self, path: str, org_id: str | None) -> bool:
        return (self.path is None or path.startswith(self.path)) and (self.org_id is None or self.org_id == org_id)


class FaultInjector:
    """The queue of scripted faults of one memsy.local instance (thread-safe)."""

    def __init__(self) -> None:
        self._queue: deque[Fault] = deque()
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> FaultInjector:
        if fault.times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._queue.append(fault)
        return self

    def respond(
        self,
        status: int,
        body: Any = None,
        *,
        text: str | None = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
        path: str | None = None,
    ) -> FaultInjector:
        """Answer with this status and JSON ``body`` (or raw ``text``)."""
        return self.add(Fault("respond", times, path, status, body, text, dict(headers or {})))

    def rate_limit(self, *, times: int = 1, retry_after: str | None = "1", path: str | None = None) -> FaultInjector:
        """Answer 429 rate limited, with ``Retry-After`` when given."""
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        return self.respond(429, {"detail": "Rate limit exceeded"}, headers=headers, times=times, path=path)

    def quota_exceeded(
        self, *, dimension: str = "events_ingested", times: int = 1, path: str | None = None
    ) -> FaultInjector:
        """Answer 429 ``usage_limit_exceeded`` for ``dimension``."""
        body = {
            "error": "usage_limit_exceeded",
            "message": f"Monthly {dimension} quota exhausted.",
            "dimension": dimension,
            "current": 0,
            "limit": 0,
            "upgrade_url": "https://memsy.io/pricing",
        }
        return self.respond(429, body, times=times, path=path)

    def server_error(
        self, *, status: int = 503, text: str | None = None, times: int = 1, path: str | None = None
    ) -> FaultInjector:
        """Answer a 5xx, with a JSON detail or the given raw text (e.g. a proxy's HTML page)."""
        body = None if text is not None else {"detail": "Service Unavailable"}
        return self.respond(status, body, text=text, times=times, path=path)

    def slow(self, seconds: float, *, times: int = 1, path: str | None = None) -> FaultInjector:
        """Delay the answer by ``seconds`` (the request is then served normally)."""
        return self.add(Fault("slow", times, path, seconds=seconds))

    def drop(self, *, times: int = 1, path: str | None = None) -> FaultInjector:
        """Close the connection mid-response (the client sees a protocol error)."""
        return self.add(Fault("drop", times, path))

    def clear(self, org_id: str | None = None) -> None:
        """Remove every fault (with ``org_id``: only the faults scripted for that org)."""
        with self._lock:
            if org_id is None:
                self._queue.clear()
            else:
                self._queue = deque(f for f in self._queue if f.org_id != org_id)

    @property
    def pending(self) -> int:
        with self._lock:
            return sum(f.times for f in self._queue)

    def pending_for(self, org_id: str) -> int:
        """Uses left of the faults scripted for one org."""
        with self._lock:
            return sum(f.times for f in self._queue if f.org_id == org_id)

    def take(self, path: str, org_id: str | None = None) -> Fault | None:
        """The fault for a request to ``path`` (made with a key of ``org_id``), consuming one use of it."""
        with self._lock:
            for fault in self._queue:
                if fault.matches(path, org_id):
                    fault.times -= 1
                    if fault.times == 0:
                        self._queue.remove(fault)
                    return fault
        return None
