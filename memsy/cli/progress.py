"""The ingest progress bar: redrawn in place with ``\\r``, so it is drawn only on a terminal."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 30


class Progress:
    def __init__(self, out: TextIO, total: int, *, enabled: bool) -> None:
        self._out, self._total, self._started = out, total, time.monotonic()
        self.enabled = enabled and _is_terminal(out)

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        filled = int(WIDTH * done / self._total)
        rate = done / max(time.monotonic() - self._started, 1e-9)
        bar = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{self._total} events ({rate:.0f}/s)"
        print(f"\r{bar}", end="", file=self._out, flush=True)

    def finish(self) -> None:
        if self.enabled:
            print(file=self._out, flush=True)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False
