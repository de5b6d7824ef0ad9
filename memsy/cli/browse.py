"""Data-plane reads: ``health``, ``search``, ``memories`` and ``actors``."""

from __future__ import annotations

from .context import Context
from .errors import EXIT_API, EXIT_OK, UsageError
from .output import cell, pairs, plural, table, to_plain
from .times import iso, parse_instant


def cmd_health(ctx: Context) -> int:
    with ctx.data_client() as client:
        health = client.health()
    ctx.emit(health, lambda: print(f"{health.status} (version {health.version or 'unknown'})", file=ctx.out))
    return EXIT_OK if health.ok else EXIT_API


def cmd_search(ctx: Context) -> int:
    args = ctx.args
    with ctx.data_client() as client:
        found = client.search(
            args.query,
            actor_id=args.actor,
            limit=args.limit,
            threshold=args.threshold,
            include_source_events=args.sources,
            session_id=args.session,
        )

    def render() -> None:
        if not args.sources:
            rows = [(r.score, r.type, r.actor_id, r.content) for r in found.results]
            table(rows, ("score", "type", "actor", "memory"), ctx.out)
            return
        ranked = [(rank, r.score, r.type, r.actor_id, r.content) for rank, r in enumerate(found.results, start=1)]
        table(ranked, ("#", "score", "type", "actor", "memory"), ctx.out)
        for rank, result in enumerate(found.results, start=1):
            for source in result.source_events or []:
                print(f"  #{rank} <- {source.kind} {source.event_id}: {cell(source.content, 90)}", file=ctx.out)

    ctx.emit(found.results, render)
    return EXIT_OK


def cmd_memories(ctx: Context) -> int:
    args = ctx.args
    if args.action == "get":
        _needs(args.memory_id, "memories get", "a memory id", "MEMORY_ID")
    with ctx.data_client() as client:
        if args.action == "get":
            memory = client.memories.get(args.memory_id)
            ctx.emit(memory, lambda: pairs(to_plain(memory), ctx.out))
        elif args.action == "stats":
            stats = client.memories.stats()
            ctx.emit(stats, lambda: pairs(to_plain(stats), ctx.out))
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
                table(rows, ("memory id", "actor", "type", "strength", "text"), ctx.out, wrap=60)
                shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if page.items else "none"
                print(f"showing {shown} of {page.total}", file=ctx.out)

            ctx.emit(page, render)
    return EXIT_OK


def cmd_actors(ctx: Context) -> int:
    args = ctx.args
    if args.action == "get":
        _needs(args.actor_id, "actors get", "an actor id", "ACTOR_ID")
    with ctx.data_client() as client:
        if args.action == "get":
            actor = client.actors.get(args.actor_id)
            ctx.emit(actor, lambda: pairs(to_plain(actor), ctx.out))
        else:
            page = client.actors.list(limit=args.limit, offset=args.offset, sort=args.sort, q=args.q)

            def render() -> None:
                rows = [(a.actor_id, a.memory_count, a.active_memory_count, _when(a.last_memory_at)) for a in page]
                table(rows, ("actor", "memories", "active", "last memory (UTC)"), ctx.out)
                print(plural(page.total, "actor") + (" (counts truncated)" if page.truncated else ""), file=ctx.out)

            ctx.emit(page, render)
    return EXIT_OK


def _when(value: object) -> object:
    moment = parse_instant(value)
    return iso(moment) if moment else value


def _needs(value: str | None, command: str, what: str, metavar: str) -> None:
    if not value:
        raise UsageError(f"memsy {command} needs {what}: memsy {command} <{metavar}>")
