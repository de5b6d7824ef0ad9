"""A tiny "application" to test: it remembers what users say and recalls it."""

from __future__ import annotations

from memsy import EventKind, EventPayload, MemsyClient


class PreferenceAgent:
    def __init__(self, client: MemsyClient) -> None:
        self.client = client

    def remember(self, user: str, message: str) -> list[str]:
        return self.client.ingest([EventPayload(user, "chat", EventKind.USER_MESSAGE, message)]).event_ids

    def recall(self, user: str, topic: str) -> list[str]:
        return [hit.content for hit in self.client.search(topic, actor_id=user, limit=5)]
