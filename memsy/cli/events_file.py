"""Events from a JSON Lines file, every line checked before anything is sent; every bad line is reported with
``file:line`` (up to ``MAX_REPORTED`` of them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from .._generated import operations
from ..exceptions import MemsyValidationError
from .errors import UsageError

MAX_REPORTED = 20  # bad lines listed; a file with more gets a count of the rest
STDIN_NAME = "<stdin>"


def read_events(path: str, stdin: TextIO) -> list[dict[str, Any]]:
    """One event object per line; blank lines and ``#`` comments are skipped. Raises UsageError naming every
    bad line."""
    name = STDIN_NAME if path == "-" else path
    try:
        lines = stdin.read().splitlines() if path == "-" else Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"cannot read {name}: {reason}") from None
    events: list[dict[str, Any]] = []
    numbers: list[int] = []
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append((number, f"not valid JSON ({exc.msg}, column {exc.colno}); each line must be one event"))
            continue
        if not isinstance(event, dict):
            problems.append((number, f"expected a JSON object (one event), got a JSON {type(event).__name__}"))
            continue
        events.append(event)
        numbers.append(number)
    problems += _invalid_events(events, numbers)
    if problems:
        raise UsageError(_report(name, sorted(problems)))
    if not events:
        raise UsageError(f"{name} has no events (one JSON object per line)")
    return events


def _invalid_events(events: list[dict[str, Any]], numbers: list[int]) -> list[tuple[int, str]]:
    """The contract's rules, as the SDK applies them before sending an ingest (building the request checks every
    event, sends nothing); per line once the whole batch fails."""
    if not events:
        return []
    try:
        operations.ingest_events(events=events)
        return []
    except MemsyValidationError as whole:
        problems = []
        for event, number in zip(events, numbers, strict=True):
            try:
                operations.ingest_events(events=[event])
            except MemsyValidationError as exc:
                problems.append((number, _without_index(str(exc))))
        return problems or [(0, str(whole))]


def _without_index(message: str) -> str:
    """'events[0].kind must be ...' -> 'kind must be ...', 'events[0] has ...' -> 'event has ...': the line
    number says which event."""
    prefix = "events[0]"
    if not message.startswith(prefix):
        return message
    rest = message[len(prefix) :]
    return rest[1:] if rest.startswith(".") else "event" + rest


def _report(name: str, problems: list[tuple[int, str]]) -> str:
    count = len(problems)
    shown = problems[:MAX_REPORTED]
    head = f"{count} bad line{'' if count == 1 else 's'} in {name}; nothing was sent"
    if count > len(shown):
        head += f" (the first {len(shown)} below)"
    lines = [f"  {name}:{number}: {message}" if number else f"  {name}: {message}" for number, message in shown]
    return "\n".join([head + ":", *lines])
