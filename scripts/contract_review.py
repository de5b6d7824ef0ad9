"""Review of a contract change, fit for a pull-request comment (`make breaking`).

Compares openapi.yaml with its version at the merge base of BASE and HEAD (or two files), then:

* rates every change with `redocly diff` (major = breaking, minor = addition, patch = docs-only), run on JSON
  copies of both documents so that YAML aliases are written out; a difference redocly does not rate (a component
  no operation reaches, say) counts as docs-only;
* lists, for each change, every operation it reaches: a change inside a shared component (schema, parameter,
  response, header, ...) is listed under each operation that uses that component, directly or through others;
* gates ``info.version``: a breaking change needs a major bump, an addition at least a minor one, a docs-only
  change at least a patch, relative to the base version (several changes may land with one bump);
* writes the markdown report (``--report``) and prints it; tool banners and progress lines are not shown.

Exit status: 0 when the version bump is enough, 1 when it is not, 2 when the comparison itself failed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
LEVELS = ("none", "patch", "minor", "major")
VERSION_POINTER = "#/info/version"
LEVEL_NAMES = {"major": "breaking", "minor": "addition", "patch": "docs-only"}
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the contract 5x faster
REDOCLY_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_UPDATE_NOTIFIER": "1"}

Operation = tuple[str, str]  # (method, path)
Component = tuple[str, str]  # (kind, name), e.g. ("schemas", "ErrorInfo")


class ReviewError(Exception):
    """The comparison could not be made (bad ref, unreadable contract, redocly failure)."""


# ------------------------------------------------------------------------------------------------ JSON pointers


def pointer_parts(pointer: str) -> list[str]:
    body = pointer.removeprefix("#").removeprefix("/")
    return [p.replace("~1", "/").replace("~0", "~") for p in body.split("/")] if body else []


def pointer_of(parts: list[str]) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def resolve(doc: dict[str, Any], pointer: str) -> Any:
    node: Any = doc
    for part in pointer_parts(pointer):
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict):
            node = node[part]
        else:
            raise KeyError(pointer)
    return node


def component_of(pointer: str) -> Component | None:
    parts = pointer_parts(pointer)
    return (parts[1], parts[2]) if len(parts) >= 3 and parts[0] == "components" else None


def refs_in(node: Any) -> Iterator[str]:
    """Every local ``$ref`` inside a node (not following them)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            yield ref
        for value in node.values():
            yield from refs_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs_in(value)


# ----------------------------------------------------------------------------------------------- reachability


class Contract:
    """One version of the contract: its operations and the components each one reaches (and through what)."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.operations: dict[Operation, dict[str, Any]] = {
            (method, path): op
            for path, item in (doc.get("paths") or {}).items()
            for method, op in item.items()
            if method in HTTP_METHODS and isinstance(op, dict)
        }
        self._closure: dict[Component, set[Component]] = {}
        self.reach: dict[Operation, dict[Component, set[str]]] = {op: self._reach(op) for op in self.operations}

    @property
    def version(self) -> str:
        return str((self.doc.get("info") or {}).get("version", ""))

    def label(self, op: Operation) -> str:
        operation_id = self.operations[op].get("operationId")
        return f"`{op[0].upper()} {op[1]}`" + (f" ({operation_id})" if operation_id else "")

    def sections(self, op: Operation) -> Iterator[tuple[str, Any]]:
        """(how the operation uses it, node) for the parts of an operation that can reference components."""
        path = op[1]
        operation = self.operations[op]
        parameters = [*(self.doc["paths"][path].get("parameters") or []), *(operation.get("parameters") or [])]
        for parameter in parameters:
            yield f"parameter `{self._parameter_name(parameter)}`", parameter
        if "requestBody" in operation:
            yield "request body", operation["requestBody"]
        for status, response in (operation.get("responses") or {}).items():
            yield f"response {status}", response
        schemes = operation["security"] if "security" in operation else self.doc.get("security") or []
        for requirement in schemes:
            for name in requirement:
                yield "security", {"$ref": pointer_of(["components", "securitySchemes", name])}

    def _parameter_name(self, parameter: Any) -> str:
        if isinstance(parameter, dict) and "$ref" in parameter:
            try:
                parameter = resolve(self.doc, parameter["$ref"])
            except (KeyError, IndexError, ValueError):
                return "?"
        return str(parameter.get("name", "?")) if isinstance(parameter, dict) else "?"

    def _components_under(self, node: Any) -> set[Component]:
        found: set[Component] = set()
        for ref in refs_in(node):
            component = component_of(ref)
            if component is not None:
                found |= {component} | self._closure_of(component)
        return found

    def _closure_of(self, component: Component) -> set[Component]:
        """Components reachable from a component (cycles allowed)."""
        if component in self._closure:
            return self._closure[component]
        self._closure[component] = set()  # a cycle stops here; filled below
        try:
            node = self.doc["components"][component[0]][component[1]]
        except (KeyError, TypeError):
            return self._closure[component]
        reached: set[Component] = set()
        for ref in refs_in(node):
            target = component_of(ref)
            if target is not None and target not in reached:
                reached.add(target)
                reached |= self._closure_of(target)
        self._closure[component] = reached
        return reached

    def _reach(self, op: Operation) -> dict[Component, set[str]]:
        reach: dict[Component, set[str]] = {}
        for how, node in self.sections(op):
            for component in self._components_under(node):
                reach.setdefault(component, set()).add(how)
        return reach

    def operations_at(self, pointer: str) -> dict[Operation, set[str]] | None:
        """Operations a change at ``pointer`` reaches, with how; None when the change is document-wide."""
        parts = pointer_parts(pointer)
        if parts and parts[0] == "paths" and len(parts) >= 2:
            path = parts[1]
            if len(parts) >= 3 and parts[2] in HTTP_METHODS:
                return {(parts[2], path): {self._how(parts[3:], (parts[2], path))}}
            return {op: {"path item"} for op in self.operations if op[1] == path}
        component = component_of(pointer)
        if component is not None:
            return {op: set(reach[component]) for op, reach in self.reach.items() if component in reach}
        return None

    def _how(self, rest: list[str], op: Operation) -> str:
        if not rest:
            return "operation"
        if rest[0] == "parameters" and len(rest) >= 2 and rest[1].isdigit():
            parameters = self.operations[op].get("parameters") or []
            index = int(rest[1])
            return f"parameter `{self._parameter_name(parameters[index])}`" if index < len(parameters) else "parameters"
        if rest[0] == "requestBody":
            return "request body"
        if rest[0] == "responses" and len(rest) >= 2:
            return f"response {rest[1]}"
        return rest[0]


# ---------------------------------------------------------------------------------------------------- changes


@dataclass
class Change:
    impact: str  # major | minor | patch
    message: str
    rules: list[str]
    where: str  # the pointer that locates the change in the contract
    operations: dict[Operation, set[str]] = field(default_factory=dict)
    document_wide: bool = False


def run_redocly(base: Path, revision: Path) -> dict[str, Any]:
    """`redocly diff` as JSON (its banner and progress lines go to stderr and are dropped unless it fails)."""
    command = [
        str(ROOT / "node_modules" / ".bin" / "redocly"),
        "diff",
        str(base),
        str(revision),
        "--format",
        "json",
        "--fail-on",
        "none",
        "--config",
        str(ROOT / "redocly.yaml"),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, env={**os.environ, **REDOCLY_ENV}, check=False
    )
    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except json.JSONDecodeError:
        report = {}
    if result.returncode != 0 or "changes" not in report:
        messages = [line for line in result.stderr.splitlines() if line.strip() and not _is_banner(line)]
        raise ReviewError("redocly diff failed:\n" + "\n".join(messages[-20:]))
    return report


def _is_banner(line: str) -> bool:
    return any(ch in line for ch in "╔║╚═")


def rated_changes(report: dict[str, Any], base: Contract, revision: Contract) -> list[Change]:
    changes = []
    for item in report["changes"]:
        if VERSION_POINTER in ((item.get("base") or {}).get("pointer"), (item.get("revision") or {}).get("pointer")):
            continue  # the version is what the review checks, not a change of the contract
        verdicts = item.get("verdicts") or []
        base_pointer = (item.get("base") or {}).get("pointer")
        revision_pointer = (item.get("revision") or {}).get("pointer")
        where = revision_pointer or base_pointer or item.get("path") or "#/"
        if verdicts:
            message = " ".join(str(v.get("message", "")) for v in verdicts)
        else:
            what = " ".join(str(item[k]) for k in ("typeName", "property") if item.get(k)) or _tail(where)
            message = f"{what} {item.get('kind', 'changed')}"
        change = Change(
            impact=str(item.get("impact", "patch")),
            message=message,
            rules=[str(v.get("ruleId")) for v in verdicts if v.get("ruleId")],
            where=where,
        )
        located = [(base, base_pointer), (revision, revision_pointer)]
        if not base_pointer and not revision_pointer:
            located.append((revision if item.get("kind") != "removed" else base, item.get("path")))
        _attach_operations(change, [(c, p) for c, p in located if p])
        changes.append(change)
    return changes


def _tail(pointer: str) -> str:
    parts = pointer_parts(pointer)
    return "/".join(parts[-3:]) if parts else "document"


def _attach_operations(change: Change, located: list[tuple[Contract, str]]) -> None:
    for contract, pointer in located:
        reached = contract.operations_at(pointer)
        if reached is None:
            change.document_wide = True
            continue
        for op, how in reached.items():
            change.operations.setdefault(op, set()).update(how)


def leaves(node: Any, parts: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(node, dict) and node:
        for key, value in node.items():
            yield from leaves(value, (*parts, str(key)))
    elif isinstance(node, list) and node:
        for index, value in enumerate(node):
            yield from leaves(value, (*parts, str(index)))
    else:
        yield parts, node


def unrated_changes(base: Contract, revision: Contract, pointers: list[str]) -> list[Change]:
    """Differences redocly does not report (it walks from the operations), grouped by component or section."""

    def flat(doc: dict[str, Any]) -> dict[tuple[str, ...], Any]:
        return {k: v for k, v in leaves(doc) if k[:2] != ("info", "version")}

    before, after = flat(base.doc), flat(revision.doc)
    covered = [tuple(pointer_parts(p)) for p in pointers]
    groups: dict[tuple[str, ...], set[str]] = {}
    for key in sorted(set(before) | set(after)):
        if before.get(key, _MISSING) == after.get(key, _MISSING):
            continue
        if any(key[: len(c)] == c or c[: len(key)] == key for c in covered):
            continue
        group = key[:3] if key[:1] == ("components",) else key[:2]
        kind = "added" if key not in before else "removed" if key not in after else "changed"
        groups.setdefault(group, set()).add(kind)
    changes = []
    for group, kinds in groups.items():
        where = pointer_of(list(group))
        change = Change("patch", f"{'/'.join(sorted(kinds))} in `{'/'.join(group)}` (not rated by redocly)", [], where)
        _attach_operations(change, [(base, where), (revision, where)])
        if not change.operations:
            change.document_wide = True
        changes.append(change)
    return changes


_MISSING = object()


# ---------------------------------------------------------------------------------------------------- version


def parse_version(text: str) -> tuple[int, int, int]:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", text.strip())
    if not match:
        raise ReviewError(f"info.version {text!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def bump_between(base: tuple[int, int, int], revision: tuple[int, int, int]) -> str:
    if revision < base:
        return "lowered"
    if revision == base:
        return "none"
    if revision[0] > base[0]:
        return "major"
    if revision[1] > base[1]:
        return "minor"
    return "patch"


def next_version(base: tuple[int, int, int], level: str) -> str:
    major, minor, patch = base
    return {
        "major": f"{major + 1}.0.0",
        "minor": f"{major}.{minor + 1}.0",
        "patch": f"{major}.{minor}.{patch + 1}",
        "none": f"{major}.{minor}.{patch}",
    }[level]


# ----------------------------------------------------------------------------------------------------- report


@dataclass
class Review:
    base_label: str
    revision_label: str
    base: Contract
    revision: Contract
    changes: list[Change]

    @property
    def required(self) -> str:
        return max((c.impact for c in self.changes), key=LEVELS.index, default="none")

    @property
    def actual(self) -> str:
        return bump_between(parse_version(self.base.version), parse_version(self.revision.version))

    @property
    def passed(self) -> bool:
        return self.actual != "lowered" and LEVELS.index(self.actual) >= LEVELS.index(self.required)

    def label(self, op: Operation) -> str:
        return (self.revision if op in self.revision.operations else self.base).label(op)

    def ordered_operations(self) -> list[Operation]:
        seen = [*self.revision.operations, *(op for op in self.base.operations if op not in self.revision.operations)]
        touched = {op for c in self.changes for op in c.operations}
        return [op for op in seen if op in touched]

    def markdown(self) -> str:
        base_version, revision_version = self.base.version, self.revision.version
        required, actual = self.required, self.actual
        lines = [
            "## Contract review: `openapi.yaml`",
            "",
            f"Base: {self.base_label}, info.version `{base_version}`. Revision: {self.revision_label}, "
            f"info.version `{revision_version}`.",
            "",
        ]
        counts = {level: sum(1 for c in self.changes if c.impact == level) for level in ("major", "minor", "patch")}
        lines += ["| level | meaning | changes |", "|---|---|---|"]
        lines += [f"| {level} | {LEVEL_NAMES[level]} | {counts[level]} |" for level in ("major", "minor", "patch")]
        lines.append("")
        base_tuple = parse_version(base_version)
        if required == "none":
            lines.append("**Required bump: none** (no contract change).")
        else:
            lines.append(
                f"**Required bump: {required}** ({LEVEL_NAMES[required]} change): info.version must be at least "
                f"`{next_version(base_tuple, required)}`."
            )
        verdict = "OK" if self.passed else "NOT ENOUGH"
        shown = "lowered" if actual == "lowered" else f"a {actual} bump" if actual != "none" else "unchanged"
        lines += ["", f"**Version check: {verdict}**: `{base_version}` → `{revision_version}` is {shown}.", ""]
        if not self.changes:
            return "\n".join(lines)
        for level, title in (("major", "Breaking changes (major)"), ("minor", "Additions (minor)")):
            listed = [(n, c) for n, c in self.numbered() if c.impact == level]
            if listed:
                lines += [f"### {title}", "", *(self._change_line(n, c) for n, c in listed), ""]
        patches = [(n, c) for n, c in self.numbered() if c.impact == "patch"]
        if patches:
            lines += [f"<details><summary>Docs-only changes (patch): {len(patches)}</summary>", ""]
            lines += [*(self._change_line(n, c) for n, c in patches), "", "</details>", ""]
        operations = self.ordered_operations()
        lines += [f"### By operation ({len(operations)} reached)", ""]
        for op in operations:
            lines.append(f"#### {self.label(op)}")
            for level in ("major", "minor"):
                reached = [(n, c) for n, c in self.numbered() if c.impact == level and op in c.operations]
                if reached:
                    lines.append(f"- {level}: " + "; ".join(f"({n}) via {_via(c.operations[op])}" for n, c in reached))
            numbers = [n for n, c in self.numbered() if c.impact == "patch" and op in c.operations]
            if numbers:
                lines.append(f"- patch: {_ranges(numbers)}")
            lines.append("")
        wide = [(n, c) for n, c in self.numbered() if c.document_wide]
        if wide:
            lines += ["#### Document-wide (no single operation)"]
            lines += [f"- ({n}) **{c.impact}** {c.message}" for n, c in wide]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def numbered(self) -> list[tuple[int, Change]]:
        return list(enumerate(self.changes, 1))

    @staticmethod
    def _change_line(number: int, change: Change) -> str:
        rules = f" [{', '.join(change.rules)}]" if change.rules else ""
        count = len(change.operations)
        reach = f"{count} operation{'s' if count != 1 else ''}" if count else "no operation"
        if change.document_wide:
            reach += ", document-wide" if count else " (document-wide)"
        return f"{number}. {change.message}{rules} at `{change.where}`: reaches {reach}."


def _via(how: set[str]) -> str:
    """`response 401`, `response 403` -> `responses 401, 403`; other ways listed as they are."""
    statuses = sorted(h.removeprefix("response ") for h in how if h.startswith("response "))
    others = sorted(h for h in how if not h.startswith("response "))
    if statuses:
        others.append(("responses " if len(statuses) > 1 else "response ") + ", ".join(statuses))
    return ", ".join(others)


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "(1)-(3), (5)"."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"({a})" if a == b else f"({a})-({b})" for a, b in spans)


def review(
    base_doc: dict[str, Any], revision_doc: dict[str, Any], report: dict[str, Any], labels: tuple[str, str]
) -> Review:
    base, revision = Contract(base_doc), Contract(revision_doc)
    rated = rated_changes(report, base, revision)
    pointers = [
        p
        for item in report["changes"]
        for p in ((item.get("base") or {}).get("pointer"), (item.get("revision") or {}).get("pointer"))
        if p
    ]
    changes = rated + unrated_changes(base, revision, pointers)
    changes.sort(key=lambda c: -LEVELS.index(c.impact))
    return Review(labels[0], labels[1], base, revision, changes)


# -------------------------------------------------------------------------------------------------------- git


def git(directory: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=directory, capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise ReviewError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def base_contract_from_git(ref: str, contract: Path, directory: Path) -> tuple[Path, str]:
    """The contract at the merge base of ``ref`` and HEAD (of the repository holding ``contract``), written to a
    file in ``directory``, and a label for the report."""
    where = contract.resolve().parent
    top = Path(git(where, "rev-parse", "--show-toplevel").strip())
    name = contract.resolve().relative_to(top).as_posix()
    commit = git(where, "merge-base", ref, "HEAD").strip()
    target = directory / "openapi.base.yaml"
    target.write_text(git(where, "show", f"{commit}:{name}"), encoding="utf-8")
    return target, f"`{name}` at `{commit[:12]}` (merge base of `{ref}` and HEAD)"


def load(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ReviewError(f"cannot read {path}: {exc}") from exc
    if not isinstance(doc, dict):
        raise ReviewError(f"{path} is not an OpenAPI document")
    return doc


def as_json(doc: dict[str, Any], target: Path) -> Path:
    """The document as JSON, for redocly: YAML anchors and aliases written out. redocly walks a node it has seen
    once only, so a map shared through an alias would count as present at its first use only, and writing it out
    later would read as additions everywhere else."""
    target.write_text(json.dumps(doc, default=_json_value), encoding="utf-8")
    return target


def _json_value(value: Any) -> Any:
    """YAML values JSON lacks: an unquoted date or timestamp (an example, say) as its ISO 8601 text."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--base", help="git ref; the contract at the merge base of this ref and HEAD is the base")
    source.add_argument("--base-file", type=Path, help="the base contract as a file")
    parser.add_argument("--revision", type=Path, default=ROOT / CONTRACT, help="the revised contract (openapi.yaml)")
    parser.add_argument("--report", type=Path, help="where to write the markdown report")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            if args.base is not None:
                base_path, base_label = base_contract_from_git(args.base, args.revision, Path(scratch))
            else:
                base_path, base_label = args.base_file, f"`{args.base_file}`"
            revision_label = f"`{args.revision}`" if args.revision != ROOT / CONTRACT else "the working tree"
            base_doc, revision_doc = load(base_path), load(args.revision)
            here = Path(scratch)
            diff = run_redocly(as_json(base_doc, here / "base.json"), as_json(revision_doc, here / "revision.json"))
            result = review(base_doc, revision_doc, diff, (base_label, revision_label))
            text = result.markdown()
    except ReviewError as exc:
        print(f"contract review failed: {exc}", file=sys.stderr)
        return 2
    if args.report is not None:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text, encoding="utf-8")
    print(text, end="")
    if args.report is not None:
        print(f"\n(report written to {args.report})")
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
