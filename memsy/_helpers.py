"""The logic of the multi-request helpers (``wait_for``, ``ingest_many``, ``iter``), written once without I/O.

Each client drives these plans with its own blocking or awaiting calls.
"""

from __future__ import annotations

import math
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from . import _validation as v
from ._call import Call, RequestOptions, request_options
from ._generated import operations as ops
from .exceptions import MemsyError

if TYPE_CHECKING:
    from ._generated import models
else:  # annotations read the models through `models`: resolvable at run time, loaded with the first call
    from ._lazy import LazyModule

    models = LazyModule("memsy._generated.models", globals(), "models")

T = TypeVar("T")


class WaitTimeoutError(MemsyError):
    """``wait_for`` gave up with events still pending. ``status`` holds the last known state of every id."""

    def __init__(self, message: str, status: models.StatusResponse) -> None:
        super().__init__(message)
        self.status = status


class IngestManyError(MemsyError):
    """Some batches of ``ingest_many`` failed.

    ``event_ids`` has one entry per input event, in input order: the id for events of batches that were stored,
    None for events of batches that failed or were not sent. ``errors`` maps each failed batch's index to its
    error. Re-sending the whole input is safe within 60 s: the server collapses duplicates to their first id.
    """

    def __init__(
        self, event_ids: list[str | None], errors: dict[int, MemsyError], batch_size: int, unsent: list[int]
    ) -> None:
        first = errors[min(errors)]
        batches = math.ceil(len(event_ids) / batch_size)
        never = f"; batches never sent: {_ranges(unsent)}" if unsent else ""
        super().__init__(
            f"{len(errors)} of {batches} ingest batches failed (batches {_ranges(sorted(errors))}, of "
            f"{batch_size} events each){never}; {sum(i is None for i in event_ids)} events not stored; "
            f"first error: {first}"
        )
        self.event_ids = event_ids
        self.errors = errors
        self.unsent = unsent
        """Indexes of the batches that were never sent (sending stops at the first failure)."""


def _ranges(indexes: list[int]) -> str:
    """``[0, 1, 2, 5]`` as ``0-2, 5``."""
    parts: list[str] = []
    for index in indexes:
        if parts and parts[-1].split("-")[-1] == str(index - 1):
            parts[-1] = f"{parts[-1].split('-')[0]}-{index}"
        else:
            parts.append(str(index))
    return ", ".join(parts)


class StatusWaiter:
    """Polls ``status`` for a set of events, as many ids per request as the contract allows, until none is pending."""

    def __init__(self, event_ids: Any, timeout: Any, poll_interval: Any) -> None:
        if isinstance(event_ids, (str, bytes)) or not isinstance(event_ids, (list, tuple)):
            raise v.fail(f"event_ids must be a list of strings, got {type(event_ids).__name__}")
        wait, self._poll_interval = v.seconds(timeout, "timeout"), v.seconds(poll_interval, "poll_interval")
        self._chunk = ops.MAX_ITEMS["getEventStatus", "event_ids"]
        ids = list(event_ids)
        self._ids = list(dict.fromkeys(ids))
        self._calls(self._ids or ids)  # the contract's rules on every id, before anything is sent
        self._state: dict[str, str] = dict.fromkeys(self._ids, "pending")
        self._deadline = time.monotonic() + wait
        self._headers: Any = None

    def _calls(self, ids: list[str]) -> list[Call[models.StatusResponse]]:
        size = self._chunk
        if not ids:
            return [ops.get_event_status(event_ids=ids)]  # refused: the message says why
        return [ops.get_event_status(event_ids=ids[i : i + size]) for i in range(0, len(ids), size)]

    def calls(self) -> list[Call[models.StatusResponse]]:
        return self._calls([i for i in self._ids if self._state[i] == "pending"])

    def absorb(self, response: models.StatusResponse) -> None:
        for state, ids in (("completed", response.completed_ids), ("failed", response.failed_ids)):
            for event_id in ids:
                if event_id in self._state:
                    self._state[event_id] = state
        unknown = set(response.unknown_ids)
        if response.statuses:
            unknown.update(i for i, state in response.statuses.items() if state == "unknown")
        for event_id in unknown:
            if event_id in self._state:  # the service does not know it: nothing to wait for
                self._state[event_id] = "unknown"
        self._headers = response._headers

    def next_delay(self) -> float | None:
        """Seconds until the next poll; None when nothing is pending. Raises WaitTimeoutError past the deadline."""
        if "pending" not in self._state.values():
            return None
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            pending = sum(s == "pending" for s in self._state.values())
            raise WaitTimeoutError(
                f"{pending} of {len(self._ids)} events still pending when wait_for timed out; "
                "raise timeout= or check them later with status()",
                self.result(),
            )
        return min(self._poll_interval, remaining)

    def result(self) -> models.StatusResponse:
        by_state: dict[str, list[str]] = {"completed": [], "failed": [], "pending": [], "unknown": []}
        for event_id in self._ids:
            by_state[self._state[event_id]].append(event_id)
        statuses = dict(self._state)
        status = models.StatusResponse(
            completed_ids=by_state["completed"],
            failed_ids=by_state["failed"],
            pending_ids=by_state["pending"],
            total=len(self._ids),
            statuses=statuses,
            unknown_ids=by_state["unknown"],
        )
        status._headers = self._headers
        return status


def helper_options(
    timeout: Any, extra_headers: Any, extra_query: Any, extra_body: Any = None, *, timeout_name: str = "timeout"
) -> RequestOptions | None:
    """The per-call options of a multi-request helper (``ingest_many``, ``wait_for``, ``wait_until_authorized``),
    applied to every request it sends. The timeout is checked here, before anything is sent and under the name the
    helper gives it: a waiting helper's own ``timeout`` is the whole wait, so it calls the per-request one
    ``request_timeout``."""
    if timeout is not None:
        from ._core import _timeout

        try:
            _timeout(timeout)
        except MemsyError:
            whole = " (timeout= is the whole wait)" if timeout_name != "timeout" else ""
            raise v.fail(
                f"{timeout_name} must be a positive number of seconds or an httpx.Timeout, got {timeout!r}{whole}",
                timeout_name,
            ) from None
    return request_options(timeout, extra_headers, extra_query, extra_body)


def wait_options(
    request_timeout: Any, extra_headers: Any, extra_query: Any, extra_body: Any = None
) -> RequestOptions | None:
    """:func:`helper_options` of a waiting helper, whose per-request timeout is ``request_timeout``."""
    return helper_options(request_timeout, extra_headers, extra_query, extra_body, timeout_name="request_timeout")


class IngestPlan:
    """Splits a large batch into requests and puts the ids back in input order."""

    def __init__(self, events: Any, batch_size: Any, concurrency: Any) -> None:
        self.batch_size = v.integer(batch_size, "batch_size", 1, 1000)
        self.concurrency = v.integer(concurrency, "concurrency", 1, 64)
        whole = ops.ingest_events(events=events)  # every event checked and serialised before anything is sent
        checked = whole.request["json"]["events"]
        self.count = len(checked)
        self.calls = [
            whole.with_request({**whole.request, "json": {"events": checked[i : i + self.batch_size]}})
            for i in range(0, self.count, self.batch_size)
        ]

    def result(self, outcomes: Sequence[models.IngestResponse | MemsyError | None]) -> models.IngestResponse:
        """Merge per-batch outcomes (a response, an error, or None for a batch never sent)."""
        event_ids: list[str | None] = []
        errors: dict[int, MemsyError] = {}
        unsent: list[int] = []
        last: models.IngestResponse | None = None
        for index, outcome in enumerate(outcomes):
            size = min(self.batch_size, self.count - index * self.batch_size)
            if isinstance(outcome, models.IngestResponse) and len(outcome.event_ids) == size:
                event_ids.extend(outcome.event_ids)
                last = outcome
                continue
            if isinstance(outcome, MemsyError):
                errors[index] = outcome
            elif isinstance(outcome, models.IngestResponse):
                errors[index] = MemsyError(f"batch {index}: sent {size} events, got {len(outcome.event_ids)} ids")
            else:
                unsent.append(index)
            event_ids.extend([None] * size)
        if errors:
            raise IngestManyError(event_ids, errors, self.batch_size, unsent) from errors[min(errors)]
        merged = models.IngestResponse(event_ids=[i for i in event_ids if i is not None])
        merged._headers = last._headers if last else None
        return merged


def following_offset(page: Any, offset: int, limit: int | None) -> int | None:
    """Offset of the page after ``page`` (fetched at ``offset`` with ``limit``), or None after the last one. A
    page with a ``total`` says where the end is; a bare list (roles, teams) ends with a page shorter than its
    limit."""
    items: Sequence[Any] = getattr(page, "items", page)
    if not items:
        return None
    offset += len(items)
    total = getattr(page, "total", None)
    if total is not None:
        return offset if offset < total else None
    return offset if limit is not None and len(items) >= limit else None


PageCall = Callable[[int], Call[Any]]


def mirror_docs(sync_cls: type) -> Any:
    """Give each method of an async class the docstring of its blocking twin (one text, two surfaces)."""

    def decorate(async_cls: type) -> type:
        for name, member in vars(async_cls).items():
            twin = getattr(sync_cls, name, None)
            if callable(member) and not getattr(member, "__doc__", None) and twin is not None:
                member.__doc__ = twin.__doc__
        if not async_cls.__doc__:
            async_cls.__doc__ = f"Async version of :class:`{sync_cls.__name__}`."
        return async_cls

    return decorate


def iterate(run: Any, make_call: PageCall, options: RequestOptions | None = None) -> Iterator[Any]:
    """Walk offset pages lazily; one page in memory at a time."""
    offset: int | None = 0
    while offset is not None:
        call = make_call(offset)
        page = run(call, options)
        yield from getattr(page, "items", page)
        offset = following_offset(page, offset, call.request["params"].get("limit"))


async def aiterate(run: Any, make_call: PageCall, options: RequestOptions | None = None) -> AsyncIterator[Any]:
    """Async twin of :func:`iterate`."""
    offset: int | None = 0
    while offset is not None:
        call = make_call(offset)
        page = await run(call, options)
        for item in getattr(page, "items", page):
            yield item
        offset = following_offset(page, offset, call.request["params"].get("limit"))
