"""Response headers in the contract: every response documents `X-Request-Id` (memsy.local sends it on every
answer); the usage and rate-limit headers are written out on each response that carries them, each a `$ref` to its
header component; and the document has no YAML anchors or aliases, so that any OpenAPI tool reads it as it is
(openapi-generator's YAML reader refuses a document with more than 50 aliases)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from .conftest import CONTRACT, contract, operations

HEADERS = "#/components/headers/"
RESPONSES = "#/components/responses/"
METERED_PREFIXES = ("X-Usage-", "X-Plan", "X-RateLimit-")
# Answered before the key is known (401) or by whatever failed (5XX): no usage or rate-limit headers.
UNMETERED_STATUSES = {"401", "5XX"}


def _metered() -> set[str]:
    return {name for name in contract()["components"]["headers"] if name.startswith(METERED_PREFIXES)}


def _responses() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(where, status, response) for every response of every operation, a shared response resolved."""
    for method, path, op in operations():
        for status, response in op["responses"].items():
            where = f"{method.upper()} {path} {status}"
            ref = response.get("$ref")
            if ref is not None:
                assert ref.startswith(RESPONSES), ref
                response = contract()["components"]["responses"][ref.removeprefix(RESPONSES)]
                where += f" ({ref.removeprefix(RESPONSES)})"
            yield where, str(status), response


def _header_maps() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every response's `headers` map: of the operations' own responses and of the shared ones."""
    for method, path, op in operations():
        for status, response in op["responses"].items():
            if "$ref" not in response:
                yield f"{method.upper()} {path} {status}", response.get("headers") or {}
    for name, response in contract()["components"]["responses"].items():
        yield f"{RESPONSES}{name}", response.get("headers") or {}


def test_the_contract_has_no_yaml_anchors_or_aliases() -> None:
    events = list(yaml.parse(CONTRACT.read_text(encoding="utf-8")))
    aliases = [f"line {e.start_mark.line + 1}: *{e.anchor}" for e in events if isinstance(e, yaml.AliasEvent)]
    anchors = [
        f"line {e.start_mark.line + 1}: &{e.anchor}"
        for e in events
        if isinstance(e, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)) and e.anchor
    ]
    assert aliases == [] and anchors == [], "\n".join(anchors + aliases)


def test_every_response_documents_the_request_id() -> None:
    walked = list(_responses())
    assert len(walked) > 3 * len(operations())  # every operation's own answer and its shared error answers
    assert {"401", "429", "5XX"} <= {status for _where, status, _response in walked}
    missing = [
        where
        for where, _status, response in walked
        if (response.get("headers") or {}).get("X-Request-Id") != {"$ref": f"{HEADERS}X-Request-Id"}
    ]
    assert missing == [], "responses without X-Request-Id:\n" + "\n".join(missing)


def test_every_response_header_is_a_ref_to_its_component() -> None:
    components = contract()["components"]["headers"]
    wrong = [
        f"{where}: {name}"
        for where, headers in _header_maps()
        for name, header in headers.items()
        if header != {"$ref": f"{HEADERS}{name}"} or name not in components
    ]
    assert wrong == [], "headers not written as a $ref to the component of their name:\n" + "\n".join(wrong)


def test_the_metered_headers_are_complete_wherever_they_are_documented() -> None:
    """Written out on each response (no alias shares one map), the set must not drift: every authenticated answer
    lists all usage and rate-limit headers, a 429 adds Retry-After, a 401 and a 5XX list only the request id."""
    metered = _metered()
    assert len(metered) == 14
    wrong = []
    for where, status, response in _responses():
        expected = {"X-Request-Id"} | (set() if status in UNMETERED_STATUSES else metered)
        if status == "429":
            expected.add("Retry-After")
        actual = set(response.get("headers") or {})
        if actual != expected:
            wrong.append(f"{where}: missing {sorted(expected - actual)}, unexpected {sorted(actual - expected)}")
    assert wrong == [], "\n".join(wrong)
