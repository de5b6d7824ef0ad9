"""Quickstart: ingest a conversation, wait for the memories, search them, browse them, check usage.

Runs against whatever MEMSY_BASE_URL / MEMSY_API_KEY point at. With no account, run it against a local Memsy:

    memsy-local run -- python examples/quickstart.py      (this is what `make demo` does)
"""

from __future__ import annotations

from memsy import EventKind, EventPayload, MemsyClient, MemsyControlClient

CONVERSATION = [
    EventPayload("ada", "trip-2026-05", EventKind.USER_MESSAGE, "I prefer window seats on long flights."),
    EventPayload("ada", "trip-2026-05", EventKind.ASSISTANT_MESSAGE, "Noted. I will book a window seat for Lisbon."),
    EventPayload("ada", "trip-2026-05", EventKind.USER_MESSAGE, "I am vegetarian, so please order veggie meals."),
    EventPayload("grace", "onboarding", EventKind.USER_MESSAGE, "My favourite airline is TAP. I always carry a bike."),
    EventPayload(
        "grace",
        "onboarding",
        EventKind.TOOL_RESULT,
        "Loyalty lookup: Grace is a TAP Miles&Go gold member.",
        metadata={"tool": "loyalty_lookup", "tier": "gold"},
    ),
]


def main() -> None:
    with MemsyClient() as client:  # base URL and key from MEMSY_BASE_URL / MEMSY_API_KEY
        print(f"Connected to {client.base_url}: {client.health().status}")

        ingested = client.ingest(CONVERSATION)
        print(f"\nIngested {len(ingested.event_ids)} events for 2 actors")

        status = client.wait_for(ingested.event_ids, timeout=30, poll_interval=0.2)
        print(f"Processed: {len(status.completed_ids)} completed, {len(status.failed_ids)} failed")

        print("\nWhat do we know about Ada's seating?")
        for hit in client.search("window seat", actor_id="ada", include_source_events=True):
            print(f"  {hit.score:.2f}  {hit.content}  [{hit.type}, strength {hit.strength}]")
            for source in hit.source_events or []:
                print(f"          from {source.kind}: {source.content!r}")

        print("\nAnything about airlines, across the org?")
        for hit in client.search("airline loyalty"):
            print(f"  {hit.score:.2f}  {hit.actor_id}: {hit.content}")
            for meta in hit.source_metadata or []:
                print(f"          event metadata: {meta.metadata or meta.raw}")

        print("\nMemories:")
        page = client.memories.list(limit=10)
        for memory in page:
            print(f"  {memory.scope.level:5} {memory.scope.actor_id or '-':6} {memory.type:10} {memory.text}")
        stats = client.memories.stats()
        print(f"  {stats.total_memories} memories, by type {stats.by_type}, avg confidence {stats.avg_confidence:.2f}")

        actors = client.actors.list(sort="actor_id_asc")
        print("\nActors: " + ", ".join(f"{a.actor_id} ({a.memory_count} memories)" for a in actors))

        usage, rate = page.usage, page.rate_limit
        if usage is not None:
            print(
                f"\nUsage this period ({usage.plan} plan): {usage.api_calls} API calls, "
                f"{usage.events_ingested} events ingested, {usage.search_queries} searches"
            )
        if rate is not None:
            print(f"Rate limit: {rate.remaining} of {rate.limit} requests left, window resets at {rate.reset}")

    with MemsyControlClient() as control:  # MEMSY_CONTROL_URL, or the same host as MEMSY_BASE_URL
        me = control.me()
        print(f"\nControl plane: {me.email} in {me.org_id} ({me.tier}, {me.org_role})")
        for dimension in control.usage.summary().dimensions:
            print(f"  {dimension.dimension:16} {dimension.used:>6} / {dimension.limit}")
        keys = control.keys.list()
        print(f"  {keys.active_count} active API key(s) of {keys.max_keys} allowed")


if __name__ == "__main__":
    main()
