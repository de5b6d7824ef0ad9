"""`make breaking` (scripts/contract-diff): breaking edits of the contract fail, additive ones pass."""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CONTRACT, ROOT, contract

Edit = Callable[[dict[str, Any]], None]


def _remove_operation(spec: dict[str, Any]) -> None:
    del spec["paths"]["/v1/actors"]["get"]
    if not [k for k in spec["paths"]["/v1/actors"] if k != "parameters"]:
        del spec["paths"]["/v1/actors"]


def _require_parameter(spec: dict[str, Any]) -> None:
    for parameter in spec["paths"]["/v1/console/memories"]["get"]["parameters"]:
        if parameter.get("name") == "actor_id":
            parameter["required"] = True


def _change_field_type(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["IngestResponse"]["properties"]["event_ids"] = {"type": "string"}


def _add_optional_field(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["SearchResult"]["properties"]["rank"] = {"type": "integer"}


def _add_operation(spec: dict[str, Any]) -> None:
    get = copy.deepcopy(spec["paths"]["/v1/health"]["get"])
    spec["paths"]["/v1/ping"] = {"get": {**get, "operationId": "ping", "summary": "Ping"}}


def _diff(tmp_path: Path, edit: Edit) -> subprocess.CompletedProcess[str]:
    revised = copy.deepcopy(contract())
    edit(revised)
    target = tmp_path / "revised.yaml"
    target.write_text(yaml.safe_dump(revised, sort_keys=False))
    return subprocess.run(
        [str(ROOT / "scripts" / "contract-diff"), str(CONTRACT), str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_remove_operation, "removed"),
        (_require_parameter, "became-required"),
        (_change_field_type, "schema-type-changed"),
    ],
)
def test_breaking_changes_fail(tmp_path: Path, edit: Edit, expected: str) -> None:
    result = _diff(tmp_path, edit)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "major" in result.stdout and expected in result.stdout


@pytest.mark.parametrize("edit", [_add_optional_field, _add_operation])
def test_additive_changes_pass(tmp_path: Path, edit: Edit) -> None:
    result = _diff(tmp_path, edit)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 major" in result.stdout


def test_the_contract_has_no_breaking_change_against_itself(tmp_path: Path) -> None:
    result = _diff(tmp_path, lambda spec: None)
    assert result.returncode == 0
