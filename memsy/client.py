"""Data-plane clients: :class:`MemsyClient` (blocking) and :class:`AsyncMemsyClient` (asyncio).

Their methods and resources are generated from the contract (:mod:`memsy._generated.resources`); what is written
here is what the contract cannot say: the multi-request helpers ``ingest_many`` and ``wait_for``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx

from . import _retry
from ._core import as_memsy_error

# memsy 0.3.5's other names of memsy.client (generated from its surface record): the models among them resolve
# on first use, through __getattr__, since the models load with the first call
from ._generated import compat_client as _compat035
from ._generated.compat_client import __all__ as __all__
from ._generated.resources import AsyncDataMethods, DataMethods
from ._helpers import IngestPlan, StatusWaiter, mirror_docs
from ._lazy import reexport
from .exceptions import MemsyError

# `from memsy.client import *` brings them all, as it did in 0.3.5, and the clients
__all__ += ("AsyncMemsyClient", "MemsyClient")

if TYPE_CHECKING:
    from . import models
    from ._generated.compat_client import *  # noqa: F403
else:  # type checkers see no __getattr__: a misspelt name is their error too
    from ._generated.compat_client import __getattr__ as __getattr__
    from ._lazy import LazyModule

    reexport(globals(), _compat035)
    # annotations read the models through `models`: resolvable at run time, loaded with the first call
    models = LazyModule("memsy.models", globals(), "models")


class MemsyClient(DataMethods):
    """Blocking client for the Memsy data plane.

    Args:
        base_url: e.g. ``"https://api.memsy.io/v1"`` (the bare host works too). Defaults to ``MEMSY_BASE_URL``,
            then the public service.
        api_key: ``msy_...``; defaults to ``MEMSY_API_KEY``. Sent as ``Authorization: Bearer``; never logged.
        timeout: seconds allowed for each of connect, read and write.
        max_retries: retries of a rate-limited (429) request.
        retry_backoff: base of the exponential backoff between retries, when the server gives no Retry-After.
        retry_policy: full control over retrying (replaces ``max_retries`` / ``retry_backoff``).
        transport: an ``httpx`` transport, for tests (e.g. ``httpx.MockTransport``) or custom networking.

    Every method also takes the per-call options ``timeout=``, ``extra_headers=``, ``extra_query=`` (and
    ``extra_body=`` where it sends a JSON body). Safe to share between threads. Use it as a context manager, or
    call :meth:`close`.
    """

    def ingest_many(
        self,
        events: Sequence[models.EventPayload | Mapping[str, Any]],
        *,
        batch_size: int = 100,
        concurrency: int = 4,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> models.IngestResponse:
        """Ingest any number of events in batches of ``batch_size``, ``concurrency`` requests at a time; ids come
        back in input order. If a batch fails, :class:`memsy.IngestManyError` says which events were stored.

        The per-call options (``timeout=``, ``extra_headers=``, ``extra_query=``, ``extra_body=``) apply to every
        batch's request."""
        from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait  # deferred: import cost

        from ._helpers import helper_options

        plan = IngestPlan(events, batch_size, concurrency)
        options = helper_options(timeout, extra_headers, extra_query, extra_body)
        outcomes: list[models.IngestResponse | MemsyError | None] = [None] * len(plan.calls)
        with ThreadPoolExecutor(max_workers=plan.concurrency) as pool:
            futures = {pool.submit(self._run, call, options): i for i, call in enumerate(plan.calls)}
            _, not_done = wait(futures, return_when=FIRST_EXCEPTION)
            for future in not_done:
                future.cancel()
            for future, index in futures.items():
                if future.cancelled():
                    continue
                exc = future.exception()
                outcomes[index] = as_memsy_error(exc) if exc is not None else future.result()
        return plan.result(outcomes)

    def wait_for(
        self,
        event_ids: Sequence[str],
        *,
        timeout: float = 60.0,
        poll_interval: float = 1.0,
        request_timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> models.StatusResponse:
        """Poll :meth:`status` (as many ids per request as the contract allows) until no event is pending;
        returns the final state of every id. Raises :class:`memsy.WaitTimeoutError` (with the last state) after
        ``timeout`` seconds.

        ``timeout`` is the whole wait. ``request_timeout`` (seconds or an ``httpx.Timeout``) is the timeout of
        each status request, like the ``timeout=`` of other methods; it and ``extra_headers=``,
        ``extra_query=``, ``extra_body=`` apply to every request the wait sends."""
        from ._helpers import wait_options

        waiter = StatusWaiter(event_ids, timeout, poll_interval)
        options = wait_options(request_timeout, extra_headers, extra_query, extra_body)
        while True:
            for call in waiter.calls():
                waiter.absorb(self._run(call, options))
            delay = waiter.next_delay()
            if delay is None:
                return waiter.result()
            _retry.sleep(delay)


@mirror_docs(MemsyClient)
class AsyncMemsyClient(AsyncDataMethods):
    """Asyncio client for the Memsy data plane: the surface of :class:`MemsyClient`, awaitable.

    Use ``async with AsyncMemsyClient(...) as client:`` or ``await client.close()``.
    """

    async def ingest_many(
        self,
        events: Sequence[models.EventPayload | Mapping[str, Any]],
        *,
        batch_size: int = 100,
        concurrency: int = 4,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> models.IngestResponse:
        import asyncio  # deferred: import cost

        from ._helpers import helper_options

        plan = IngestPlan(events, batch_size, concurrency)
        options = helper_options(timeout, extra_headers, extra_query, extra_body)
        outcomes: list[models.IngestResponse | MemsyError | None] = [None] * len(plan.calls)
        gate = asyncio.Semaphore(plan.concurrency)
        failed = asyncio.Event()

        async def send(index: int, call: Any) -> None:
            async with gate:
                if failed.is_set():
                    return  # stop sending once a batch failed; the error says what was stored
                try:
                    response: models.IngestResponse = await self._run(call, options)
                    outcomes[index] = response
                except MemsyError as exc:
                    outcomes[index] = exc
                    failed.set()

        await asyncio.gather(*(send(i, call) for i, call in enumerate(plan.calls)))
        return plan.result(outcomes)

    async def wait_for(
        self,
        event_ids: Sequence[str],
        *,
        timeout: float = 60.0,
        poll_interval: float = 1.0,
        request_timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> models.StatusResponse:
        from ._helpers import wait_options

        waiter = StatusWaiter(event_ids, timeout, poll_interval)
        options = wait_options(request_timeout, extra_headers, extra_query, extra_body)
        while True:
            for call in waiter.calls():
                waiter.absorb(await self._run(call, options))
            delay = waiter.next_delay()
            if delay is None:
                return waiter.result()
            await _retry.async_sleep(delay)
