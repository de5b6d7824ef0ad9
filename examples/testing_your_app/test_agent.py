"""Testing an application against memsy.local with pytest: a real HTTP Memsy per test, no network, no account.

pytest examples/testing_your_app
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from memsy import MemsyClient, RateLimitExceeded
from memsy.local import LocalMemsy

from .agent import PreferenceAgent


@pytest.fixture
def memsy_server() -> Iterator[LocalMemsy]:
    with LocalMemsy(processing_delay=0.0) as server:  # a free loopback port, in-memory storage
        yield server


@pytest.fixture
def agent(memsy_server: LocalMemsy) -> Iterator[PreferenceAgent]:
    with MemsyClient(memsy_server.data_url, api_key=memsy_server.api_key, max_retries=0) as client:
        yield PreferenceAgent(client)


def test_the_agent_recalls_what_a_user_said(agent: PreferenceAgent) -> None:
    ids = agent.remember("ana", "I prefer aisle seats on night trains.")
    agent.client.wait_for(ids, timeout=10, poll_interval=0.05)
    assert agent.recall("ana", "aisle seats") == ["I prefer aisle seats on night trains."]
    assert agent.recall("ben", "aisle seats") == []  # memories are per actor


def test_the_agent_surfaces_rate_limits(agent: PreferenceAgent, memsy_server: LocalMemsy) -> None:
    memsy_server.faults.rate_limit(times=1, retry_after="30")  # script the failure the real service can send
    with pytest.raises(RateLimitExceeded) as caught:
        agent.recall("ana", "anything")
    assert caught.value.retry_after == 30.0
