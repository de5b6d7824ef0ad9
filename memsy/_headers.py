"""Reading the response headers: usage, rate limit, Retry-After and the request id.

Header values come from the network: anything unparseable is treated as absent, never as an error.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

from .models import RateLimitInfo, UsageInfo

_USAGE_HEADERS = (
    ("api_calls", "x-usage-apicalls"),
    ("api_calls_limit", "x-usage-apicalls-limit"),
    ("events_ingested", "x-usage-eventsingested"),
    ("events_ingested_limit", "x-usage-eventsingested-limit"),
    ("memory_stored", "x-usage-memoriesstored"),
    ("memory_stored_limit", "x-usage-memoriesstored-limit"),
    ("llm_tokens", "x-usage-llmtokens"),
    ("llm_tokens_limit", "x-usage-llmtokens-limit"),
    ("search_queries", "x-usage-searchqueries"),
    ("search_queries_limit", "x-usage-searchqueries-limit"),
)
_REQUEST_ID_HEADERS = ("x-request-id", "apigw-requestid", "x-amzn-requestid")


def _int(value: str | None) -> int | None:
    """A non-negative decimal integer header value, else None."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


def parse_usage(headers: Mapping[str, str]) -> UsageInfo | None:
    """``X-Usage-*`` and ``X-Plan``, or None when the response carries none of them."""
    values = {field: _int(headers.get(name)) for field, name in _USAGE_HEADERS}
    plan = headers.get("x-plan")
    plan = plan.strip() if plan is not None and plan.strip() else None
    if plan is None and all(v is None for v in values.values()):
        return None
    return UsageInfo(plan=plan, **values)


def parse_rate_limit(headers: Mapping[str, str]) -> RateLimitInfo | None:
    """``X-RateLimit-*``, or None when none of the three is present and valid."""
    limit = _int(headers.get("x-ratelimit-limit"))
    remaining = _int(headers.get("x-ratelimit-remaining"))
    reset = _int(headers.get("x-ratelimit-reset"))
    if limit is None and remaining is None and reset is None:
        return None
    return RateLimitInfo(limit=limit, remaining=remaining, reset=reset)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delta-seconds or an HTTP-date (RFC 9110).

    Returns None when the value is absent or unusable (NaN, infinite, garbage). Negative delays and dates in
    the past give 0. The result is not capped here; RetryPolicy caps the wait.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    seconds: float | None
    try:
        seconds = float(value)
    except ValueError:
        seconds = _seconds_until_http_date(value, time.time() if now is None else now)
    if seconds is None:
        return None
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


def _seconds_until_http_date(value: str, now: float) -> float | None:
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        return None
    return when.timestamp() - now


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The server's request id, under whichever header the deployment uses."""
    for name in _REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None
