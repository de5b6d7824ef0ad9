"""The memsy.local section of ``make bench``: the mixed load, /v1/health latency while a backlog is extracted,
search latency on large stores, and the cost of request validation (compiled validators against openapi-core).

Each figure is measured over several rounds (a fresh server and database each round for the load figures) and
reported as the median with the spread; the server's own CPU time per request is reported next to throughput,
because throughput on a machine shared with other work says as much about the other work as about the server.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from .local_load import health_during_extraction, mixed_load

KEY = "msy_" + "b" * 32


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a process and of its running child processes (memsy.local's extraction
    process): the server's cost is both."""
    total = 0.0
    for process in (pid, *_children(pid)):
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int(entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if parent == pid:
                found.append(int(entry.name))
    return found


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} (min {min(values):.1f}, max {max(values):.1f})"


def mixed(
    served: Any,
    pids: dict[str, int],
    seed_memories: Callable[[str, int], None],
    *,
    memories: int,
    rounds: int,
    seconds: float,
) -> dict[str, Any]:
    """The mix of issue 14 from 8 concurrent clients over ``memories`` memories, ``rounds`` fresh servers."""
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        template = str(Path(folder) / "template.db")
        seed_memories(template, memories)
        for round_number in range(rounds):
            db = str(Path(folder) / f"round{round_number}.db")
            shutil.copy(template, db)
            with served(db) as url:
                mixed_load(url, KEY, clients=8, seconds=1.0, actors=500, seed=99)  # warm-up: caches, first keys
                pid = pids[url]
                before, start = cpu_seconds(pid), time.perf_counter()
                figures = mixed_load(url, KEY, clients=8, seconds=seconds, actors=500, seed=round_number)
                elapsed, used = time.perf_counter() - start, cpu_seconds(pid) - before
                figures["server CPU ms per request"] = used * 1000 / (figures["requests/s"] * elapsed)
                figures["server cores busy"] = used / elapsed  # (its extraction process included)
                runs.append(figures)
    keys = runs[0].keys()
    return {key: spread([run[key] for run in runs]) for key in keys} | {"rounds": rounds, "seconds each": seconds}


def health_while_extracting(served: Any, *, events: int, rounds: int) -> dict[str, Any]:
    """/v1/health latency (a probe every 5 ms, with a key) while ``events`` new events are ingested and extracted."""
    runs: list[dict[str, float]] = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "backlog.db")
            with served(db) as url:

                def pending(path: str = db) -> int:
                    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as reader:
                        return int(reader.execute("SELECT COUNT(*) FROM events WHERE status = 'pending'").fetchone()[0])

                runs.append(health_during_extraction(url, KEY, events=events, pending=pending))
    keys = runs[0].keys()
    return {key: spread([run[key] for run in runs]) for key in keys} | {"rounds": rounds, "events": events}


def search_latency(
    served: Any,
    seed_memories: Callable[[str, int], None],
    words: list[str],
    *,
    sizes: list[int],
    queries: int,
    rounds: int,
) -> dict[str, Any]:
    """Org-wide two-word searches, one at a time, on stores of each size (the queries of the earlier bench), after
    five warm-up searches on each fresh server (the first touches of a cold database are not a search's cost)."""
    figures: dict[str, Any] = {}
    for size in sizes:
        p50s, p99s = [], []
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "search.db")
            seed_memories(db, size)
            for _ in range(rounds):
                with served(db) as url, httpx.Client(base_url=url, headers={"Authorization": f"Bearer {KEY}"}) as http:
                    for warm_up in range(5):
                        http.post("/v1/search", json={"query": f"{words[-1 - warm_up]} warm", "limit": 10})
                    latencies = []
                    for i in range(queries):
                        query = f"{words[i % len(words)]} {words[(i * 7) % len(words)]}"
                        start = time.perf_counter()
                        response = http.post("/v1/search", json={"query": query, "limit": 10})
                        latencies.append((time.perf_counter() - start) * 1000)
                        assert response.status_code == 200
                    latencies.sort()
                    p50s.append(latencies[len(latencies) // 2])
                    p99s.append(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))])
        figures[f"search p50 ms ({size} memories)"] = spread(p50s)
        figures[f"search p99 ms ({size} memories)"] = spread(p99s)
    return figures | {"rounds": rounds, "queries each": queries}


def validation_cost(*, rounds: int, calls: int) -> dict[str, Any]:
    """Microseconds to validate one request against openapi.yaml: the per-operation validators memsy.local
    compiles from the contract, and openapi-core (what memsy.local used before), interleaved round by round."""
    from memsy.local.operations import Match, operations
    from memsy.local.reference_validation import WireRequest, request_problems
    from memsy.local.validation import validate

    events = [
        {"actor_id": f"user_{i}", "session_id": "s", "kind": "user_message", "content": f"I prefer window seats {i}."}
        for i in range(10)
    ]
    requests = {
        "search": ("POST", "/v1/search", "", {"query": "window seat", "actor_id": "ada", "limit": 5}),
        "ingest, 10 events": ("POST", "/v1/ingest", "", {"events": events}),
        "status, 100 ids": ("POST", "/v1/status", "", {"event_ids": [f"01JK{i:022d}" for i in range(100)]}),
        "memory list": ("GET", "/v1/console/memories", "limit=20&offset=40&sort=strength_desc", None),
    }
    table = operations()
    compiled: dict[str, list[float]] = {name: [] for name in requests}
    reference: dict[str, list[float]] = {name: [] for name in requests}
    for _ in range(rounds):
        for name, (method, path, query, body) in requests.items():
            raw = json.dumps(body).encode() if body is not None else b""
            match = table.match(method, path)
            assert isinstance(match, Match)
            start = time.perf_counter()
            for _ in range(calls):
                validate(match.operation, match.raw_path_params, query, raw, "application/json")
            compiled[name].append((time.perf_counter() - start) / calls * 1e6)
            headers = [("content-type", "application/json"), ("authorization", f"Bearer {KEY}")]  # (else it stops)
            start = time.perf_counter()
            for _ in range(max(1, calls // 20)):
                wire = WireRequest(method.lower(), path, query, headers, raw or None, "application/json")
                assert not request_problems(wire)
            reference[name].append((time.perf_counter() - start) / max(1, calls // 20) * 1e6)
    figures: dict[str, Any] = {}
    for name in requests:
        figures[f"{name}: compiled validators, µs"] = spread(compiled[name])
        figures[f"{name}: openapi-core, µs"] = spread(reference[name])
    return figures | {"rounds": rounds}
