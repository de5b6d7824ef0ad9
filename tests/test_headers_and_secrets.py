"""Usage / rate-limit header parsing, Retry-After parsing, configuration from the environment, and the API key
staying out of reprs, logs and exception text."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import httpx
import pytest

import memsy
from memsy._headers import parse_rate_limit, parse_retry_after, parse_usage

from . import samples as s
from .conftest import API_KEY, Driver
from .fakes import reply


def test_usage_headers_are_parsed_case_insensitively() -> None:
    headers = httpx.Headers(
        {
            "x-usage-apicalls": "5",
            "X-USAGE-APICALLS-LIMIT": "100",
            "X-Usage-MemoriesStored": "7",
            "X-Usage-MemoriesStored-Limit": "1000",
            "X-Usage-LlmTokens": "12345",
            "X-Usage-SearchQueries": "3",
            "X-Usage-SearchQueries-Limit": "50",
            "X-Usage-EventsIngested": "9",
            "X-Usage-LlmTokens-Limit": "99999",
            "X-Usage-EventsIngested-Limit": "10",
            "X-Plan": "pro",
        }
    )
    assert parse_usage(headers) == memsy.UsageInfo(
        api_calls=5,
        api_calls_limit=100,
        events_ingested=9,
        events_ingested_limit=10,
        memory_stored=7,
        memory_stored_limit=1000,
        llm_tokens=12345,
        llm_tokens_limit=99999,
        search_queries=3,
        search_queries_limit=50,
        plan="pro",
    )


@pytest.mark.parametrize("bad", ["", "abc", "-1", "1.5", "1e3", "١٢", "99999999999999999999"])
def test_bad_header_values_are_ignored(bad: str) -> None:
    assert parse_usage({"x-usage-apicalls": bad}) is None
    info = parse_usage({"x-usage-apicalls": bad, "x-plan": "free"})
    assert info is not None and info.api_calls is None and info.plan == "free"
    assert parse_rate_limit({"x-ratelimit-limit": bad}) is None


def test_rate_limit_with_only_reset_is_kept() -> None:
    assert parse_rate_limit({"x-ratelimit-reset": "1780272000"}) == memsy.RateLimitInfo(reset=1780272000)
    assert parse_rate_limit({}) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30", 30.0),
        (" 0.2 ", 0.2),
        ("-4", 0.0),
        ("nan", None),
        ("inf", None),
        ("", None),
        (None, None),
        ("tomorrow", None),
        ("Wed, 21 Oct 2026 07:28:10 GMT", 10.0),
        ("Wed, 21 Oct 2026 07:27:00 GMT", 0.0),
        ("Wed, 21 Oct 2026 07:28:10", None),  # no zone: not an RFC 9110 date
    ],
)
def test_retry_after_values(value: str | None, expected: float | None) -> None:
    from email.utils import parsedate_to_datetime

    now = parsedate_to_datetime("Wed, 21 Oct 2026 07:28:00 GMT").timestamp()
    assert parse_retry_after(value, now=now) == expected


def test_missing_headers_give_none(sdk: Driver, fake: Any) -> None:
    fake.queue(httpx.Response(200, json=s.HEALTH))
    result = sdk("health")
    assert result.usage is None and result.rate_limit is None


def test_environment_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMSY_API_KEY", API_KEY)
    monkeypatch.setenv("MEMSY_BASE_URL", "http://127.0.0.1:9999/v1///")
    client = memsy.MemsyClient()
    assert client.base_url == "http://127.0.0.1:9999/v1"
    control = memsy.MemsyControlClient()
    assert control.base_url == "http://127.0.0.1:9999/api"
    monkeypatch.setenv("MEMSY_CONTROL_URL", "https://control.example/api/")
    assert memsy.MemsyControlClient().base_url == "https://control.example/api"
    assert memsy.MemsyClient("https://api.memsy.io").base_url == "https://api.memsy.io/v1"
    assert memsy.MemsyControlClient("https://api.memsy.io/v1").base_url == "https://api.memsy.io/api"
    client.close()


def test_key_is_read_when_the_client_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMSY_API_KEY", "msy_first")
    client = memsy.MemsyClient(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=s.HEALTH)))
    monkeypatch.setenv("MEMSY_API_KEY", "msy_second")
    seen: list[str] = []
    client._http._transport = httpx.MockTransport(
        lambda r: seen.append(r.headers["authorization"]) or httpx.Response(200, json=s.HEALTH)
    )
    client.health()
    assert seen == ["Bearer msy_first"]


def test_no_network_io_in_constructors() -> None:
    def explode(request: httpx.Request) -> httpx.Response:
        raise AssertionError("constructor made a request")

    for cls in (memsy.MemsyClient, memsy.MemsyControlClient):
        cls("https://api.memsy.io", api_key="msy_x", transport=httpx.MockTransport(explode)).close()


def test_the_key_never_shows(fake: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    client = memsy.MemsyClient("https://api.memsy.io/v1", api_key=API_KEY, transport=fake.transport(), max_retries=0)
    texts = [repr(client), str(client), repr(client._http), repr(client.orgs.__dict__)]
    caplog.set_level(logging.DEBUG, logger="memsy")
    fake.guard.check_responses = False
    for response in (
        reply(401, {"detail": f"Invalid API key {API_KEY}"[:18]}),
        reply(429, {"detail": "slow"}, headers={"Retry-After": "1"}),
        httpx.Response(500, content=b"<html>"),
        httpx.ConnectError("refused"),
    ):
        fake.queue(response)
        with pytest.raises(memsy.MemsyError) as caught:
            client.search("q")
        texts += [str(caught.value), repr(caught.value), "".join(traceback.format_exception(caught.value))]
    fake.queue(reply(200, s.CREATED_KEY))
    texts.append(caplog.text)
    assert API_KEY not in "\n".join(texts)
    assert "0123456789abcdef" not in "\n".join(texts)
    assert "/v1/search" in caplog.text  # logging does happen
    client.close()


def test_created_key_secret_is_not_in_repr(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.CREATED_KEY))
    created = control("keys.create", "ci")
    assert created.raw_key == s.CREATED_KEY["raw_key"]
    assert s.CREATED_KEY["raw_key"] not in repr(created)


def test_memsy_log_env_enables_logging(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("memsy")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    monkeypatch.setenv("MEMSY_LOG", "debug")
    client = memsy.MemsyClient(
        "https://api.memsy.io",
        api_key=API_KEY,
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json=s.HEALTH)),
    )
    client.health()
    err = capsys.readouterr().err
    assert "GET /v1/health -> 200" in err
    assert API_KEY not in err
