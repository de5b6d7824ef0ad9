"""Parity of the SDK with the real contract: every response property is a model attribute and every parameter
an argument of the sync and the async method, except what the allowlists below say (and why)."""

from __future__ import annotations

import dataclasses
import inspect
import re
from typing import Any

import pytest
import yaml

import memsy
from memsy._generated import models as generated_models

from .conftest import ROOT, contract

OVERLAY = yaml.safe_load((ROOT / "sdk-overlay.yaml").read_text())

# Response schemas whose properties are not model attributes, and why.
NOT_MODELS = {
    "SearchResultMetadata": "an open bag kept whole as SearchResult.metadata, read through its typed accessors",
    "KeyUsageResponse": "keys.usage() returns the records of `usage` themselves",
    "ProInterestStatus": "interest.status() returns `expressed` as a bool",
}


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = contract()["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _response_schemas() -> set[str]:
    """Names of the object schemas a success response reaches."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "$ref" in node and node["$ref"].startswith("#/components/schemas/"):
                name = node["$ref"].rsplit("/", 1)[-1]
                if name not in found:
                    found.add(name)
                    walk(_resolve(node))
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for item in contract()["paths"].values():
        for op in item.values():
            if isinstance(op, dict):
                for code, response in op["responses"].items():
                    if code.startswith("2"):
                        walk(response)
    return {n for n in found if _resolve({"$ref": f"#/components/schemas/{n}"}).get("properties")}


@pytest.mark.parametrize("schema", sorted(_response_schemas()))
def test_every_response_property_is_a_model_attribute(schema: str) -> None:
    properties = contract()["components"]["schemas"][schema]["properties"]
    if schema in NOT_MODELS:
        assert not hasattr(generated_models, schema) or schema == "SearchResultMetadata", NOT_MODELS[schema]
        return
    model = getattr(generated_models, schema)
    attributes = {f.name for f in dataclasses.fields(model)}
    assert {_snake(p) for p in properties} <= attributes
    assert model._wire_names == frozenset(properties)  # every wire name known, so none lands in .extra
    assert model.__doc__, f"{schema} has no docstring"


def _operations() -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    found = []
    for item in contract()["paths"].values():
        common = item.get("parameters", [])
        for method, op in item.items():
            if method != "parameters":
                params = [_resolve_param(p) for p in common + op.get("parameters", [])]
                found.append((op["operationId"], op, params))
    return found


def _resolve_param(param: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in param:
        return contract()["components"]["parameters"][param["$ref"].rsplit("/", 1)[-1]]
    return param


@pytest.mark.parametrize(("op_id", "op", "params"), _operations(), ids=[o[0] for o in _operations()])
def test_every_parameter_and_body_field_is_an_argument_sync_and_async(
    op_id: str, op: dict[str, Any], params: list[dict[str, Any]]
) -> None:
    expected = {p["name"] for p in params}
    if "requestBody" in op:
        body = _resolve(op["requestBody"]["content"]["application/json"]["schema"])
        expected |= set(body.get("properties", {}))
    placement = OVERLAY["operations"][op_id]
    renames = placement.get("rename", {})
    expected = {renames.get(name, name) for name in expected}
    plane = "data" if op_id in _data_plane_ids() else "control"
    for flavour in ("sync", "async"):
        resource, _, method = placement["method"].rpartition(".")
        owner: Any = getattr(memsy, OVERLAY["clients"][plane][flavour])
        if resource:
            prefix = "Async" if flavour == "async" else ""
            owner = getattr(memsy._generated.resources, prefix + OVERLAY["resources"][resource]["class"])
        target = getattr(owner, method)
        arguments = set(inspect.signature(target).parameters) - {"self"}
        assert expected <= arguments, f"{flavour} {placement['method']} lacks {sorted(expected - arguments)}"
        assert {"timeout", "extra_headers", "extra_query"} <= arguments
        assert ("extra_body" in arguments) == ("requestBody" in op)


def _data_plane_ids() -> set[str]:
    return {
        op["operationId"]
        for path, item in contract()["paths"].items()
        if path.startswith("/v1")
        for method, op in item.items()
        if method != "parameters"
    }
