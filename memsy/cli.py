"""The ``memsy`` command line: poke at a Memsy service (or memsy.local) from a terminal.

Configuration comes from ``MEMSY_API_KEY`` / ``MEMSY_BASE_URL`` / ``MEMSY_CONTROL_URL`` (or ``--api-key`` /
``--base-url``). Output is a readable table, or JSON with ``--json``. Exit codes: 0 success, 2 usage or input
error, 3 the API answered with an error, 4 no answer (connection or timeout), 5 ``wait`` timed out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, TextIO

from .client import MemsyClient
from .control import MemsyControlClient
from .exceptions import (
    AuthenticationError,
    MemsyAPIError,
    MemsyConnectionError,
    MemsyError,
    MemsyValidationError,
    RateLimitExceeded,
)
from .models import SearchResult

EXIT_OK, EXIT_USAGE, EXIT_API, EXIT_CONNECTION, EXIT_WAIT_TIMEOUT = 0, 2, 3, 4, 5
PROGRESS_THRESHOLD = 1000  # events; smaller files are ingested without a progress bar


class UsageError(Exception):
    """A problem with the command line or its input file (exit code 2)."""


# --------------------------------------------------------------------------------------------------- output


def to_plain(value: Any) -> Any:
    """A model as JSON-ready data (private fields left out, unpacked search sources included)."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_plain(getattr(value, f.name)) for f in fields(value) if not f.name.startswith("_")}
        if isinstance(value, SearchResult):
            data["source_events"] = to_plain(value.source_events)
            data["source_metadata"] = to_plain(value.source_metadata)
        return data
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], out: TextIO, *, wrap: int = 70) -> None:
    """A plain fixed-width table; long cells are cut to ``wrap`` characters."""
    cells = [[_cell(c, wrap) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)
    if not cells:
        print("(none)", file=out)


def _cell(value: Any, wrap: int) -> str:
    text = "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= wrap else text[: wrap - 3] + "..."


def emit(args: argparse.Namespace, data: Any, render: Any) -> None:
    if args.json:
        json.dump(to_plain(data), args.out, indent=2, ensure_ascii=False)
        print(file=args.out)
    else:
        render()


# ------------------------------------------------------------------------------------------------- commands


def cmd_health(args: argparse.Namespace) -> int:
    with data_client(args) as client:
        health = client.health()
    emit(args, health, lambda: print(f"{health.status} (version {health.version or 'unknown'})", file=args.out))
    return EXIT_OK if health.ok else EXIT_API


def read_events(path: str) -> list[dict[str, Any]]:
    """Events from a JSON Lines file (one event object per line; blank lines and # comments skipped)."""
    source = sys.stdin if path == "-" else None
    try:
        lines = source.readlines() if source else Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    events = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(
                f"{path}:{number}: not valid JSON ({exc.msg}); each line must be one event object"
            ) from None
        if not isinstance(event, dict):
            raise UsageError(f"{path}:{number}: expected a JSON object with actor_id, session_id, kind, content")
        events.append(event)
    if not events:
        raise UsageError(f"{path} has no events")
    return events


def cmd_ingest(args: argparse.Namespace) -> int:
    events = read_events(args.file)
    from ._generated import operations

    try:
        operations.ingest_events(events=events)  # the contract's rules on every line before anything is sent
    except MemsyValidationError as exc:
        raise UsageError(f"{args.file}: {_line_of(exc, events, args.file)}") from None
    chunk = args.batch_size * args.concurrency
    show_progress = len(events) >= PROGRESS_THRESHOLD and not args.json
    started, ids = time.monotonic(), []
    with data_client(args) as client:
        for start in range(0, len(events), chunk):
            part = events[start : start + chunk]
            ids += client.ingest_many(part, batch_size=args.batch_size, concurrency=args.concurrency).event_ids
            if show_progress:
                progress(len(ids), len(events), started, args.err)
    if show_progress:
        print(file=args.err)
    elapsed = time.monotonic() - started
    summary = {"events": len(events), "unique_ids": len(set(ids)), "seconds": round(elapsed, 3), "event_ids": ids}
    emit(
        args,
        summary,
        lambda: print(
            f"Ingested {len(events)} events ({len(set(ids))} new ids, duplicates collapse) in {elapsed:.1f}s "
            f"({len(events) / max(elapsed, 1e-9):.0f} events/s). Follow them with: memsy wait <ids>",
            file=args.out,
        ),
    )
    return EXIT_OK


def _line_of(error: MemsyValidationError, events: list[dict[str, Any]], path: str) -> str:
    """Point a validation message at the file line: 'events[12].kind' becomes line numbers users can find."""
    message = str(error)
    if message.startswith("events["):
        index = int(message[7 : message.index("]")])
        return f"event {index + 1} of {len(events)}: {message}"
    return message


def progress(done: int, total: int, started: float, out: TextIO) -> None:
    width = 30
    filled = int(width * done / total)
    rate = done / max(time.monotonic() - started, 1e-9)
    print(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} events ({rate:.0f}/s)", end="", file=out, flush=True
    )


def cmd_search(args: argparse.Namespace) -> int:
    with data_client(args) as client:
        found = client.search(
            args.query,
            actor_id=args.actor,
            limit=args.limit,
            threshold=args.threshold,
            include_source_events=args.sources,
            session_id=args.session,
        )

    def render() -> None:
        rows = [(r.score, r.type, r.actor_id, r.content) for r in found.results]
        table(rows, ("score", "type", "actor", "memory"), args.out)
        if args.sources:
            for result in found.results:
                for source in result.source_events or []:
                    print(f"  {result.id[:8]} <- {source.kind}: {_cell(source.content, 90)}", file=args.out)

    emit(args, found.results, render)
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    with data_client(args) as client:
        status = client.status(args.ids)
    _render_status(args, status)
    return EXIT_OK


def cmd_wait(args: argparse.Namespace) -> int:
    from ._helpers import WaitTimeoutError

    with data_client(args) as client:
        try:
            status = client.wait_for(args.ids, timeout=args.timeout, poll_interval=args.poll_interval)
        except WaitTimeoutError as exc:
            _render_status(args, exc.status)
            print(f"memsy: {exc}", file=args.err)
            return EXIT_WAIT_TIMEOUT
    _render_status(args, status)
    return EXIT_OK


def _render_status(args: argparse.Namespace, status: Any) -> None:
    def render() -> None:
        rows = [(i, (status.statuses or {}).get(i, "?")) for i in args.ids]
        table(rows, ("event id", "status"), args.out)
        print(
            f"{len(status.completed_ids)} completed, {len(status.failed_ids)} failed, "
            f"{len(status.pending_ids)} pending",
            file=args.out,
        )

    emit(args, status, render)


def cmd_memories(args: argparse.Namespace) -> int:
    with data_client(args) as client:
        if args.action == "get":
            memory = client.memories.get(args.memory_id)
            emit(args, memory, lambda: _render_pairs(to_plain(memory), args.out))
        elif args.action == "stats":
            stats = client.memories.stats()
            emit(args, stats, lambda: _render_pairs(to_plain(stats), args.out))
        else:
            page = client.memories.list(
                actor_id=args.actor,
                kind=args.kind,
                type=args.type,
                status=args.status,
                sort=args.sort,
                search=args.search,
                limit=args.limit,
                offset=args.offset,
            )

            def render() -> None:
                rows = [(m.memory_id, m.scope.actor_id or m.scope.level, m.type, m.strength, m.text) for m in page]
                table(rows, ("memory id", "actor", "type", "strength", "text"), args.out, wrap=60)
                shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if page.items else "none"
                print(f"showing {shown} of {page.total}", file=args.out)

            emit(args, page, render)
    return EXIT_OK


def cmd_actors(args: argparse.Namespace) -> int:
    with data_client(args) as client:
        if args.action == "get":
            actor = client.actors.get(args.actor_id)
            emit(args, actor, lambda: _render_pairs(to_plain(actor), args.out))
        else:
            page = client.actors.list(limit=args.limit, offset=args.offset, sort=args.sort, q=args.q)

            def render() -> None:
                rows = [(a.actor_id, a.memory_count, a.active_memory_count, a.last_memory_at) for a in page]
                table(rows, ("actor", "memories", "active", "last memory"), args.out)
                print(f"{page.total} actors" + (" (counts truncated)" if page.truncated else ""), file=args.out)

            emit(args, page, render)
    return EXIT_OK


def cmd_me(args: argparse.Namespace) -> int:
    with control_client(args) as control:
        me = control.me()
    emit(args, me, lambda: _render_pairs(to_plain(me), args.out))
    return EXIT_OK


def cmd_usage(args: argparse.Namespace) -> int:
    with control_client(args) as control:
        summary = control.usage.summary()
    rate = summary.rate_limit

    def render() -> None:
        print(f"{summary.org_id} on {summary.tier}, {summary.period_start} to {summary.period_end}", file=args.out)
        rows = [(d.dimension, d.used, d.limit, _percent(d.used, d.limit)) for d in summary.dimensions]
        table(rows, ("dimension", "used", "limit", "used %"), args.out)
        if rate is not None:
            print(f"rate limit: {rate.remaining} of {rate.limit} requests left, resets at {rate.reset}", file=args.out)

    emit(args, {"summary": summary, "rate_limit": rate}, render)
    return EXIT_OK


def _percent(used: int, limit: int | None) -> str:
    return f"{100 * used / limit:.1f}%" if limit else "-"


def _render_pairs(data: dict[str, Any], out: TextIO) -> None:
    width = max(map(len, data), default=0)
    for key, value in data.items():
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value
        print(f"{key.ljust(width)}  {shown}", file=out)


def cmd_local(args: argparse.Namespace) -> int:
    try:
        from .local.server import main as local_main
    except ImportError:
        raise UsageError('memsy.local is not installed: pip install "memsy[local]"') from None
    return local_main([args.action, *args.local_args])


# -------------------------------------------------------------------------------------------------- clients


def _options(args: argparse.Namespace) -> dict[str, Any]:
    return {"api_key": args.api_key, "timeout": args.timeout_seconds}


def data_client(args: argparse.Namespace) -> MemsyClient:
    return MemsyClient(args.base_url, **_options(args))


def control_client(args: argparse.Namespace) -> MemsyControlClient:
    return MemsyControlClient(args.control_url or args.base_url, **_options(args))


# ---------------------------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("--base-url", default=None, help="data-plane URL (default: MEMSY_BASE_URL)")
    common.add_argument("--control-url", default=None, help="control-plane URL (default: MEMSY_CONTROL_URL)")
    common.add_argument("--api-key", default=None, help="API key (default: MEMSY_API_KEY; prefer the variable)")
    common.add_argument("--timeout-seconds", type=float, default=30.0, help="HTTP timeout per request")
    parser = argparse.ArgumentParser(
        prog="memsy", description="Talk to Memsy from a terminal.", parents=[common], epilog=__doc__
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        p.set_defaults(handler=handler)
        return p

    command("health", cmd_health, "data-plane health")
    p = command("ingest", cmd_ingest, "ingest events from a JSON Lines file (- for stdin)")
    p.add_argument("file")
    p.add_argument("--batch-size", type=int, default=100)
    p.add_argument("--concurrency", type=int, default=4)
    p = command("search", cmd_search, "search memories")
    p.add_argument("query")
    p.add_argument("--actor", help="only this actor's memories (default: the whole org)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--threshold", type=float, default=0.0)
    p.add_argument("--session", help="only this conversation (plus memories with no conversation)")
    p.add_argument("--sources", action="store_true", help="show the events each memory came from")
    p = command("status", cmd_status, "processing status of events")
    p.add_argument("ids", nargs="+", metavar="EVENT_ID")
    p = command("wait", cmd_wait, "wait until events are processed")
    p.add_argument("ids", nargs="+", metavar="EVENT_ID")
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--poll-interval", type=float, default=1.0)
    p = command("memories", cmd_memories, "browse memories: list, get ID, stats")
    p.add_argument("action", choices=("list", "get", "stats"))
    p.add_argument("memory_id", nargs="?")
    p.add_argument("--actor")
    p.add_argument("--kind")
    p.add_argument("--type")
    p.add_argument("--status")
    p.add_argument("--sort", default="observed_at_desc")
    p.add_argument("--search")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p = command("actors", cmd_actors, "actors that have memories: list, get ID")
    p.add_argument("action", choices=("list", "get"))
    p.add_argument("actor_id", nargs="?")
    p.add_argument("--q", help="substring of the actor id")
    p.add_argument("--sort", default="first_memory_desc")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    command("me", cmd_me, "who the API key belongs to (control plane)")
    command("usage", cmd_usage, "plan usage this period (control plane, org:admin)")
    p = command("local", cmd_local, "run memsy.local: memsy local serve [--port N --db PATH ...]")
    p.add_argument("action", choices=("serve", "run"))
    p.add_argument("local_args", nargs=argparse.REMAINDER)
    return parser


def _check(args: argparse.Namespace) -> None:
    if args.command == "memories" and args.action == "get" and not args.memory_id:
        raise UsageError("memsy memories get needs a memory id: memsy memories get <MEMORY_ID>")
    if args.command == "actors" and args.action == "get" and not args.actor_id:
        raise UsageError("memsy actors get needs an actor id: memsy actors get <ACTOR_ID>")


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse already printed the usage message
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_USAGE
    args.out, args.err = out, err
    try:
        _check(args)
        return int(args.handler(args))
    except (UsageError, MemsyValidationError) as exc:
        print(f"memsy: {exc}", file=err)
        return EXIT_USAGE
    except AuthenticationError as exc:
        print(f"memsy: {exc}\n  set MEMSY_API_KEY to a valid key (msy_...)", file=err)
        return EXIT_API
    except RateLimitExceeded as exc:
        wait = f" retry in {exc.retry_after:.0f}s" if exc.retry_after is not None else " retry later"
        print(f"memsy: rate limited:{wait}", file=err)
        return EXIT_API
    except MemsyAPIError as exc:
        print(f"memsy: {exc}", file=err)
        return EXIT_API
    except MemsyConnectionError as exc:
        print(f"memsy: {exc}\n  check MEMSY_BASE_URL and that the service is reachable", file=err)
        return EXIT_CONNECTION
    except MemsyError as exc:
        print(f"memsy: {exc}", file=err)
        return EXIT_API


if __name__ == "__main__":
    sys.exit(main())
