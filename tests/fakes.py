"""A scripted fake of the Memsy service for unit tests, served through httpx.MockTransport."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from .contract_guard import AsyncGuardedTransport, ContractGuard, GuardedTransport

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | BaseException

METERED = {
    "X-Usage-ApiCalls": "41",
    "X-Usage-ApiCalls-Limit": "1000",
    "X-Usage-EventsIngested": "7",
    "X-Usage-EventsIngested-Limit": "10000",
    "X-Plan": "free",
    "X-RateLimit-Limit": "1000",
    "X-RateLimit-Remaining": "959",
    "X-RateLimit-Reset": "1780272000",
}


def reply(
    status: int = 200, body: Any = None, *, headers: dict[str, str] | None = None, text: str | None = None
) -> httpx.Response:
    """A response with the metered headers; ``body`` as JSON, or ``text`` verbatim."""
    all_headers = {**METERED, **(headers or {})}
    if text is not None:
        return httpx.Response(status, content=text.encode(), headers=all_headers)
    if body is None:
        return httpx.Response(status, headers=all_headers)
    return httpx.Response(status, json=body, headers=all_headers)


@dataclass
class FakeMemsy:
    """Answers requests from a queue of scripted replies and records every request.

    A reply may be an ``httpx.Response``, a callable taking the request, or an exception to raise (a transport
    failure). When the queue is empty, ``default`` answers.
    """

    guard: ContractGuard = field(default_factory=ContractGuard)
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[httpx.Request] = field(default_factory=list)
    default: Reply | None = None

    def queue(self, *replies: Reply) -> FakeMemsy:
        self.replies.extend(replies)
        return self

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        next_reply = self.replies.popleft() if self.replies else self.default
        if next_reply is None:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        if isinstance(next_reply, BaseException):
            raise next_reply
        if callable(next_reply):
            return next_reply(request)
        return next_reply

    def transport(self) -> httpx.BaseTransport:
        return GuardedTransport(httpx.MockTransport(self.handle), self.guard)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        return AsyncGuardedTransport(httpx.MockTransport(self.handle), self.guard)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> Any:
        return json.loads(self.last.content)
