"""The `memsy` command line, end to end against memsy.local."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from memsy.cli import EXIT_API, EXIT_CONNECTION, EXIT_OK, EXIT_USAGE, EXIT_WAIT_TIMEOUT, main
from memsy.local import LocalMemsy


@pytest.fixture
def local_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalMemsy]:
    with LocalMemsy(processing_delay=0.0, validate_responses=True) as server:
        monkeypatch.setenv("MEMSY_BASE_URL", server.data_url)
        monkeypatch.setenv("MEMSY_API_KEY", server.api_key)
        yield server
        assert not server.violations


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_events(path: Path, count: int) -> Path:
    lines = [
        json.dumps(
            {"actor_id": f"u{i % 3}", "session_id": "cli", "kind": "user_message", "content": f"I like tea {i}."}
        )
        for i in range(count)
    ]
    path.write_text("\n".join(["# exported chat", *lines, ""]))
    return path


def test_health_and_json(local_env: LocalMemsy) -> None:
    code, out, _ = run("health")
    assert code == EXIT_OK and out.startswith("ok (version memsy.local")
    code, out, _ = run("health", "--json")
    assert json.loads(out)["status"] == "ok"


def test_ingest_wait_search_status(local_env: LocalMemsy, tmp_path: Path) -> None:
    code, out, _ = run("ingest", str(write_events(tmp_path / "e.jsonl", 5)), "--json")
    assert code == EXIT_OK
    ids = json.loads(out)["event_ids"]
    assert len(ids) == 5
    code, out, _ = run("wait", *ids, "--poll-interval", "0.05")
    assert code == EXIT_OK and "5 completed, 0 failed, 0 pending" in out
    code, out, _ = run("status", ids[0])
    assert code == EXIT_OK and "completed" in out
    code, out, _ = run("search", "tea", "--actor", "u1", "--sources")
    assert code == EXIT_OK and "SCORE" in out and "I like tea 1." in out and "<- user_message" in out
    code, out, _ = run("search", "tea", "--json", "--limit", "2")
    assert [r["content"].startswith("I like tea") for r in json.loads(out)] == [True, True]


def test_large_ingest_prints_ids_and_a_summary(local_env: LocalMemsy, tmp_path: Path) -> None:
    code, out, err = run("ingest", str(write_events(tmp_path / "big.jsonl", 1200)), "--batch-size", "200")
    assert code == EXIT_OK
    assert len(set(out.split())) == 1200  # the ids, one per line
    assert err.startswith("Ingested 1200 events as 1200 ids")
    assert "[#" not in err  # stderr is no terminal here (the bar on a terminal: test_cli_as_a_user.py)


def test_memories_actors_me_usage(local_env: LocalMemsy, tmp_path: Path) -> None:
    _, out, _ = run("ingest", str(write_events(tmp_path / "e.jsonl", 3)), "--json")
    run("wait", *json.loads(out)["event_ids"], "--poll-interval", "0.05")
    code, out, _ = run("memories", "list", "--limit", "2")
    assert code == EXIT_OK and "showing 1-2 of 3" in out
    memory_id = json.loads(run("memories", "list", "--json")[1])["items"][0]["memory_id"]
    code, out, _ = run("memories", "get", memory_id)
    assert code == EXIT_OK and memory_id in out
    code, out, _ = run("memories", "stats", "--json")
    assert json.loads(out)["total_memories"] == 3
    code, out, _ = run("actors", "list")
    assert code == EXIT_OK and "3 actors" in out
    code, out, _ = run("actors", "get", "u0")
    assert code == EXIT_OK and "memory_count" in out
    code, out, _ = run("me")
    assert code == EXIT_OK and "org:admin" in out
    code, out, _ = run("usage")
    assert code == EXIT_OK and "events_ingested" in out and "rate limit:" in out


def test_exit_codes_and_messages(local_env: LocalMemsy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("frobnicate")[0] == EXIT_USAGE
    code, _, err = run("memories", "get")
    assert code == EXIT_USAGE and "needs a memory id" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"actor_id": "a", "session_id": "s", "kind": "chat", "content": "x"}\n')
    code, _, err = run("ingest", str(bad))
    assert code == EXIT_USAGE and "bad.jsonl:1: kind must be one of" in err
    (tmp_path / "broken.jsonl").write_text("{not json\n")
    code, _, err = run("ingest", str(tmp_path / "broken.jsonl"))
    assert code == EXIT_USAGE and "broken.jsonl:1: not valid JSON" in err
    code, _, err = run("ingest", str(tmp_path / "missing.jsonl"))
    assert code == EXIT_USAGE and "cannot read" in err
    code, _, err = run("memories", "get", "no-such-memory")
    assert code == EXIT_API and "404" in err
    local_env.faults.rate_limit(times=4, retry_after="0")
    code, _, err = run("search", "x")
    assert code == EXIT_API and "rate limited" in err
    monkeypatch.setenv("MEMSY_API_KEY", "msy_" + "0" * 32)
    code, _, err = run("health")  # health without a valid key is refused too, when a key is sent
    assert code == EXIT_API and "set MEMSY_API_KEY" in err
    monkeypatch.delenv("MEMSY_API_KEY")
    code, _, err = run("health")
    assert code == EXIT_USAGE and "MEMSY_API_KEY" in err
    monkeypatch.setenv("MEMSY_API_KEY", local_env.api_key)
    local_env.faults.drop()
    code, _, err = run("health")
    assert code == EXIT_CONNECTION and "check MEMSY_BASE_URL" in err


def test_wait_timeout_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalMemsy(processing_delay=60) as server:
        monkeypatch.setenv("MEMSY_BASE_URL", server.data_url)
        monkeypatch.setenv("MEMSY_API_KEY", server.api_key)
        from memsy import MemsyClient

        with MemsyClient() as client:
            ids = client.ingest(
                [{"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "x"}]
            ).event_ids
        code, out, err = run("wait", *ids, "--timeout", "0.2", "--poll-interval", "0.05")
        assert code == EXIT_WAIT_TIMEOUT and "still pending" in err and "pending" in out


def test_console_script_is_installed(local_env: LocalMemsy) -> None:
    script = Path(sys.executable).with_name("memsy")
    result = subprocess.run([str(script), "health"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("ok")


def test_local_subcommand_runs_memsy_local() -> None:
    check = "import os, sys; sys.exit(0 if os.environ['MEMSY_BASE_URL'].endswith('/v1') else 1)"
    code, _, _ = run("local", "run", "--", sys.executable, "-c", check)
    assert code == EXIT_OK
