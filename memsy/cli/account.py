"""Control-plane reads: ``me`` and ``usage``."""

from __future__ import annotations

from .context import Context
from .errors import EXIT_OK
from .output import pairs, table, to_plain
from .times import readable


def cmd_me(ctx: Context) -> int:
    with ctx.control_client() as control:
        me = control.me()
    ctx.emit(me, lambda: pairs(to_plain(me), ctx.out))
    return EXIT_OK


def cmd_usage(ctx: Context) -> int:
    with ctx.control_client() as control:
        summary = control.usage.summary()
    rate = summary.rate_limit

    def render() -> None:
        print(f"{summary.org_id} on {summary.tier}, {summary.period_start} to {summary.period_end}", file=ctx.out)
        rows = [(d.dimension, d.used, d.limit, _percent(d.used, d.limit)) for d in summary.dimensions]
        table(rows, ("dimension", "used", "limit", "used %"), ctx.out)
        if rate is not None:
            resets = f", resets {readable(rate.reset)}" if rate.reset is not None else ""
            print(f"rate limit: {rate.remaining} of {rate.limit} requests left{resets}", file=ctx.out)

    ctx.emit({"summary": summary, "rate_limit": rate}, render)
    return EXIT_OK


def _percent(used: int, limit: int | None) -> str:
    return f"{100 * used / limit:.1f}%" if limit else "-"
