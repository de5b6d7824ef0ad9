"""An asyncio agent loop: recall memories before answering, record the turn afterwards.

The "model" here is a stand-in that answers from recalled memories; swap in your LLM call. Runs against
MEMSY_BASE_URL / MEMSY_API_KEY, e.g.: memsy-local run -- python examples/async_agent.py
"""

from __future__ import annotations

import asyncio

from memsy import AsyncMemsyClient, EventKind, EventPayload, SearchResult

ACTOR, SESSION = "lin", "support-chat-7"


def answer(question: str, memories: list[SearchResult]) -> str:
    """Stand-in for an LLM call: use the best memory when there is one."""
    if not memories:
        return "Tell me more about what you like, and I will remember it."
    return f"Based on what you told me before ({memories[0].content!r}), here is my suggestion for: {question}"


async def turn(client: AsyncMemsyClient, question: str) -> str:
    recalled = await client.search(question, actor_id=ACTOR, limit=3)
    reply = answer(question, recalled.results)
    await client.ingest(
        [
            EventPayload(ACTOR, SESSION, EventKind.USER_MESSAGE, question),
            EventPayload(ACTOR, SESSION, EventKind.ASSISTANT_MESSAGE, reply),
        ]
    )
    return reply


async def main() -> None:
    async with AsyncMemsyClient() as client:
        first = await client.ingest(
            [EventPayload(ACTOR, SESSION, EventKind.USER_MESSAGE, "I love quiet hotels near parks.")]
        )
        await client.wait_for(first.event_ids, timeout=30, poll_interval=0.1)
        # Independent lookups run concurrently on one client.
        questions = ["Which hotel should I book?", "Any park nearby?"]
        replies = await asyncio.gather(*(turn(client, q) for q in questions))
        for question, reply in zip(questions, replies, strict=True):
            print(f"> {question}\n{reply}\n")
        usage = client.last_usage
        print(f"API calls this period: {usage.api_calls if usage else 'unknown'}")


if __name__ == "__main__":
    asyncio.run(main())
