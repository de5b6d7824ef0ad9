#!/usr/bin/env python3
"""Write memsy-0.3.5-surface.json: the public surface of the published memsy 0.3.5, read from its source with
``ast`` (nothing of it is imported or run).

    python scripts/extract_035_surface.py PATH/TO/memsy-0.3.5/memsy [OUTPUT]

The source is the ``memsy`` directory of the 0.3.5 wheel (``pip download memsy==0.3.5`` and unzip it). CI has no
copy of it, which is why the result is committed. It is an input of `make generate` (scripts/generate_compat.py
writes 0.3.5's module paths from it) and what tests/test_compat_035.py checks the SDK against.

For every module of the package (private ``_`` modules left out) the fixture lists:

* ``names``: its public names: ``__all__`` when it has one, and the classes, functions and module-level
  assignments it defines, and the names it imports from ``memsy`` at run time (not under ``TYPE_CHECKING``),
  ``_`` names left out. Names imported from the standard library or third parties are not part of the surface;
* ``classes``: for each class it defines: its bases, whether it is a dataclass (and its fields in order), its
  public methods, class methods and static methods (each with its parameter list as Python source, annotations
  and ``self`` left out, and whether it is ``async``), its properties, and ``init``: the parameter list of its
  constructor, whichever class defines it (an explicit ``__init__``, the dataclass fields, or the constructor of
  a base class of the package; ``null`` when the constructor is ``Exception``'s or ``object``'s own), and
  ``attributes``: the public attributes its own ``__init__`` sets on ``self`` (``orgs``, ``retry_after``, ...);
* ``values``: module-level constants that are literal (frozensets of strings, numbers, strings), with their value.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "memsy-0.3.5-surface.json"


def module_name(package: Path, path: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def signature(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """The parameter list as Python source, without annotations and without the first parameter (``self`` /
    ``cls``) unless it is a static method: ``"query, *, actor_id=None, limit=10"``. The test parses it back."""
    args = copy.deepcopy(fn.args)
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
        if arg is not None:
            arg.annotation = None
    decorators = {d.id for d in fn.decorator_list if isinstance(d, ast.Name)}
    if "staticmethod" not in decorators:
        if args.posonlyargs:
            args.posonlyargs.pop(0)
        else:
            args.args.pop(0)
    return ast.unparse(args)


def assigned_attributes(init: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The attributes ``__init__`` sets on ``self`` (``self.orgs = OrgsResource(self)``, ``self.retry_after``)."""
    names = set()
    for node in ast.walk(init):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                names.add(target.attr)
    return names


def is_dataclass(cls: ast.ClassDef) -> bool:
    for d in cls.decorator_list:
        target = d.func if isinstance(d, ast.Call) else d
        if isinstance(target, ast.Name) and target.id == "dataclass":
            return True
    return False


def dataclass_fields(cls: ast.ClassDef) -> list[tuple[str, str | None]]:
    """(name, default source or None) of each field, in order."""
    fields = []
    for node in cls.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if ast.unparse(node.annotation).startswith("ClassVar"):
                continue
            fields.append((node.target.id, ast.unparse(node.value) if node.value is not None else None))
    return fields


def class_surface(cls: ast.ClassDef) -> dict[str, Any]:
    methods: dict[str, Any] = {}
    classmethods: dict[str, Any] = {}
    staticmethods: dict[str, Any] = {}
    properties: list[str] = []
    attributes: set[str] = set()
    explicit_init = None
    for node in cls.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        decorators = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
        if node.name == "__init__":
            explicit_init = signature(node)
            attributes.update(assigned_attributes(node))
            continue
        public = not node.name.startswith("_") or node.name in ("__enter__", "__exit__", "__aenter__", "__aexit__")
        if not public:
            continue
        entry = {"signature": signature(node), "async": isinstance(node, ast.AsyncFunctionDef)}
        if "property" in decorators:
            properties.append(node.name)
        elif "classmethod" in decorators:
            classmethods[node.name] = entry
        elif "staticmethod" in decorators:
            staticmethods[node.name] = entry
        else:
            methods[node.name] = entry
    surface: dict[str, Any] = {
        "bases": [ast.unparse(b) for b in cls.bases],
        "dataclass": is_dataclass(cls),
        "methods": methods,
        "classmethods": classmethods,
        "staticmethods": staticmethods,
        "properties": sorted(properties),
        "attributes": sorted(a for a in attributes if not a.startswith("_")),
        "_explicit_init": explicit_init,
    }
    if surface["dataclass"]:
        fields = dataclass_fields(cls)
        surface["fields"] = [name for name, _ in fields]
        if explicit_init is None:  # the generated __init__: every field, in order, positional or keyword
            surface["_explicit_init"] = ", ".join(name if d is None else f"{name}={d}" for name, d in fields)
    return surface


def literal(node: ast.expr) -> Any:
    """The value of a literal constant (``frozenset({...})`` included), else raises ValueError."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "frozenset":
        return sorted(ast.literal_eval(node.args[0])) if node.args else []
    return ast.literal_eval(node)


def module_surface(tree: ast.Module) -> dict[str, Any]:
    names: set[str] = set()
    all_names: list[str] | None = None
    classes: dict[str, Any] = {}
    values: dict[str, Any] = {}
    imported_from: dict[str, str] = {}  # name -> module it comes from (memsy.* only)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "memsy":
            for alias in node.names:
                name = alias.asname or alias.name
                imported_from[name] = node.module
                names.add(name)
        elif isinstance(node, ast.ClassDef):
            names.add(node.name)
            classes[node.name] = class_surface(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if not isinstance(target, ast.Name):
                    continue
                if target.id == "__all__" and node.value is not None:
                    all_names = list(ast.literal_eval(node.value))
                    continue
                names.add(target.id)
                if node.value is not None:
                    # not a literal: a type alias such as ActorSort, a computed value
                    with contextlib.suppress(ValueError, TypeError, SyntaxError):
                        values[target.id] = literal(node.value)
    public = sorted(n for n in names | set(all_names or []) if not n.startswith("_"))
    return {
        "all": all_names,
        "names": public,
        "classes": {k: v for k, v in classes.items() if not k.startswith("_")},
        "values": {k: v for k, v in values.items() if not k.startswith("_") and k in public},
        "_imported_from": imported_from,
    }


def resolve_inits(modules: dict[str, Any]) -> None:
    """``init`` of each class: its own constructor parameters, or those of the nearest base class of the package
    that defines some (looked up in the module, or where the module imported the base from)."""

    def lookup(module: str, name: str) -> tuple[str, dict[str, Any]] | None:
        surface = modules.get(module)
        if surface is None:
            return None
        if name in surface["_all_classes"]:
            return module, surface["_all_classes"][name]
        origin = surface["_imported_from"].get(name)
        return lookup(origin, name) if origin else None

    def init_of(module: str, cls: dict[str, Any]) -> str | None:
        if cls["_explicit_init"] is not None:
            return str(cls["_explicit_init"])
        for base in cls["bases"]:
            found = lookup(module, base)
            if found:
                return init_of(*found)
        return None  # Exception's or object's own constructor

    for module, surface in modules.items():
        for cls in surface["classes"].values():
            cls["init"] = init_of(module, cls)
    for surface in modules.values():
        for cls in surface["classes"].values():
            del cls["_explicit_init"]
        del surface["_imported_from"], surface["_all_classes"]


def extract(package: Path) -> dict[str, Any]:
    modules: dict[str, Any] = {}
    for path in sorted(package.rglob("*.py")):
        name = module_name(package, path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        surface = module_surface(tree)
        surface["_all_classes"] = {
            n.name: class_surface(n) for n in tree.body if isinstance(n, ast.ClassDef)
        }  # private ones too: they may be bases
        surface["classes"] = {k: surface["_all_classes"][k] for k in surface["classes"]}
        modules[name] = surface
    resolve_inits(modules)
    public = {k: v for k, v in modules.items() if not any(p.startswith("_") for p in k.split("."))}
    return {
        "package": "memsy",
        "version": "0.3.5",
        "extracted_by": "scripts/extract_035_surface.py (ast; nothing imported)",
        "private_modules_left_out": sorted(set(modules) - set(public)),
        "modules": public,
    }


def main() -> None:
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    package = Path(sys.argv[1]).resolve()
    if not (package / "__init__.py").is_file() or package.name != "memsy":
        raise SystemExit(f"{package} is not the memsy package directory of the 0.3.5 wheel")
    output = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(extract(package), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
