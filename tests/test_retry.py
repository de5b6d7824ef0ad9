"""Retries: which failures are retried, how long the client waits (sleeps are recorded, not slept)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from email.utils import formatdate
from typing import Any

import httpx
import pytest

import memsy
from memsy import RetryPolicy

from . import samples as s
from .conftest import Driver, make_driver
from .fakes import reply

EVENT = {"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "x"}


@pytest.fixture(params=["sync", "async"])
def build(request: pytest.FixtureRequest, fake: Any, sleeps: list[float]) -> Iterator[Callable[..., Driver]]:
    made: list[Driver] = []

    def make(**options: Any) -> Driver:
        driver = make_driver(request.param, "data", fake, **options)
        made.append(driver)
        return driver

    yield make
    for driver in made:
        driver.close()


def limited(retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return reply(429, {"detail": "Rate limit exceeded"}, headers=headers)


def test_429_waits_retry_after_then_succeeds(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited("2"), reply(200, s.HEALTH))
    assert build()("health").status == "ok"
    assert sleeps == [2.0]
    assert len(fake.requests) == 2


def test_fractional_retry_after(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited("0.2"), reply(200, s.HEALTH))
    build()("health")
    assert sleeps == [0.2]


def test_http_date_retry_after_is_honoured(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited(formatdate(time.time() + 5, usegmt=True)), reply(200, s.HEALTH))
    build()("health")
    assert len(sleeps) == 1 and 3.0 <= sleeps[0] <= 5.0


@pytest.mark.parametrize("value", ["-5", formatdate(time.time() - 3600, usegmt=True)])
def test_retry_after_in_the_past_retries_at_once(build: Any, fake: Any, sleeps: list[float], value: str) -> None:
    fake.queue(limited(value), reply(200, s.HEALTH))
    build()("health")
    assert sleeps == [0.0]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "soon", "", "Thu, 99 Foo 2026 99:99:99 GMT"])
def test_unusable_retry_after_falls_back_to_backoff(build: Any, fake: Any, sleeps: list[float], value: str) -> None:
    fake.queue(limited(value), reply(200, s.HEALTH))
    build(retry_backoff=2.0)("health")
    assert len(sleeps) == 1 and 1.5 <= sleeps[0] <= 2.5  # 2.0 * 2**0 with 25 % jitter


def test_a_retry_after_beyond_max_retry_after_is_raised_at_once(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited("86400"))
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        build()("health")
    assert sleeps == [] and caught.value.retry_after == 86400 and caught.value.attempts == 1
    fake.queue(limited(str(memsy.DEFAULT_MAX_RETRY_AFTER)), reply(200, s.HEALTH))
    build()("health")  # up to the limit, the wait is honoured
    assert sleeps == [memsy.DEFAULT_MAX_RETRY_AFTER]


def test_backoff_doubles_without_retry_after_and_exhaustion_raises_rate_limit(
    build: Any, fake: Any, sleeps: list[float]
) -> None:
    fake.default = limited()
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        build(max_retries=3, retry_backoff=1.0)("search", "q")
    assert len(fake.requests) == 4
    assert len(sleeps) == 3
    for wait, base in zip(sleeps, (1, 2, 4), strict=True):
        assert 0.75 * base <= wait <= 1.25 * base  # retry_backoff * 2**attempt, 25 % jitter
    assert caught.value.retry_after is None
    assert caught.value.status_code == 429


def test_exhaustion_keeps_retry_after(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.default = limited("30")
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        build(max_retries=2)("ingest", [EVENT])
    assert caught.value.retry_after == 30.0
    assert sleeps == [30.0, 30.0]
    assert caught.value.response is not None


def test_no_retry_and_no_sleep_when_max_retries_is_zero(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited("5"))
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        build(max_retries=0)("health")
    assert caught.value.retry_after == 5.0
    assert sleeps == []
    assert len(fake.requests) == 1


def test_quota_429_is_never_retried(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(
        reply(
            429,
            {
                "error": "usage_limit_exceeded",
                "message": "quota",
                "dimension": "events_ingested",
                "current": 5,
                "limit": 5,
            },
            headers={"Retry-After": "1"},
        )
    )
    with pytest.raises(memsy.UsageLimitExceeded) as caught:
        build(max_retries=5)("ingest", [EVENT])
    assert caught.value.dimension == "events_ingested"
    assert sleeps == []
    assert len(fake.requests) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_not_retried_by_default(build: Any, fake: Any, sleeps: list[float], status: int) -> None:
    fake.queue(reply(status, {"detail": "down"}))
    with pytest.raises(memsy.ServerError):
        build()("search", "q")
    assert sleeps == [] and len(fake.requests) == 1


def test_connection_errors_are_not_retried_by_default(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(httpx.ConnectError("refused"))
    with pytest.raises(memsy.MemsyConnectionError):
        build()("search", "q")
    assert sleeps == [] and len(fake.requests) == 1


def test_policy_retries_503_for_safe_calls(build: Any, fake: Any, sleeps: list[float]) -> None:
    policy = RetryPolicy(retry_server_errors=True, backoff=0.5, jitter=0)
    fake.queue(reply(503, {"detail": "down"}), reply(502, {"detail": "down"}), reply(200, {"results": []}))
    assert build(retry_policy=policy)("search", "q").results == []
    assert sleeps == [0.5, 1.0]


def test_policy_does_not_retry_unsafe_calls(build: Any, fake: Any, sleeps: list[float]) -> None:
    policy = RetryPolicy(retry_server_errors=True, retry_connection_errors=True)
    fake.queue(reply(503, {"detail": "down"}))
    with pytest.raises(memsy.ServerError):
        build(retry_policy=policy)("orgs.create", "org_acme", "Acme", "Travel")
    fake.queue(httpx.ConnectError("refused"))
    with pytest.raises(memsy.MemsyConnectionError):
        build(retry_policy=policy)("orgs.regenerate_prompt", "org_acme")
    assert sleeps == []


def test_policy_retries_connection_errors_for_ingest(build: Any, fake: Any, sleeps: list[float]) -> None:
    policy = RetryPolicy(retry_connection_errors=True, jitter=0)
    fake.queue(httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped"), reply(200, {"event_ids": ["e1"]}))
    assert build(retry_policy=policy)("ingest", [EVENT]).event_ids == ["e1"]
    assert sleeps == [1.0, 2.0]


def test_500_is_not_in_the_default_retry_statuses(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(reply(500, {"detail": "bug"}))
    with pytest.raises(memsy.ServerError):
        build(retry_policy=RetryPolicy.aggressive())("search", "q")
    assert sleeps == []


def test_deadline_stops_retries_that_would_cross_it(build: Any, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited("2"))
    with pytest.raises(memsy.RateLimitExceeded):
        build(retry_policy=RetryPolicy(deadline=1.5))("health")
    assert sleeps == []


@pytest.mark.parametrize("bad", [-1, 1.5, True, "3"])
def test_invalid_max_retries_is_refused_at_construction(bad: Any) -> None:
    with pytest.raises(memsy.MemsyValidationError, match="max_retries"):
        memsy.MemsyClient("https://api.memsy.io/v1", api_key="msy_x", max_retries=bad)


@pytest.mark.parametrize(
    ("field", "value"),
    [("backoff", -1.0), ("backoff", float("nan")), ("max_retry_after", float("inf")), ("jitter", 2), ("deadline", 0)],
)
def test_invalid_policy_is_refused(field: str, value: Any) -> None:
    with pytest.raises(memsy.MemsyValidationError, match=field):
        RetryPolicy(**{field: value})


def test_backoff_is_bounded() -> None:
    policy = RetryPolicy(backoff=1.0, max_backoff=5.0, jitter=0.5)
    for attempt in range(10):
        wait = policy.backoff_for(attempt)
        assert 0 <= wait <= 5.0
    assert RetryPolicy(jitter=0).backoff_for(3) == 8.0
