"""Every code block of the README runs against memsy.local, so the guide cannot rot.

Python blocks run in order, in one namespace. Shell blocks: every `memsy ...` command line runs through the CLI;
the other lines must be one of the commands that cannot run inside a test (installing from PyPI, make targets,
a long-running server, a code generator), listed below so that nothing is skipped silently.
"""

from __future__ import annotations

import io
import logging
import re
import shlex
from collections.abc import Iterator
from typing import Any

import pytest

from memsy.cli import main as cli
from memsy.local import LocalMemsy

from .conftest import ROOT

README = (ROOT / "README.md").read_text()
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, flags=re.S | re.M)
NOT_RUN_HERE = (
    "pip install",  # would install the published package from PyPI over the one under test
    "make ",  # make demo / make test / make check ...: the suite itself runs under make test
    "memsy-local serve",  # runs until interrupted
    "memsy-local run",  # starts a command of the reader's
    "openapi-generator-cli",  # a Java code generator download, documented only
)


@pytest.fixture
def readme_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalMemsy]:
    with LocalMemsy(processing_delay=0.0) as server:
        monkeypatch.setenv("MEMSY_BASE_URL", server.data_url)
        monkeypatch.setenv("MEMSY_API_KEY", server.api_key)
        monkeypatch.chdir(ROOT)
        yield server


def test_the_readme_has_code_blocks_of_known_languages() -> None:
    assert {lang for lang, _ in BLOCKS} <= {"python", "bash", "text"}
    assert sum(lang == "python" for lang, _ in BLOCKS) >= 15


def test_every_python_block_runs(readme_env: LocalMemsy) -> None:
    logger = logging.getLogger("memsy")
    level, root_handlers = logger.level, list(logging.getLogger().handlers)
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    for number, (lang, code) in enumerate(BLOCKS):
        if lang == "python":
            try:
                exec(compile(code, f"README.md block {number}", "exec"), namespace)
            except Exception as exc:  # pragma: no cover - the message is the point
                raise AssertionError(f"README python block {number} failed:\n{code}") from exc
    logger.setLevel(level)  # the logging section configures logging; leave the rest of the suite as it was
    logging.getLogger().handlers[:] = root_handlers


def test_every_shell_line_runs_or_is_declared(readme_env: LocalMemsy) -> None:
    ran = 0
    for lang, code in BLOCKS:
        if lang != "bash":
            continue
        for line in code.splitlines():
            command = line.split("#", 1)[0].strip()
            if not command:
                continue
            if command.startswith("memsy "):
                out, err = io.StringIO(), io.StringIO()
                assert cli(shlex.split(command)[1:], out=out, err=err) == 0, (command, err.getvalue())
                ran += 1
            else:
                assert command.startswith(NOT_RUN_HERE), f"README shell line neither run nor declared: {command}"
    assert ran >= 8
