"""``memsy ingest FILE``: the ids go to stdout (one per line, ready for ``memsy wait -``), the summary to stderr."""

from __future__ import annotations

import time

from .context import Context
from .errors import EXIT_OK
from .events_file import read_events
from .output import plural
from .progress import Progress

PROGRESS_THRESHOLD = 1000  # events; smaller files are ingested without a progress bar


def cmd_ingest(ctx: Context) -> int:
    args = ctx.args
    events = read_events(args.file, ctx.stdin)
    progress = Progress(ctx.err, len(events), enabled=len(events) >= PROGRESS_THRESHOLD and not ctx.json)
    chunk = args.batch_size * args.concurrency
    started, ids = time.monotonic(), []
    with ctx.data_client() as client:
        for start in range(0, len(events), chunk):
            part = events[start : start + chunk]
            ids += client.ingest_many(part, batch_size=args.batch_size, concurrency=args.concurrency).event_ids
            progress.update(len(ids))
    progress.finish()
    elapsed = time.monotonic() - started
    distinct = list(dict.fromkeys(ids))
    summary = {"events": len(events), "unique_ids": len(distinct), "seconds": round(elapsed, 3), "event_ids": ids}
    if ctx.json:
        ctx.emit(summary, lambda: None)
        return EXIT_OK
    print("\n".join(distinct), file=ctx.out)
    ctx.out.flush()
    repeated = len(events) - len(distinct)
    # The service returns an event's original id for a repeat within its dedup window, so distinct ids may
    # still include ids of events ingested earlier: they are "ids", never "new ids".
    line = f"Ingested {plural(len(events), 'event')} as {plural(len(distinct), 'id')} in {elapsed:.1f}s"
    line += f" ({len(events) / max(elapsed, 1e-9):.0f} events/s)"
    if repeated == 1:
        line += "; 1 event repeated an earlier one and shares its id"
    elif repeated:
        line += f"; {repeated} events repeated earlier ones and share their ids"
    print(f"{line}. The ids are on stdout; `memsy wait -` reads them from stdin.", file=ctx.err)
    return EXIT_OK
