"""One regression test per defect of the published SDKs (wire-facts.md §8: P1-P17, N1-N8; the 0.3.5 delta §10:
D-series items that apply to the surface we ship). Each asserts the behaviour we promise instead."""

from __future__ import annotations

import asyncio
import time
from email.utils import formatdate
from typing import Any

import httpx
import pytest

import memsy

from . import samples as s
from .conftest import API_KEY, Driver, make_driver
from .fakes import reply

EVENT = {"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "x"}


def limited(retry_after: str | None = None) -> httpx.Response:
    return reply(429, {"detail": "Rate limit exceeded"}, headers={"Retry-After": retry_after} if retry_after else {})


QUOTA = {"error": "usage_limit_exceeded", "message": "quota", "dimension": "events_ingested", "current": 1, "limit": 1}


def test_P1_exhausted_retries_raise_rate_limit_exceeded_with_retry_after(sdk: Driver, fake: Any) -> None:
    fake.default = limited("7")
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        sdk("search", "q")
    assert caught.value.retry_after == 7.0 and caught.value.response is not None


def test_P1_first_429_with_max_retries_zero(fake: Any, sleeps: list[float]) -> None:
    client = memsy.MemsyClient("https://api.memsy.io/v1", api_key=API_KEY, max_retries=0, transport=fake.transport())
    fake.queue(limited("3"))
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        client.ingest([EVENT])
    assert caught.value.retry_after == 3.0 and sleeps == []


def test_P2_data_plane_raises_usage_limit_exceeded(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(429, QUOTA))
    with pytest.raises(memsy.UsageLimitExceeded):
        sdk("ingest", [EVENT])


def test_P3_N4_quota_429_is_not_retried(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.queue(reply(429, {"detail": QUOTA}))
    with pytest.raises(memsy.UsageLimitExceeded):
        sdk("search", "q")
    assert sleeps == [] and len(fake.requests) == 1


def test_P4_N2_http_date_retry_after(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.default = limited(formatdate(time.time() + 4, usegmt=True))
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        sdk("health")
    assert caught.value.retry_after is not None and 2 <= caught.value.retry_after <= 4
    assert len(sleeps) == 3 and all(2 <= w <= 4 for w in sleeps)


@pytest.mark.parametrize("value", ["-3", "nan", "inf"])
def test_P5_N3_negative_and_non_finite_retry_after_neither_crash_nor_hang(fake: Any, value: str) -> None:
    client = memsy.AsyncMemsyClient(
        "https://api.memsy.io/v1", api_key=API_KEY, retry_backoff=0.001, transport=fake.async_transport()
    )
    fake.queue(limited(value), reply(200, s.HEALTH))

    async def run() -> memsy.HealthResponse:
        async with client:
            return await asyncio.wait_for(client.health(), timeout=5)

    assert asyncio.run(run()).status == "ok"  # real (unpatched) asyncio.sleep


def test_N3_partial_numbers_are_not_honoured() -> None:
    from memsy._headers import parse_retry_after

    assert parse_retry_after("5abc") is None
    assert parse_retry_after("-5") == 0.0


def test_P6_an_absurd_retry_after_is_not_slept_on(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.queue(limited("86400"), reply(200, s.HEALTH))
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        sdk("health")
    assert sleeps == [] and caught.value.retry_after == 86400  # raised at once, with the server's wish
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadError("r"),
        httpx.WriteError("w"),
        httpx.RemoteProtocolError("p"),
        httpx.ProxyError("x"),
        httpx.LocalProtocolError("l"),
    ],
)
def test_P7_every_transport_failure_is_wrapped(sdk: Driver, fake: Any, failure: Exception) -> None:
    fake.queue(failure, failure)  # a read/write failure is retried once (stale keep-alive); the second is raised
    with pytest.raises(memsy.MemsyConnectionError):
        sdk("health")


@pytest.mark.parametrize("body", [b"[1, 2]", b"null", b"3", b'"text"'])
def test_P8_N5_non_object_json_error_bodies(sdk: Driver, fake: Any, body: bytes) -> None:
    fake.guard.check_responses = False
    fake.queue(httpx.Response(400, content=body))
    with pytest.raises(memsy.MemsyAPIError) as caught:
        sdk("health")
    assert caught.value.status_code == 400 and caught.value.detail == body.decode()


def test_P9_N6_non_json_success_body(sdk: Driver, fake: Any) -> None:
    fake.guard.check_responses = False
    fake.queue(httpx.Response(200, content=b"<html>maintenance</html>"))
    with pytest.raises(memsy.MalformedResponseError, match="maintenance"):
        sdk("search", "q")


def test_P10_detail_object_without_message_falls_back_to_body_text(sdk: Driver, fake: Any) -> None:
    fake.guard.check_responses = False
    fake.queue(httpx.Response(400, json={"detail": {"reason": "odd"}}))
    with pytest.raises(memsy.MemsyAPIError) as caught:
        sdk("health")
    assert "odd" in caught.value.detail


@pytest.mark.parametrize(
    ("path", "args", "expected"),
    [
        ("orgs.get", ("a/b",), "/v1/orgs/a%2Fb"),
        ("orgs.delete", ("h#x",), "/v1/orgs/h%23x"),
        ("roles.get", ("r?1", "o"), "/v1/roles/r%3F1"),
        ("teams.regenerate_prompt", ("t/../x", "o"), "/v1/teams/t%2F..%2Fx/regenerate-prompt"),
        ("memories.get", ("m 1",), "/v1/console/memories/m%201"),
        ("actors.get", ("slack:T1:U2",), "/v1/actors/slack%3AT1%3AU2"),
    ],
)
def test_P11_D9_path_ids_are_percent_encoded_everywhere(
    sdk: Driver, fake: Any, path: str, args: tuple, expected: str
) -> None:
    fake.guard.check_responses = False
    fake.queue(reply(404, {"detail": "Not Found"}))
    with pytest.raises(memsy.NotFoundError):
        sdk(path, *args)
    assert fake.last.url.raw_path.split(b"?")[0].decode() == expected


def test_P11_key_ids_are_percent_encoded(control: Driver, fake: Any) -> None:
    fake.queue(reply(204))
    control("keys.delete", "k/../../x")
    assert fake.last.url.raw_path.decode() == "/api/keys/k%2F..%2F..%2Fx"


def test_P12_key_usage_tolerates_204(control: Driver, fake: Any) -> None:
    fake.guard.check_responses = False  # 204 is not a documented answer of this operation
    fake.queue(reply(204))
    assert control("keys.usage", "key_1") == []


def test_P13_N8_negative_max_retries_is_refused() -> None:
    with pytest.raises(memsy.MemsyValidationError):
        memsy.MemsyControlClient("https://api.memsy.io/api", api_key=API_KEY, max_retries=-1)


def test_P14_rate_limit_with_only_reset(sdk: Driver, fake: Any) -> None:
    fake.queue(httpx.Response(200, json=s.HEALTH, headers={"X-RateLimit-Reset": "1780272000"}))
    assert sdk("health").rate_limit == memsy.RateLimitInfo(reset=1780272000)


def test_P15_invoice_created_is_an_int(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, [s.INVOICE]))
    assert control("billing.invoices")[0].created == 1777593600


def test_P16_invoices_raise_billing_not_enabled(control: Driver, fake: Any) -> None:
    fake.queue(reply(403, {"detail": {"error": "billing_not_enabled", "message": "off", "interest_path": "/p"}}))
    with pytest.raises(memsy.BillingNotEnabledError):
        control("billing.invoices")


def test_P17_D16_control_and_sub_resources_expose_headers(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.ME), reply(200, s.KEY_LIST))
    assert control("me").rate_limit.remaining == 959
    assert control("keys.list").usage.api_calls == 41


def test_N1_gateway_forbidden_keeps_403(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(403, {"message": "Forbidden"}))
    with pytest.raises(memsy.AuthenticationError) as caught:
        sdk("orgs.list")
    assert caught.value.status_code == 403


def test_N7_search_without_results_is_a_clear_error(sdk: Driver, fake: Any) -> None:
    fake.guard.check_responses = False
    fake.queue(httpx.Response(200, json={}))
    with pytest.raises(memsy.MalformedResponseError, match="results"):
        sdk("search", "q")


def test_N8_backoff_base_is_configurable(fake: Any, sleeps: list[float]) -> None:
    driver = make_driver("sync", "data", fake, retry_backoff=0.1, retry_policy=None)
    fake.queue(limited(), reply(200, s.HEALTH))
    driver("health")
    assert 0.075 <= sleeps[0] <= 0.125
    driver.close()


def test_D7_session_rules_checked_before_sending(sdk: Driver, fake: Any) -> None:
    with pytest.raises(memsy.MemsyValidationError):
        sdk("search", "q", session_id="a", exclude_session_id="b")
    assert fake.requests == []


@pytest.mark.parametrize("bad", [".", "..", "", None])
def test_D8_dot_empty_and_none_ids_are_refused(sdk: Driver, fake: Any, bad: Any) -> None:
    with pytest.raises(memsy.MemsyValidationError):
        sdk("actors.get", bad)
    assert fake.requests == []


def test_D13_secrets_stay_out_of_repr(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.CREATED_KEY))
    assert "0123456789abcdef" not in repr(control("keys.create", "ci"))


def test_D14_lenient_actor_counts(sdk: Driver, fake: Any) -> None:
    fake.guard.check_responses = False
    body = {
        "items": [{"actor_id": "a", "memory_count": None, "active_memory_count": "3"}],
        "total": 1,
        "limit": 1,
        "offset": 0,
        "truncated": "false",
    }
    fake.queue(reply(200, body))
    page = sdk("actors.list")
    assert page.items[0].memory_count == 0 and page.items[0].active_memory_count == 3
    assert page.truncated is False


def test_D17_actors_exhaustion_raises_rate_limit(sdk: Driver, fake: Any) -> None:
    fake.default = limited("1")
    with pytest.raises(memsy.RateLimitExceeded):
        sdk("actors.list")
