"""Exit codes, and how each failure is told on the command line (what happened, then what to do)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exceptions import (
    AuthenticationError,
    MemsyAPIError,
    MemsyConnectionError,
    MemsyError,
    MemsyTimeoutError,
    MemsyValidationError,
    RateLimitExceeded,
    UsageLimitExceeded,
)
from .output import seconds
from .times import duration

if TYPE_CHECKING:
    from .context import Context

EXIT_OK, EXIT_USAGE, EXIT_API, EXIT_CONNECTION, EXIT_WAIT_TIMEOUT = 0, 2, 3, 4, 5
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what `cmd | head` leaves behind for tools killed by the closed pipe


class UsageError(Exception):
    """A problem with the command line or its input (exit code 2)."""


def describe(error: Exception, ctx: Context) -> tuple[str, int]:
    """The message (``memsy: ...`` lines) and the exit code for a failure of a command."""
    if isinstance(error, (UsageError, MemsyValidationError)):
        return f"memsy: {error}", EXIT_USAGE
    if isinstance(error, AuthenticationError):  # the SDK's own hint speaks of api_key=, a Python argument
        return (
            f"memsy: {_refusal(error)}\n  the API key was refused: set MEMSY_API_KEY (or --api-key) to a valid key "
            "(msy_...)",
            EXIT_API,
        )
    if isinstance(error, UsageLimitExceeded):
        return f"memsy: {error}\n  `memsy usage` shows the quotas of the plan", EXIT_API
    if isinstance(error, RateLimitExceeded):
        return _rate_limited(error, ctx), EXIT_API
    if isinstance(error, MemsyAPIError):
        return f"memsy: {error}", EXIT_API
    if isinstance(error, MemsyTimeoutError):  # told in full here: the SDK's hint speaks of timeout=, in Python
        return (
            f"memsy: no answer within --http-timeout {seconds(ctx.http_timeout)} from {ctx.url_tried()}\n"
            "  raise --http-timeout (e.g. --http-timeout 120) for slow calls, or check that the service is up",
            EXIT_CONNECTION,
        )
    if isinstance(error, MemsyConnectionError):
        return (
            f"memsy: {error}\n  check {ctx.url_setting()} and that the service is reachable",
            EXIT_CONNECTION,
        )
    if isinstance(error, MemsyError):
        return f"memsy: {error}", EXIT_API
    raise error


def _refusal(error: MemsyAPIError) -> str:
    """``HTTP 401: Invalid API key (request id ...)``: what the server said, without the SDK's hint."""
    said = f"HTTP {error.status_code}: {error.detail}" if error.detail else f"HTTP {error.status_code}"
    return said + (f" (request id {error.request_id})" if error.request_id else "")


def _rate_limited(error: RateLimitExceeded, ctx: Context) -> str:
    retries = ctx.max_retries()
    tried = (
        f"still rate limited (429) after retrying up to {retries} {'time' if retries == 1 else 'times'} "
        f"over {duration(ctx.elapsed())}"
        if retries
        else "rate limited (429); retries are off"
    )
    then = f"the service asks to wait {duration(error.retry_after)}" if error.retry_after is not None else "retry later"
    hint = "" if ctx.verbosity else "\n  -v shows each retry as it happens"
    return f"memsy: {tried}; {then}{hint}"
