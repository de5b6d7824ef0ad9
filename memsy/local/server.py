"""Running memsy.local in-process on a free loopback port (:class:`LocalMemsy`); the command line is in ``cli``."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

from .._generated import PLANE_PATHS
from .app import LocalConfig, LocalMemsyApp
from .faults import FaultInjector
from .store import Store
from .transport import http_protocol

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


class LocalMemsy:
    """A memsy.local server on 127.0.0.1, for tests and local development.

    >>> with LocalMemsy() as server:                                    # doctest: +SKIP
    ...     client = MemsyClient(server.data_url, api_key=server.api_key)

    Args:
        port: 0 picks a free port.
        db: SQLite path; ``":memory:"`` keeps everything in memory.
        config: plan, processing delay, billing, validation and limit settings.
        api_key: the admin key to accept. When None, the server's own admin key: made on first start and kept in
            the database, so a server restarted on the same ``db`` file has the same key.
        log_level: uvicorn's log level.
    """

    def __init__(
        self,
        *,
        port: int = 0,
        db: str = ":memory:",
        config: LocalConfig | None = None,
        api_key: str | None = None,
        log_level: str = "warning",
        **config_options: Any,
    ) -> None:
        if config is None:
            config = LocalConfig(**config_options)
        elif config_options:
            raise TypeError("pass either config= or individual settings, not both")
        self.store = Store(db)
        self.app = LocalMemsyApp(self.store, config)
        self.port = port or free_port()
        if api_key is None:
            self.api_key = self.store.bootstrap_key(config.org_id)
        else:
            self.store.ensure_key(config.org_id, api_key)
            self.api_key = api_key
        self._server = uvicorn.Server(
            uvicorn.Config(
                self.app.asgi,
                host=LOOPBACK,
                port=self.port,
                log_level=log_level,
                lifespan="off",
                http=http_protocol(),  # uvicorn's own, answering malformed requests in the service's error shape
                access_log=False,  # per-request work for nothing: the log level hides it anyway
                proxy_headers=False,  # a loopback server has no proxy in front
            )
        )
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The host URL (both planes live under it)."""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def data_url(self) -> str:
        """Base URL of the data plane, for :class:`memsy.MemsyClient`."""
        return self.url + PLANE_PATHS["data"]

    @property
    def control_url(self) -> str:
        """Base URL of the control plane, for :class:`memsy.MemsyControlClient`."""
        return self.url + PLANE_PATHS["control"]

    @property
    def faults(self) -> FaultInjector:
        """The fault injector of this server (faults scripted here apply to every org)."""
        return self.app.faults

    @property
    def violations(self) -> list[str]:
        """Contract violations of the responses served (with ``validate_responses=True``)."""
        return self.app.violations

    def create_key(
        self,
        *,
        org_id: str | None = None,
        scopes: tuple[str, ...] = ("read", "write"),
        admin: bool = False,
        seat: bool = False,
    ) -> str:
        """Create a key and return its secret: of the server's org, or of ``org_id`` (any name: an org exists as
        soon as it has a key), so that tests can act as several tenants.

        >>> other = server.create_key(org_id="org_other", admin=True, seat=True)   # doctest: +SKIP
        """
        _, raw = self.store.create_key(
            org_id or self.app.config.org_id, "test-key", scopes=scopes, admin=admin, seat=seat
        )
        self.app.keys.forget()
        return raw

    def process_pending(self, timeout: float = 10.0) -> None:
        """Block until every ingested event has been processed (regardless of the processing delay)."""
        deadline = time.monotonic() + timeout
        while self.store.pending_count():
            if time.monotonic() > deadline:
                raise TimeoutError("events still pending")
            if not self.app.worker.run_once():
                time.sleep(0.01)

    def start(self) -> LocalMemsy:
        self.app.worker.start()
        self._thread = threading.Thread(target=self._server.run, name="memsy-local-http", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"memsy.local did not start on {self.url}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self.app.close()

    def __enter__(self) -> LocalMemsy:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
