"""Checked by mypy --strict in tests/test_typing.py (never run): code written for memsy 0.3.5 that star-imports its
client modules sees every name they had, the models (resolved on first use at run time) included."""

from __future__ import annotations

from typing import assert_type

from memsy.client import *  # noqa: F403
from memsy.control import *  # noqa: F403


def star_imported(client: MemsyClient, control: MemsyControlClient) -> None:  # noqa: F405
    assert_type(client.memories, MemoriesResource)  # noqa: F405
    assert_type(control.keys, KeysResource)  # noqa: F405
    assert_type(client.health(), HealthResponse)  # noqa: F405
    assert_type(control.me(), MeResponse)  # noqa: F405
    assert_type(DEFAULT_MAX_RETRIES, int)  # noqa: F405
    events: list[EventPayload] = []  # noqa: F405
    assert_type(client.ingest(events), IngestResponse)  # noqa: F405
