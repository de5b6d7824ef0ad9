"""Without the ``local`` extra (``pip install "memsy[local]"``), every way into memsy.local says what is missing and
how to install it, and nothing else breaks: the SDK, and memsy.local's storage, need none of the extra.

Each case runs in a fresh interpreter in which the extra's modules cannot be imported (``sys.modules[name] = None``
makes their import fail as an uninstalled module's does)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from memsy._lazy import missing_extra

INSTALL = 'pip install "memsy[local]"'
EXTRA = ("uvicorn", "httptools", "uvloop", "openapi_core", "jsonschema_rs")
BLOCK = f"import sys\nfor name in {EXTRA!r}:\n    sys.modules[name] = None\n"


def without_extra(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )


def test_a_name_of_memsy_local_says_how_to_install_the_extra() -> None:
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
    expected = (
        f"memsy.local.LocalMemsy: this needs the \"local\" extra of memsy, and 'uvicorn' is not installed: {INSTALL}"
    )
    assert f"message: {expected}" in run.stdout


def test_the_memsy_local_command_says_how_to_install_the_extra() -> None:
    run = without_extra(
        """
        from memsy.local.__main__ import command
        raise SystemExit(command())
        """
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip() == (
        f"memsy-local: memsy.local is not installed: this needs the \"local\" extra of memsy, and 'uvicorn' is not "
        f"installed: {INSTALL}"
    )


def test_memsy_local_through_the_sdk_command_line_says_how_to_install_the_extra() -> None:
    run = without_extra(
        """
        from memsy.cli import main
        raise SystemExit(main(["local", "serve"]))
        """
    )
    assert run.returncode == 2
    assert "memsy.local is not installed" in run.stderr and INSTALL in run.stderr
    assert "Traceback" not in run.stderr


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


@pytest.mark.parametrize("missing", ["memsy.local.nothing", "memsy_openapi_client.models.x", ""])
def test_a_module_of_memsy_itself_missing_is_not_taken_for_a_missing_extra(missing: str) -> None:
    assert missing_extra(ModuleNotFoundError("gone", name=missing or None), "local") is None


def test_a_missing_module_of_memsy_itself_propagates_as_it_is() -> None:
    run = without_extra(
        """
        import memsy._lazy as lazy
        names = {}
        _, get, _ = lazy.lazy_names("memsy.local", names, {".no_such_module": "Thing"}, extra="local")
        try:
            get("Thing")
        except ModuleNotFoundError as error:
            print(error.name, "|", error)
        """
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "memsy.local.no_such_module | No module named 'memsy.local.no_such_module'"
