"""Usage / rate-limit header parsing, Retry-After parsing, configuration from the environment, and the API key
staying out of reprs, logs and exception text."""

from __future__ import annotations

import copy
import logging
import pickle
import traceback
from typing import Any

import httpx
import pytest

import memsy
from memsy._headers import parse_rate_limit, parse_retry_after, parse_usage

from . import samples as s
from .conftest import API_KEY, DATA_URL, Driver, make_driver
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


def test_a_call_built_for_s3_keeps_its_secret_out_of_repr() -> None:
    from memsy._generated import operations as ops

    secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    call = ops.configure_s3_connector(
        access_key_id="AKIAEXAMPLE", secret_access_key=secret, region="eu-west-1", bucket="notes", connector_id=None
    )
    assert call.request["json"]["secret_access_key"] == secret
    assert secret not in repr(call) and "configureS3Connector" in repr(call)
    assert secret not in repr(call.with_request({**call.request}))


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


# --------------------------------------------------------------------------- exceptions pickled and copied


def _kept(error: BaseException) -> list[BaseException]:
    """``error`` pickled and unpickled, copied and deep-copied; none of its pickled bytes holds the key."""
    data = pickle.dumps(error)
    assert API_KEY.encode() not in data and b"0123456789abcdef" not in data
    kept = [pickle.loads(data), copy.copy(error), copy.deepcopy(error)]
    for other in kept:
        assert type(other) is type(error) and str(other) == str(error) and other.args == error.args
        assert API_KEY not in repr(vars(other))
    return kept


def _keyed_response(status: int) -> httpx.Response:
    """An error response whose request still carries the key (what an exception must never let out)."""
    request = httpx.Request("GET", DATA_URL + "/health", headers={"Authorization": f"Bearer {API_KEY}"})
    return httpx.Response(status, json={"detail": "no"}, request=request)


def _sample(cls: type[memsy.MemsyError]) -> memsy.MemsyError:
    """An instance of a public exception class, built with its own constructor."""
    if cls is memsy.IngestManyError:
        failed = memsy.AuthenticationError("HTTP 401", status_code=401, response=_keyed_response(401))
        return cls(["e1", None, None], {1: failed}, 1, [2])
    if cls is memsy.WaitTimeoutError:
        return cls("1 of 1 events still pending", memsy.StatusResponse([], [], ["e1"], 1, {"e1": "pending"}, []))
    if cls is memsy.AuthorizationTimeoutError:
        conflict = memsy.ConflictError("HTTP 409", status_code=409, response=_keyed_response(409))
        return cls("connector 'con_1' was not authorized within 5s", conflict)
    if cls is memsy.MemsyValidationError:
        return cls("limit must be in 1..100, got 0", loc=("limit",))
    if cls is memsy.RateLimitExceeded:
        return cls("HTTP 429", retry_after=2.0, status_code=429, response=_keyed_response(429))
    if issubclass(cls, memsy.MemsyAPIError):
        return cls("HTTP 400", status_code=400, error_code="x", response=_keyed_response(400))
    return cls("it failed")


PUBLIC_ERRORS = [
    c
    for c in (getattr(memsy, name) for name in sorted(memsy.__all__))
    if isinstance(c, type) and issubclass(c, Exception)
]


def test_the_public_exceptions_are_all_here() -> None:
    names = {c.__name__ for c in PUBLIC_ERRORS}
    assert {"IngestManyError", "WaitTimeoutError", "AuthorizationTimeoutError", "MemsyError"} <= names
    assert len(names) >= 25


@pytest.mark.parametrize("cls", PUBLIC_ERRORS, ids=lambda c: c.__name__)
def test_every_public_exception_pickles_and_copies_without_the_key(cls: type[memsy.MemsyError]) -> None:
    error = _sample(cls)
    error._note_attempts(3)
    for other in _kept(error):
        assert other.attempts == 3
        if isinstance(error, memsy.MemsyAPIError):
            assert other.response is None and other.status_code == error.status_code  # type: ignore[attr-defined]
    if isinstance(error, memsy.MemsyValidationError):
        assert pickle.loads(pickle.dumps(error)).errors == error.errors


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_helpers_errors_pickle_and_copy_without_the_key(kind: str, fake: Any, sleeps: list[float]) -> None:
    """IngestManyError, WaitTimeoutError and AuthorizationTimeoutError as the helpers raise them."""
    data = make_driver(kind, "data", fake, max_retries=0)
    control = make_driver(kind, "control", fake, max_retries=0)
    try:
        fake.queue(reply(200, {"event_ids": ["a"]}))
        fake.default = reply(401, {"detail": "Invalid API key"})
        event = {"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "x"}
        with pytest.raises(memsy.IngestManyError) as ingest:
            data("ingest_many", [event] * 3, batch_size=1, concurrency=1)
        fake.default = None
        fake.queue(reply(200, s.status_body(completed=["e1"], pending=["e2"])))
        with pytest.raises(memsy.WaitTimeoutError) as wait:
            data("wait_for", ["e1", "e2"], timeout=0)
        fake.queue(reply(409, {"detail": {"error": "connector_not_authorized", "message": "Consent not completed"}}))
        with pytest.raises(memsy.AuthorizationTimeoutError) as consent:
            control("connectors.wait_until_authorized", "con_1", timeout=0)
    finally:
        data.close()
        control.close()
    for other in _kept(ingest.value):
        assert other.event_ids == ["a", None, None]  # type: ignore[attr-defined]
        assert sorted([*other.errors, *other.unsent]) == [1, 2]  # type: ignore[attr-defined]
        assert isinstance(other.errors[1], memsy.AuthenticationError)  # type: ignore[attr-defined]
    for other in _kept(wait.value):
        status = other.status  # type: ignore[attr-defined]
        assert status.pending_ids == ["e2"] and status.completed_ids == ["e1"] and status.rate_limit is not None
    for other in _kept(consent.value):
        assert isinstance(other, TimeoutError) and other.last_error.error_code == "connector_not_authorized"  # type: ignore[attr-defined]
