"""The operations of openapi.yaml, compiled once for memsy.local: how a request is routed to one, which parameters
and body it takes (with their validators and defaults), whether it needs a key, and which scope.

Nothing here is restated from the contract: paths, parameters, schemas, defaults, security and each operation's
``x-memsy-required-scope`` are read from it when the module first needs them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jsonschema_rs

from .contract import load_contract

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUIRED_SCOPE = "x-memsy-required-scope"
SCOPE_LEVELS = ("none", "read", "write", "admin")
"""Values of ``x-memsy-required-scope``: ``none`` (any key, or none where the operation's security allows it),
``read`` / ``write`` (the key needs that scope), ``admin`` (an org admin key, which like any key also needs
``read`` for a GET and ``write`` for anything else)."""


class ContractError(Exception):
    """openapi.yaml lacks something memsy.local needs (raised when the operations are compiled)."""


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    type: str
    """The schema's JSON type (``string`` or ``integer`` in this contract): how the text on the wire is read."""
    validator: Any
    has_default: bool
    default: Any


@dataclass(frozen=True)
class Body:
    required: bool
    validator: Any
    defaults: dict[str, Any]
    """Top-level properties the schema gives a default, filled in when the request leaves them out."""
    secrets: frozenset[str] = frozenset()
    """Top-level properties that hold a secret (``format: password``): their values are never quoted back."""


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    required_scope: str
    authenticated: bool
    """False when the operation's security allows a request without a key."""
    path_parameters: tuple[Parameter, ...]
    query_parameters: tuple[Parameter, ...]
    body: Body | None
    tags: tuple[str, ...] = ()


@dataclass
class Match:
    operation: Operation
    raw_path_params: dict[str, str]


@dataclass
class NoMatch:
    status: int
    """404 (no such path) or 405 (the path exists, the method does not)."""
    allowed: tuple[str, ...] = ()


@dataclass
class _Template:
    segments: tuple[str | None, ...]
    names: tuple[str, ...]
    by_method: dict[str, Operation] = field(default_factory=dict)


class Operations:
    """Every operation of the contract and the router over their paths (concrete paths win over templated ones,
    as OpenAPI specifies). Paths are matched on their raw, still percent-encoded form, so an id containing an
    encoded ``/`` stays one segment."""

    def __init__(self, contract: dict[str, Any]) -> None:
        self._components = contract.get("components", {})
        self._root = {"components": self._components}
        self.by_id: dict[str, Operation] = {}
        self._static: dict[str, dict[str, Operation]] = {}
        self._templates: list[_Template] = []
        default_security = contract.get("security", [])
        for path, item in contract.get("paths", {}).items():
            shared = item.get("parameters", [])
            template = _Template(*self._parse_template(path))
            for method, spec in item.items():
                if method not in HTTP_METHODS:
                    continue
                operation = self._compile(path, method, spec, shared, default_security)
                self.by_id[operation.operation_id] = operation
                if template.names:
                    template.by_method[operation.method] = operation
                else:
                    self._static.setdefault(path, {})[operation.method] = operation
            if template.names:
                self._templates.append(template)
        # More concrete segments first, so /v1/console/memories/stats wins over /v1/console/memories/{memory_id}.
        self._templates.sort(key=lambda t: -sum(s is not None for s in t.segments))

    # ------------------------------------------------------------------------------------------------ routing

    def match(self, method: str, raw_path: str) -> Match | NoMatch:
        methods = self._static.get(raw_path)
        if methods is not None:
            operation = methods.get(method)
            if operation is None:
                return NoMatch(405, tuple(sorted(methods)))
            return Match(operation, {})
        parts = raw_path.split("/")
        allowed: set[str] = set()
        for template in self._templates:
            if len(template.segments) != len(parts):
                continue
            values = []
            for expected, actual in zip(template.segments, parts, strict=True):
                if expected is None:
                    if not actual:
                        break
                    values.append(actual)
                elif expected != actual:
                    break
            else:
                operation = template.by_method.get(method)
                if operation is None:
                    allowed.update(template.by_method)
                    continue
                return Match(operation, dict(zip(template.names, values, strict=True)))
        return NoMatch(405, tuple(sorted(allowed))) if allowed else NoMatch(404)

    @staticmethod
    def _parse_template(path: str) -> tuple[tuple[str | None, ...], tuple[str, ...]]:
        segments: list[str | None] = []
        names: list[str] = []
        for part in path.split("/"):
            if part.startswith("{") and part.endswith("}"):
                segments.append(None)
                names.append(part[1:-1])
            else:
                segments.append(part)
        return tuple(segments), tuple(names)

    # -------------------------------------------------------------------------------------------- compilation

    def _compile(
        self, path: str, method: str, spec: dict[str, Any], shared: list[Any], default_security: list[Any]
    ) -> Operation:
        operation_id = spec.get("operationId") or f"{method.upper()} {path}"
        scope = spec.get(REQUIRED_SCOPE)
        if scope not in SCOPE_LEVELS:
            raise ContractError(f"{operation_id}: {REQUIRED_SCOPE} must be one of {SCOPE_LEVELS}, not {scope!r}")
        security = spec.get("security", default_security)
        parameters = {}
        for raw in [*shared, *spec.get("parameters", [])]:
            parameter = self._parameter(self._resolve(raw))
            parameters[(parameter.location, parameter.name)] = parameter  # operation-level entries win
        return Operation(
            operation_id=operation_id,
            method=method.upper(),
            path=path,
            required_scope=scope,
            authenticated=bool(security) and all(requirement for requirement in security),
            path_parameters=tuple(p for p in parameters.values() if p.location == "path"),
            query_parameters=tuple(p for p in parameters.values() if p.location == "query"),
            body=self._body(spec.get("requestBody")),
            tags=tuple(spec.get("tags", ())),
        )

    def _parameter(self, spec: dict[str, Any]) -> Parameter:
        schema = self._resolve(spec.get("schema", {}))
        if spec["in"] not in ("path", "query"):
            raise ContractError(f"parameter {spec['name']!r}: memsy.local reads path and query parameters only")
        return Parameter(
            name=spec["name"],
            location=spec["in"],
            required=bool(spec.get("required", spec["in"] == "path")),
            type=str(schema.get("type", "string")),
            validator=self._validator(spec["schema"]),
            has_default="default" in schema,
            default=schema.get("default"),
        )

    def _body(self, spec: dict[str, Any] | None) -> Body | None:
        if spec is None:
            return None
        spec = self._resolve(spec)
        media = spec.get("content", {}).get("application/json")
        if media is None:
            raise ContractError("memsy.local reads application/json request bodies only")
        schema = self._resolve(media.get("schema", {}))
        defaults = {
            name: self._resolve(prop)["default"]
            for name, prop in schema.get("properties", {}).items()
            if "default" in self._resolve(prop)
        }
        secrets = frozenset(
            name
            for name, prop in schema.get("properties", {}).items()
            if self._resolve(prop).get("format") == "password"
        )
        return Body(bool(spec.get("required")), self._validator(media.get("schema", {})), defaults, secrets)

    def _validator(self, schema: dict[str, Any]) -> Any:
        document = copy.deepcopy(schema)
        if "$ref" in repr(schema):  # references resolve against the contract's components
            document = {**self._root, **document}
        return jsonschema_rs.validator_for(document, validate_formats=True)

    def _resolve(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            reference = node["$ref"]
            if not reference.startswith("#/"):
                raise ContractError(f"external reference {reference!r}")
            node = self._root
            for part in reference[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            seen += 1
            if seen > 50:
                raise ContractError(f"reference loop at {reference!r}")
        return node


@cache
def operations() -> Operations:
    """The contract's operations (compiled once per process)."""
    return Operations(load_contract())


def copy_default(value: Any) -> Any:
    """A default the handler may change without changing the contract's."""
    return copy.deepcopy(value) if isinstance(value, (list, dict)) else value
