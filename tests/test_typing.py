"""The SDK's types as a user's type checker sees them: mypy --strict over tests/typing/ (assert_type, and
ignores that must be needed: a misspelt argument or a wrong enum value is a type error)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
