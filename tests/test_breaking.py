"""`make breaking` (scripts/contract_review.py): each kind of contract change is planted in a copy of the contract and
the review's report and exit status are checked: the level of the change, every operation a shared component
reaches, and the info.version gate (major for breaking, at least minor for additions, at least patch for docs)."""

from __future__ import annotations

import copy
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CONTRACT, ROOT, contract, operations

Edit = Callable[[dict[str, Any]], None]
REVIEW = ROOT / "scripts" / "contract_review.py"
PYTHON = ROOT / ".venv" / "bin" / "python"


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


def _remove_event_kind(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["EventKind"]["enum"].remove("app_event")


def _add_optional_field(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["SearchResult"]["properties"]["rank"] = {"type": "integer", "format": "int64"}


def _add_operation(spec: dict[str, Any]) -> None:
    get = copy.deepcopy(spec["paths"]["/v1/health"]["get"])
    spec["paths"]["/v1/ping"] = {"get": {**get, "operationId": "ping", "summary": "Ping"}}


def _describe_error_field(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["ErrorFields"]["properties"]["message"]["description"] = "What went wrong."


def _require_offset(spec: dict[str, Any]) -> None:
    """A shared parameter component: `offset` becomes required wherever it is used."""
    spec["components"]["parameters"]["Offset"]["required"] = True


def _describe_request_id(spec: dict[str, Any]) -> None:
    """A shared header component: only its description changes."""
    spec["components"]["headers"]["X-Request-Id"]["description"] = "The server's id of the request."


def _retry_after_on_conflict(spec: dict[str, Any]) -> None:
    """A shared response component: the 409 answer gains a header."""
    spec["components"]["responses"]["Conflict"]["headers"]["Retry-After"] = {"$ref": "#/components/headers/Retry-After"}


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _operations_using(kind: str, name: str) -> list[str]:
    """`METHOD /path` of every operation that uses #/components/<kind>/<name>: in its own or its path's parameters
    and responses, or through a shared parameter or response (worked out here, apart from the review's own walk)."""
    target = f"#/components/{kind}/{name}"
    shared = ("#/components/parameters/", "#/components/responses/")
    using = []
    for method, path, op in operations():
        refs = set(_refs([contract()["paths"][path].get("parameters") or [], op]))
        for ref in [r for r in refs if r.startswith(shared)]:
            section, component = ref.removeprefix("#/components/").split("/")
            refs |= set(_refs(contract()["components"][section][component]))
        if target in refs:
            using.append(f"{method.upper()} {path}")
    return using


def _bump(level: str) -> Edit:
    def bump(spec: dict[str, Any]) -> None:
        major, minor, patch = (int(p) for p in spec["info"]["version"].split("."))
        spec["info"]["version"] = {
            "major": f"{major + 1}.0.0",
            "minor": f"{major}.{minor + 1}.0",
            "patch": f"{major}.{minor}.{patch + 1}",
            "lower": f"{major}.{minor}.{patch - 1}"
            if patch
            else f"{major}.{minor - 1}.9"
            if minor
            else f"{major - 1}.9.9",
        }[level]

    return bump


def _review(tmp_path: Path, *edits: Edit) -> tuple[subprocess.CompletedProcess[str], str]:
    revised = copy.deepcopy(contract())
    for edit in edits:
        edit(revised)
    target = tmp_path / "revised.yaml"
    target.write_text(yaml.safe_dump(revised, sort_keys=False))
    report = tmp_path / "review.md"
    result = subprocess.run(
        [str(PYTHON), str(REVIEW), "--base-file", str(CONTRACT), "--revision", str(target), "--report", str(report)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result, report.read_text()


def _operations_section(report: str) -> list[str]:
    """The operations listed under "By operation", as `METHOD /path`."""
    section = report.split("### By operation", 1)[1] if "### By operation" in report else ""
    return re.findall(r"^#### `([A-Z]+ [^`]+)`", section, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("edit", "rule", "operation"),
    [
        (_remove_operation, "path-removed", "GET /v1/actors"),
        (_require_parameter, "parameter-became-required", "GET /v1/console/memories"),
        (_change_field_type, "schema-type-changed", "POST /v1/ingest"),
    ],
)
def test_a_breaking_change_is_rated_major(tmp_path: Path, edit: Edit, rule: str, operation: str) -> None:
    result, report = _review(tmp_path, edit)
    assert result.returncode == 1
    assert "**Required bump: major**" in report and rule in report and "NOT ENOUGH" in report
    assert operation in _operations_section(report)


def test_a_breaking_change_passes_only_with_a_major_bump(tmp_path: Path) -> None:
    for bump, passes in (("minor", False), ("major", True)):
        result, report = _review(tmp_path, _change_field_type, _bump(bump))
        assert result.returncode == (0 if passes else 1), (bump, report)
        assert ("Version check: OK" in report) is passes


@pytest.mark.parametrize("edit", [_add_optional_field, _add_operation])
def test_an_addition_is_rated_minor(tmp_path: Path, edit: Edit) -> None:
    result, report = _review(tmp_path, edit)
    assert result.returncode == 1
    assert "**Required bump: minor**" in report and "| major | breaking | 0 |" in report


def test_an_addition_needs_at_least_a_minor_bump(tmp_path: Path) -> None:
    for bump, passes in (("patch", False), ("minor", True), ("major", True)):
        result, report = _review(tmp_path, _add_optional_field, _bump(bump))
        assert result.returncode == (0 if passes else 1), (bump, report)


def test_a_docs_only_change_needs_a_patch_bump(tmp_path: Path) -> None:
    result, report = _review(tmp_path, _describe_error_field)
    assert result.returncode == 1
    assert "**Required bump: patch**" in report and "NOT ENOUGH" in report
    result, report = _review(tmp_path, _describe_error_field, _bump("patch"))
    assert result.returncode == 0 and "Version check: OK" in report


def test_no_change_needs_no_bump_and_a_lowered_version_fails(tmp_path: Path) -> None:
    result, report = _review(tmp_path)
    assert result.returncode == 0 and "**Required bump: none**" in report
    result, report = _review(tmp_path, _bump("lower"))
    assert result.returncode == 1 and "lowered" in report


def test_a_shared_enum_lists_every_operation_that_uses_it(tmp_path: Path) -> None:
    _result, report = _review(tmp_path, _remove_event_kind, _bump("major"))
    listed = _operations_section(report)
    assert "POST /v1/ingest" in listed and "GET /api/console/events" in listed
    assert "(1) via request body" in report and "via parameter `kind`" in report


def test_a_shared_error_schema_lists_every_operation(tmp_path: Path) -> None:
    """ErrorFields is reached through ErrorResponse by every operation: the change is listed under each one."""
    _result, report = _review(tmp_path, _describe_error_field, _bump("patch"))
    listed = _operations_section(report)
    assert sorted(listed) == sorted(f"{method.upper()} {path}" for method, path, _op in operations())


@pytest.mark.parametrize(
    ("edit", "component", "level", "how"),
    [
        (_require_offset, ("parameters", "Offset"), "major", "(1) via parameter `offset`"),
        (_describe_request_id, ("headers", "X-Request-Id"), "patch", "- patch: (1)"),
        (_retry_after_on_conflict, ("responses", "Conflict"), "minor", "(1) via response 409"),
    ],
    ids=["parameter", "header", "response"],
)
def test_a_shared_component_lists_every_operation_it_reaches_and_the_bump(
    tmp_path: Path, edit: Edit, component: tuple[str, str], level: str, how: str
) -> None:
    """A change planted in a shared parameter, header or response component is listed under each operation that
    uses the component (directly, or a header through the responses that carry it), with the bump it requires."""
    using = _operations_using(*component)
    assert len(using) >= 5, using  # shared for real: several operations reach it
    result, report = _review(tmp_path, edit)
    assert result.returncode == 1 and "NOT ENOUGH" in report
    assert f"**Required bump: {level}**" in report
    assert f"at `#/components/{component[0]}/{component[1]}/" in report
    assert f"reaches {len(using)} operations." in report
    listed = _operations_section(report)
    assert sorted(listed) == sorted(using)
    assert report.count(how) == len(using), how
    result, report = _review(tmp_path, edit, _bump(level))
    assert result.returncode == 0 and "Version check: OK" in report


def test_a_shared_header_reaches_every_operation_through_the_shared_error_responses() -> None:
    """X-Request-Id is on every response, the shared 401 / 429 / 5XX ones included: it reaches every operation."""
    assert sorted(_operations_using("headers", "X-Request-Id")) == sorted(
        f"{method.upper()} {path}" for method, path, _op in operations()
    )
    assert _operations_using("headers", "Retry-After") == _operations_using("responses", "TooManyRequests")


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def test_yaml_aliases_are_not_changes(tmp_path: Path) -> None:
    """A base that shares one headers map through YAML aliases (as the contract did up to 2.1.0) and a revision that
    writes it out are the same contract: redocly, which walks a shared node once, must not see additions."""
    spec = copy.deepcopy(contract())
    shared = spec["paths"]["/v1/health"]["get"]["responses"]["200"]["headers"]
    for method, path, op in operations():
        for status, response in op["responses"].items():
            if "$ref" not in response and status.startswith("2"):
                spec["paths"][path][method]["responses"][status]["headers"] = shared
    base = tmp_path / "aliased.yaml"
    base.write_text(yaml.safe_dump(spec, sort_keys=False))
    assert base.read_text().count("*id") > 50, "the base shares the map through aliases"
    revision = tmp_path / "written-out.yaml"
    revision.write_text(yaml.dump(spec, Dumper=_NoAliases, sort_keys=False))
    assert "*id" not in revision.read_text()
    result = subprocess.run(
        [str(PYTHON), str(REVIEW), "--base-file", str(base), "--revision", str(revision)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "**Required bump: none**" in result.stdout and "| minor | addition | 0 |" in result.stdout


def test_several_changes_are_gated_together_against_the_base_version(tmp_path: Path) -> None:
    """An addition and a docs change landing together need one minor bump over the base version, not two."""
    result, report = _review(tmp_path, _add_optional_field, _describe_error_field, _bump("minor"))
    assert result.returncode == 0, report
    assert "| minor | addition | 1 |" in report and "| patch | docs-only | 1 |" in report


def test_the_output_has_no_tool_banner_and_matches_the_report(tmp_path: Path) -> None:
    result, report = _review(tmp_path, _add_operation, _bump("minor"))
    assert result.stderr == ""
    assert not any(ch in result.stdout for ch in "╔║╚"), result.stdout
    assert result.stdout.startswith(report)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def test_compares_with_the_merge_base_of_base_and_head(tmp_path: Path) -> None:
    """A change made on main after the branch point is not the branch's change: the base is the merge base."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "review@memsy.test")
    _git(repo, "config", "user.name", "review")
    spec = copy.deepcopy(contract())
    target = repo / "openapi.yaml"
    target.write_text(yaml.safe_dump(spec, sort_keys=False))
    _git(repo, "add", "openapi.yaml")
    _git(repo, "commit", "-q", "-m", "contract")
    _git(repo, "checkout", "-q", "-b", "feature")
    _add_optional_field(spec)
    _bump("minor")(spec)
    target.write_text(yaml.safe_dump(spec, sort_keys=False))
    _git(repo, "commit", "-q", "-am", "addition")
    _git(repo, "checkout", "-q", "main")
    on_main = copy.deepcopy(contract())
    _add_operation(on_main)
    _bump("major")(on_main)
    target.write_text(yaml.safe_dump(on_main, sort_keys=False))
    _git(repo, "commit", "-q", "-am", "main moves on")
    _git(repo, "checkout", "-q", "feature")

    result = subprocess.run(
        [str(PYTHON), str(REVIEW), "--base", "main", "--revision", str(target)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "merge base of `main` and HEAD" in result.stdout
    assert "| minor | addition | 1 |" in result.stdout and "/v1/ping" not in result.stdout


def test_an_unknown_base_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(PYTHON), str(REVIEW), "--base", "no-such-ref-anywhere"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "contract review failed" in result.stderr and "no-such-ref-anywhere" in result.stderr
