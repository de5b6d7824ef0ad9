"""`make bench`: the SDK against raw httpx and the published memsy 0.3.5, side by side, in one run.

Sections: per-call overhead (in-process transport and loopback HTTP to memsy.local), import time, bulk ingest,
pagination memory, and memsy.local itself. Prints a table and writes bench/results.md.
``python -m bench --quick`` runs a reduced version (fewer rounds and events) to check that everything works.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / ".build" / "memsy-0.3.5"
PY = sys.executable
KEY = "msy_" + "b" * 32


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def install_published() -> None:
    """memsy 0.3.5 from PyPI into an isolated folder (it is also called `memsy`, so it must not shadow ours)."""
    if not (PUBLISHED / "memsy" / "__init__.py").exists():
        subprocess.run(
            [PY, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(PUBLISHED), "memsy==0.3.5"], check=True
        )


def site_packages() -> str:
    import httpx as module

    return str(Path(module.__file__).resolve().parent.parent)


def published_env() -> tuple[list[str], dict[str, str]]:
    """Run Python without site processing (so our editable install is not on the path), with the published
    package first and the venv's packages (httpx) after it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PUBLISHED), str(ROOT), site_packages()])}
    return [PY, "-S"], env


# -------------------------------------------------------------------------------------------- memsy.local server


SERVER_PIDS: dict[str, int] = {}
"""Process id of each running memsy.local, by URL (the load section reads their CPU time)."""
SERVER_PATH = os.environ.get("BENCH_SERVER_PATH")
"""Run memsy.local from this checkout instead of ours (a before/after comparison of the server)."""


@contextmanager
def local_server(db: str, *extra: str) -> Iterator[str]:
    from memsy.local.server import free_port

    port = free_port()
    command = [
        PY,
        "-m",
        "memsy.local",
        "serve",
        "--port",
        str(port),
        "--db",
        db,
        "--api-key",
        KEY,
        "--rate-limit",
        "1000000000",
        "--log-level",
        "warning",
        *extra,
    ]
    env = {**os.environ, "PYTHONPATH": SERVER_PATH} if SERVER_PATH else None
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=SERVER_PATH or ROOT, env=env
    )
    url = f"http://127.0.0.1:{port}"
    SERVER_PIDS[url] = process.pid
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("memsy.local did not start")
            time.sleep(0.1)
        yield url
    finally:
        SERVER_PIDS.pop(url, None)
        process.terminate()
        process.wait(timeout=30)


# ------------------------------------------------------------------------------------------------- sections


def per_call(transport: str, url: str, batch: int, rounds: int) -> dict[str, dict[str, dict[str, float]]]:
    """Every client in one process (bench.percall): raw httpx, ours (sync and async) and 0.3.5, interleaved."""
    out = subprocess.run(
        [
            *(PY, "-m", "bench.percall", "--published", str(PUBLISHED), "--transport", transport, "--url", url),
            *("--key", KEY, "--batch", str(batch), "--rounds", str(rounds)),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


RUNTIME = ROOT / ".build" / "runtime-deps"
"""What `pip install memsy` brings (httpx, python-dateutil and their dependencies) and nothing else: start-up is
measured there, since a development environment's extras change what `import httpx` costs (httpx loads its command
line, click and rich, when they are installed)."""


def install_runtime() -> None:
    if not (RUNTIME / "httpx").exists():
        subprocess.run(
            [
                *(PY, "-m", "pip", "install", "--quiet", "--target", str(RUNTIME), f"httpx=={httpx.__version__}"),
                *("python-dateutil", "typing_extensions"),
            ],
            check=True,
        )


def startup(samples: int) -> dict[str, float]:
    """A working client in a fresh process: the import plus constructing one, for httpx itself, this SDK and
    0.3.5, interleaved process by process; the median of ``samples`` processes each, less an empty interpreter's."""
    ours = os.pathsep.join([str(ROOT), str(ROOT / "generated"), str(RUNTIME)])
    published = os.pathsep.join([str(PUBLISHED), str(RUNTIME)])
    url, key = "https://api.memsy.io/v1", "msy_" + "0" * 32
    cases = {
        "empty interpreter": (ours, "pass"),
        "httpx: import httpx; httpx.Client(...)": (
            ours,
            f"import httpx; httpx.Client(base_url={url!r}, headers={{'Authorization': 'Bearer {key}'}})",
        ),
        "ours: from memsy import MemsyClient; MemsyClient(...)": (
            ours,
            f"from memsy import MemsyClient; MemsyClient({url!r}, {key!r})",
        ),
        "0.3.5: from memsy import MemsyClient; MemsyClient(...)": (
            published,
            f"from memsy import MemsyClient; MemsyClient({url!r}, {key!r})",
        ),
        "ours: import memsy (names resolve on first use)": (ours, "import memsy"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(samples):
        for name, (path, statement) in cases.items():  # interleaved: drift hits every case alike
            start = time.perf_counter()
            subprocess.run([PY, "-S", "-c", statement], env={"PYTHONPATH": path}, check=True, cwd=tempfile.gettempdir())
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    empty = medians.pop("empty interpreter")
    return {name: value - empty for name, value in medians.items()}


def bulk_ingest(url: str, events: int, naive_events: int) -> dict[str, float]:
    import memsy

    from .bodies import event_batch

    batch = [e for i in range(0, events, 100) for e in event_batch(10_000_000 + i, 100)][:events]
    naive = [e for i in range(0, naive_events, 100) for e in event_batch(20_000_000 + i, 100)][:naive_events]
    with memsy.MemsyClient(url + "/v1", KEY) as client:
        start = time.perf_counter()
        ids = client.ingest_many(batch, batch_size=100, concurrency=4).event_ids
        many = time.perf_counter() - start
        assert len(ids) == events
        start = time.perf_counter()
        for event in naive:
            client.ingest([event])
        loop = time.perf_counter() - start
    return {"ingest_many events/s": events / many, "single-event loop events/s": naive_events / loop}


PAGINATION_CHILD = """
import resource, sys, memsy
client = memsy.MemsyClient(sys.argv[1] + "/v1", sys.argv[2])
client.memories.list(limit=200)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seen = 0
if sys.argv[4] == "iter":
    for memory in client.memories.iter(page_size=200):
        seen += 1
        if seen >= int(sys.argv[3]):
            break
else:  # the control: keeping every memory, which a flat iterator must not do
    kept = []
    for memory in client.memories.iter(page_size=200):
        kept.append(memory)
        if len(kept) >= int(sys.argv[3]):
            break
    seen = len(kept)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seen, after - before)
"""


def pagination(count: int) -> dict[str, float]:
    from .seed import seed_memories

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "pages.db")
        seed_memories(db, count)
        with local_server(db) as url:
            result = {}
            for n, mode in ((count // 10, "iter"), (count, "iter"), (count, "list")):
                out = subprocess.run(
                    [PY, "-c", PAGINATION_CHILD, url, KEY, str(n), mode], capture_output=True, text=True, check=True
                )
                seen, growth_kb = map(int, out.stdout.split())
                label = "iterating" if mode == "iter" else "keeping in a list (control)"
                result[f"peak RSS growth {label} {seen} memories (MiB)"] = growth_kb / 1024
    return result


def local_section(quick: bool) -> dict[str, dict[str, Any]]:
    """memsy.local under load: the mixed workload, health during extraction, search latency, validation cost."""
    from . import local_section as section
    from .bodies import WORDS
    from .seed import seed_memories

    results: dict[str, dict[str, Any]] = {}
    log("memsy.local: mixed load ...")
    results["local_mixed"] = section.mixed(
        local_server,
        SERVER_PIDS,
        seed_memories,
        memories=2_000 if quick else 20_000,
        rounds=1 if quick else 3,
        seconds=3 if quick else 10,
    )
    log("memsy.local: health while extracting ...")
    results["local_health"] = section.health_while_extracting(
        local_server, events=2_000 if quick else 20_000, rounds=1 if quick else 3
    )
    log("memsy.local: search latency ...")
    results["local"] = section.search_latency(
        local_server,
        seed_memories,
        WORDS,
        sizes=[1_000] if quick else [10_000, 100_000],
        queries=50 if quick else 300,
        rounds=1 if quick else 3,
    )
    log("memsy.local: request validation ...")
    results["local_validation"] = section.validation_cost(rounds=3 if quick else 15, calls=200 if quick else 2_000)
    return results


# ----------------------------------------------------------------------------------------------------- report


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, httpx {httpx.__version__}"
    )


def render(results: dict[str, Any], command: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Command: `{command}`  ",
        f"Machine: {machine()}  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
    ]
    for transport, title in (
        ("fake", "in-process fake transport patched under httpx (recorded bodies)"),
        ("loopback", "loopback HTTP to memsy.local"),
    ):
        data = results.get(f"per_call_{transport}")
        if not data:
            continue
        lines += [
            f"## Per-call time, {title}",
            "",
            "Every client in one process, interleaved rounds; the minimum over rounds of the mean microseconds per "
            "call (the median's ratio in parentheses). Ratios are to raw httpx + json: the sync clients to raw sync "
            "httpx, the async client to raw async httpx. Ingest sends 20 events, EventPayload objects for both SDKs; "
            "varied events set a role on every other event, a timestamp on every fourth and the kind as an enum "
            "member; 'metadata read' also reads the result's usage and rate_limit (0.3.5 parses them on every "
            "response, this SDK when first read).",
            "",
            "| call | raw httpx | MemsyClient | ratio | memsy 0.3.5 | ratio | raw async | AsyncMemsyClient | ratio |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for op, row in data.items():

            def cell(client: str, raw: str, row: dict[str, dict[str, float]] = row) -> str:
                lo, mid = row[client]["min"] / row[raw]["min"], row[client]["median"] / row[raw]["median"]
                return f"{row[client]['min']:.0f} | {lo:.2f}x ({mid:.2f}x)"

            asynchronous = (
                f"{row['raw_async']['min']:.0f} | {cell('ours_async', 'raw_async')}"
                if "ours_async" in row
                else "- | - | -"
            )
            sync = f"{row['raw']['min']:.0f} | {cell('ours', 'raw')} | {cell('published', 'raw')}"
            lines.append(f"| {op} | {sync} | {asynchronous} |")
        lines.append("")
    if "startup" in results:
        data = results["startup"]
        base = data["httpx: import httpx; httpx.Client(...)"]
        lines += [
            "## Start-up: a working client in a fresh process",
            "",
            "Milliseconds above an empty interpreter, median of fresh processes interleaved case by case, in an "
            "environment holding only what `pip install memsy` brings; ratio to httpx's own.",
            "",
            "| measure | ms | ratio to httpx |",
            "|---|---|---|",
            *[f"| `{name}` | {value:.1f} | {value / base:.2f}x |" for name, value in data.items()],
            "",
        ]
    sections = (
        ("bulk", "Bulk ingest to memsy.local"),
        ("pagination", "Pagination memory (memories.iter)"),
        (
            "local_mixed",
            "memsy.local: mixed load (8 clients; search 50 %, ingest of 10 events 20 %, status 15 %, "
            "memory list 15 %), median of rounds (min, max); the server's CPU includes its extraction process",
        ),
        ("local_health", "memsy.local: /v1/health while a backlog is ingested and extracted, median of rounds"),
        ("local", "memsy.local: search latency, org-wide two-word queries one at a time, median of rounds"),
        ("local_validation", "memsy.local: request validation per request, median of rounds"),
    )
    for key, title in sections:
        if key in results:
            lines += [f"## {title}", "", "| measure | value |", "|---|---|"]
            lines += [
                f"| {k} | {v:.1f} |" if isinstance(v, float) else f"| {k} | {v} |" for k, v in results[key].items()
            ]
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer rounds and events (a smoke run)")
    parser.add_argument("--local-only", action="store_true", help="only the memsy.local sections (not written)")
    parser.add_argument(
        "--sdk-only", action="store_true", help="only per-call (in-process) and start-up figures (not written)"
    )
    args = parser.parse_args()
    quick = args.quick
    command = "make bench" + (" (quick)" if quick else "")
    if args.local_only:
        print(render(local_section(quick), command + " (memsy.local sections only)"))
        return
    install_published()
    install_runtime()
    results: dict[str, Any] = {}
    log("per-call, in-process transport ...")
    results["per_call_fake"] = per_call("fake", "https://api.memsy.io", 50 if quick else 300, 3 if quick else 15)
    if args.sdk_only:
        log("start-up ...")
        results["startup"] = startup(5 if quick else 15)
        print(render(results, command + " (per-call and start-up only: python -m bench --sdk-only)"))
        return
    with tempfile.TemporaryDirectory() as folder, local_server(str(Path(folder) / "loop.db")) as url:
        log("seeding memsy.local for the loopback calls ...")
        import memsy

        from .bodies import event_batch

        with memsy.MemsyClient(url + "/v1", KEY) as client:
            ids = client.ingest_many([e for i in range(5) for e in event_batch(30_000_000 + i * 100, 100)]).event_ids
            client.wait_for(ids, timeout=120, poll_interval=0.2)
        log("per-call, loopback HTTP ...")
        results["per_call_loopback"] = per_call("loopback", url, 5 if quick else 20, 3 if quick else 9)
    log("start-up ...")
    results["startup"] = startup(5 if quick else 15)
    log("bulk ingest ...")
    with (
        tempfile.TemporaryDirectory() as folder,
        local_server(str(Path(folder) / "bulk.db"), "--processing-delay", "3600") as url,
    ):
        results["bulk"] = bulk_ingest(url, 2_000 if quick else 20_000, 200 if quick else 2_000)
    log("pagination memory ...")
    results["pagination"] = pagination(5_000 if quick else 50_000)
    results.update(local_section(quick))
    report = render(results, command)
    print(report)
    if not quick:
        (ROOT / "bench" / "results.md").write_text(report + "\n")
        (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
