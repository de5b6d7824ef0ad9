"""The ``memsy`` command line: poke at a Memsy service (or memsy.local) from a terminal.

Configuration comes from MEMSY_API_KEY / MEMSY_BASE_URL / MEMSY_CONTROL_URL, or the global options, which work
before or after the command. Output is a readable table, or JSON with --json. Exit codes: 0 success, 2 usage or
input error, 3 the API answered with an error, 4 no answer (connection or timeout), 5 ``wait`` timed out,
130 interrupted, 141 the output pipe was closed (``memsy ... | head``).
"""

from .errors import (
    EXIT_API,
    EXIT_BROKEN_PIPE,
    EXIT_CONNECTION,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WAIT_TIMEOUT,
    UsageError,
)
from .parser import build_parser
from .runner import main

__all__ = [
    "EXIT_API",
    "EXIT_BROKEN_PIPE",
    "EXIT_CONNECTION",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WAIT_TIMEOUT",
    "UsageError",
    "build_parser",
    "main",
]
