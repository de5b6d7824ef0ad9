"""openapi.yaml, the single source of truth memsy.local is built from: where it is, and its parsed content."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def contract_path() -> Path:
    """openapi.yaml: packaged next to this module in a wheel, at the repository root in a checkout."""
    packaged = resources.files("memsy.local").joinpath("openapi.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "openapi.yaml"


@cache
def load_contract() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ten times faster
    return yaml.load(contract_path().read_text(encoding="utf-8"), Loader=loader)  # type: ignore[no-any-return]
