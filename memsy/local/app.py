"""The memsy.local application: both planes of the contract on one ASGI app.

Every request goes through the same pipeline (:meth:`LocalMemsyApp._handle`): the key is resolved (from a cache,
else in a thread), scripted faults apply, the contract routes the request, a missing or invalid key is refused
before any body is read, the body is read within its limits, and then, in a worker thread (the event loop never
waits on the database): the plan's rate window and quotas, validation against openapi.yaml, the operation's
required scope, the handler, the metered headers and, in tests, validation of the response against the contract.

The pieces live next door: :mod:`.config` (settings), :mod:`.transport` (the HTTP edge), :mod:`.operations` and
:mod:`.validation` (routing and request validation, compiled from the contract), :mod:`.auth` (keys and scopes),
:mod:`.metering`, :mod:`.fault_http` (scripted faults), and the handlers in :mod:`.data_plane`,
:mod:`.onboarding`, :mod:`.control_plane` and :mod:`.connectors` (with its consent pages, :mod:`.consent`).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from . import connectors, control_plane, data_plane, onboarding  # noqa: F401  (their handlers register themselves)
from .auth import KeyCache, authorize, bearer_token, unauthenticated
from .config import DEFAULT_QUOTAS, UPGRADE_URL, LocalConfig, Plan
from .connector_store import ConnectorStore
from .consent import consent_page
from .errors import NOT_FOUND, ApiError
from .extraction_process import ChunkProcess
from .fault_http import apply_fault, script_fault
from .faults import FaultInjector
from .handlers import HANDLERS, Binding, Ctx
from .metering import Metering
from .operations import Match, Operation, operations
from .queries import MemoryCounts
from .recalls import Recalls
from .store import ApiKey, Store
from .threads import HandlerThreads
from .transport import HttpFront, HttpRequest, HttpResponse, Send, json_response, read_body
from .validation import validate
from .worker import Worker

__all__ = ["DEFAULT_QUOTAS", "UPGRADE_URL", "LocalConfig", "LocalMemsyApp", "Plan"]

logger = logging.getLogger("memsy.local")

FAULTS_PATH = "/_local/faults"
HANDLER_THREADS = max(2, min(4, os.cpu_count() or 2))
"""Few threads: SQLite releases the GIL, so they overlap on several cores, but more of them than cores only
contend for the GIL (measured: 2 threads use less CPU per request than 4 or 8 on a 2-core machine)."""
HOUSEKEEPING_SECONDS = 0.25
T = TypeVar("T")


class LocalMemsyApp:
    """State and handlers of one memsy.local instance; :attr:`asgi` is the ASGI application."""

    def __init__(self, store: Store | None = None, config: LocalConfig | None = None) -> None:
        self.config = config or LocalConfig()
        self.store = store or Store()
        self.faults = FaultInjector()
        self.metering = Metering(self.store, self.config.plan)
        self.keys = KeyCache(self.store)
        self.memory_counts = MemoryCounts()
        self.recalls = Recalls(self.store)
        self.connectors = ConnectorStore(self.store)
        self.violations: list[str] = []
        self.operations = operations()
        missing = sorted(set(self.operations.by_id) - set(HANDLERS))
        if missing:
            raise RuntimeError(f"operations of openapi.yaml without a handler: {', '.join(missing)}")
        self.worker = Worker(
            self.store,
            processing_delay=self.config.processing_delay,
            blocked_terms=self.config.blocked_terms,
            on_memories_stored=self._memories_stored,
            on_tokens_used=lambda org_id, tokens: self.metering.add(org_id, "llm_tokens", tokens),
            on_idle=self.housekeeping,
            idle_every=HOUSEKEEPING_SECONDS,
            chunk=ChunkProcess(self.store, self.config.blocked_terms) if self.config.extraction_process else None,
        )
        self._threads = HandlerThreads(HANDLER_THREADS, "memsy-local-handler")
        self._closed = threading.Event()
        self.asgi = HttpFront(self._handle, body_limit=self.config.max_body_bytes)

    def _memories_stored(self, org_id: str, count: int) -> None:
        self.metering.memories_added(org_id, count)
        self.memory_counts.changed(org_id)

    def housekeeping(self) -> None:
        """Write the batched usage counters, recalls and key use times, and checkpoint the database's log (the
        worker calls this a few times a second)."""
        self.metering.flush()
        self.recalls.flush()
        self.keys.flush()
        self.store.checkpoint()

    def close(self) -> None:
        """Stop the worker, write what is batched, close the database."""
        if self._closed.is_set():
            return
        self._closed.set()
        self.worker.stop()
        self._threads.stop()
        self.housekeeping()
        self.store.close()

    # ------------------------------------------------------------------------------------------------ pipeline

    async def _in_thread(self, fn: Callable[..., T], *args: Any) -> T:
        return await self._threads.run(fn, *args)

    async def _handle(self, request: HttpRequest, send: Send) -> HttpResponse | None:
        self.worker.start()
        authorization = request.header(b"authorization")
        key = await self._key(bearer_token(authorization))
        fault = self.faults.take(request.raw_path, key.org_id if key else None)
        if fault is not None:
            response = await apply_fault(fault, send)
            if response is not None:
                return response
        if request.raw_path == FAULTS_PATH:
            return await self._faults_endpoint(request, key, authorization)
        if request.raw_path.startswith(connectors.CONSENT_PATH):  # a browser, no key: the link's state decides
            return await self._in_thread(consent_page, self, request)
        match = self.operations.match(request.method, request.raw_path)
        if not isinstance(match, Match):
            if match.status == 405:
                return json_response(405, {"detail": "Method Not Allowed"}, {"Allow": ", ".join(match.allowed)})
            return json_response(404, NOT_FOUND)
        operation = match.operation
        if key is None and (operation.authenticated or authorization is not None):
            return json_response(401, unauthenticated(authorization).body)  # before any body is read
        body = b""
        if operation.body is not None:
            body = await read_body(request, self.config.max_body_bytes, self.config.body_timeout)
        binding = HANDLERS[operation.operation_id]
        if binding.on_loop and (key is None or self.metering.warm(key.org_id)):  # nothing here can block
            return self._serve(operation, binding, match.raw_path_params, request, body, key)
        return await self._in_thread(self._serve, operation, binding, match.raw_path_params, request, body, key)

    async def _key(self, token: str | None) -> ApiKey | None:
        """The valid key with this secret (None when there is no token, or it is unknown, revoked or expired)."""
        if token is None:
            return None
        known, stored = self.keys.cached(token)
        if not known:
            stored = await self._in_thread(self.keys.load, token)
        if stored is None or not stored.valid_at(self.store.clock()):
            return None
        return stored.key

    def _serve(
        self,
        operation: Operation,
        binding: Binding,
        raw_path_params: dict[str, str],
        request: HttpRequest,
        body: bytes,
        key: ApiKey | None,
    ) -> HttpResponse:
        headers: dict[str, str] = {}
        try:
            if key is not None:
                self.keys.mark_used(key, self.store.clock())
                headers.update(self.metering.admit(key))
            valid = validate(operation, raw_path_params, request.query_string, body, request.header(b"content-type"))
            authorize(operation, key)
            ctx = Ctx(
                key=key,
                path=valid.path,
                query=valid.query,
                body=valid.body,
                kind=binding.kind,
                host=request.header(b"host") or "",
            )
            status, payload = binding.handler(self, ctx)
        except ApiError as error:
            status, payload = error.status, error.body
            headers.update(error.headers)
        if key is not None:
            headers.update(self.metering.usage_headers(key.org_id))
        response = json_response(status, payload, headers)
        if self.config.validate_responses:
            self._check_response(request, body, response)
        return response

    async def _faults_endpoint(
        self, request: HttpRequest, key: ApiKey | None, authorization: str | None
    ) -> HttpResponse:
        if key is None:
            return json_response(401, unauthenticated(authorization).body)
        body = await read_body(request, self.config.max_body_bytes, self.config.body_timeout)
        try:
            return script_fault(self.faults, key, request.method, body, self.config.http_faults)
        except ApiError as error:
            return json_response(error.status, error.body, error.headers)

    def _check_response(self, request: HttpRequest, body: bytes, response: HttpResponse) -> None:
        from werkzeug.datastructures import Headers

        from .reference_validation import WireRequest, WireResponse, response_problems  # openapi-core: slow to import

        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers]
        wire = WireRequest(
            method=request.method.lower(),
            path=request.raw_path,
            query=request.query_string,
            headers=headers,
            body=body or None,
            content_type=request.header(b"content-type") or "",
        )
        answer_headers = Headers(list(response.headers.items()))
        if response.content_type:
            answer_headers["Content-Type"] = response.content_type
        answer = WireResponse(
            status_code=response.status,
            headers=answer_headers,
            content_type=response.content_type or "",
            data=response.body or None,
        )
        for problem in response_problems(wire, answer):
            message = f"{wire.method.upper()} {wire.path} -> {response.status}: {problem}"
            logger.error("contract violation: %s", message)
            self.violations.append(message)
