"""Backfill a chat history from a JSON Lines file: validate everything first, send in concurrent batches, and
report which events were stored if a batch fails.

    memsy-local run -- python examples/bulk_backfill.py examples/data/history.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from memsy import IngestManyError, MemsyClient, MemsyValidationError


def load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(path: str) -> int:
    events = load(Path(path))
    with MemsyClient() as client:
        started = time.monotonic()
        try:
            result = client.ingest_many(events, batch_size=100, concurrency=4)
        except MemsyValidationError as exc:  # nothing was sent
            print(f"fix the file first: {exc}", file=sys.stderr)
            return 2
        except IngestManyError as exc:  # some batches were stored: safe to re-run within 60 s (dedup)
            stored = sum(event_id is not None for event_id in exc.event_ids)
            print(f"{stored} of {len(events)} stored; {len(exc.errors)} batch(es) failed: {exc}", file=sys.stderr)
            return 1
        elapsed = time.monotonic() - started
        print(f"backfilled {len(result.event_ids)} events in {elapsed:.2f}s")
        final = client.wait_for(result.event_ids, timeout=60, poll_interval=0.2)
        print(f"processed: {len(final.completed_ids)} completed, {len(final.failed_ids)} failed")
        for hit in client.search("favourite", limit=3):
            print(f"  {hit.actor_id}: {hit.content}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent / "data" / "history.jsonl")))
