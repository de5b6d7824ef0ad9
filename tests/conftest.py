"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def contract() -> dict[str, Any]:
    """The parsed contract."""
    return yaml.safe_load(CONTRACT.read_text())


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every operation of the contract."""
    return [
        (method, path, op)
        for path, item in contract()["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]


def snake_case(name: str) -> str:
    """operationId -> Python module name, as openapi-python-client spells it."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
