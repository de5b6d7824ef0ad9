"""The examples run, as a user would run them, against memsy.local."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def run_example(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memsy.local", "run", "--", sys.executable, *command],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )


def test_quickstart() -> None:
    result = run_example(str(ROOT / "examples" / "quickstart.py"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Ingested 5 events for 2 actors" in out
    assert "Processed: 5 completed, 0 failed" in out
    assert "from user_message: 'I prefer window seats on long flights.'" in out
    assert "event metadata: {'tool': 'loyalty_lookup', 'tier': 'gold'}" in out
    assert "Actors: ada (3 memories), grace (2 memories)" in out
    assert "Control plane: admin@memsy.local in org_local" in out


def test_async_agent_loop() -> None:
    result = run_example(str(ROOT / "examples" / "async_agent.py"))
    assert result.returncode == 0, result.stderr
    assert "Based on what you told me before ('I love quiet hotels near parks.')" in result.stdout
    assert "API calls this period:" in result.stdout


def test_bulk_backfill() -> None:
    result = run_example(str(ROOT / "examples" / "bulk_backfill.py"), str(ROOT / "examples" / "data" / "history.jsonl"))
    assert result.returncode == 0, result.stderr
    assert "backfilled 250 events" in result.stdout
    assert "processed: 250 completed, 0 failed" in result.stdout


def test_admin_tour() -> None:
    result = run_example(str(ROOT / "examples" / "admin_tour.py"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "admin@memsy.local (org:admin) in org_local" in out
    assert "...but not ingest: insufficient_scope (needs write)" in out
    assert "billing is not enabled (express interest at /api/interest/pro)" in out
    assert "Interest recorded" in out


def test_testing_your_app_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "examples/testing_your_app"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_local_run_reports_a_missing_command() -> None:
    result = subprocess.run([sys.executable, "-m", "memsy.local", "run"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "give the command" in result.stderr


def test_local_run_passes_the_exit_code_through() -> None:
    code = "import os, sys; sys.exit(7 if os.environ['MEMSY_BASE_URL'].endswith('/v1') else 1)"
    result = subprocess.run([sys.executable, "-m", "memsy.local", "run", "--", sys.executable, "-c", code], timeout=60)
    assert result.returncode == 7
