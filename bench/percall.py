"""Per-call cost of search / ingest / status through each client, in one process, interleaved.

Run as ``python -m bench.percall --clients ours,raw --transport mock`` (or ``--transport loopback --url U --key K``).
Prints one JSON object: {operation: {client: median microseconds per call}}. The published SDK is measured in its
own process (``--clients published,raw``) because it is also called ``memsy``; raw httpx runs beside it there too,
so every client can be compared with raw httpx measured in the same process.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from .bodies import HEADERS, INGEST_BODY, SEARCH_BODY, STATUS_BODY, STATUS_IDS, event_batch

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "25"))
HOST = "https://api.memsy.io"
KEY = "msy_0123456789abcdef0123456789abcdef"
_counter = itertools.count(int(os.environ.get("BENCH_SEED", "0")))


def mock_handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    body = SEARCH_BODY if path.endswith("/search") else INGEST_BODY if path.endswith("/ingest") else STATUS_BODY
    return httpx.Response(200, content=body, headers=HEADERS)


def fresh_events() -> list[dict[str, Any]]:
    """20 events, new content every call (the server would deduplicate repeats)."""
    return event_batch(next(_counter), 20)


SEARCH_ARGS = {"query": "window seats travel", "limit": 10, "threshold": 0.0, "include_source_events": True}


def sync_calls(client: str, transport: Any, url: str, key: str) -> dict[str, Callable[[], Any]]:
    if client == "raw":
        http = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, transport=transport)
        return {
            "search": lambda: http.post("/v1/search", json=SEARCH_ARGS).json(),
            "ingest": lambda: http.post("/v1/ingest", json={"events": fresh_events()}).json(),
            "status": lambda: http.post("/v1/status", json={"event_ids": STATUS_IDS}).json(),
        }
    import memsy

    if client == "published":
        sdk = memsy.MemsyClient(url + "/v1", key)
        sdk._client = httpx.Client(
            base_url=url + "/v1", headers={"Authorization": f"Bearer {key}"}, transport=transport
        )
        events = lambda: [memsy.EventPayload(**e) for e in fresh_events()]  # noqa: E731
    else:
        sdk = memsy.MemsyClient(url + "/v1", key, transport=transport)
        events = fresh_events
    return {
        "search": lambda: sdk.search("window seats travel", limit=10, include_source_events=True),
        "ingest": lambda: sdk.ingest(events()),
        "status": lambda: sdk.status(STATUS_IDS),
    }


def async_calls(client: str, transport: Any, url: str, key: str) -> dict[str, Callable[[], Awaitable[Any]]]:
    if client == "raw_async":
        http = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, transport=transport)

        async def search() -> Any:
            return (await http.post("/v1/search", json=SEARCH_ARGS)).json()

        async def ingest() -> Any:
            return (await http.post("/v1/ingest", json={"events": fresh_events()})).json()

        async def status() -> Any:
            return (await http.post("/v1/status", json={"event_ids": STATUS_IDS})).json()

        return {"search": search, "ingest": ingest, "status": status}
    import memsy

    sdk = memsy.AsyncMemsyClient(url + "/v1", key, transport=transport)
    return {
        "search": lambda: sdk.search("window seats travel", limit=10, include_source_events=True),
        "ingest": lambda: sdk.ingest(fresh_events()),
        "status": lambda: sdk.status(STATUS_IDS),
    }


def measure(clients: list[str], transport_kind: str, url: str, key: str, batch: int) -> dict[str, dict[str, float]]:
    loop = asyncio.new_event_loop()
    calls: dict[str, dict[str, Callable[[], Any]]] = {}
    for client in clients:
        is_async = client in ("ours_async", "raw_async")
        if transport_kind == "mock":
            mock = httpx.MockTransport(mock_handler)
            transport: Any = mock
        else:
            transport = httpx.AsyncHTTPTransport() if is_async else httpx.HTTPTransport()
        if is_async:
            calls[client] = async_calls(client, transport, url, key)
        else:
            calls[client] = sync_calls(client, transport, url, key)

    def run_batch(client: str, op: str) -> float:
        fn = calls[client][op]
        gc.collect()
        if client in ("ours_async", "raw_async"):

            async def many() -> None:
                for _ in range(batch):
                    await fn()

            start = time.perf_counter()
            loop.run_until_complete(many())
        else:
            start = time.perf_counter()
            for _ in range(batch):
                fn()
        return (time.perf_counter() - start) / batch * 1e6

    results: dict[str, dict[str, float]] = {}
    for op in ("search", "ingest", "status"):
        for client in clients:  # warm-up
            run_batch(client, op)
        samples: dict[str, list[float]] = {c: [] for c in clients}
        for _ in range(ROUNDS):
            for client in clients:  # interleaved: drift hits every client alike
                samples[client].append(run_batch(client, op))
        results[op] = {c: statistics.median(v) for c, v in samples.items()}
    loop.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", required=True)
    parser.add_argument("--transport", choices=("mock", "loopback"), default="mock")
    parser.add_argument("--url", default=HOST)
    parser.add_argument("--key", default=KEY)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    print(json.dumps(measure(args.clients.split(","), args.transport, args.url, args.key, args.batch)))


if __name__ == "__main__":
    main()
