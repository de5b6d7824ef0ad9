"""Event ids from the command line, where ``-`` stands for the ids on stdin (whitespace-separated, as
``memsy ingest`` prints them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from .errors import UsageError


def gather(values: Sequence[str], stdin: TextIO) -> list[str]:
    """The ids in order, ``-`` replaced by those read from stdin, each id once."""
    ids: list[str] = []
    for value in values:
        if value != "-":
            ids.append(value)
            continue
        from_stdin = stdin.read().split()
        if not from_stdin:
            raise UsageError("no event ids on stdin (expected ids separated by spaces or newlines)")
        ids += from_stdin
    return list(dict.fromkeys(ids))
