"""What a running command works with: its options, its streams, and the clients it builds from them."""

from __future__ import annotations

import argparse
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

from .. import RetryPolicy
from ..client import MemsyClient
from ..control import MemsyControlClient
from ..exceptions import MemsyValidationError
from .errors import UsageError
from .output import write_json

API_KEY_VARIABLE = "MEMSY_API_KEY"
ClientT = TypeVar("ClientT", MemsyClient, MemsyControlClient)


class Context:
    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> None:
        self.args, self.out, self.err, self.stdin = args, out, err, stdin
        self.started = time.monotonic()
        self._clients: list[MemsyClient | MemsyControlClient] = []

    @property
    def json(self) -> bool:
        return bool(self.args.json)

    @property
    def verbosity(self) -> int:
        return int(self.args.verbose or 0)

    @property
    def http_timeout(self) -> float:
        return float(self.args.http_timeout)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def emit(self, data: Any, render: Callable[[], None]) -> None:
        """``data`` as JSON with ``--json``, else whatever ``render`` prints for people."""
        if self.json:
            write_json(data, self.out)
        else:
            render()

    # ---------------------------------------------------------------------------------------------- clients

    def data_client(self) -> MemsyClient:
        return self._remember(MemsyClient, self.args.base_url)

    def control_client(self) -> MemsyControlClient:
        return self._remember(MemsyControlClient, self.args.control_url or self.args.base_url)

    def _remember(self, kind: type[ClientT], url: str | None) -> ClientT:
        try:
            client = kind(url, api_key=self._api_key(), timeout=self.http_timeout)
        except MemsyValidationError as exc:
            raise UsageError(f"{exc} (from --base-url / --control-url or MEMSY_BASE_URL / MEMSY_CONTROL_URL)") from None
        self._clients.append(client)
        return client

    def _api_key(self) -> str:
        key = self.args.api_key if self.args.api_key is not None else os.environ.get(API_KEY_VARIABLE)
        if not key or not key.strip():
            raise UsageError(f"no API key: set {API_KEY_VARIABLE}=msy_... in the environment, or pass --api-key")
        return key

    def url_tried(self) -> str:
        return self._clients[-1].base_url if self._clients else "the service"

    def url_setting(self) -> str:
        """What sets the URL tried, for a hint: the control plane's variable and option for a control-plane
        command, and where its URL came from when neither was given."""
        tried = self.url_tried()
        if not (self._clients and isinstance(self._clients[-1], MemsyControlClient)):
            return f"MEMSY_BASE_URL (or --base-url; tried {tried})"
        if self.args.control_url:
            origin = ""
        elif self.args.base_url:
            origin = ", from the host of --base-url"
        elif os.environ.get("MEMSY_CONTROL_URL", "").strip():
            origin = ""
        elif os.environ.get("MEMSY_BASE_URL", "").strip():
            origin = ", from the host of MEMSY_BASE_URL"
        else:
            origin = ", the default"
        return f"MEMSY_CONTROL_URL (or --control-url; tried {tried}{origin})"

    def max_retries(self) -> int:
        """Retries a rate-limited request was allowed (the policy of the last client built)."""
        policy: RetryPolicy = self._clients[-1].retry_policy if self._clients else RetryPolicy()
        return policy.max_retries


@contextmanager
def sdk_log(err: TextIO, verbosity: int) -> Iterator[None]:
    """With ``-v``, the SDK's retries (INFO on the ``memsy`` logger) go to ``err`` as they happen; with ``-vv``
    every request too (DEBUG)."""
    if verbosity <= 0:
        yield
        return
    logger = logging.getLogger("memsy")
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level = logging.INFO if verbosity == 1 else logging.DEBUG
    handler.setLevel(level)
    previous = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
