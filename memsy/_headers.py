"""Reading the response headers: usage, rate limit, Retry-After and the request id.

Header values come from the network: anything unparseable is treated as absent, never as an error.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._generated import models
    from ._generated.models import RateLimitInfo, UsageInfo
else:
    from ._lazy import LazyModule

    models = LazyModule("memsy._generated.models", globals(), "models")  # with the first call, not at import

_REQUEST_ID_HEADERS = ("x-request-id", "apigw-requestid", "x-amzn-requestid")


def _int(value: str | None) -> int | None:
    """A non-negative decimal integer header value, else None."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


def read_values(headers: Mapping[str, str], spec: tuple[tuple[str, str, bool], ...]) -> dict[str, Any] | None:
    """The values of a header model (the contract's ``x-memsy-header`` of each property, see
    :func:`memsy._generated.models.UsageInfo._from_headers`): integers that do not parse and blank strings are
    absent; None when every one is absent."""
    values: dict[str, Any] = {}
    found = False
    for attribute, name, integer in spec:
        raw = headers.get(name)
        if raw is None:
            values[attribute] = None
            continue
        value: int | str | None
        if integer:  # the common case, plain digits, without a call
            value = int(raw) if raw.isdigit() and raw.isascii() and len(raw) <= 18 else _int(raw)
        else:
            value = raw.strip() or None
        values[attribute] = value
        found = found or value is not None
    return values if found else None


def parse_usage(headers: Mapping[str, str]) -> UsageInfo | None:
    """``X-Usage-*`` and ``X-Plan``, or None when the response carries none of them."""
    return models.UsageInfo._from_headers(headers)


def parse_rate_limit(headers: Mapping[str, str]) -> RateLimitInfo | None:
    """``X-RateLimit-*``, or None when none of the three is present and valid."""
    return models.RateLimitInfo._from_headers(headers)


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


def metadata(headers: Mapping[str, str]) -> dict[str, str]:
    """The headers a result reads its ``usage``, ``rate_limit`` and ``request_id`` from (lowercase names, as
    :func:`memsy._model.plain_headers` makes them), without the others (cookies, ...): what a copy keeps."""
    names = _metadata_names()
    return {k: v for k, v in headers.items() if k in names}


@cache
def _metadata_names() -> frozenset[str]:
    """The names of the usage and rate-limit headers (the contract's, through the models) and of the request id."""
    usage = (name for model in (models.UsageInfo, models.RateLimitInfo) for _, name, _ in model._HEADERS)
    return frozenset((*usage, *_REQUEST_ID_HEADERS))


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The server's request id, under whichever header the deployment uses."""
    for name in _REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None
