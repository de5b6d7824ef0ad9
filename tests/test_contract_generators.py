"""The contract is generator-friendly (issue 15, point 1): 64-bit integers where values can pass 2^31, RFC 3339
response timestamps (read leniently by the SDK), a token-like bearerFormat, server variables with defaults,
UsageInfo / RateLimitInfo tied to their headers, and one error envelope that every documented shape instantiates.
(`make languages` checks the same envelope in generated clients.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator

from . import samples as s
from .conftest import Driver, contract
from .fakes import reply

INT32_MAX = 2**31 - 1


def _schemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema-like object in the contract (anything with a `type`), with its location."""
    if isinstance(node, dict):
        if "type" in node and not isinstance(node.get("type"), dict):
            yield where, node
        for key, value in node.items():
            yield from _schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schemas(value, f"{where}/{index}")


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema["type"]
    return set(kind) if isinstance(kind, list) else {kind}


def test_integers_that_can_pass_2_31_are_int64() -> None:
    unbounded = [
        where
        for where, schema in _schemas(contract())
        if "integer" in _types(schema)
        and schema.get("format") != "int64"
        and not (isinstance(schema.get("maximum"), int) and schema["maximum"] <= INT32_MAX)
    ]
    assert unbounded == [], "integers without int64 and without a 32-bit maximum:\n" + "\n".join(unbounded)


def _response_objects() -> Iterator[tuple[str, dict[str, Any]]]:
    """Component schemas used in responses (not the request bodies)."""
    requests = {"EventPayload", "IngestRequest", "StatusRequest", "SearchRequest", "CreateKeyRequest"}
    for name, schema in contract()["components"]["schemas"].items():
        if name not in requests and not name.endswith("Request"):
            yield name, schema


def test_response_timestamps_are_rfc3339() -> None:
    """Properties named like timestamps (`*_at`, `ts`) are date-time; calendar dates (`period_*`) are date."""
    wrong = []
    for name, schema in _response_objects():
        for prop, definition in (schema.get("properties") or {}).items():
            expected = (
                "date-time" if prop.endswith("_at") or prop == "ts" else "date" if prop.startswith("period_") else None
            )
            if expected and "string" in _types(definition) and definition.get("format") != expected:
                wrong.append(f"{name}.{prop}: {definition.get('format')} (expected {expected})")
    assert wrong == []


def test_the_sdk_reads_timestamps_leniently(sdk: Driver, fake: Any) -> None:
    """`format: date-time` describes what the service sends; the SDK still hands back the string it received."""
    fake.guard.check_responses = False  # the timestamp below is off-contract on purpose
    fake.queue(reply(200, s.memory(created_at="2026-05-01 09:30", observed_at="yesterday")))
    memory = sdk("memories.get", "mem_1")
    assert (memory.created_at, memory.observed_at) == ("2026-05-01 09:30", "yesterday")


def test_bearer_format_is_a_token() -> None:
    scheme = contract()["components"]["securitySchemes"]["bearerAuth"]
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", scheme["bearerFormat"]), scheme["bearerFormat"]


def test_server_variables_have_defaults_within_their_enums() -> None:
    variables = [v for server in contract()["servers"] for v in (server.get("variables") or {}).values()]
    assert variables, "the local server's URL is templated"
    for variable in variables:
        assert "default" in variable
        assert variable["default"] in variable.get("enum", [variable["default"]])
    assert any("enum" in v for v in variables)


@pytest.mark.parametrize(
    ("schema_name", "prefixes"), [("UsageInfo", ("X-Usage-", "X-Plan")), ("RateLimitInfo", ("X-RateLimit-",))]
)
def test_header_schemas_are_tied_to_their_headers(schema_name: str, prefixes: tuple[str, ...]) -> None:
    headers = contract()["components"]["headers"]
    properties = contract()["components"]["schemas"][schema_name]["properties"]
    tied = {definition["x-memsy-header"]: definition for definition in properties.values()}
    assert set(tied) == {name for name in headers if name.startswith(prefixes)}
    for header, definition in tied.items():
        expected = {k: v for k, v in headers[header]["schema"].items() if k != "description"}
        actual = {k: v for k, v in definition.items() if k in expected}
        assert actual == expected, f"{schema_name} property for {header} differs from the header's schema"


def _validator(schema_name: str) -> OAS31Validator:
    """A validator of one component schema; the contract is its root document, so `#/components/...` resolves."""
    return OAS31Validator({**contract(), "$ref": f"#/components/schemas/{schema_name}"})


def _response_examples() -> Iterator[tuple[str, Any]]:
    for name, response in contract()["components"]["responses"].items():
        for media in (response.get("content") or {}).values():
            if "example" in media:
                yield name, media["example"]
            for key, example in (media.get("examples") or {}).items():
                yield f"{name}/{key}", example["value"]


def test_every_documented_error_shape_is_an_error_response() -> None:
    examples = contract()["components"]["schemas"]["ErrorResponse"]["examples"]
    details = [type(e.get("detail")).__name__ for e in examples]
    assert {"str", "dict", "list", "NoneType"} <= set(details), "string, object, list and absent detail"
    assert any("error" in e and "detail" not in e for e in examples), "the flat shape"
    assert {"message"} in [set(e) for e in examples], "the gateway's own body"
    validator = _validator("ErrorResponse")
    for example in examples + [example for _name, example in _response_examples()]:
        problems = [error.message for error in validator.iter_errors(example)]
        assert problems == [], f"{example}: {problems}"


def test_the_error_envelope_is_one_object_type() -> None:
    """No anyOf/oneOf at the top of ErrorResponse: generators give it one type with a `detail` union."""
    envelope = contract()["components"]["schemas"]["ErrorResponse"]
    assert "anyOf" not in envelope and "oneOf" not in envelope
    detail = contract()["components"]["schemas"]["ErrorDetail"]["oneOf"]
    assert [d.get("type", "object") for d in detail] == ["string", "object", "array"]
