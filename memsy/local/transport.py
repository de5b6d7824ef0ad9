"""The HTTP edge of memsy.local (ASGI): requests in, JSON responses out, and nothing a client sends can break it.

* A body is read only when the operation takes one, and only up to ``max_body_bytes`` (a declared or streamed
  length past it is a 413 as soon as it is known); a body that stops arriving gets a 408 after ``body_timeout``.
* A client that goes away mid-request is let go quietly.
* Anything unexpected is logged and answered 500 with ``Connection: close``: the client learns the connection is
  finished instead of finding it reset on its next request.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Message = MutableMapping[str, Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
"""The ASGI 3 callables (https://asgi.readthedocs.io)."""

logger = logging.getLogger("memsy.local")


@dataclass
class HttpRequest:
    method: str
    raw_path: str
    """The path as sent, still percent-encoded (so an encoded ``/`` stays inside its segment)."""
    query_string: str
    headers: list[tuple[bytes, bytes]]
    receive: Receive

    def header(self, name: bytes) -> str | None:
        for key, value in self.headers:
            if key == name:
                return value.decode("latin-1")
        return None


@dataclass
class HttpResponse:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/json"
    close: bool = False


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
"""Compact UTF-8 JSON (one encoder for every response: ``json.dumps`` with options builds one per call)."""


def json_response(
    status: int, body: Any, headers: dict[str, str] | None = None, *, close: bool = False
) -> HttpResponse:
    if body is None:
        return HttpResponse(status, b"", dict(headers or {}), None, close)
    content = _ENCODER.encode(body).encode("utf-8")
    return HttpResponse(status, content, dict(headers or {}), "application/json", close)


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class BodyTimeout(Exception):
    pass


class ClientGone(Exception):
    """The client disconnected before its request was complete."""


class DropConnection(Exception):
    """Raised after a partial response to make the server close the connection (a scripted ``drop`` fault)."""


async def read_body(request: HttpRequest, limit: int, timeout: float) -> bytes:
    declared = request.header(b"content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        message = await _receive_before(request.receive, deadline - loop.time())
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


if sys.version_info >= (3, 11):

    async def _receive_before(receive: Receive, seconds: float) -> Message:
        if seconds <= 0:
            raise BodyTimeout
        try:
            async with asyncio.timeout(seconds):
                return await receive()
        except TimeoutError:
            raise BodyTimeout from None

else:  # pragma: no cover - Python 3.10

    async def _receive_before(receive: Receive, seconds: float) -> Message:
        if seconds <= 0:
            raise BodyTimeout
        try:
            return await asyncio.wait_for(receive(), seconds)
        except asyncio.TimeoutError:
            raise BodyTimeout from None


async def send_response(send: Send, response: HttpResponse) -> None:
    headers = [(b"content-length", str(len(response.body)).encode()), (b"x-request-id", _request_id())]
    if response.content_type is not None:
        headers.append((b"content-type", response.content_type.encode()))
    if response.close:
        headers.append((b"connection", b"close"))
    headers.extend(
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in response.headers.items()
    )
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})


def _request_id() -> bytes:
    """Every response carries an id of its request (``X-Request-Id``), as the service does."""
    return b"req_" + secrets.token_hex(8).encode()


Handle = Callable[[HttpRequest, Send], Awaitable[HttpResponse | None]]


class HttpFront:
    """The ASGI application around a request handler (which returns the response to send, or None when it has
    answered by itself)."""

    def __init__(self, handle: Handle, *, body_limit: int) -> None:
        self.handle = handle
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
        request = HttpRequest(
            method=scope["method"],
            raw_path=raw_path.decode("latin-1").split("?", 1)[0],
            query_string=scope.get("query_string", b"").decode("latin-1"),
            headers=scope.get("headers", []),
            receive=receive,
        )
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            response = await self.handle(request, tracked_send)
        except ClientGone:
            return
        except BodyTooLarge as exc:
            response = json_response(413, {"detail": f"Request body too large: the limit is {exc.limit} bytes"})
        except BodyTimeout:
            response = json_response(408, {"detail": "Request body incomplete: timed out waiting for it"}, close=True)
        except DropConnection:
            raise
        except Exception:
            logger.exception("memsy.local failed on %s %s", request.method, request.raw_path[:200])
            if started:
                raise
            response = json_response(500, {"detail": "Internal Server Error"}, close=True)
        if response is not None:
            await send_response(tracked_send, response)


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


class QuietDrops(logging.Filter):
    """Keeps scripted connection drops out of the server's error log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DropConnection))


logging.getLogger("uvicorn.error").addFilter(QuietDrops())


def json_error_protocol(base: type[Any]) -> type[Any]:
    """uvicorn's HTTP protocol class ``base`` answering a request it cannot parse with a 400 in the service's
    error shape (``{"detail": ...}``) instead of plain text. The connection is closed after it: the bytes that
    follow a malformed request cannot be trusted to start the next one."""

    class JsonErrors(base):  # type: ignore[misc]
        def send_400_response(self, msg: str) -> None:
            body = json.dumps({"detail": msg}).encode()
            head = (
                b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
                b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body)
            )
            self.transport.write(head + body)
            self.transport.close()

    JsonErrors.__name__ = JsonErrors.__qualname__ = f"JsonErrors{base.__name__}"
    return JsonErrors


def http_protocol() -> type[Any]:
    """The protocol uvicorn would pick (httptools, a dependency of ``memsy[local]``; h11 where it is missing),
    with JSON 400 answers."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        return json_error_protocol(HttpToolsProtocol)
    except ImportError:
        from uvicorn.protocols.http.h11_impl import H11Protocol

        return json_error_protocol(H11Protocol)
