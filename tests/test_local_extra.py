"""Without the ``local`` extra (``pip install "memsy[local]"``), every way into memsy.local says which package is
missing and how to install it, and nothing else breaks: the SDK, and memsy.local's storage, need none of the extra.

Each case runs in a fresh interpreter in which modules cannot be imported (``sys.modules[name] = None`` makes their
import fail as an uninstalled module's does)."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import tomllib

from memsy.local.extra import EXTRA_MODULES, INSTALL, missing_extra

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def without(modules: tuple[str, ...], code: str) -> subprocess.CompletedProcess[str]:
    block = f"import sys\nfor name in {modules!r}:\n    sys.modules[name] = None\n"
    return subprocess.run(
        [sys.executable, "-c", block + textwrap.dedent(code)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def without_extra(code: str) -> subprocess.CompletedProcess[str]:
    return without(tuple(EXTRA_MODULES), code)


def test_the_modules_checked_are_the_packages_of_the_local_extra() -> None:
    """A package added to (or dropped from) the extra in pyproject.toml must be added to (dropped from)
    EXTRA_MODULES, or a user missing it would get a bare ModuleNotFoundError."""
    required = {
        re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()
        for requirement in PYPROJECT["project"]["optional-dependencies"]["local"]
    }
    assert set(EXTRA_MODULES.values()) == required


def test_a_name_of_memsy_local_says_which_package_is_missing_and_how_to_install_it() -> None:
    run = without_extra(
        """
        import memsy.local
        try:
            memsy.local.LocalMemsy
        except ModuleNotFoundError as error:
            print("name:", error.name)
            print("message:", error)
        """
    )
    assert run.returncode == 0, run.stderr
    assert "name: uvicorn" in run.stdout
    assert f"message: memsy.local.LocalMemsy needs uvicorn, which is not installed: {INSTALL}\n" in run.stdout


def test_a_missing_package_is_named_as_pip_installs_it() -> None:
    run = without(
        ("yaml",),
        """
        import memsy.local
        try:
            memsy.local.LocalMemsy
        except ModuleNotFoundError as error:
            print(error)
        """,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"memsy.local.LocalMemsy needs pyyaml, which is not installed: {INSTALL}\n"


def test_the_memsy_local_command_says_how_to_install_the_extra() -> None:
    run = without_extra(
        """
        import runpy
        sys.argv = ["memsy-local", "--help"]
        runpy.run_module("memsy.local", run_name="__main__")  # python -m memsy.local
        """
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == f"memsy-local: memsy.local needs uvicorn, which is not installed: {INSTALL}\n"


def test_the_memsy_local_script_runs_that_command() -> None:
    assert PYPROJECT["project"]["scripts"]["memsy-local"] == "memsy.local.__main__:command"


def test_memsy_local_through_the_sdk_command_line_says_how_to_install_the_extra() -> None:
    run = without_extra(
        """
        from memsy.cli import main
        raise SystemExit(main(["local", "--help"]))
        """
    )
    assert run.returncode == 2
    assert run.stderr == f"memsy: memsy.local needs uvicorn, which is not installed: {INSTALL}\n"


def test_the_sdk_and_memsy_local_storage_need_none_of_the_extra() -> None:
    run = without_extra(
        """
        import memsy
        from memsy.local import Store
        store = Store(":memory:")
        store.close()
        client = memsy.MemsyClient(api_key="msy_" + "a" * 32, base_url="http://127.0.0.1:9")
        client.close()
        print("ok")
        """
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_a_missing_module_outside_the_extra_is_not_taken_for_it() -> None:
    """Installing the extra would not mend a missing module of memsy, or of the standard library."""
    for missing in ("memsy.local.nothing", "memsy_openapi_client.models.x", "_sqlite3", None):
        assert missing_extra(ModuleNotFoundError("gone", name=missing), "memsy.local") is None
    run = without(
        ("_sqlite3",),
        """
        import memsy.local
        try:
            memsy.local.Store
        except ModuleNotFoundError as error:
            print(error.name, "|", error)
        """,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("_sqlite3 | import of _sqlite3 halted")
