"""The SDK's types as a user's type checker sees them: mypy --strict over tests/typing/ (assert_type, and
ignores that must be needed: a misspelt argument or a wrong enum value is a type error)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_strict_sees_the_sdk_types() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--warn-unused-ignores",
            "--python-version",
            "3.11",
            str(ROOT / "tests" / "typing"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_type_hints_of_every_public_method_resolve_at_run_time() -> None:
    """Tools that read annotations at run time (typing.get_type_hints: validators, schema builders, docs) see
    every method's types, although the models load only with the first call."""
    import inspect
    import typing

    import memsy

    unresolved = []
    for cls in (memsy.MemsyClient, memsy.AsyncMemsyClient, memsy.MemsyControlClient, memsy.AsyncMemsyControlClient):
        client = cls("https://api.memsy.io/v1", "msy_x")
        owners = [client, client.with_raw_response]
        owners += [value for value in vars(client).values() if type(value).__module__.startswith("memsy")]
        for owner in owners:
            hinted: list[tuple[str, Any]] = [("(class)", type(owner))]
            hinted += [(n, m) for n, m in inspect.getmembers(owner, inspect.ismethod) if not n.startswith("_")]
            hinted += [
                (n, p.fget)
                for n, p in inspect.getmembers(type(owner), lambda m: isinstance(m, property))
                if not n.startswith("_")
            ]
            for name, member in hinted:
                try:
                    typing.get_type_hints(member)
                except NameError as exc:
                    unresolved.append(f"{type(owner).__name__}.{name}: {exc}")
    for name in memsy.__all__:  # the constructors of the public exceptions and models
        value = getattr(memsy, name)
        if isinstance(value, type):
            try:
                typing.get_type_hints(value.__init__)
            except NameError as exc:
                unresolved.append(f"{name}.__init__: {exc}")
    assert unresolved == []
