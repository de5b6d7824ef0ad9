"""Per-call cost of search / ingest / status, every client in ONE process, through the same fake transport.

``python -m bench.percall --published PATH`` loads the published memsy 0.3.5 from PATH under the name
``memsy_published`` (it is also called ``memsy``), then this SDK, and patches httpx's own transports
(``HTTPTransport.handle_request`` / ``AsyncHTTPTransport.handle_async_request``) with one in-process fake that
answers recorded, contract-valid bodies. Raw httpx, this SDK and 0.3.5 each build their ``httpx.Client`` as they
normally do and meet the same fake, so the only difference measured is the client code.

Method: ``--rounds`` interleaved rounds (every client, then again) of ``--batch`` calls per client; the figure of a
client is the minimum over rounds of its mean time per call (the least disturbed round: these machines are noisy,
and noise only ever adds time), with the median printed beside it. Ingest sends 20 events per call, built before
timing as each client's users would: ``EventPayload`` objects for both SDKs, plain dicts for raw httpx; "ingest,
varied events" sets the optional fields users set (a role on every other event, a timestamp on every fourth, the
kind as an enum member). "..., metadata read" also reads the result's ``usage`` and ``rate_limit`` (0.3.5 parses
those headers on every response; this SDK when first read); raw httpx, the floor, reads nothing more.
``--transport loopback --url U`` measures over real HTTP to a running memsy.local instead (no patching).
Prints one JSON object: {operation: {client: {"min": us, "median": us}}}.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import itertools
import json
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Any

import httpx

from .bodies import HEADERS, INGEST_BODY, SEARCH_BODY, STATUS_BODY, STATUS_IDS, event_batch

HOST = "https://api.memsy.io"
KEY = "msy_0123456789abcdef0123456789abcdef"
SEARCH_ARGS = {"query": "window seats travel", "limit": 10, "threshold": 0.0, "include_source_events": True}
OPERATIONS = ("search", "ingest", "status")
ASYNC_CLIENTS = ("ours_async", "raw_async")
POOL = 64
"""Distinct event batches per client, cycled (each built before timing)."""


def load_published(path: str) -> ModuleType:
    """memsy 0.3.5 from ``path``, imported whole and renamed to ``memsy_published`` so that this SDK (``memsy``)
    can be imported beside it. 0.3.5 imports its modules at the top (``from memsy.x import ...``), so once
    loaded it no longer looks ``memsy`` up."""
    assert not any(name == "memsy" or name.startswith("memsy.") for name in sys.modules), "load 0.3.5 first"
    path = os.path.abspath(path)
    sys.path.insert(0, path)
    try:
        published = importlib.import_module("memsy")
        assert published.__file__ and published.__file__.startswith(path), published.__file__
        modules = {n: sys.modules.pop(n) for n in list(sys.modules) if n == "memsy" or n.startswith("memsy.")}
    finally:
        sys.path.remove(path)
    for name, module in modules.items():
        sys.modules["memsy_published" + name[len("memsy") :]] = module
    return published


def _answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    body = SEARCH_BODY if path.endswith("/search") else INGEST_BODY if path.endswith("/ingest") else STATUS_BODY
    return httpx.Response(200, content=body, headers=HEADERS)


def patch_httpx() -> None:
    """Every httpx.Client / AsyncClient made from now on, by anyone, talks to the in-process fake."""

    def handle_request(self: Any, request: httpx.Request) -> httpx.Response:
        request.read()
        return _answer(request)

    async def handle_async_request(self: Any, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return _answer(request)

    httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
    httpx.AsyncHTTPTransport.handle_async_request = handle_async_request  # type: ignore[method-assign]


def event_pool(seed: int, make: Callable[[dict[str, Any]], Any]) -> Callable[[], list[Any]]:
    """A callable returning the next of ``POOL`` prebuilt batches of 20 events, each event built by ``make``."""
    batches = [[make(e) for e in event_batch(seed + n * 20, 20)] for n in range(POOL)]
    cycle = itertools.cycle(batches)
    return lambda: next(cycle)


def reading_metadata(call: Callable[[], Any]) -> Callable[[], Any]:
    """``call``, then its result's ``usage`` and ``rate_limit`` read: 0.3.5 parses those headers on every
    response, this SDK when they are first read, so a program that looks at them pays for them here too."""

    def read() -> Any:
        result = call()
        return result.usage, result.rate_limit

    return read


def varied_events(seed: int, event: Callable[..., Any], kind: Any, role: str) -> Callable[[], list[Any]]:
    """Like :func:`event_pool`, with the optional fields users set: every other event names a role, every
    fourth has a timestamp, and ``kind`` is an enum member where the SDK has one."""
    batches = []
    for n in range(POOL):
        batch = []
        for i, e in enumerate(event_batch(seed + n * 20, 20)):
            e = {**e, "kind": kind}
            if i % 2:
                e["role_id"] = role
            if i % 4 == 0:
                e["ts"] = "2026-05-01T09:30:00+00:00"
            batch.append(event(**e))
        batches.append(batch)
    cycle = itertools.cycle(batches)
    return lambda: next(cycle)


def make_calls(client: str, url: str, key: str, published: ModuleType | None) -> dict[str, Callable[[], Any]]:
    if client == "raw":
        http = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"})
        events = event_pool(0, dict)
        varied = varied_events(0, dict, "user_message", "role_1")
        calls = {
            "search": lambda: http.post("/v1/search", json=SEARCH_ARGS).json(),
            "ingest": lambda: http.post("/v1/ingest", json={"events": events()}).json(),
            "status": lambda: http.post("/v1/status", json={"event_ids": STATUS_IDS}).json(),
            "ingest, varied events": lambda: http.post("/v1/ingest", json={"events": varied()}).json(),
        }
        return {**calls, **{f"{op}, metadata read": calls[op] for op in OPERATIONS}}
    if client == "raw_async":
        ahttp = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"})
        events = event_pool(0, dict)
        varied = varied_events(0, dict, "user_message", "role_1")

        async def search() -> Any:
            return (await ahttp.post("/v1/search", json=SEARCH_ARGS)).json()

        async def ingest() -> Any:
            return (await ahttp.post("/v1/ingest", json={"events": events()})).json()

        async def status() -> Any:
            return (await ahttp.post("/v1/status", json={"event_ids": STATUS_IDS})).json()

        async def ingest_varied() -> Any:
            return (await ahttp.post("/v1/ingest", json={"events": varied()})).json()

        return {"search": search, "ingest": ingest, "status": status, "ingest, varied events": ingest_varied}
    if client == "published":
        assert published is not None
        sdk: Any = published.MemsyClient(url + "/v1", key)
        events = event_pool(10_000, lambda e: published.EventPayload(**e))
        varied = varied_events(10_000, published.EventPayload, "user_message", "role_1")  # 0.3.5: no enum
    else:
        import memsy

        sdk = (memsy.AsyncMemsyClient if client == "ours_async" else memsy.MemsyClient)(url + "/v1", key)
        events = event_pool(20_000, lambda e: memsy.EventPayload(**e))
        varied = varied_events(20_000, memsy.EventPayload, memsy.EventKind.USER_MESSAGE, "role_1")
    calls = {
        "search": lambda: sdk.search("window seats travel", limit=10, include_source_events=True),
        "ingest": lambda: sdk.ingest(events()),
        "status": lambda: sdk.status(STATUS_IDS),
        "ingest, varied events": lambda: sdk.ingest(varied()),
    }
    if client == "ours_async":
        return calls
    return {**calls, **{f"{op}, metadata read": reading_metadata(calls[op]) for op in OPERATIONS}}


def measure(clients: list[str], url: str, key: str, batch: int, rounds: int, published: ModuleType | None) -> Any:
    loop = asyncio.new_event_loop()
    calls = {client: make_calls(client, url, key, published) for client in clients}

    def run_batch(client: str, op: str) -> float:
        fn = calls[client][op]
        gc.collect()
        if client in ASYNC_CLIENTS:
            afn: Callable[[], Awaitable[Any]] = fn

            async def many() -> None:
                for _ in range(batch):
                    await afn()

            start = time.perf_counter()
            loop.run_until_complete(many())
        else:
            start = time.perf_counter()
            for _ in range(batch):
                fn()
        return (time.perf_counter() - start) / batch * 1e6

    results: dict[str, dict[str, dict[str, float]]] = {}
    for op in dict.fromkeys(name for client in clients for name in calls[client]):
        measured = [client for client in clients if op in calls[client]]
        for client in measured:  # warm-up
            run_batch(client, op)
        samples: dict[str, list[float]] = {c: [] for c in measured}
        for _ in range(rounds):
            for client in measured:  # interleaved: drift hits every client alike
                samples[client].append(run_batch(client, op))
        results[op] = {c: {"min": min(v), "median": statistics.median(v)} for c, v in samples.items()}
    loop.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", default="raw,ours,published,raw_async,ours_async")
    parser.add_argument("--published", help="folder holding the published memsy 0.3.5 (for the published client)")
    parser.add_argument("--transport", choices=("fake", "loopback"), default="fake")
    parser.add_argument("--url", default=HOST)
    parser.add_argument("--key", default=KEY)
    parser.add_argument("--batch", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    clients = args.clients.split(",")
    published = load_published(args.published) if "published" in clients else None
    if args.transport == "fake":
        patch_httpx()
    print(json.dumps(measure(clients, args.url, args.key, args.batch, args.rounds, published)))


if __name__ == "__main__":
    main()
