"""Recorded, contract-valid bodies the in-process transport serves (and the data memsy.local is seeded with)."""

from __future__ import annotations

import json
from typing import Any

TS = "2026-05-01T09:30:00.000Z"
WORDS = [
    "window",
    "seats",
    "travel",
    "flights",
    "vegetarian",
    "meals",
    "loyalty",
    "gold",
    "member",
    "bike",
    "airline",
    "lisbon",
    "porto",
    "train",
    "coffee",
    "tea",
    "hotel",
    "quiet",
    "room",
    "early",
    "checkin",
    "late",
    "checkout",
    "aisle",
    "upgrade",
    "lounge",
    "visa",
    "passport",
    "budget",
    "invoice",
    "policy",
    "manager",
    "approval",
    "weekend",
    "conference",
    "keynote",
    "speaker",
    "slides",
    "deadline",
    "project",
    "launch",
    "customer",
    "feedback",
    "roadmap",
]


def text_for(i: int, words: int = 8) -> str:
    return " ".join(WORDS[(i * 7 + k * 13) % len(WORDS)] for k in range(words)) + f" (note {i})."


def event_batch(seed: int, size: int) -> list[dict[str, Any]]:
    return [
        {
            "actor_id": f"user_{(seed + i) % 50}",
            "session_id": f"session_{seed % 10}",
            "kind": "user_message",
            "content": f"I prefer window seats when I travel, request {seed}-{i}.",
            "metadata": '{"channel":"web"}',
        }
        for i in range(size)
    ]


def _result(i: int) -> dict[str, Any]:
    return {
        "id": f"5f0c2a1e-0000-4000-8000-{i:012d}",
        "content": text_for(i),
        "score": round(1.0 - i * 0.05, 3),
        "metadata": {
            "type": "preference",
            "kind": "semantic",
            "strength": 1.4,
            "confidence": 0.91,
            "tags": ["travel", "seats"],
            "entities": [{"name": "Lisbon", "type": "entity"}],
            "observed_at": TS,
            "actor_id": "user_1",
            "session_id": "session_1",
            "source_event_ids": [f"01JK7Q3W9ZJ4V2M8X5N1B6C0{i:02d}", f"01JK7Q3W9ZJ4V2M8X5N1B6C1{i:02d}"],
            "source_events": [
                {
                    "event_id": f"01JK7Q3W9ZJ4V2M8X5N1B6C0{i:02d}",
                    "kind": "user_message",
                    "content": text_for(i),
                    "ts": TS,
                },
                {
                    "event_id": f"01JK7Q3W9ZJ4V2M8X5N1B6C1{i:02d}",
                    "kind": "assistant_message",
                    "content": "Noted.",
                    "ts": TS,
                },
            ],
            "source_metadata": [{"event_id": f"01JK7Q3W9ZJ4V2M8X5N1B6C0{i:02d}", "metadata": {"channel": "web"}}],
        },
    }


STATUS_IDS = [f"01JK7Q3W9ZJ4V2M8X5N1B6{i:04d}" for i in range(100)]
SEARCH_BODY = json.dumps({"results": [_result(i) for i in range(10)]}).encode()
INGEST_BODY = json.dumps({"event_ids": [f"01JK7Q3W9ZJ4V2M8X5N1B6D{i:03d}" for i in range(20)]}).encode()
STATUS_BODY = json.dumps(
    {
        "completedIds": STATUS_IDS[:90],
        "failedIds": STATUS_IDS[90:95],
        "pendingIds": STATUS_IDS[95:],
        "total": 100,
        "statuses": {
            i: ("completed" if n < 90 else "failed" if n < 95 else "pending") for n, i in enumerate(STATUS_IDS)
        },
    }
).encode()
HEADERS = {
    "content-type": "application/json",
    "x-usage-apicalls": "41",
    "x-usage-apicalls-limit": "100000",
    "x-usage-eventsingested": "1200",
    "x-usage-eventsingested-limit": "500000",
    "x-plan": "pro",
    "x-ratelimit-limit": "100000",
    "x-ratelimit-remaining": "99959",
    "x-ratelimit-reset": "1780272000",
}
