"""``memsy status IDS`` and ``memsy wait IDS``: ids the service does not know are reported, never waited on."""

from __future__ import annotations

import time

from .. import WaitTimeoutError
from ..client import MemsyClient
from ..models import StatusResponse
from .context import Context
from .errors import EXIT_API, EXIT_OK, EXIT_WAIT_TIMEOUT
from .event_ids import gather
from .output import plural, seconds, table

SETTLED = ("completed", "failed", "unknown")  # any other state (the vocabulary is open) is still pending
SHOWN_UNKNOWN = 5  # unknown ids named in the message; the table lists them all


def poll_once(client: MemsyClient, ids: list[str]) -> StatusResponse:
    """One status round for any number of ids: ``wait_for`` with no time to wait polls each id once (500 per
    request) and hands back the state, raising WaitTimeoutError with it when something is pending."""
    try:
        return client.wait_for(ids, timeout=0)
    except WaitTimeoutError as exc:
        return exc.status


def states_of(ids: list[str], status: StatusResponse) -> dict[str, str]:
    """Each id's state, unknown ids first: the service may list them under ``unknown_ids``, in ``statuses``, or
    (older answers) nowhere but among the pending."""
    per_id = status.statuses or {}
    unknown = set(status.unknown_ids)
    completed, failed = set(status.completed_ids), set(status.failed_ids)
    states = {}
    for event_id in ids:
        if event_id in unknown or per_id.get(event_id) == "unknown":
            states[event_id] = "unknown"
        elif event_id in completed:
            states[event_id] = "completed"
        elif event_id in failed:
            states[event_id] = "failed"
        else:
            states[event_id] = per_id.get(event_id, "pending")
    return states


def as_response(ids: list[str], states: dict[str, str]) -> StatusResponse:
    def having(state: str) -> list[str]:
        return [i for i in ids if states[i] == state]

    return StatusResponse(
        completed_ids=having("completed"),
        failed_ids=having("failed"),
        pending_ids=[i for i in ids if states[i] not in SETTLED],
        total=len(ids),
        statuses=dict(states),
        unknown_ids=having("unknown"),
    )


def cmd_status(ctx: Context) -> int:
    ids = gather(ctx.args.ids, ctx.stdin)
    with ctx.data_client() as client:
        states = states_of(ids, poll_once(client, ids))
    _render(ctx, ids, states)
    _tell_unknown(ctx, states)
    return EXIT_OK


def cmd_wait(ctx: Context) -> int:
    ids = gather(ctx.args.ids, ctx.stdin)
    deadline = time.monotonic() + ctx.args.timeout
    timed_out = False
    with ctx.data_client() as client:
        states = states_of(ids, poll_once(client, ids))
        pending = [i for i in ids if states[i] not in SETTLED]
        if pending:
            try:
                final = client.wait_for(
                    pending, timeout=max(0.0, deadline - time.monotonic()), poll_interval=ctx.args.poll_interval
                )
            except WaitTimeoutError as exc:
                final, timed_out = exc.status, True
            states.update(states_of(pending, final))
    _render(ctx, ids, states)
    unknown = _tell_unknown(ctx, states)
    if timed_out:
        still = sum(states[i] not in SETTLED for i in ids)
        print(
            f"memsy: {still} of {plural(len(ids), 'event')} still pending after --timeout {seconds(ctx.args.timeout)}; "
            "wait longer with a higher --timeout, or check later with memsy status",
            file=ctx.err,
        )
        return EXIT_WAIT_TIMEOUT
    return EXIT_API if unknown else EXIT_OK


def _render(ctx: Context, ids: list[str], states: dict[str, str]) -> None:
    def render() -> None:
        table([(i, states[i]) for i in ids], ("event id", "status"), ctx.out)
        settled = {state: sum(s == state for s in states.values()) for state in SETTLED}
        pending = len(states) - sum(settled.values())
        print(
            f"{settled['completed']} completed, {settled['failed']} failed, {pending} pending, "
            f"{settled['unknown']} unknown",
            file=ctx.out,
        )

    ctx.emit(as_response(ids, states), render)


def _tell_unknown(ctx: Context, states: dict[str, str]) -> list[str]:
    unknown = [i for i, s in states.items() if s == "unknown"]
    if unknown:
        named = ", ".join(unknown[:SHOWN_UNKNOWN]) + (", ..." if len(unknown) > SHOWN_UNKNOWN else "")
        print(
            f"memsy: {len(unknown)} event id{'' if len(unknown) == 1 else 's'} unknown to the service ({named}): "
            "mistyped, or ingested with a key of another org",
            file=ctx.err,
        )
    return unknown
