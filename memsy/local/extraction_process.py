"""memsy.local's extraction in a process of its own.

A Python process runs Python code on one core at a time (its interpreter lock). Extracting memories is Python
code: in the server's worker thread it took the lock from the request threads, and every hand-over cost both
sides, so that a mixed load was served about a third slower with extraction running than without. In a process
of its own, extraction runs on the machine's other core, with its own lock.

The worker thread stays the scheduler (when a chunk is extracted, on whose clock, what is reported); this process
only runs :class:`.chunk.Chunk`'s two steps on request, on its own connection to the same database file. One JSON
object per line over the child's stdin and stdout::

    {"db": "<file>", "blocked_terms": [...]}     (once, at start)
    {"prepare": <due before>}   ->  {"due": <n>, "orgs": [...]}
    {"write": <now>}            ->  {"stored": {<org>: <n>}, "tokens": {<org>: <n>}}
                                    {"error": "<what failed>"}   (either step)
    {"exit": true}                  (the end; so is the end of its input)

The parent holds the store's write lock while the child writes, so the server's own writers wait on that lock
instead of in SQLite's busy handler. When the parent's end of the pipe closes (the server stopped, or died), the
child ends; when it dies, a new one takes over (after a pause that doubles while they keep dying). A request whose
answer is not read (the caller interrupted) ends the child, so that answers never fall out of step; so does an
answer that does not come within ``ANSWER_SECONDS``. Should the process not start (no usable ``sys.executable``,
or it ends or falls silent before its first answer), extraction runs in the worker thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any

from .chunk import Chunk
from .store import Store

logger = logging.getLogger("memsy.local")

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
"""The folder holding the ``memsy`` package this module came from: the child imports the same one, from there
(its first import path, where ``python -c`` would put the current directory)."""
_CHILD = "import sys; sys.path[0] = {root!r}; from memsy.local.extraction_process import main; main()"
RESTART_PAUSE = (0.5, 8.0)
"""Seconds before a new process replaces one that died: the first pause, doubled while they keep dying, up to the
second."""
ANSWER_SECONDS = 60.0
"""How long the worker waits for an answer before it gives the process up: twice SQLite's busy timeout (a chunk
waits at most that long for another process's write), where a chunk normally takes milliseconds. A process that
is not a Python interpreter and never ends (some embedding applications' ``sys.executable``) would otherwise
hold extraction up for good."""


class ExtractionProcessError(RuntimeError):
    """The extraction process failed a step, or ended (the worker logs it and retries with a new process)."""


class ChunkProcess:
    """The worker's side of the extraction process: :class:`.chunk.Chunk`'s steps, answered by the child. Started
    when there is first an event to extract, and again after it ended; not thread-safe (the worker calls it under
    its run lock)."""

    def __init__(self, store: Store, blocked_terms: tuple[str, ...]) -> None:
        self.store = store
        self.blocked_terms = blocked_terms
        self._process: subprocess.Popen[bytes] | None = None
        self._answers: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        """The running process's answer lines, read by a thread of its own (so that a wait can time out, which a
        pipe's ``readline`` cannot on every platform); ``b""`` once its output has ended."""
        self._answered = False
        """Whether the running process has answered a request (one that ends before its first answer cannot start)."""
        self._in_thread: Chunk | None = None
        self._needed = False
        """Whether there has been anything to extract: the process starts when there first is."""
        self._pause = RESTART_PAUSE[0]
        self._not_before = 0.0
        """When a new process may start (after one died)."""

    def prepare(self, due_before: float) -> tuple[int, set[str]]:
        if self._in_thread is not None:
            return self._in_thread.prepare(due_before)
        if not self._needed and not self.store.one("SELECT 1 FROM events WHERE status = 'pending' LIMIT 1"):
            return 0, set()  # (a server that never extracts anything, as in many test suites, never starts one)
        self._needed = True
        if self._process is not None and not self.store.due_events(due_before, 1):
            return 0, set()  # nothing due: no round trip at each of the worker's rounds (every 5 ms without delay)
        answer = self._call({"prepare": due_before})
        return int(answer["due"]), set(answer["orgs"])

    def write(self, now: float) -> tuple[Counter[str], Counter[str]]:
        if self._in_thread is not None:
            return self._in_thread.write(now)
        answer = self._call({"write": now})
        return Counter(answer["stored"]), Counter(answer["tokens"])

    def close(self) -> None:
        """End the process: asked to, and by the end of its input (killed if it has not ended within 10 s)."""
        process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None and process.stdout is not None
        with contextlib.suppress(OSError):  # (it may be gone already)
            _send(process.stdin, {"exit": True})
        with contextlib.suppress(OSError):
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()

    @property
    def pid(self) -> int | None:
        """The running child's process id (None before the first chunk, or after :meth:`close`)."""
        return self._process.pid if self._process is not None else None

    def _call(self, request: dict[str, Any]) -> dict[str, Any]:
        if self._process is not None and self._process.poll() is not None:
            self.close()
            self._ended()
        if self._process is None:
            if time.monotonic() < self._not_before:
                raise ExtractionProcessError("the extraction process ended; a new one starts shortly")
            self._process = self._start()
            self._answered = False
            if self._process is None:
                return self._fall_back(request)
        process = self._process
        assert process.stdin is not None
        try:
            _send(process.stdin, request)
            line = self._answers.get(timeout=ANSWER_SECONDS)
        except OSError as error:  # its end of the pipe is gone
            line = b""
            logger.debug("memsy.local extraction process: %s", error)
        except queue.Empty:
            logger.warning(
                "memsy.local: the extraction process did not answer within %s s; it is ended", ANSWER_SECONDS
            )
            self._kill()
            line = b""
        except BaseException:  # interrupted with the answer unread: a later request would read this one's answer
            self._kill()
            raise
        if not line:
            self.close()
            if not self._answered:  # it cannot even start (a frozen app's executable, a broken environment)
                logger.warning("memsy.local: the extraction process ended at start (its errors are above)")
                return self._fall_back(request)
            self._ended()
            raise ExtractionProcessError("the extraction process ended; a new one takes over")
        self._answered = True
        self._pause = RESTART_PAUSE[0]
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise ExtractionProcessError(f"extraction process: {answer['error']}")
        return answer

    def _ended(self) -> None:
        """A process died after it had started: the next one waits a little, longer while they keep dying."""
        self._not_before = time.monotonic() + self._pause
        self._pause = min(self._pause * 2, RESTART_PAUSE[1])

    def _fall_back(self, request: dict[str, Any]) -> dict[str, Any]:
        """From now on, extract in this thread (answering ``request`` here too)."""
        logger.warning("memsy.local: extraction runs in the server's worker thread from now on")
        self._in_thread = Chunk(self.store, self.blocked_terms)
        return _answer(self._in_thread, request)

    def _start(self) -> subprocess.Popen[bytes] | None:
        try:
            if not sys.executable or getattr(sys, "frozen", False):
                raise OSError("no Python interpreter to start it with")
            process = subprocess.Popen(
                [sys.executable, "-c", _CHILD.format(root=_PACKAGE_ROOT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # (Windows: no console window)
            )
        except OSError as error:
            logger.warning("memsy.local: no extraction process (%s)", error)
            return None
        assert process.stdin is not None and process.stdout is not None
        self._answers = queue.SimpleQueue()  # (a new queue: nothing a former process said can be read as an answer)
        threading.Thread(
            target=_read_answers,
            args=(process.stdout, self._answers),
            name="memsy-local-extraction-answers",
            daemon=True,
        ).start()
        with contextlib.suppress(OSError):  # one that ended at once is found out by the first request
            _send(process.stdin, {"db": self.store.file, "blocked_terms": list(self.blocked_terms)})
        return process


def _answer(chunk: Chunk, request: dict[str, Any]) -> dict[str, Any]:
    """What the child answers to a request (and the worker thread, when there is no child)."""
    if "prepare" in request:
        due, orgs = chunk.prepare(request["prepare"])
        return {"due": due, "orgs": sorted(orgs)}
    stored, tokens = chunk.write(request["write"])
    return {"stored": stored, "tokens": tokens}


def _read_answers(pipe: IO[bytes], answers: queue.SimpleQueue[bytes]) -> None:
    """Hand the process's answer lines to the worker until its output ends (then ``b""``)."""
    with contextlib.suppress(OSError, ValueError):  # (closed under it: the process is being ended)
        for line in iter(pipe.readline, b""):
            answers.put(line)
    answers.put(b"")


def _send(pipe: IO[bytes], message: dict[str, Any]) -> None:
    pipe.write(json.dumps(message).encode() + b"\n")
    pipe.flush()


def main() -> None:
    """The child: answer the worker's requests until its end of the pipe closes."""
    # Ctrl-C in a terminal reaches the whole process group: the server decides when this process ends (it closes
    # the pipe), so that a chunk is never cut short and no second traceback is printed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format="memsy.local extraction process: %(message)s")
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    start = requests.readline()
    if not start:
        return
    settings = json.loads(start)
    store = Store(settings["db"])
    chunk = Chunk(store, tuple(settings["blocked_terms"]))
    try:
        for line in requests:
            request = json.loads(line)
            if request.get("exit"):
                break
            try:
                answer = _answer(chunk, request)
            except Exception as error:  # reported to the worker, which logs it and retries
                logger.exception("a chunk failed")
                answer = {"error": f"{type(error).__name__}: {error}"}
            _send(answers, answer)
    finally:
        store.close()


if __name__ == "__main__":
    main()
