"""The examples run, as a user would run them, against memsy.local."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_quickstart_runs_against_a_local_memsy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "memsy.local", "run", "--", sys.executable, str(ROOT / "examples" / "quickstart.py")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Ingested 5 events for 2 actors" in out
    assert "Processed: 5 completed, 0 failed" in out
    assert "I prefer window seats on long flights." in out
    assert "from user_message: 'I prefer window seats on long flights.'" in out
    assert "event metadata: {'tool': 'loyalty_lookup', 'tier': 'gold'}" in out
    assert "Actors: ada (3 memories), grace (2 memories)" in out
    assert "Control plane: admin@memsy.local in org_local" in out


def test_local_run_reports_a_missing_command() -> None:
    result = subprocess.run([sys.executable, "-m", "memsy.local", "run"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "give the command" in result.stderr


def test_local_run_passes_the_exit_code_through() -> None:
    code = "import os, sys; sys.exit(7 if os.environ['MEMSY_BASE_URL'].endswith('/v1') else 1)"
    result = subprocess.run([sys.executable, "-m", "memsy.local", "run", "--", sys.executable, "-c", code], timeout=60)
    assert result.returncode == 7
