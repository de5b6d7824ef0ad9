"""Rendering: JSON for machines (``--json``), fixed-width tables and key/value pairs for people."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from typing import Any, TextIO

from ..models import SearchResult
from .times import readable


def to_plain(value: Any) -> Any:
    """A model as JSON-ready data (private fields left out, unpacked search sources included)."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_plain(getattr(value, f.name)) for f in fields(value) if not f.name.startswith("_")}
        if isinstance(value, SearchResult):
            data["source_events"] = to_plain(value.source_events)
            data["source_metadata"] = to_plain(value.source_metadata)
        return data
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def plural(count: int, noun: str) -> str:
    """``1 event``, ``2 events``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def seconds(value: float) -> str:
    """An option's number of seconds as typed: ``1 second``, ``0.5 seconds``."""
    return f"{value:g} second{'' if value == 1 else 's'}"


def write_json(data: Any, out: TextIO) -> None:
    json.dump(to_plain(data), out, indent=2, ensure_ascii=False)
    print(file=out)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], out: TextIO, *, wrap: int = 70) -> None:
    """A plain fixed-width table; long cells are cut to ``wrap`` characters."""
    cells = [[cell(c, wrap) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)
    if not cells:
        print("(none)", file=out)


def cell(value: Any, wrap: int) -> str:
    text = "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= wrap else text[: wrap - 3] + "..."


def pairs(data: dict[str, Any], out: TextIO) -> None:
    """``key  value`` lines; times (``*_at``, ``ts``) as people read them, nested values as JSON, an empty value
    (null or "") as ``-`` and a boolean as ``yes`` / ``no`` (``--json`` keeps null and the booleans)."""
    width = max(map(len, data), default=0)
    for key, value in data.items():
        if value is None or value == "":
            shown: Any = "-"
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, (dict, list)):
            shown = json.dumps(value, ensure_ascii=False)
        elif key.endswith("_at") or key == "ts":
            shown = readable(value)
        else:
            shown = value
        print(f"{key.ljust(width)}  {shown}", file=out)
