"""Settings of one memsy.local instance: the plan it reports and enforces, and its transport limits."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_QUOTAS: dict[str, int | None] = {
    "api_calls": 1_000_000,
    "events_ingested": 1_000_000,
    "search_queries": 1_000_000,
    "llm_tokens": 100_000_000,
    "memories_stored": 1_000_000,
}
UPGRADE_URL = "https://memsy.io/pricing"

MAX_BODY_BYTES = 10 * 1024 * 1024
"""The default request-body limit: the hosted service sits behind a gateway with a 10 MB payload limit."""


@dataclass
class Plan:
    """What the local org's plan allows. Quotas are per calendar month; ``None`` means unlimited."""

    name: str = "free"
    requests_per_window: int = 6000
    window_seconds: float = 60.0
    quotas: dict[str, int | None] = field(default_factory=lambda: dict(DEFAULT_QUOTAS))
    max_keys: int = 25


@dataclass
class LocalConfig:
    """Settings of one memsy.local instance."""

    plan: Plan = field(default_factory=Plan)
    processing_delay: float = 0.05
    """Seconds between an ingest and the extraction of its events."""
    extraction_process: bool = True
    """Extract memories in a process of its own (:mod:`.extraction_process`), beside the server's interpreter lock
    instead of under it; False: in the server's worker thread."""
    blocked_terms: tuple[str, ...] = ("memsy:reject",)
    """Content containing one of these fails extraction (a stand-in for the service's content filter)."""
    billing_enabled: bool = False
    validate_responses: bool = False
    """Check every response against the contract and record violations (the test suite turns this on)."""
    org_id: str = "org_local"
    email: str = "admin@memsy.local"
    max_body_bytes: int = MAX_BODY_BYTES
    """Largest request body accepted; a longer one (declared or streamed) is answered 413 while it is read."""
    body_timeout: float = 10.0
    """Seconds a request body may take to arrive; a body that stalls (shorter than its Content-Length) gets 408."""
    http_faults: bool = True
    """Whether ``POST /_local/faults`` may script faults over HTTP (each applies only to the scripting key's org)."""
    search_window: int = 500
    """Search ranks at most this many of the most recent memories matching the query (per ranking tier), so that
    latency stays flat on large stores; below it ranking is exact."""
