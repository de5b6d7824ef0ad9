"""Scripted faults over HTTP: applying the fault a request drew (:func:`apply_fault`) and the local-only
``POST /_local/faults`` / ``DELETE /_local/faults`` endpoint that scripts them (outside the contract).

A fault scripted over HTTP applies only to requests made with a key of the org that scripted it, and ``DELETE``
clears only that org's faults: one tenant of a shared memsy.local cannot disturb another. Scripting needs an
admin key, and a server started with ``http_faults=False`` refuses it altogether.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

from .errors import coded, entry, validation_failed
from .faults import Fault, FaultInjector
from .store import ApiKey
from .transport import DropConnection, HttpResponse, Send, json_response
from .validation import decode_json

FAULT_KINDS = ("respond", "slow", "drop")
MAX_SLOW_SECONDS = 300.0
MAX_TIMES = 1_000_000


async def apply_fault(fault: Fault, send: Send) -> HttpResponse | None:
    """What the request gets instead of its normal answer (None for ``slow``: served normally, later)."""
    if fault.kind == "slow":
        await asyncio.sleep(fault.seconds)
        return None
    if fault.kind == "drop":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1000")]})
        await send({"type": "http.response.body", "body": b'{"partial":', "more_body": True})
        raise DropConnection("scripted connection drop")
    if fault.text is not None:
        return HttpResponse(fault.status, fault.text.encode("utf-8"), dict(fault.headers), "text/html")
    return json_response(fault.status, fault.body, fault.headers)


def script_fault(faults: FaultInjector, key: ApiKey, method: str, body: bytes, allowed: bool) -> HttpResponse:
    """``POST /_local/faults`` adds a fault for the key's org (body: the fields of :class:`Fault`);
    ``DELETE`` removes the org's faults."""
    if not allowed:
        raise coded(403, "faults_disabled", "This memsy.local was started without faults over HTTP.")
    if not key.is_admin:
        raise coded(403, "admin_required", "Scripting faults needs an admin key.")
    if method == "DELETE":
        faults.clear(key.org_id)
        return json_response(204, None)
    if method != "POST":
        return json_response(405, {"detail": "Method Not Allowed"}, {"Allow": "DELETE, POST"})
    spec = decode_json(body) if body else {}
    faults.add(_fault(spec, key.org_id))
    return json_response(200, {"pending": faults.pending_for(key.org_id)})


def _fault(spec: Any, org_id: str) -> Fault:
    """A Fault from the request body, every field checked (a fault must never make the server fail later)."""
    if not isinstance(spec, dict):
        raise validation_failed([entry(["body"], "Input should be an object", "dict_type")])
    problems: list[dict[str, Any]] = []

    def check(name: str, ok: bool, message: str) -> None:
        if name in spec and not ok:
            problems.append(entry(["body", name], message))

    known = {"kind", "times", "path", "status", "body", "text", "headers", "seconds"}
    problems.extend(entry(["body", name], "Unknown field", "extra_forbidden") for name in spec if name not in known)
    if spec.get("kind") not in FAULT_KINDS:
        problems.append(entry(["body", "kind"], f"Input should be one of {', '.join(FAULT_KINDS)}"))
    times: Any = spec.get("times")
    status: Any = spec.get("status")
    seconds: Any = spec.get("seconds")
    check("times", _is_int(times) and 1 <= times <= MAX_TIMES, f"Input should be an integer from 1 to {MAX_TIMES}")
    check("status", _is_int(status) and 100 <= status <= 599, "Input should be an HTTP status from 100 to 599")
    check(
        "seconds",
        _is_number(seconds) and 0 <= seconds <= MAX_SLOW_SECONDS,
        f"Input should be a number of seconds from 0 to {MAX_SLOW_SECONDS:g}",
    )
    check("path", spec.get("path") is None or isinstance(spec.get("path"), str), "Input should be a string")
    check("text", spec.get("text") is None or isinstance(spec.get("text"), str), "Input should be a string")
    headers = spec.get("headers", {})
    check("headers", _header_map(headers), "Input should map header names to values (Latin-1, no line breaks)")
    if problems:
        raise validation_failed(problems)
    fields = {name: value for name, value in spec.items() if value is not None}
    return Fault(**fields, org_id=org_id)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(value)


def _header_map(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    for name, text in value.items():
        if not (isinstance(text, str) and name and _latin1_line(name) and _latin1_line(text)):
            return False
        if not all(c.isalnum() or c in "-_" for c in name):
            return False
    return True


def _latin1_line(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return "\r" not in text and "\n" not in text and "\x00" not in text
