"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import memsy
from memsy import _retry

pytest_plugins = ["tests.local_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def contract() -> dict[str, Any]:
    """The parsed contract."""
    return yaml.safe_load(CONTRACT.read_text())


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every operation of the contract."""
    return [
        (method, path, op)
        for path, item in contract()["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]


def snake_case(name: str) -> str:
    """operationId -> Python module name, as openapi-python-client spells it."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# ------------------------------------------------------------------------------------------------- SDK fixtures

API_KEY = "msy_0123456789abcdef0123456789abcdef"
DATA_URL = "https://api.memsy.io/v1"
CONTROL_URL = "https://api.memsy.io/api"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MEMSY_API_KEY", "MEMSY_BASE_URL", "MEMSY_CONTROL_URL", "MEMSY_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Waits requested by the retry and polling loops, recorded instead of slept."""
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_retry, "sleep", waits.append)
    monkeypatch.setattr(_retry, "async_sleep", async_sleep)
    return waits


@pytest.fixture
def fake() -> Iterator[object]:
    from .fakes import FakeMemsy

    server = FakeMemsy()
    yield server
    assert not server.guard.violations, "contract violations:\n" + "\n".join(server.guard.violations)


class Driver:
    """Runs the same scenario through the blocking or the asyncio client."""

    def __init__(self, client: object, is_async: bool) -> None:
        self.client = client
        self.is_async = is_async
        self.loop = asyncio.new_event_loop() if is_async else None

    def __call__(self, path: str, *args: object, **kwargs: object) -> object:
        target = self.client
        for part in path.split("."):
            target = getattr(target, part)
        result = target(*args, **kwargs)  # type: ignore[operator]
        if self.loop is not None and inspect.isawaitable(result):
            return self.loop.run_until_complete(result)
        return result

    def drain(self, path: str, *args: object, **kwargs: object) -> list[object]:
        """Collect an iterator (sync) or async iterator (async) method."""
        iterator = self(path, *args, **kwargs)
        if self.loop is None:
            return list(iterator)  # type: ignore[call-overload]

        async def collect() -> list[object]:
            return [item async for item in iterator]  # type: ignore[attr-defined]

        return self.loop.run_until_complete(collect())

    def close(self) -> None:
        result = self.client.close()  # type: ignore[attr-defined]
        if self.loop is not None:
            self.loop.run_until_complete(result)
            self.loop.close()


def make_driver(kind: str, plane: str, fake: object, **options: object) -> Driver:
    is_async = kind == "async"
    cls = {
        ("data", False): memsy.MemsyClient,
        ("data", True): memsy.AsyncMemsyClient,
        ("control", False): memsy.MemsyControlClient,
        ("control", True): memsy.AsyncMemsyControlClient,
    }[(plane, is_async)]
    transport = fake.async_transport() if is_async else fake.transport()  # type: ignore[attr-defined]
    url = DATA_URL if plane == "data" else CONTROL_URL
    return Driver(cls(url, api_key=API_KEY, transport=transport, **options), is_async)


@pytest.fixture(params=["sync", "async"])
def sdk(request: pytest.FixtureRequest, fake: object, sleeps: list[float]) -> Iterator[Driver]:
    """The data-plane client, once blocking and once asyncio."""
    driver = make_driver(request.param, "data", fake)
    yield driver
    driver.close()


@pytest.fixture(params=["sync", "async"])
def control(request: pytest.FixtureRequest, fake: object, sleeps: list[float]) -> Iterator[Driver]:
    """The control-plane client, once blocking and once asyncio."""
    driver = make_driver(request.param, "control", fake)
    yield driver
    driver.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "coverage_gate: runs after every other test (operation coverage report)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The operation-coverage gate needs the rest of the suite to have run first."""
    items.sort(key=lambda item: item.get_closest_marker("coverage_gate") is not None)
