"""Validation of httpx traffic against openapi.yaml with openapi-core.

:class:`ContractGuard` checks requests and responses; :class:`GuardedTransport` / :class:`AsyncGuardedTransport`
wrap any httpx transport so that every request the SDK sends, and every response it receives, is checked.
Violations are recorded (and the ``contract_guard`` fixture fails the test that produced them).
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qs

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .conftest import HTTP_METHODS, contract

TEST_SERVERS = [
    {"url": "https://api.memsy.io"},
    {"url": "http://127.0.0.1:{port}", "variables": {"port": {"default": "8787"}}},
    {"url": "http://testserver"},
]


# (operationId, "sync" | "async") -> requests seen against memsy.local during this test session.
COVERAGE: Counter[tuple[str, str]] = Counter()


@cache
def _operation_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    patterns = []
    for path, item in contract()["paths"].items():
        regex = re.compile("^" + re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(path)) + "$")
        for method, op in item.items():
            if method in HTTP_METHODS:
                patterns.append((method, regex, op["operationId"]))
    return patterns


def operation_id(request: httpx.Request) -> str | None:
    """The contract operation a request addresses (matched on the still-encoded path)."""
    path = request.url.raw_path.split(b"?")[0].decode()
    method = request.method.lower()
    return next((op for m, regex, op in _operation_patterns() if m == method and regex.match(path)), None)


@cache
def openapi() -> OpenAPI:
    spec = copy.deepcopy(contract())
    spec["servers"] = TEST_SERVERS
    return OpenAPI.from_dict(spec)


class _Request:
    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        url = request.url
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(url.query.decode(), keep_blank_values=True)),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )
        self.host_url = f"{url.scheme}://{url.netloc.decode()}"
        self.path = url.raw_path.split(b"?")[0].decode()  # still percent-encoded: one id stays one segment
        self.method = request.method.lower()
        content = request.content
        self.body = content if content else None
        self.content_type = request.headers.get("content-type", "")


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = Headers(list(response.headers.items()))
        self.content_type = response.headers.get("content-type", "")
        self.data = response.content or None


@dataclass
class ContractGuard:
    """Collects contract violations of the traffic it sees."""

    violations: list[str] = field(default_factory=list)
    check_responses: bool = True
    coverage_flavour: str | None = None
    """Set to "sync" or "async" to count the operations seen in :data:`COVERAGE`."""

    def request_errors(self, request: httpx.Request) -> list[str]:
        return [_describe(e) for e in openapi().iter_request_errors(_Request(request))]

    def response_errors(self, request: httpx.Request, response: httpx.Response) -> list[str]:
        return [_describe(e) for e in openapi().iter_response_errors(_Request(request), _Response(response))]

    def check_request(self, request: httpx.Request) -> None:
        if self.coverage_flavour is not None:
            op = operation_id(request)
            if op is not None:
                COVERAGE[(op, self.coverage_flavour)] += 1
        for error in self.request_errors(request):
            self.violations.append(f"request {request.method} {request.url.path}: {error}")

    def check_response(self, request: httpx.Request, response: httpx.Response) -> None:
        if not self.check_responses:
            return
        for error in self.response_errors(request, response):
            self.violations.append(f"response {response.status_code} to {request.method} {request.url.path}: {error}")


def _describe(error: Exception) -> str:
    cause = error.__cause__
    extra = ""
    schema_errors = getattr(cause, "schema_errors", None) or getattr(error, "schema_errors", None)
    if schema_errors:
        extra = "; ".join(str(getattr(e, "message", e)) for e in schema_errors)
    return f"{type(error).__name__}: {error}" + (f" ({extra})" if extra else "")


class GuardedTransport(httpx.BaseTransport):
    """Checks each request and response passing through ``inner`` against the contract."""

    def __init__(self, inner: httpx.BaseTransport, guard: ContractGuard) -> None:
        self.inner, self.guard = inner, guard

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.guard.check_request(request)
        response = self.inner.handle_request(request)
        response.read()
        self.guard.check_response(request, response)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncGuardedTransport(httpx.AsyncBaseTransport):
    """Async twin of :class:`GuardedTransport`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, guard: ContractGuard) -> None:
        self.inner, self.guard = inner, guard

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.guard.check_request(request)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        self.guard.check_response(request, response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def check_body(request: httpx.Request, response: httpx.Response) -> list[str]:
    """Violations of one exchange, for direct assertions."""
    guard = ContractGuard()
    guard.check_request(request)
    guard.check_response(request, response)
    return guard.violations
