"""Installing and running from a checkout (issue 13, point 12): the README says how to install this version and
which Python is needed for what; `make demo` needs no npm; `make help` lists every target."""

from __future__ import annotations

import re
import subprocess

from memsy import __version__

from .cli_harness import TIMEOUT
from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def make(*args: str) -> str:
    """``make ARGS`` in the checkout; ``-n`` (print, don't run) keeps it to what the Makefile says."""
    result = subprocess.run(["make", *args], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def install_section() -> str:
    return README[README.index("## Install\n") : README.index("## Quickstart\n")]


def test_the_readme_installs_this_version_from_a_checkout() -> None:
    section = install_section()
    assert f"`memsy` {__version__}" in section and "0.3.5" in section  # what PyPI has, and why not to use it
    assert 'pip install ".[local]"' in section and 'pip install -e ".[local]"' in section
    assert 'pip install "memsy[local]"' in section  # the published name, for when it is released


def test_the_readme_says_which_python_is_needed_for_what() -> None:
    section = install_section()
    assert re.search(r"Using the SDK and the commands needs Python 3\.10 or newer", section)
    assert re.search(r"Developing it needs\s+Python 3\.11 or newer", section)


def test_make_demo_installs_only_the_python_side() -> None:
    demo = make("-n", "-B", "demo")  # -B: as on a fresh machine, where nothing is installed yet
    assert "pip install" in demo and "examples/quickstart.py" in demo
    assert "npm" not in demo
    for target in ("test", "ts-client", "lint-contract", "breaking", "languages", "docs"):  # node tools: installed
        assert "npm ci" in make("-n", "-B", target), target


def test_make_help_lists_every_target() -> None:
    phony = re.search(r"^\.PHONY:(.*)$", (ROOT / "Makefile").read_text(), flags=re.M)
    assert phony is not None
    listed = {line.split()[1] for line in make("help").splitlines() if line.startswith("make ")}
    assert set(phony.group(1).split()) - {"help"} <= listed
    assert "bench" in listed
