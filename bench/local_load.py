"""Load on memsy.local over loopback: a mixed workload from concurrent keep-alive clients, and /v1/health latency
while a large backlog of events is being extracted.

The clients speak HTTP/1.1 on raw asyncio streams (pre-built requests, Content-Length framing), so the load
generator costs little CPU next to the server it measures; it runs in the bench process, the server in its own.
Every response must be a 200: anything else stops the run with the status and body.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .bodies import WORDS

MIX = (("search", 50), ("ingest", 20), ("status", 15), ("list", 15))
"""The mixed workload of issue 14: shares of search, ingest of 10 events, status, memory list."""


@dataclass
class Connection:
    """One keep-alive HTTP/1.1 connection."""

    host: str
    port: int
    key: str
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        payload = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAuthorization: Bearer {self.key}\r\n"
            + ("Content-Type: application/json\r\n" if body is not None else "")
            + f"Content-Length: {len(payload)}\r\n\r\n"
        )
        self.writer.write(head.encode() + payload)
        assert self.reader is not None
        header = await self.reader.readuntil(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length, close = 0, False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        data = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


@dataclass
class Recorder:
    latencies: dict[str, list[float]] = field(default_factory=dict)

    def add(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds * 1000)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


class MixedLoad:
    """Builds the next request of the mix: searches of two words from the seeded vocabulary (half of them scoped
    to an actor), ingests of 10 new events, status of up to 100 ids ingested earlier, memory pages."""

    def __init__(self, seed: int, actors: int) -> None:
        self.random = random.Random(seed)
        self.seed = seed
        self.actors = actors
        self.ingested: list[str] = []
        self.counter = 0
        kinds, weights = zip(*MIX, strict=True)
        self.kinds, self.weights = list(kinds), list(weights)

    def next(self) -> tuple[str, str, str, Any]:
        kind = self.random.choices(self.kinds, self.weights)[0]
        if kind == "status" and not self.ingested:
            kind = "ingest"
        r = self.random
        if kind == "search":
            body: dict[str, Any] = {"query": f"{r.choice(WORDS)} {r.choice(WORDS)}", "limit": 10}
            if r.random() < 0.5:
                body["actor_id"] = f"user_{r.randrange(self.actors)}"
            return kind, "POST", "/v1/search", body
        if kind == "ingest":
            self.counter += 1
            events = [
                {
                    "actor_id": f"user_{r.randrange(self.actors)}",
                    "session_id": f"load_{self.counter % 20}",
                    "kind": "user_message",
                    "content": f"I like {r.choice(WORDS)} and {r.choice(WORDS)}, note {self.seed}-{self.counter}-{i}.",
                }
                for i in range(10)
            ]
            return kind, "POST", "/v1/ingest", {"events": events}
        if kind == "status":
            ids = self.ingested[-100:]
            return kind, "POST", "/v1/status", {"event_ids": ids}
        return kind, "GET", f"/v1/console/memories?limit=20&offset={r.randrange(0, 1000)}", None


async def _client(url: str, key: str, load: MixedLoad, stop_at: float, recorder: Recorder) -> int:
    parts = urlsplit(url)
    connection = Connection(parts.hostname or "127.0.0.1", parts.port or 80, key)
    done = 0
    try:
        while time.perf_counter() < stop_at:
            kind, method, path, body = load.next()
            start = time.perf_counter()
            status, data = await connection.request(method, path, body)
            recorder.add(kind, time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"{method} {path} -> {status}: {data[:300]!r}")
            if kind == "ingest":
                load.ingested.extend(json.loads(data)["event_ids"])
                del load.ingested[:-1000]
            done += 1
    finally:
        connection.close()
    return done


def mixed_load(url: str, key: str, *, clients: int, seconds: float, actors: int, seed: int) -> dict[str, float]:
    """Requests per second and latency percentiles of the mix from ``clients`` concurrent connections."""

    async def run() -> tuple[int, float, Recorder]:
        recorder = Recorder()
        loads = [MixedLoad(seed * 1000 + i, actors) for i in range(clients)]
        start = time.perf_counter()
        counts = await asyncio.gather(*(_client(url, key, load, start + seconds, recorder) for load in loads))
        return sum(counts), time.perf_counter() - start, recorder

    total, elapsed, recorder = asyncio.run(run())
    every = [v for values in recorder.latencies.values() for v in values]
    figures = {"requests/s": total / elapsed, "p50 ms": percentile(every, 0.5), "p99 ms": percentile(every, 0.99)}
    for kind, values in sorted(recorder.latencies.items()):
        figures[f"{kind} p99 ms"] = percentile(values, 0.99)
    return figures


def health_during_extraction(
    url: str, key: str, *, events: int, pending: Callable[[], int], batch: int = 100
) -> dict[str, float]:
    """Ingest ``events`` new events as fast as the server takes them while one client probes /v1/health every
    5 ms; the probe runs until ``pending()`` reports the backlog extracted. Health latency p50 / p99 / max."""

    async def run() -> tuple[list[float], float]:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        finished = asyncio.Event()
        latencies: list[float] = []

        async def ingest() -> None:
            connection = Connection(host, port, key)
            for start in range(0, events, batch):
                body = {
                    "events": [
                        {
                            "actor_id": f"user_{(start + i) % 500}",
                            "session_id": f"backlog_{start // batch}",
                            "kind": "user_message",
                            "content": f"Backlog fact {start + i}: I prefer {WORDS[(start + i) % len(WORDS)]}.",
                        }
                        for i in range(min(batch, events - start))
                    ]
                }
                status, data = await connection.request("POST", "/v1/ingest", body)
                if status != 200:
                    raise RuntimeError(f"ingest -> {status}: {data[:300]!r}")
            connection.close()

        async def probe() -> None:
            connection = Connection(host, port, key)
            while not finished.is_set():
                start = time.perf_counter()
                status, _ = await connection.request("GET", "/v1/health")
                latencies.append((time.perf_counter() - start) * 1000)
                if status != 200:
                    raise RuntimeError(f"health -> {status}")
                await asyncio.sleep(0.005)
            connection.close()

        async def watch() -> None:
            while True:
                await asyncio.sleep(0.1)
                if await asyncio.to_thread(pending) == 0:
                    finished.set()
                    return

        began = time.perf_counter()
        prober = asyncio.create_task(probe())
        await ingest()
        await watch()
        await prober
        return latencies, time.perf_counter() - began

    latencies, elapsed = asyncio.run(run())
    return {
        "health p50 ms": percentile(latencies, 0.5),
        "health p99 ms": percentile(latencies, 0.99),
        "health max ms": max(latencies),
        "health probes": float(len(latencies)),
        "ingest + extraction seconds": elapsed,
    }
