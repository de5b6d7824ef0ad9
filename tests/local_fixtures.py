"""Fixtures that run memsy.local on a loopback port, with the contract checked on both sides of the wire."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

import memsy
from memsy.local import LocalMemsy

from .contract_guard import AsyncGuardedTransport, ContractGuard, GuardedTransport


@pytest.fixture
def server() -> Iterator[LocalMemsy]:
    """A fresh memsy.local (in memory, no processing delay) that validates its own responses."""
    with LocalMemsy(validate_responses=True, processing_delay=0.0) as local:
        yield local
        assert not local.violations, "memsy.local broke the contract:\n" + "\n".join(local.violations)


@pytest.fixture
def wire_guard() -> Iterator[ContractGuard]:
    guard = ContractGuard()
    yield guard
    assert not guard.violations, "contract violations on the wire:\n" + "\n".join(guard.violations)


def _counting(guard: ContractGuard, flavour: str) -> ContractGuard:
    """A guard sharing ``guard``'s violations that also counts operations for the coverage report."""
    return ContractGuard(violations=guard.violations, check_responses=guard.check_responses, coverage_flavour=flavour)


def connect(server: LocalMemsy, guard: ContractGuard, *, key: str | None = None, **options: Any) -> memsy.MemsyClient:
    transport = GuardedTransport(httpx.HTTPTransport(), _counting(guard, "sync"))
    return memsy.MemsyClient(server.data_url, api_key=key or server.api_key, transport=transport, **options)


def connect_control(
    server: LocalMemsy, guard: ContractGuard, *, key: str | None = None, **options: Any
) -> memsy.MemsyControlClient:
    transport = GuardedTransport(httpx.HTTPTransport(), _counting(guard, "sync"))
    return memsy.MemsyControlClient(server.control_url, api_key=key or server.api_key, transport=transport, **options)


@pytest.fixture
def local_client(server: LocalMemsy, wire_guard: ContractGuard) -> Iterator[memsy.MemsyClient]:
    with connect(server, wire_guard) as sdk:
        yield sdk


@pytest.fixture
def local_control(server: LocalMemsy, wire_guard: ContractGuard) -> Iterator[memsy.MemsyControlClient]:
    with connect_control(server, wire_guard) as sdk:
        yield sdk


@pytest_asyncio.fixture
async def local_aclient(server: LocalMemsy, wire_guard: ContractGuard) -> AsyncIterator[memsy.AsyncMemsyClient]:
    transport = AsyncGuardedTransport(httpx.AsyncHTTPTransport(), _counting(wire_guard, "async"))
    async with memsy.AsyncMemsyClient(server.data_url, api_key=server.api_key, transport=transport) as sdk:
        yield sdk


@pytest_asyncio.fixture
async def local_acontrol(server: LocalMemsy, wire_guard: ContractGuard) -> AsyncIterator[memsy.AsyncMemsyControlClient]:
    transport = AsyncGuardedTransport(httpx.AsyncHTTPTransport(), _counting(wire_guard, "async"))
    async with memsy.AsyncMemsyControlClient(server.control_url, api_key=server.api_key, transport=transport) as sdk:
        yield sdk
