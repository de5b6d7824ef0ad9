"""The threads that run memsy.local's handlers, so that the event loop never waits on the database.

A lighter hop than ``loop.run_in_executor``: a queue of (function, arguments, mailbox, loop future), and results
handed back through the loop's mailbox, which wakes the loop once for all the results that arrive before it gets
to them (one ``call_soon_threadsafe``, and one wake-up write, per batch instead of per call).
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
_Result = tuple["asyncio.Future[Any]", Any, BaseException | None]
_Job = tuple[Callable[..., Any], tuple[Any, ...], "_Mailbox", "asyncio.Future[Any]"]


class _Mailbox:
    """Results for the futures of one event loop, settled on that loop in batches."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._results: list[_Result] = []
        self._lock = threading.Lock()
        self._scheduled = False

    def post(self, future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
        """From a handler thread: settle ``future`` on its loop (waking the loop unless a wake-up is pending)."""
        with self._lock:
            self._results.append((future, result, error))
            if self._scheduled:
                return
            self._scheduled = True
        with contextlib.suppress(RuntimeError):  # the loop is gone (its server stopped): nobody is waiting
            self.loop.call_soon_threadsafe(self._drain)

    def _drain(self) -> None:
        with self._lock:
            results, self._results = self._results, []
            self._scheduled = False
        for future, result, error in results:
            _settle(future, result, error)


class HandlerThreads:
    """A fixed pool of daemon threads, started on first use."""

    def __init__(self, size: int, name: str) -> None:
        self.size, self.name = size, name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._mailboxes: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Mailbox] = weakref.WeakKeyDictionary()

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if not self._threads:
            self._start()
        loop = asyncio.get_running_loop()
        mailbox = self._mailboxes.get(loop)
        if mailbox is None:
            mailbox = self._mailboxes.setdefault(loop, _Mailbox(loop))
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((fn, args, mailbox, future))
        return await future

    def _start(self) -> None:
        with self._lock:
            while len(self._threads) < self.size:
                thread = threading.Thread(target=self._work, name=f"{self.name}_{len(self._threads)}", daemon=True)
                thread.start()
                self._threads.append(thread)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, args, mailbox, future = job
            result, error = None, None
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the awaiting coroutine, which decides
                error = exc
            mailbox.post(future, result, error)
            del job, fn, args, mailbox, future, result, error  # nothing of this request outlives it here

    def stop(self) -> None:
        with self._lock:
            for _ in self._threads:
                self._jobs.put(None)
            for thread in self._threads:
                thread.join(timeout=10)
            self._threads.clear()


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
