"""memsy.local against hostile input, over a real loopback socket: every class of bad input gets a 4xx in the
service's error shape (never a 500, never a reset), and the keep-alive connection it came on serves the next
request. Then body limits, authentication before the body, timeouts, disconnects, the 500 fallback, malformed
HTTP, and a seeded fuzz phase of malformed bytes."""

from __future__ import annotations

import json
import logging
import random
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from memsy.local import LocalConfig, LocalMemsy, Plan
from memsy.local.handlers import HANDLERS, Binding

BODY_LIMIT = 256 * 1024
JSON = {"content-type": "application/json"}
BODY_TIMEOUT = 1.0
LIST_ROUTES = [
    "/v1/console/memories?",
    "/v1/actors?",
    "/v1/roles?org_id=org_local&",
    "/v1/teams?org_id=org_local&",
    "/api/console/events?",
]
EVENT = {"actor_id": "alice", "session_id": "s1", "kind": "user_message", "content": "I like tea."}
JSON_ROUTES = {
    "/v1/ingest": {"events": [EVENT]},
    "/v1/search": {"query": "tea"},
    "/v1/status": {"event_ids": ["01ABC"]},
    "/v1/orgs": {"org_id": "org_local", "name": "Acme", "focus": "Travel"},
    "/api/keys": {"name": "ci"},
    "/api/interest/pro": {"email": "ada@example.com", "name": "Ada"},
}


@pytest.fixture(scope="module")
def hostile_server() -> Iterator[LocalMemsy]:
    config = LocalConfig(
        validate_responses=True,
        processing_delay=0.0,
        max_body_bytes=BODY_LIMIT,
        body_timeout=BODY_TIMEOUT,
        plan=Plan(requests_per_window=10**9, max_keys=10**6),
    )
    with LocalMemsy(config=config) as local:
        yield local
        assert not local.violations, "memsy.local broke the contract:\n" + "\n".join(local.violations)


@contextmanager
def connection(server: LocalMemsy, key: str | None = None) -> Iterator[httpx.Client]:
    """One keep-alive connection (the pool holds a single one)."""
    headers = {"Authorization": f"Bearer {key or server.api_key}"}
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    with httpx.Client(base_url=server.url, headers=headers, limits=limits, timeout=10) as client:
        yield client


def client_port(response: httpx.Response) -> int:
    return int(response.extensions["network_stream"].get_extra_info("client_addr")[1])


def assert_refused(response: httpx.Response, client: httpx.Client, *statuses: int) -> Any:
    """A 4xx in the service's error shape, after which the same connection serves a health check."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if statuses:
        assert response.status_code in statuses, (response.status_code, response.text[:300])
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    detail = body["detail"]
    if isinstance(detail, list):
        assert detail and all({"loc", "msg", "type"} <= set(item) for item in detail), body
    else:
        assert isinstance(detail, (str, dict)), body
    assert response.headers.get("connection", "").lower() != "close"
    follow = client.get("/v1/health")
    assert follow.status_code == 200
    assert client_port(follow) == client_port(response), "the connection was not kept"
    return body


def raw_exchange(server: LocalMemsy, data: bytes, *, wait: float = 3.0, close_after_send: bool = False) -> bytes:
    """Send bytes on a fresh socket and read until the server closes it or ``wait`` passes."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait) as sock:
        sock.sendall(data)
        if close_after_send:
            return b""
        received = b""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            received += chunk
            if b"\r\n\r\n" in received:
                head, _, rest = received.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-") and line.lower().startswith(b"content-length")
                    ),
                    None,
                )
                if length is not None and len(rest) >= length:
                    break
        return received


# ------------------------------------------------------------------------------------------ out-of-range numbers


@pytest.mark.parametrize("route", LIST_ROUTES)
@pytest.mark.parametrize("value", [str(2**63), str(2**64), "-" + str(2**63 + 1), "9" * 5000, "1e3", "0x10", ""])
@pytest.mark.parametrize("name", ["limit", "offset"])
def test_out_of_range_integers_are_422(hostile_server: LocalMemsy, route: str, name: str, value: str) -> None:
    with connection(hostile_server) as client:
        body = assert_refused(client.get(f"{route}{name}={value}"), client, 422)
        assert body["detail"][0]["loc"] == ["query", name]


def test_integers_beyond_64_bits_in_bodies_are_422(hostile_server: LocalMemsy) -> None:
    with connection(hostile_server) as client:
        for limit in (2**63, 2**64, 10**30, -(2**63) - 1):
            assert_refused(client.post("/v1/search", json={"query": "tea", "limit": limit}), client, 422)


# ------------------------------------------------------------------------------------------------ deep JSON


@pytest.mark.parametrize("route", list(JSON_ROUTES))
def test_json_nested_too_deeply_is_422(hostile_server: LocalMemsy, route: str) -> None:
    deep = b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with connection(hostile_server) as client:
        body = assert_refused(client.post(route, content=deep, headers={"content-type": "application/json"}), client)
        assert body["detail"][0]["type"] == "json_invalid"


@pytest.mark.parametrize("depth", [500, 900])
def test_deep_but_parseable_json_is_never_a_500(hostile_server: LocalMemsy, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    with connection(hostile_server) as client:
        for route, valid in JSON_ROUTES.items():
            text = json.dumps(valid)[:-1] + f', "extra": {nested}}}'
            response = client.post(route, content=text, headers={"content-type": "application/json"})
            assert response.status_code < 500, (route, response.text[:200])
            for nested_in in ("query", "name"):
                if nested_in in valid:
                    text = json.dumps({**valid, nested_in: "x"}).replace('"x"', nested)
                    assert_refused(
                        client.post(route, content=text, headers={"content-type": "application/json"}), client
                    )


# ----------------------------------------------------------------------------------------------- surrogates


SURROGATE_BODIES = [
    ("/v1/ingest", {"events": [{**EVENT, "content": "SURROGATE"}]}),
    ("/v1/ingest", {"events": [{**EVENT, "actor_id": "SURROGATE"}]}),
    ("/v1/ingest", {"events": [{**EVENT, "metadata": "SURROGATE"}]}),
    ("/v1/ingest", {"events": [{**EVENT, "role_id": "SURROGATE"}]}),
    ("/v1/status", {"event_ids": ["SURROGATE"]}),
    ("/v1/search", {"query": "SURROGATE"}),
    ("/v1/search", {"query": "tea", "actor_id": "SURROGATE"}),
    ("/v1/orgs", {"org_id": "org_local", "name": "SURROGATE", "focus": "Travel"}),
    ("/api/keys", {"name": "SURROGATE"}),
    ("/api/interest/pro", {"email": "ada@example.com", "name": "SURROGATE"}),
    ("/v1/search", {"query": "tea", "SURROGATE": 1}),
]


@pytest.mark.parametrize(("route", "body"), SURROGATE_BODIES)
@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b", "\\ud83d"])
def test_lone_surrogates_are_422(hostile_server: LocalMemsy, route: str, body: dict[str, Any], escape: str) -> None:
    text = json.dumps(body).replace("SURROGATE", escape)
    with connection(hostile_server) as client:
        response = client.post(route, content=text, headers={"content-type": "application/json"})
        assert_refused(response, client, 422)


def test_surrogate_pairs_are_fine(hostile_server: LocalMemsy) -> None:
    text = json.dumps({"events": [{**EVENT, "content": "EMOJI tea"}]}).replace("EMOJI", "\\ud83d\\ude00")
    with connection(hostile_server) as client:
        response = client.post("/v1/ingest", content=text, headers={"content-type": "application/json"})
        assert response.status_code == 200


# ------------------------------------------------------------------------------------------------------ NULs


@pytest.mark.parametrize(
    "path",
    [
        "/v1/console/memories?search=%00",
        "/v1/console/memories?search=tea%00",
        "/v1/console/memories?actor_id=a%00b",
        "/v1/actors?q=%00",
        "/api/console/events?actor_id=%00",
        "/v1/actors/a%00b",
        "/v1/console/memories/%00",
        "/v1/roles/r%00?org_id=org_local",
        "/api/keys/key%00/usage",
    ],
)
def test_nul_in_ids_and_filters_is_422(hostile_server: LocalMemsy, path: str) -> None:
    with connection(hostile_server) as client:
        body = assert_refused(client.get(path), client, 422)
        assert "NUL" in body["detail"][0]["msg"]


def test_a_nul_in_the_text_filter_does_not_match_everything(hostile_server: LocalMemsy) -> None:
    with connection(hostile_server) as client:
        ids = client.post("/v1/ingest", json={"events": [{**EVENT, "content": "Nothing about the filter."}]})
        hostile_server.process_pending()
        assert ids.status_code == 200
        assert client.get("/v1/console/memories", params={"search": "zzz"}).json()["total"] == 0
        assert client.get("/v1/console/memories?search=zzz%00").status_code == 422


def test_nuls_in_ingested_strings_are_removed(hostile_server: LocalMemsy) -> None:
    event = {**EVENT, "actor_id": "nul\x00actor", "content": "I like\x00 green tea."}
    with connection(hostile_server) as client:
        event_id = client.post("/v1/ingest", json={"events": [event]}).json()["event_ids"][0]
    row = hostile_server.store.one("SELECT actor_id, content FROM events WHERE event_id = ?", (event_id,))
    assert row is not None and (row["actor_id"], row["content"]) == ("nulactor", "I like green tea.")


# ---------------------------------------------------------------------------------------- bad percent escapes


@pytest.mark.parametrize(
    "path",
    [
        "/v1/console/memories?search=%zz",
        "/v1/console/memories?search=%",
        "/v1/console/memories?search=abc%4",
        "/v1/console/memories?search=%E0%A4",
        "/v1/console/memories?search=%FF",
        "/v1/console/memories?search=%ED%A0%80",  # a UTF-16 surrogate, encoded as UTF-8
        "/v1/actors/%ZZ",
        "/v1/actors/%C3%28",
        "/v1/console/memories/%FF%FE",
        "/api/keys/%/usage",
    ],
)
def test_bad_percent_escapes_are_422(hostile_server: LocalMemsy, path: str) -> None:
    with connection(hostile_server) as client:
        assert_refused(client.get(path), client, 422)


# ------------------------------------------------------------------------------ bodies: encoding, type, numbers


@pytest.mark.parametrize(
    "raw",
    [
        b'{"query": "caf\xe9"}',
        b"\xff\xfe{\x00}\x00",
        json.dumps({"query": "tea"}).encode("utf-16"),
        b'\xef\xbb\xbf{"query": "tea"}',
        b'{"query": "tea"',
        b"\x00\x01\x02",
        b"[]",
        b'"tea"',
        b"null",
        b"1",
    ],
)
def test_bodies_that_are_not_utf8_json_objects_are_422(hostile_server: LocalMemsy, raw: bytes) -> None:
    with connection(hostile_server) as client:
        response = client.post("/v1/search", content=raw, headers={"content-type": "application/json"})
        assert_refused(response, client, 422)


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "json"],
)
def test_wrong_content_types_are_422(hostile_server: LocalMemsy, content_type: str) -> None:
    with connection(hostile_server) as client:
        response = client.post("/v1/search", content=b'{"query": "tea"}', headers={"content-type": content_type})
        body = assert_refused(response, client, 422)
        assert "Content-Type" in body["detail"][0]["msg"]


def test_json_media_types_are_accepted(hostile_server: LocalMemsy) -> None:
    with connection(hostile_server) as client:
        for content_type in ("application/json", "application/json; charset=utf-8", "application/problem+json"):
            response = client.post("/v1/search", content=b'{"query": "tea"}', headers={"content-type": content_type})
            assert response.status_code == 200, content_type


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
def test_nan_and_infinity_are_422(hostile_server: LocalMemsy, number: str) -> None:
    with connection(hostile_server) as client:
        for field in ("threshold", "limit"):
            raw = f'{{"query": "tea", "{field}": {number}}}'.encode()
            response = client.post("/v1/search", content=raw, headers={"content-type": "application/json"})
            assert_refused(response, client, 422)


@pytest.mark.parametrize("stamp", ["0000-01-01T00:00:00Z", "2026-06-30T23:59:60Z", "2026-01-01T00:00:00.1234567890Z"])
def test_date_times_python_cannot_hold_are_422_not_500(hostile_server: LocalMemsy, stamp: str) -> None:
    with connection(hostile_server) as client:
        response = client.post("/api/keys", json={"name": "odd", "expires_at": stamp})
        if response.status_code != 200:  # an instant Python can represent is simply accepted
            assert_refused(response, client, 422)


# --------------------------------------------------------------------------------------------- body limits


def test_a_declared_body_over_the_limit_is_413_and_the_connection_survives(hostile_server: LocalMemsy) -> None:
    with connection(hostile_server) as client:
        response = client.post("/v1/ingest", content=b"x" * (BODY_LIMIT + 1), headers={"content-type": "text/plain"})
        body = assert_refused(response, client, 413)
        assert str(BODY_LIMIT) in body["detail"]


def test_a_streamed_body_over_the_limit_is_413_and_the_connection_survives(hostile_server: LocalMemsy) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(8):
            yield b"[" * (BODY_LIMIT // 4)

    with connection(hostile_server) as client:
        response = client.post("/v1/ingest", content=chunks(), headers={"content-type": "application/json"})
        assert "content-length" not in response.request.headers  # sent chunked: the length was never declared
        assert_refused(response, client, 413)


def test_a_body_at_the_limit_is_read(hostile_server: LocalMemsy) -> None:
    padding = "x" * (BODY_LIMIT - 200)
    raw = json.dumps({"query": "tea", "pad": padding}).encode()
    assert len(raw) <= BODY_LIMIT
    with connection(hostile_server) as client:
        assert client.post("/v1/search", content=raw, headers={"content-type": "application/json"}).status_code == 200


@pytest.mark.parametrize("authorization", [None, "Bearer msy_" + "0" * 32])
def test_a_request_without_a_valid_key_is_refused_before_its_body_is_read(
    hostile_server: LocalMemsy, authorization: str | None
) -> None:
    head = "POST /v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\n"
    if authorization:
        head += f"Authorization: {authorization}\r\n"
    start = time.monotonic()
    answer = raw_exchange(hostile_server, (head + "\r\n").encode(), wait=5)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]  # none of the 200 MB was sent, nor waited for
    assert time.monotonic() - start < 4
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["detail"] in ("Not authenticated", "Invalid API key")


def test_errors_quote_at_most_a_bounded_part_of_the_value(hostile_server: LocalMemsy) -> None:
    huge = "y" * 200_000
    with connection(hostile_server) as client:
        for body in (
            {"events": [{**EVENT, "content": huge}]},
            {"events": [{**EVENT, "kind": huge}]},
            {"events": [{**EVENT, "metadata": huge}]},
        ):
            response = client.post("/v1/ingest", json=body)
            assert_refused(response, client, 422)
            assert len(response.content) < 2_000, len(response.content)
        many = {"events": [{"actor_id": "", "session_id": "", "kind": "x", "content": ""}] * 2_000}
        response = client.post("/v1/ingest", json=many)
        assert_refused(response, client, 422)
        assert len(response.json()["detail"]) <= 51 and len(response.content) < 20_000


# ----------------------------------------------------------------------------------- stalls and disconnects


def test_a_body_shorter_than_its_length_times_out_with_408(hostile_server: LocalMemsy) -> None:
    head = (
        "POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
        f"Authorization: Bearer {hostile_server.api_key}\r\n\r\n"
    )
    start = time.monotonic()
    answer = raw_exchange(hostile_server, head.encode() + b'{"query": ', wait=BODY_TIMEOUT + 5)
    elapsed = time.monotonic() - start
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"connection: close" in answer.lower()
    assert BODY_TIMEOUT * 0.9 <= elapsed < BODY_TIMEOUT + 4


def test_a_client_leaving_before_its_body_is_not_logged_as_an_error(
    hostile_server: LocalMemsy, caplog: pytest.LogCaptureFixture
) -> None:
    head = (
        "POST /v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n"
        f"Authorization: Bearer {hostile_server.api_key}\r\n\r\n"
    )
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            raw_exchange(hostile_server, head.encode() + b'{"events": [', close_after_send=True)
        time.sleep(0.3)
        with connection(hostile_server) as client:
            assert client.get("/v1/health").status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], [r.getMessage() for r in caplog.records]


# --------------------------------------------------------------------------------------------- 500 fallback


def test_an_unexpected_failure_is_a_500_with_connection_close(
    hostile_server: LocalMemsy, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(app: Any, ctx: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setitem(HANDLERS, "getEventStatus", Binding(broken))
    with connection(hostile_server) as client, caplog.at_level(logging.ERROR):
        first_port = client_port(client.get("/v1/health"))  # the connection the failing request will use
        response = client.post("/v1/status", json={"event_ids": ["x"]})
        assert response.status_code == 500 and response.json() == {"detail": "Internal Server Error"}
        assert response.headers["connection"] == "close"  # the client knows: no reset waiting on its next call
        follow = client.get("/v1/health")  # on a new connection
        assert follow.status_code == 200 and client_port(follow) != first_port
    assert any("a bug" in (r.exc_text or "") or r.exc_info for r in caplog.records)


def test_malformed_http_gets_a_json_400_and_other_clients_are_served(hostile_server: LocalMemsy) -> None:
    for garbage in (b"GARBAGE\r\n\r\n", b"GET /v1/actors/\xff HTTP/1.1\r\nHost: x\r\n\r\n", b"\x16\x03\x01\x02\x00"):
        answer = raw_exchange(hostile_server, garbage)
        assert answer.startswith(b"HTTP/1.1 400"), answer[:100]
        assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {"detail": "Invalid HTTP request received."}
    with connection(hostile_server) as client:
        assert client.get("/v1/health").status_code == 200


# -------------------------------------------------------------------------------------------------- fuzzing

FUZZ_PIECES = ["%", "%0", "%00", "%zz", "%FF", "%C3%28", "%ED%A0%80", "\u00e9", "\u2603", "+", "&", "=", "'", '"', "\\"]


def _mutate(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        position = rng.randrange(len(data) + 1)
        if choice < 0.3 and data:
            data[min(position, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.5:
            del data[position : position + rng.randint(1, 8)]
        elif choice < 0.8:
            insert = rng.choice([b"\\ud800", b"\\u0000", b"NaN", b"1e999", b"[[[[", b"\xff", b"\x00", b'"', b"\\"])
            data[position:position] = insert
        else:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(data)


def test_fuzz_malformed_bytes_never_break_the_server_or_the_connection(hostile_server: LocalMemsy) -> None:
    rng = random.Random(14)
    routes = list(JSON_ROUTES.items())
    with connection(hostile_server) as client:
        for _ in range(300):
            kind = rng.random()
            if kind < 0.6:
                route, valid = rng.choice(routes)
                response = client.post(
                    route,
                    content=_mutate(rng, json.dumps(valid).encode()),
                    headers={"content-type": "application/json"},
                )
            elif kind < 0.85:
                route = rng.choice(LIST_ROUTES)
                query = "".join(rng.choice([*FUZZ_PIECES, "limit=", "offset=", "search=", "q=", "1"]) for _ in range(6))
                response = client.get(route + query)
            else:
                segment = "".join(rng.choice([*FUZZ_PIECES, "a", "/", "."]) for _ in range(4))
                response = client.get(rng.choice(["/v1/actors/", "/v1/console/memories/", "/api/keys/"]) + segment)
            assert response.status_code < 500, (response.request.url, response.text[:200])
            if response.status_code >= 400:
                assert_refused(response, client)


def test_integral_numbers_written_with_a_fraction_are_integers(hostile_server: LocalMemsy) -> None:
    with connection(hostile_server) as client:
        for raw in (b'{"query": "tea", "limit": 3.0}', b'{"query": "tea", "limit": 1e1, "threshold": 0.0}'):
            response = client.post("/v1/search", content=raw, headers={"content-type": "application/json"})
            assert response.status_code == 200, response.text
        refused = client.post("/v1/search", content=b'{"query": "tea", "limit": 3.5}', headers=JSON)
        assert_refused(refused, client, 422)
