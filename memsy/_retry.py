"""When to retry a failed request and how long to wait first. Shared by the sync and async clients.

Defaults, as the Memsy docs promise: only HTTP 429 rate limiting is retried, up to ``max_retries`` times, waiting
``Retry-After`` when the server sends it and ``retry_backoff * 2**attempt`` (with jitter) otherwise. A quota 429
(``usage_limit_exceeded``) is never retried: the quota does not come back before the next billing period.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from .exceptions import (
    MemsyConnectionError,
    MemsyError,
    MemsyValidationError,
    RateLimitExceeded,
    ServerError,
    UsageLimitExceeded,
)

__all__ = ["DEFAULT_MAX_RETRIES", "DEFAULT_MAX_RETRY_AFTER", "DEFAULT_RETRY_BACKOFF", "RetryPolicy"]

DEFAULT_MAX_RETRIES = 3
"""Retries of a rate-limited request by default (the clients' ``max_retries``)."""
DEFAULT_RETRY_BACKOFF = 1.0
"""Base of the exponential backoff by default, in seconds (the clients' ``retry_backoff``)."""
DEFAULT_MAX_RETRY_AFTER = 60.0
"""The longest ``Retry-After`` waited on by default, in seconds: a longer one is raised at once, with the server's
``retry_after``, rather than slept on."""


@dataclass(frozen=True)
class RetryPolicy:
    """How the client retries.

    Args:
        max_retries: retries after the first attempt (0 disables retrying).
        backoff: base of the exponential backoff, in seconds: attempt ``n`` waits ``backoff * 2**n``.
        max_backoff: upper bound of one backoff wait.
        max_retry_after: the longest ``Retry-After`` waited on; a 429 asking for longer is raised at once.
        jitter: the backoff wait is multiplied by a random factor in ``[1 - jitter, 1 + jitter]``.
        retry_connection_errors: also retry connection failures and timeouts, for idempotent calls (reads,
            ``search``, ``status``, updates) and ``ingest`` (the server collapses duplicates within 60 s).
        retry_statuses: server statuses retried, for the same calls, when ``retry_server_errors`` is on.
        retry_server_errors: retry ``retry_statuses`` (502, 503, 504 by default).
        deadline: overall budget in seconds for one call, attempts and waits included: no retry starts whose
            wait would cross it, and each attempt's timeout is cut to what is left. ``None``: no budget beyond
            ``max_retries``.
        retry_stale_connection: retry once, at once, a retry-safe call whose pooled keep-alive connection was
            closed by the server before any byte of the answer (the race after an idle connection times out).
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff: float = DEFAULT_RETRY_BACKOFF
    max_backoff: float = 30.0
    max_retry_after: float = DEFAULT_MAX_RETRY_AFTER
    jitter: float = 0.25
    retry_connection_errors: bool = False
    retry_server_errors: bool = False
    retry_statuses: frozenset[int] = field(default_factory=lambda: frozenset({502, 503, 504}))
    deadline: float | None = None
    retry_stale_connection: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise MemsyValidationError(f"max_retries must be an integer >= 0, got {self.max_retries!r}")
        for name in ("backoff", "max_backoff", "max_retry_after"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < float("inf"):
                raise MemsyValidationError(f"{name} must be a finite number >= 0 (seconds), got {value!r}")
        if not isinstance(self.jitter, (int, float)) or not 0 <= self.jitter <= 1:
            raise MemsyValidationError(f"jitter must be between 0 and 1, got {self.jitter!r}")
        if self.deadline is not None and (not isinstance(self.deadline, (int, float)) or self.deadline <= 0):
            raise MemsyValidationError(f"deadline must be a positive number of seconds or None, got {self.deadline!r}")

    @classmethod
    def aggressive(cls, *, max_retries: int = 4, deadline: float | None = 60.0) -> RetryPolicy:
        """A policy that also retries connection errors and 502/503/504, within a 60 s deadline."""
        return cls(
            max_retries=max_retries,
            retry_connection_errors=True,
            retry_server_errors=True,
            deadline=deadline,
        )

    def backoff_for(self, attempt: int, rng: random.Random | None = None) -> float:
        """The backoff wait before retry number ``attempt + 1`` (attempt counts from 0)."""
        base = min(float(self.max_backoff), float(self.backoff) * 2.0**attempt)
        if self.jitter:
            base *= (rng or random).uniform(1 - self.jitter, 1 + self.jitter)
        return max(0.0, min(base, float(self.max_backoff)))

    def delay(self, error: MemsyError, attempt: int, *, retry_safe: bool, elapsed: float) -> float | None:
        """Seconds to wait before retrying after ``error``, or None when the error is final.

        ``attempt`` is the number of retries already made; ``retry_safe`` says whether repeating the call cannot
        do harm; ``elapsed`` is the time the call has taken so far.
        """
        stale = isinstance(error, MemsyConnectionError) and error.stale_connection
        if stale and attempt == 0 and retry_safe and self.retry_stale_connection:
            return 0.0  # the request never reached a live connection: send it again at once
        if attempt >= self.max_retries or isinstance(error, UsageLimitExceeded):
            return None
        if isinstance(error, RateLimitExceeded):
            if error.retry_after is not None and error.retry_after > self.max_retry_after:
                return None  # the server asks for longer than we wait: the caller decides, with retry_after
            wait = self.backoff_for(attempt) if error.retry_after is None else float(error.retry_after)
        elif isinstance(error, MemsyConnectionError):
            if not (self.retry_connection_errors and retry_safe):
                return None
            wait = self.backoff_for(attempt)
        elif isinstance(error, ServerError):
            if not (self.retry_server_errors and retry_safe and error.status_code in self.retry_statuses):
                return None
            wait = self.backoff_for(attempt)
        else:
            return None
        if self.deadline is not None and elapsed + wait > self.deadline:
            return None
        return wait


def sleep(seconds: float) -> None:
    """Blocking wait between attempts (a seam for tests)."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Non-blocking wait between attempts (a seam for tests)."""
    import asyncio  # deferred: blocking programs never pay for importing asyncio

    await asyncio.sleep(seconds)
