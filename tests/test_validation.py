"""Input checks at the SDK boundary: a clear MemsyValidationError, and nothing sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

import memsy
from memsy import EventPayload

from .conftest import Driver

GOOD = {"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "hello"}


def _refused(driver: Driver, fake: Any, match: str, path: str, *args: Any, **kwargs: Any) -> None:
    with pytest.raises(memsy.MemsyValidationError, match=match):
        driver(path, *args, **kwargs)
    assert fake.requests == [], "nothing may be sent when the input is invalid"


@pytest.mark.parametrize(
    ("events", "match"),
    [
        ([], "must not be empty"),
        (GOOD, "wrap a single event in a list"),
        ("text", "must be a list"),
        (None, "must be a list"),
        ([42], r"events\[0\] must be an EventPayload or a dict"),
        ([{**GOOD, "kind": "chat"}], r"events\[0\]\.kind must be one of"),
        ([{**GOOD, "actorId": "a"}], r"unknown field\(s\) actorId"),
        ([{"actor_id": "a", "kind": "user_message"}], "missing session_id, content"),
        ([{**GOOD, "content": "   "}], r"content must not be empty"),
        ([{**GOOD, "content": "x" * 8001}], "8001 characters long; the maximum is 8000"),
        ([{**GOOD, "actor_id": "a" * 257}], "maximum is 256"),
        ([{**GOOD, "metadata": "x" * 4097}], "maximum is 4096"),
        ([{**GOOD, "metadata": {"bad": {1, 2}}}], "could not be serialised"),
        ([{**GOOD, "metadata": 12}], "JSON string or a dict"),
        ([{**GOOD, "ts": "yesterday"}], "not an ISO-8601 timestamp"),
        ([{**GOOD, "ts": datetime(2026, 5, 1)}], "no time zone"),
        ([{**GOOD, "role_id": 5}], "role_id must be a string"),
        ([GOOD, {**GOOD, "kind": None}], r"events\[1\]\.kind"),
    ],
)
def test_ingest_refuses_bad_events(sdk: Driver, fake: Any, events: Any, match: str) -> None:
    _refused(sdk, fake, match, "ingest", events)


def test_ingest_accepts_payloads_enums_and_normalises(sdk: Driver, fake: Any) -> None:
    from .fakes import reply

    fake.queue(reply(200, {"event_ids": ["e1", "e2"]}))
    sdk(
        "ingest",
        [
            EventPayload("a", "s", memsy.EventKind.APP_EVENT, "x", role_id="  ", ts="2026-05-01T09:30:00Z"),
            {**GOOD, "metadata": {"k": "é"}, "team_id": "t1"},
        ],
    )
    sent = fake.last_json()["events"]
    assert sent[0] == {
        "actor_id": "a",
        "session_id": "s",
        "kind": "app_event",
        "content": "x",
        "ts": "2026-05-01T09:30:00+00:00",
    }  # whitespace-only role_id dropped, like the server does
    assert sent[1]["metadata"] == '{"k":"é"}' and sent[1]["team_id"] == "t1"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"query": ""}, "query must not be empty"),
        ({"query": 5}, "query must be a string"),
        ({"query": "q", "limit": 0}, r"limit must be in 1\.\.100"),
        ({"query": "q", "limit": 101}, r"limit must be in 1\.\.100"),
        ({"query": "q", "limit": True}, "limit must be an integer"),
        ({"query": "q", "threshold": 1.5}, "threshold must be between"),
        ({"query": "q", "threshold": float("nan")}, "threshold must be a number"),
        ({"query": "q", "include_source_events": "yes"}, "include_source_events must be True or False"),
        ({"query": "q", "session_id": "a", "exclude_session_id": "b"}, "not both"),
        ({"query": "q", "session_id": "has space"}, "characters search cannot scope on"),
        ({"query": "q", "exclude_session_id": "é"}, "characters search cannot scope on"),
        ({"query": "q", "session_id": "s" * 257}, "maximum is 256"),
        ({"query": "q", "role_ids": "r1"}, "role_ids must be a list"),
        ({"query": "q", "team_ids": [""]}, r"team_ids\[0\] must not be empty"),
        ({"query": "q", "actor_id": ""}, "actor_id must not be empty"),
    ],
)
def test_search_refuses_bad_arguments(sdk: Driver, fake: Any, kwargs: dict[str, Any], match: str) -> None:
    options = dict(kwargs)
    _refused(sdk, fake, match, "search", options.pop("query"), **options)


@pytest.mark.parametrize(
    ("ids", "match"),
    [([], "must not be empty"), ("e1", "must be a list"), (["e"] * 501, "at most 500"), ([""], "must not be empty")],
)
def test_status_refuses_bad_ids(sdk: Driver, fake: Any, ids: Any, match: str) -> None:
    _refused(sdk, fake, match, "status", ids)


@pytest.mark.parametrize("bad", ["", " ", ".", "..", None, 5])
@pytest.mark.parametrize(
    "call",
    [
        ("orgs.get",),
        ("orgs.delete",),
        ("memories.get",),
        ("actors.get",),
        ("clear",),
        ("roles.get", "org_acme"),
        ("teams.delete", "org_acme"),
    ],
)
def test_path_ids_are_refused_when_empty_or_dot_segments(sdk: Driver, fake: Any, bad: Any, call: tuple) -> None:
    path, *rest = call
    _refused(sdk, fake, "org_id|memory_id|actor_id|container_tag|role_id|team_id", path, bad, *rest)


@pytest.mark.parametrize(
    ("path", "kwargs", "match"),
    [
        ("memories.list", {"sort": "newest"}, "sort must be one of"),
        ("memories.list", {"status": "deleted"}, "status must be one of"),
        ("memories.list", {"limit": 201}, r"1\.\.200"),
        ("memories.list", {"offset": -1}, "offset must be in"),
        ("actors.list", {"limit": 501}, r"1\.\.500"),
        ("actors.list", {"sort": "memory_count_desc"}, "sort must be one of"),
        ("roles.list", {"org_id": "o", "limit": 0}, r"1\.\.500"),
        ("orgs.update", {"org_id": "o", "name": ""}, "name must not be empty"),
        ("orgs.create", {"org_id": "o", "name": "n", "focus": None}, "focus must be a string"),
    ],
)
def test_resource_arguments_are_checked(sdk: Driver, fake: Any, path: str, kwargs: dict[str, Any], match: str) -> None:
    _refused(sdk, fake, match, path, **kwargs)


@pytest.mark.parametrize(
    ("path", "args", "kwargs", "match"),
    [
        ("keys.create", ("ci",), {"scopes": ["admin"]}, "must be one of read, write"),
        ("keys.create", ("ci",), {"scopes": "read"}, "non-empty list"),
        ("keys.create", ("",), {}, "name must not be empty"),
        ("keys.create", ("ci",), {"expires_at": "tomorrow"}, "ISO-8601"),
        ("keys.delete", ("..",), {}, "key_id"),
        ("events.list", (), {"limit": 0}, r"1\.\.200"),
        ("events.list", (), {"kind": "chat"}, "kind must be one of"),
        ("usage.timeseries", (), {"granularity": "weekly"}, "granularity must be one of"),
        ("usage.timeseries", (), {"period_start": "May 1"}, "ISO-8601 date"),
        ("usage.timeseries", (), {"period_start": "2026-06-01", "period_end": "2026-05-01"}, "is after"),
        ("interest.express", ("not-an-email", "Ada"), {}, "not an email address"),
    ],
)
def test_control_arguments_are_checked(
    control: Driver, fake: Any, path: str, args: tuple, kwargs: dict[str, Any], match: str
) -> None:
    _refused(control, fake, match, path, *args, **kwargs)


def test_wait_for_and_ingest_many_check_arguments(sdk: Driver, fake: Any) -> None:
    _refused(sdk, fake, "timeout", "wait_for", ["e1"], timeout=-1)
    _refused(sdk, fake, "batch_size", "ingest_many", [GOOD], batch_size=0)
    _refused(sdk, fake, "concurrency", "ingest_many", [GOOD], concurrency=0)
    _refused(sdk, fake, r"events\[2\]\.content", "ingest_many", [GOOD, GOOD, {**GOOD, "content": ""}], batch_size=1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"base_url": "api.memsy.io"}, "not an http"),
        ({"base_url": "ftp://api.memsy.io"}, "not an http"),
        ({"base_url": "https://api.memsy.io/v1?x=1"}, "query string"),
        ({"base_url": ""}, "non-empty URL"),
        ({"timeout": 0}, "timeout must be a positive"),
        ({"timeout": float("inf")}, "timeout must be a positive"),
        ({"api_key": ""}, "no API key"),
        ({"api_key": "msy_abc\n"}, "whitespace"),
        ({"api_key": 123}, "must be a string"),
    ],
)
def test_constructor_checks(kwargs: dict[str, Any], match: str) -> None:
    options = {"base_url": "https://api.memsy.io/v1", "api_key": "msy_x", **kwargs}
    with pytest.raises(memsy.MemsyValidationError, match=match):
        memsy.MemsyClient(**options)


def test_missing_key_is_a_clear_error_at_construction() -> None:
    with pytest.raises(memsy.MemsyValidationError, match="MEMSY_API_KEY"):
        memsy.MemsyClient("https://api.memsy.io/v1")
    with pytest.raises(memsy.MemsyValidationError, match="MEMSY_API_KEY"):
        memsy.AsyncMemsyControlClient("https://api.memsy.io/api")


def test_validation_errors_are_also_value_errors() -> None:
    assert issubclass(memsy.MemsyValidationError, ValueError)


def test_a_string_shorter_than_its_minimum_says_its_length() -> None:
    from memsy import _validation as v

    with pytest.raises(memsy.MemsyValidationError, match="bucket is 1 character long; the minimum is 3"):
        v.string("b", "bucket", min_length=3)
    with pytest.raises(memsy.MemsyValidationError, match="bucket must not be empty"):
        v.string("", "bucket", min_length=3)


def test_the_quick_ingest_path_sends_what_the_full_check_sends() -> None:
    """The one-loop check of a list of events takes common values quickly (enum kinds, role ids, timestamps): the
    JSON it sends is the full per-event check's, and a value the quick checks do not take gets the full check."""
    import datetime
    import json

    from memsy._generated import operations as ops

    utc = datetime.timezone.utc
    events = [
        EventPayload("u", "s", memsy.EventKind.TOOL_RESULT, "x", role_id="r1", ts="2026-05-01T09:30:00Z"),
        EventPayload("u", "s", "app_event", "x", team_id="  ", ts=datetime.datetime(2026, 5, 1, tzinfo=utc)),
        EventPayload("u", "s", "user_message", "x", metadata={"a": 1}),
    ]
    quick = ops._check_event_payload_list(events, "events")
    full = [ops._check_event_payload(e, "events", i) for i, e in enumerate(events)]
    assert json.dumps(quick) == json.dumps(full)
    assert quick[0]["ts"] == "2026-05-01T09:30:00+00:00" and "team_id" not in quick[1]
    with pytest.raises(memsy.MemsyValidationError, match=r"events\[1\]\.ts .* has no time zone"):
        ops._check_event_payload_list([events[0], EventPayload("u", "s", "app_event", "x", ts="2026-05-01")], "events")
