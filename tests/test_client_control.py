"""Per-call control and introspection, sync and async: per-call options, with_options, raw responses and request
ids, models as plain data, construction with the caller's httpx client, pages, and the messages of failures."""

from __future__ import annotations

import asyncio
import copy
import json
import pickle
import re
import socket
import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, ClassVar

import httpx
import pytest

import memsy
from memsy._model import PlainData

from . import samples as s
from .conftest import API_KEY, DATA_URL, Driver, make_driver
from .fakes import reply

EVENT = {"actor_id": "user_42", "session_id": "s1", "kind": "user_message", "content": "I like tea"}


# ------------------------------------------------------------------------------------------- per-call options


def test_per_call_options_change_one_request_only(sdk: Driver, fake: Any) -> None:
    fake.default = reply(200, {"results": []})
    sdk(
        "search",
        "q",
        timeout=httpx.Timeout(1.5, read=7.0),
        extra_headers={"X-Trace": "t1"},
        extra_query={"debug": "1"},
        extra_body={"explain": True},
    )
    first = fake.last
    assert first.headers["X-Trace"] == "t1" and first.url.params["debug"] == "1"
    assert json.loads(first.content)["explain"] is True and json.loads(first.content)["query"] == "q"
    assert first.extensions["timeout"] == {"connect": 1.5, "read": 7.0, "write": 1.5, "pool": 1.5}
    assert first.headers["Authorization"] == f"Bearer {API_KEY}"  # per-call headers add to the client's
    sdk("search", "q")
    second = fake.last
    assert "X-Trace" not in second.headers and "debug" not in second.url.params
    assert "explain" not in json.loads(second.content) and second.extensions["timeout"]["read"] == 30.0


def test_per_call_timeout_in_seconds_and_options_on_reads(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.memory()))
    sdk("memories.get", "mem_1", timeout=2, extra_query={"trace": "x"})
    assert fake.last.extensions["timeout"]["read"] == 2.0 and fake.last.url.params["trace"] == "x"
    with pytest.raises(memsy.MemsyValidationError, match="timeout must be a positive number"):
        sdk("memories.get", "mem_1", timeout=-1)
    with pytest.raises(TypeError):
        sdk("memories.get", "mem_1", extra_body={"x": 1})  # no JSON body on a GET: not an option there
    assert len(fake.requests) == 1


def test_with_options_shares_the_pool_and_changes_only_the_copy(fake: Any, sleeps: list[float]) -> None:
    client = memsy.MemsyClient(DATA_URL, api_key=API_KEY, transport=fake.transport())
    tuned = client.with_options(timeout=3, max_retries=0, default_headers={"X-Team": "blue"})
    assert tuned._http is client._http and tuned.retry_policy.max_retries == 0
    assert client.retry_policy.max_retries == 3
    fake.queue(reply(429, {"detail": "slow"}, headers={"Retry-After": "0"}))
    with pytest.raises(memsy.RateLimitExceeded):
        tuned.health()
    assert fake.last.headers["X-Team"] == "blue" and fake.last.extensions["timeout"]["read"] == 3.0
    fake.queue(reply(200, s.HEALTH))
    client.health()
    assert "X-Team" not in fake.last.headers and fake.last.extensions["timeout"]["read"] == 30.0
    tuned.close()  # the copy does not own the pool
    fake.queue(reply(200, s.HEALTH))
    assert client.health().ok
    client.close()
    policy = memsy.RetryPolicy(max_retries=1, deadline=5.0)
    assert client.with_options(retry_policy=policy).retry_policy is policy


async def test_async_with_options_and_default_headers(fake: Any) -> None:
    client = memsy.AsyncMemsyClient(
        DATA_URL, api_key=API_KEY, transport=fake.async_transport(), default_headers={"X-App": "agent"}
    )
    fake.queue(reply(200, s.HEALTH), reply(200, s.HEALTH))
    await client.health()
    assert fake.last.headers["X-App"] == "agent"
    await client.with_options(default_headers={"X-App": "other"}).health()
    assert fake.last.headers["X-App"] == "other"
    await client.close()
    with pytest.raises(memsy.MemsyValidationError, match="Authorization"):
        memsy.MemsyClient(DATA_URL, api_key=API_KEY, default_headers={"authorization": "Bearer x"})


# ------------------------------------------------------------------------------------ raw responses, request id


def test_raw_responses_on_the_client_and_on_resources(sdk: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, {"results": [s.search_result()]}, headers={"X-Request-Id": "req-1"}),
        reply(200, s.memory_page([s.memory()], total=1), headers={"X-Request-Id": "req-2"}),
    )
    raw = sdk("with_raw_response.search", "q")
    assert isinstance(raw, memsy.RawResponse)
    assert raw.status_code == 200 and raw.request_id == "req-1" and raw.headers["x-request-id"] == "req-1"
    assert isinstance(raw.elapsed, timedelta) and isinstance(raw.http_response, httpx.Response)
    parsed = raw.parse()
    assert isinstance(parsed, memsy.SearchResponse) and parsed.results[0].id == "mem_1" and raw.parse() is parsed
    assert parsed.request_id == "req-1"
    page = sdk("memories.with_raw_response.list").parse()
    assert page.items[0].memory_id == "mem_1" and page.request_id == "req-2"


def test_raw_responses_still_raise_typed_errors(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(404, {"detail": "Memory not found"}))
    with pytest.raises(memsy.NotFoundError):
        sdk("with_raw_response.memories.get", "nope")


def _awaited(driver: Driver, result: Any) -> Any:
    """``next_page()`` is awaitable on the asyncio client."""
    if asyncio.iscoroutine(result):
        return driver.loop.run_until_complete(result)  # type: ignore[union-attr]
    return result


def test_a_page_parsed_from_a_raw_response_walks_on_like_any_page(sdk: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, s.memory_page([s.memory("m1"), s.memory("m2")], total=3, limit=2)),
        reply(200, s.memory_page([s.memory("m3")], total=3, limit=2, offset=2)),
        reply(200, [s.role("r1"), s.role("r2")]),
        reply(200, [s.role("r3")]),
    )
    first = sdk("memories.with_raw_response.list", limit=2, sort="strength_desc", extra_headers={"X-Trace": "t"})
    page = first.parse()
    assert page.has_next_page()
    second = _awaited(sdk, page.next_page())
    assert [m.memory_id for m in second] == ["m3"] and not second.has_next_page()
    query = fake.last.url.params
    assert (query["offset"], query["limit"], query["sort"]) == ("2", "2", "strength_desc")
    assert fake.last.headers["X-Trace"] == "t"  # the same per-call options as the first page's
    roles = sdk("with_raw_response.roles.list", "org_acme", limit=2).parse()  # a bare-list page too
    assert roles.has_next_page()
    assert [r.role_id for r in _awaited(sdk, roles.next_page())] == ["r3"]
    assert fake.last.url.params["offset"] == "2"


def test_every_result_exposes_the_request_id(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, [s.INVOICE], headers={"X-Request-Id": "req-9"}), reply(200, s.ME))
    assert control("billing.invoices").request_id == "req-9"
    assert control("me").request_id is None  # not sent


# ------------------------------------------------------------------------------------------ models as data


def test_models_to_dict_and_to_json_leave_out_response_metadata(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(200, {**s.memory(), "embedding_model": "v9"}, headers={"X-Request-Id": "r"}))
    memory = sdk("memories.get", "mem_1")
    data = memory.to_dict()
    assert data["memory_id"] == "mem_1" and data["scope"] == {"level": "actor", **_scope_rest(data)}
    assert not {"usage", "rate_limit", "request_id", "extra", "_wire"} & set(data)
    assert json.loads(memory.to_json()) == data and "\n" in memory.to_json(indent=2)
    assert repr(memory).startswith("MemoryItemResource(memory_id='mem_1'")


def test_lists_to_dict_and_to_json(control: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, [s.INVOICE], headers={"X-Request-Id": "req-3"}),
        reply(200, {"providers": ["slack", "s3"]}),
    )
    invoices = control("billing.invoices")
    data = invoices.to_dict()
    assert isinstance(data, list) and data == [invoices[0].to_dict()]
    assert json.loads(invoices.to_json()) == data and "\n" in invoices.to_json(indent=2)
    assert "req-3" not in invoices.to_json()  # response metadata left out
    providers = control("connectors.list_providers")
    assert providers.to_dict() == ["slack", "s3"] and providers.to_json() == '["slack", "s3"]'


@dataclass(slots=True)
class _HeaderModel(PlainData):
    """Shaped like the generated UsageInfo / RateLimitInfo: a slots dataclass with a class-level header table."""

    limit: int | None = None
    plan: str | None = None
    _HEADERS: ClassVar[tuple[str, ...]] = ("x-limit",)


def test_plain_data_gives_header_models_to_dict_and_to_json() -> None:
    info = _HeaderModel(limit=3, plan="free")
    assert info.to_dict() == {"limit": 3, "plan": "free"} and json.loads(info.to_json()) == info.to_dict()
    assert _HeaderModel().to_json(indent=1) == '{\n "limit": null,\n "plan": null\n}'


def test_usage_and_rate_limit_to_dict_and_to_json(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.HEALTH))
    health = sdk("health")
    if not hasattr(memsy.UsageInfo, "to_dict"):
        pytest.xfail(
            "UsageInfo and RateLimitInfo are generated without a handwritten base: the generator must derive them "
            "from memsy._model.PlainData (scripts/generate_sdk.py, render_header_model)"
        )
    usage, rate_limit = health.usage, health.rate_limit
    assert usage.to_dict()["plan"] == "free" and usage.to_dict()["api_calls"] == 41
    assert rate_limit.to_dict() == {"limit": 1000, "remaining": 959, "reset": 1780272000}
    assert json.loads(usage.to_json()) == usage.to_dict() and json.loads(rate_limit.to_json(indent=2))


def _scope_rest(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data["scope"].items() if k != "level"}


def test_secret_fields_stay_out_of_repr(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.CREATED_KEY))
    key = control("keys.create", "ci")
    assert s.CREATED_KEY["raw_key"] not in repr(key) and key.raw_key == s.CREATED_KEY["raw_key"]


# ------------------------------------------------------------------------------------------------ construction


def test_the_callers_http_client_is_used_and_never_closed() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        return reply(200, s.HEALTH)

    owned = httpx.Client(transport=httpx.MockTransport(handle), event_hooks={"request": [seen.append]})
    client = memsy.MemsyClient(DATA_URL, api_key=API_KEY, http_client=owned, timeout=httpx.Timeout(4.0, read=9.0))
    assert client.health().ok
    request = seen[0]
    assert str(request.url) == "https://api.memsy.io/v1/health"  # our base URL, though the pool has none
    assert request.headers["Authorization"] == f"Bearer {API_KEY}" and request.headers["User-Agent"].startswith(
        "memsy-python/"
    )
    assert request.extensions["timeout"]["read"] == 9.0
    client.close()
    assert not owned.is_closed
    assert client.health().ok  # the caller's pool is still open
    owned.close()
    with pytest.raises(memsy.MemsyValidationError, match=r"httpx\.Client"):
        memsy.MemsyClient(DATA_URL, api_key=API_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(memsy.MemsyValidationError, match=r"must be an httpx\.AsyncClient, got Client"):
        memsy.AsyncMemsyClient(DATA_URL, api_key=API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]


def test_request_urls_join_the_base_path_and_keep_quoted_ids_across_many_paths() -> None:
    """The client parses each path's absolute URL once and reuses it: the URL sent must be what httpx would join
    from the base URL, for a base behind a path prefix, ids that need quoting, and more distinct paths than are
    kept."""
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return reply(200, s.HEALTH if request.url.path.endswith("/health") else s.memory())

    base = "https://proxy.example.com/memsy/v1"
    with memsy.MemsyClient(base, api_key=API_KEY, transport=httpx.MockTransport(handle)) as client:
        client.health()
        client.health()
        ids = [f"mem {i}/x?" for i in range(300)]
        for memory_id in ids:
            client.memories.get(memory_id)
        client.memories.get(ids[0])
        client.health()
    health = "https://proxy.example.com/memsy/v1/health"
    memory = "https://proxy.example.com/memsy/v1/console/memories/"
    expected = [memory + f"mem%20{i}%2Fx%3F" for i in range(300)]
    assert seen == [health, health, *expected, expected[0], health]


async def test_the_callers_async_http_client_is_used_and_never_closed() -> None:
    owned = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: reply(200, s.HEALTH)))
    async with memsy.AsyncMemsyClient(DATA_URL, api_key=API_KEY, http_client=owned) as client:
        assert (await client.health()).ok
    assert not owned.is_closed
    await owned.aclose()


# ---------------------------------------------------------------------------------------------------- pages


def test_pages_know_whether_another_follows_and_fetch_it(sdk: Driver, fake: Any) -> None:
    fake.queue(
        reply(200, s.memory_page([s.memory("m1"), s.memory("m2")], total=3, limit=2)),
        reply(200, s.memory_page([s.memory("m3")], total=3, limit=2, offset=2)),
    )
    first = sdk("memories.list", limit=2, sort="strength_desc")
    assert first.has_next_page()
    second = first.next_page()
    if asyncio.iscoroutine(second):
        second = sdk.loop.run_until_complete(second)  # type: ignore[union-attr]
    assert [m.memory_id for m in second] == ["m3"] and not second.has_next_page()
    query = fake.last.url.params
    assert (query["offset"], query["limit"], query["sort"]) == ("2", "2", "strength_desc")
    with pytest.raises(LookupError, match="last page"):
        second.next_page()


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy, lambda r: pickle.loads(pickle.dumps(r))])
def test_results_and_pages_copy_and_pickle_with_their_metadata(sdk: Driver, fake: Any, duplicate: Any) -> None:
    """A result can be cached, copied or sent to another process: its data and its response's usage, rate limit
    and request id go with it; a page's client does not (its pool cannot be copied), and saying so is the copy's
    next_page()."""
    headers = {"X-Request-Id": "req_42", "Set-Cookie": "session=s3cr3t"}
    fake.queue(
        reply(200, s.memory_page([s.memory("m1")], total=2, limit=1), headers=headers),
        reply(200, [s.role("r1")], headers=headers),
        reply(200, s.HEALTH, headers=headers),
    )
    page, roles, health = sdk("memories.list", limit=1), sdk("roles.list", "org_acme"), sdk("health")
    for result in (page, roles, health):
        copied = duplicate(result)
        assert type(copied) is type(result) and copied.to_dict() == result.to_dict()
        assert (copied.request_id, copied.usage, copied.rate_limit) == ("req_42", result.usage, result.rate_limit)
        assert copied.usage is not None and copied.usage.api_calls == 41
        assert "s3cr3t" not in repr(copied.__getstate__())  # only the headers usage, rate limit and id come from
    if duplicate is copy.copy:  # a shallow copy in this process keeps the page's client
        assert duplicate(page).has_next_page()
    else:
        assert page.has_next_page() and not duplicate(page).has_next_page()
        with pytest.raises(LookupError, match=r"copied or unpickled\): call the list method again"):
            duplicate(page).next_page()


class _Hidden(memsy.HealthResponse):
    __slots__ = ("__note",)  # a private slot: its real name is _Hidden__note


@dataclass(slots=True, weakref_slot=True)
class _Weak(memsy.HealthResponse):
    pass


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy, lambda r: pickle.loads(pickle.dumps(r))])
def test_a_callers_slotted_subclasses_copy_and_pickle(duplicate: Any) -> None:
    hidden = _Hidden.from_dict(s.HEALTH)
    hidden._Hidden__note = "kept"  # type: ignore[attr-defined]
    assert duplicate(hidden)._Hidden__note == "kept"  # type: ignore[attr-defined]
    weak = _Weak.from_dict(s.HEALTH)
    assert duplicate(weak) == weak


def test_roles_and_teams_iterate_page_by_page(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(200, [s.role("r1"), s.role("r2")]), reply(200, [s.role("r3")]))
    roles = sdk.drain("roles.iter", "org_acme", page_size=2)
    assert [r.role_id for r in roles] == ["r1", "r2", "r3"]
    assert [r.url.params["offset"] for r in fake.requests] == ["0", "2"]
    fake.queue(reply(200, [s.team("t1")]))
    assert [t.team_id for t in sdk.drain("teams.iter", "org_acme")] == ["t1"]


# ------------------------------------------------------------------------------------- waiting, failing clearly


def test_wait_for_stops_waiting_on_unknown_ids(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    body = {**s.status_body(completed=["e1"]), "unknownIds": ["ghost"], "statuses": {"e1": "completed"}}
    fake.queue(reply(200, body))
    result = sdk("wait_for", ["e1", "ghost"], timeout=60)
    assert result.unknown_ids == ["ghost"] and result.pending_ids == [] and result.completed_ids == ["e1"]
    assert result.statuses == {"e1": "completed", "ghost": "unknown"}
    assert len(fake.requests) == 1 and sleeps == []


def test_a_404_names_the_method_and_the_path(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(404, {"detail": "Memory not found"}))
    with pytest.raises(memsy.NotFoundError, match=r"memories\.get: GET /v1/console/memories/mem_9 was not found"):
        sdk("memories.get", "mem_9")


def test_an_id_that_would_address_a_literal_route_is_refused_before_sending(sdk: Driver, fake: Any) -> None:
    with pytest.raises(
        memsy.MemsyValidationError, match="memory_id 'stats' is not a valid id: /v1/console/memories/stats"
    ):
        sdk("memories.get", "stats")  # GET /v1/console/memories/stats is memories.stats()
    assert fake.requests == []
    fake.queue(httpx.Response(404, json={"detail": "Memory not found"}))  # a near miss is sent as it is
    with pytest.raises(memsy.NotFoundError):
        sdk("memories.get", "stats-2026")
    assert len(fake.requests) == 1


def test_a_timeout_names_the_seconds_and_the_url(sdk: Driver, fake: Any) -> None:
    fake.queue(httpx.ReadTimeout("slow"))
    with pytest.raises(memsy.MemsyTimeoutError) as caught:
        sdk("search", "q", timeout=2.5)
    assert "search: POST https://api.memsy.io/v1/search timed out after 2.5s" in str(caught.value)


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (httpx.ConnectTimeout, "after 1.5s (connect timeout, ConnectTimeout)"),
        (httpx.ReadTimeout, "after 7s (read timeout, ReadTimeout)"),
        (httpx.WriteTimeout, "after 2s (write timeout, WriteTimeout)"),
        (httpx.PoolTimeout, "after 0.25s (pool timeout, PoolTimeout)"),
        (httpx.TimeoutException, "after 7s (TimeoutException)"),  # no phase named: the longest limit
    ],
)
def test_a_timeout_names_the_phase_that_fired_and_its_seconds(
    sdk: Driver, fake: Any, error: type[httpx.TimeoutException], said: str
) -> None:
    fake.queue(error("slow"))
    with pytest.raises(memsy.MemsyTimeoutError) as caught:
        sdk("search", "q", timeout=httpx.Timeout(1.5, read=7.0, write=2.0, pool=0.25))
    assert f"search: POST https://api.memsy.io/v1/search timed out {said}; raise timeout=" in str(caught.value)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_timeout_cut_by_the_deadline_says_the_seconds_that_were_left(kind: str, fake: Any) -> None:
    driver = make_driver(kind, "data", fake, retry_policy=memsy.RetryPolicy(deadline=0.5))
    fake.queue(httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"))
    try:
        with pytest.raises(memsy.MemsyTimeoutError) as caught:
            driver("search", "q")
        message = str(caught.value)
        seconds = re.search(r"timed out after ([\d.]+)s \(read timeout, ReadTimeout\)", message)
        assert seconds is not None and 0 < float(seconds.group(1)) <= 0.5, message
        assert "30s" not in message and "the time left of RetryPolicy.deadline=0.5s" in message
        with pytest.raises(memsy.MemsyTimeoutError) as caught:
            driver("search", "q", timeout=httpx.Timeout(30.0, connect=0.2))  # the phase that fired was not cut
        assert "timed out after 0.2s (connect timeout, ConnectTimeout); raise timeout=" in str(caught.value)
        assert "deadline" not in str(caught.value)
    finally:
        driver.close()


def test_a_rate_limit_after_retries_says_how_many_attempts(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.default = reply(429, {"detail": "slow"}, headers={"Retry-After": "0"})
    with pytest.raises(memsy.RateLimitExceeded) as caught:
        sdk("health")
    assert caught.value.attempts == 4 and "gave up after 4 attempts" in str(caught.value)


def test_ingest_many_error_lists_failed_and_unsent_batches(fake: Any, sleeps: list[float]) -> None:
    answers = iter([reply(200, {"event_ids": ["a", "b"]})])
    fake.default = lambda request: next(answers, None) or reply(500, {"detail": "boom"})
    client = memsy.MemsyClient(DATA_URL, api_key=API_KEY, transport=fake.transport())
    with client, pytest.raises(memsy.IngestManyError) as caught:
        client.ingest_many([EVENT] * 7, batch_size=2, concurrency=1)
    error = caught.value
    assert 1 in error.errors and sorted([*error.errors, *error.unsent]) == [1, 2, 3]
    assert f"{len(error.errors)} of 4 ingest batches failed" in str(error) and "of 2 events each" in str(error)
    assert ("batches never sent" in str(error)) == bool(error.unsent)
    assert error.event_ids[:2] == ["a", "b"] and error.event_ids[2:] == [None] * 5


def test_ingest_many_applies_the_per_call_options_to_every_batch(sdk: Driver, fake: Any) -> None:
    fake.default = lambda request: reply(
        200, {"event_ids": [f"e{i}" for i in range(len(json.loads(request.content)["events"]))]}
    )
    result = sdk(
        "ingest_many",
        [EVENT] * 5,
        batch_size=2,
        concurrency=2,
        timeout=httpx.Timeout(4.0, read=9.0),
        extra_headers={"X-Trace": "t1"},
        extra_query={"debug": "1"},
        extra_body={"source": "import"},
    )
    assert len(result.event_ids) == 5 and len(fake.requests) == 3
    for request in fake.requests:
        body = json.loads(request.content)
        assert request.headers["X-Trace"] == "t1" and request.url.params["debug"] == "1"
        assert body["source"] == "import" and len(body["events"]) in (1, 2)
        assert request.extensions["timeout"] == {"connect": 4.0, "read": 9.0, "write": 4.0, "pool": 4.0}
    with pytest.raises(memsy.MemsyValidationError, match="timeout must be a positive number"):
        sdk("ingest_many", [EVENT], timeout=0)
    assert len(fake.requests) == 3


def test_wait_for_applies_the_per_call_options_to_every_poll(sdk: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.queue(reply(200, s.status_body(completed=["e1"], pending=["e2"])), reply(200, s.status_body(completed=["e2"])))
    result = sdk(
        "wait_for",
        ["e1", "e2"],
        timeout=60,
        poll_interval=0.5,
        request_timeout=3,
        extra_headers={"X-Trace": "t2"},
        extra_query={"debug": "1"},
        extra_body={"verbose": True},
    )
    assert result.completed_ids == ["e1", "e2"] and len(fake.requests) == 2 and sleeps == [0.5]
    for request in fake.requests:
        assert request.headers["X-Trace"] == "t2" and request.url.params["debug"] == "1"
        assert json.loads(request.content)["verbose"] is True
        assert request.extensions["timeout"]["read"] == 3.0  # request_timeout: each poll's timeout
    with pytest.raises(memsy.MemsyValidationError, match="request_timeout must be a positive number") as caught:
        sdk("wait_for", ["e1"], request_timeout=-1)
    assert caught.value.errors[0]["loc"] == ["request_timeout"] and len(fake.requests) == 2
    fake.default = reply(200, s.status_body(pending=["e1"]))
    with pytest.raises(memsy.WaitTimeoutError):  # timeout= is still the whole wait
        sdk("wait_for", ["e1"], timeout=0, request_timeout=120)
    assert fake.last.extensions["timeout"]["read"] == 120.0


async def test_async_ingest_many_stops_sending_after_a_failure(fake: Any, sleeps: list[float]) -> None:
    answers = iter([reply(200, {"event_ids": ["a", "b"]})])
    fake.default = lambda request: next(answers, None) or reply(500, {"detail": "boom"})
    async with memsy.AsyncMemsyClient(DATA_URL, api_key=API_KEY, transport=fake.async_transport()) as client:
        with pytest.raises(memsy.IngestManyError) as caught:
            await client.ingest_many([EVENT] * 7, batch_size=2, concurrency=1)
    assert list(caught.value.errors) == [1] and caught.value.unsent == [2, 3]
    assert "batches 1, of 2 events each" in str(caught.value) and "batches never sent: 2-3" in str(caught.value)


# --------------------------------------------------------------------------------------------------- retries


def test_the_deadline_cuts_the_timeout_of_the_attempt_in_flight(fake: Any, sleeps: list[float]) -> None:
    policy = memsy.RetryPolicy(deadline=0.5)
    fake.queue(reply(200, s.HEALTH))
    with memsy.MemsyClient(DATA_URL, api_key=API_KEY, transport=fake.transport(), retry_policy=policy) as client:
        client.health()
    assert all(0 < value <= 0.5 for value in fake.last.extensions["timeout"].values())


async def test_async_the_deadline_cuts_the_timeout_of_the_attempt_in_flight(fake: Any, sleeps: list[float]) -> None:
    policy = memsy.RetryPolicy(deadline=0.5)
    fake.queue(reply(200, s.HEALTH))
    async with memsy.AsyncMemsyClient(
        DATA_URL, api_key=API_KEY, transport=fake.async_transport(), retry_policy=policy
    ) as client:
        await client.health()
    assert all(0 < value <= 0.5 for value in fake.last.extensions["timeout"].values())


def _flaky_server() -> tuple[int, threading.Thread, list[int]]:
    """A loopback server whose first connection closes after reading the request (the stale keep-alive race)
    and whose second one answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)
    connections: list[int] = []

    def serve() -> None:
        with listener:
            for n in range(2):
                conn, _ = listener.accept()
                with conn:
                    conn.recv(65536)
                    connections.append(n)
                    if n == 1:
                        body = json.dumps(s.HEALTH).encode()
                        conn.sendall(
                            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n"
                            + f"content-length: {len(body)}\r\n\r\n".encode()
                            + body
                        )

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener.getsockname()[1], thread, connections


def test_a_connection_closed_before_the_answer_is_retried_once() -> None:
    port, thread, connections = _flaky_server()
    with memsy.MemsyClient(f"http://127.0.0.1:{port}/v1", api_key=API_KEY, max_retries=0) as client:
        assert client.health().ok
    thread.join(5)
    assert connections == [0, 1]


async def test_async_a_connection_closed_before_the_answer_is_retried_once() -> None:
    port, thread, connections = _flaky_server()
    async with memsy.AsyncMemsyClient(f"http://127.0.0.1:{port}/v1", api_key=API_KEY, max_retries=0) as client:
        assert (await client.health()).ok
    await asyncio.to_thread(thread.join, 5)
    assert connections == [0, 1]


def test_a_non_retry_safe_call_is_not_resent_on_a_dropped_connection(fake: Any) -> None:
    fake.queue(httpx.RemoteProtocolError("Server disconnected without sending a response."))
    client = memsy.MemsyClient(DATA_URL, api_key=API_KEY, transport=fake.transport())
    with client, pytest.raises(memsy.MemsyConnectionError) as caught:
        client.orgs.create("org_acme", "Acme", "travel")
    assert caught.value.stale_connection and len(fake.requests) == 1


async def test_async_a_non_retry_safe_call_is_not_resent_on_a_dropped_connection(fake: Any) -> None:
    fake.queue(httpx.RemoteProtocolError("Server disconnected without sending a response."))
    async with memsy.AsyncMemsyClient(DATA_URL, api_key=API_KEY, transport=fake.async_transport()) as client:
        with pytest.raises(memsy.MemsyConnectionError) as caught:
            await client.orgs.create("org_acme", "Acme", "travel")
    assert caught.value.stale_connection and len(fake.requests) == 1


# ---------------------------------------------------------------------------------------------------- secrets


def test_no_exception_carries_the_key(sdk: Driver, fake: Any) -> None:
    fake.queue(reply(401, {"detail": "Invalid API key"}), httpx.ConnectError("refused"))
    errors = []
    for _ in range(2):
        with pytest.raises(memsy.MemsyError) as caught:
            sdk("search", "q")
        errors.append(caught.value)
    api_error, connection_error = errors
    assert isinstance(api_error, memsy.MemsyAPIError) and api_error.response is not None
    assert api_error.response.request.headers["Authorization"] == "Bearer ***"
    assert connection_error.__cause__.request.headers["Authorization"] == "Bearer ***"  # type: ignore[union-attr]
    for error in errors:
        for kept in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
            assert type(kept) is type(error) and str(kept) == str(error)
            assert API_KEY not in repr(pickle.dumps(kept)) and API_KEY not in repr(vars(kept))


# ------------------------------------------------------------------------------------------------- drop-in


def test_validation_errors_are_caught_as_api_errors(sdk: Driver, fake: Any) -> None:
    with pytest.raises(memsy.MemsyAPIError) as caught:
        sdk("ingest", [{**EVENT, "content": ""}])
    error = caught.value
    assert isinstance(error, memsy.MemsyValidationError) and isinstance(error, ValueError)
    assert error.status_code == 422 and error.response is None and error.request_id is None
    assert error.errors == [
        {
            "loc": ["events", 0, "content"],
            "msg": "events[0].content must not be empty or only whitespace",
            "type": "value_error",
        }
    ]
    assert fake.requests == []


def test_the_published_module_names_still_import() -> None:
    from memsy.control_resources import AsyncKeysResource, KeysResource
    from memsy.resources import ActorsResource, AsyncActorsResource, AsyncMemoriesResource, MemoriesResource

    assert {ActorsResource.__name__, AsyncActorsResource.__name__} == {"ActorsResource", "AsyncActorsResource"}
    assert MemoriesResource and AsyncMemoriesResource and KeysResource and AsyncKeysResource
