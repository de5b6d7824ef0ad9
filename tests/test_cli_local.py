"""The ``memsy-local`` command (issue 13, points 2 and 11), run as a user runs it."""

from __future__ import annotations

import itertools
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from memsy.cli import EXIT_CONNECTION
from memsy.local import LocalMemsy
from memsy.local.cli import STOP_SECONDS

from .cli_harness import MEMSY, MEMSY_LOCAL, TIMEOUT, env_for, memsy, memsy_local, shell

EXPORTED = ("MEMSY_BASE_URL", "MEMSY_CONTROL_URL", "MEMSY_API_KEY")


def test_run_reports_a_missing_command_without_a_traceback() -> None:
    result = memsy_local("run", "--", "no-such-command-for-memsy")
    assert result.code == 127
    assert result.err.strip() == "memsy-local run: no-such-command-for-memsy: command not found"
    assert "Traceback" not in result.err


def test_run_reports_a_file_that_is_not_executable(tmp_path: Path) -> None:
    script = tmp_path / "script.sh"
    script.write_text("echo hi\n")
    result = memsy_local("run", "--", str(script))
    assert result.code == 126 and "permission denied" in result.err and "Traceback" not in result.err


def test_run_passes_the_environment_and_the_exit_code_through() -> None:
    check = "import os, sys; print(os.environ['MEMSY_BASE_URL']); sys.exit(7)"
    result = memsy_local("run", "--", sys.executable, "-c", check)
    assert result.code == 7 and result.out.startswith("http://127.0.0.1:") and result.out.strip().endswith("/v1")
    assert memsy_local("run").code == 2


def test_serve_env_prints_lines_a_shell_can_source(tmp_path: Path) -> None:
    with _serving("serve", "--port", "0", "--env") as (process, lines):
        assert [line.split("=", 1)[0] for line in lines] == [f"export {name}" for name in EXPORTED]
        env_file = tmp_path / "memsy.env"
        env_file.write_text("\n".join(lines) + "\n")
        result = shell(None, f". {env_file} && memsy health && memsy me --json")
        assert result.code == 0, result.err
        assert result.out.startswith("ok (version memsy.local") and '"org_role": "org:admin"' in result.out
        process.send_signal(signal.SIGTERM)  # stops cleanly
        assert process.wait(timeout=TIMEOUT) == 0
        assert process.stdout is not None and process.stdout.read() == b""  # nothing but the export lines
        assert process.stderr is not None and b"memsy.local: a local Memsy" in process.stderr.read()


def test_serve_prints_a_banner_with_pasteable_lines(tmp_path: Path) -> None:
    with _serving("serve", "--port", "0", "--db", str(tmp_path / "m.db"), expect=4) as (process, lines):
        assert len(lines) == 4 and f"(storage: {tmp_path / 'm.db'})" in lines[0] and "paste into a shell" in lines[0]
        assert [line.split("=", 1)[0] for line in lines[1:]] == [f"export {name}" for name in EXPORTED]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=TIMEOUT) == 0


def test_serve_stops_cleanly_on_a_signal_right_after_the_first_banner_line(tmp_path: Path) -> None:
    # The handlers used to be installed only after the banner: a Ctrl-C in between exited 130 with the server
    # still running, or hung. Each round signals as soon as the first line is out.
    for round_, number in enumerate([signal.SIGINT] * 5 + [signal.SIGTERM]):
        with _serving("serve", "--port", "0", "--db", str(tmp_path / f"m{round_}.db"), expect=1) as (process, _):
            process.send_signal(number)
            try:
                code = process.wait(timeout=STOP_SECONDS + 10)
            except subprocess.TimeoutExpired:
                raise AssertionError(f"round {round_}: still running after {number!r}") from None
            assert process.stderr is not None
            err = process.stderr.read().decode()
        assert code == 0 and err == "", (round_, number, code, err)
        again = memsy_local("key", "create", "--db", str(tmp_path / f"m{round_}.db"), "--org", "o")
        assert again.code == 0, again.err  # the database was closed properly: it opens again


def test_serve_started_with_ctrl_c_ignored_keeps_ignoring_it() -> None:
    # As a shell without job control starts `memsy-local serve &`: the script's Ctrl-C is not for the server.
    with _serving("serve", "--port", "0", expect=4, ignoring_sigint=True) as (process, _):
        process.send_signal(signal.SIGINT)
        time.sleep(0.5)
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=TIMEOUT) == 0


def test_serve_stops_within_a_bound_while_a_request_is_in_flight() -> None:
    with _serving("serve", "--port", "0", "--env") as (process, lines):
        client = _held_request(_exported(lines))
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=STOP_SECONDS + 20)
        took = time.monotonic() - started
        assert process.stderr is not None
        err = process.stderr.read().decode()
        assert code == 1 and f"did not stop within {STOP_SECONDS:g} seconds" in err and "Traceback" not in err
        assert STOP_SECONDS - 0.5 < took < STOP_SECONDS + 15, took
        assert client.wait(timeout=TIMEOUT) == EXIT_CONNECTION  # the held request was cut, and memsy says so


def test_a_second_ctrl_c_stops_serve_at_once() -> None:
    with _serving("serve", "--port", "0", "--env") as (process, lines):
        client = _held_request(_exported(lines))
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        time.sleep(0.3)
        assert process.poll() is None  # waiting for the held request
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=TIMEOUT)
        assert time.monotonic() - started < STOP_SECONDS
        assert process.stderr is not None
        err = process.stderr.read().decode()
        assert code == 130 and "stopped at a second signal" in err and "Traceback" not in err
        assert client.wait(timeout=TIMEOUT) == EXIT_CONNECTION


def _exported(lines: list[str]) -> dict[str, str]:
    """The variables of ``export NAME=VALUE`` lines (the values need no quoting)."""
    return dict(line.removeprefix("export ").split("=", 1) for line in lines if line.startswith("export "))


def _held_request(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``memsy health`` running, held by the server for a minute (a slow fault), once the server holds it."""
    host = env["MEMSY_BASE_URL"].removesuffix("/v1")
    headers = {"Authorization": f"Bearer {env['MEMSY_API_KEY']}"}
    slow = {"kind": "slow", "seconds": 60, "path": "/v1/health"}
    assert httpx.post(f"{host}/_local/faults", json=slow, headers=headers).json() == {"pending": 1}
    client = subprocess.Popen(
        [MEMSY, "health", "--http-timeout", "120"],
        env=env_for(None, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Each probe adds a fault for a path nothing requests: once the count equals the probes, the slow one was taken.
    probe, deadline = {"kind": "respond", "path": "/_unrequested"}, time.monotonic() + TIMEOUT
    for probes in itertools.count(1):
        if httpx.post(f"{host}/_local/faults", json=probe, headers=headers).json() == {"pending": probes}:
            return client
        assert time.monotonic() < deadline and client.poll() is None, "memsy health never reached the server"
        time.sleep(0.05)
    raise AssertionError("unreachable")


def test_serve_on_a_port_in_use_says_so() -> None:
    with LocalMemsy() as busy:
        result = memsy_local("serve", "--port", str(busy.port))
    assert result.code == 1 and "--port" in result.err and "Traceback" not in result.err


def test_key_create_makes_a_key_of_any_org(tmp_path: Path) -> None:
    db = str(tmp_path / "keys.db")
    created = memsy_local("key", "create", "--db", db, "--org", "org_other", "--scopes", "read")
    assert created.code == 0, created.err
    key = created.out.strip()
    assert key.startswith("msy_") and len(created.out.splitlines()) == 1
    with LocalMemsy(db=db) as server:
        me = memsy(server, "me", "--json", MEMSY_API_KEY=key)
        assert me.code == 0 and '"org_id": "org_other"' in me.out
        refused = memsy(
            server,
            "ingest",
            "-",
            stdin='{"actor_id":"a","session_id":"s","kind":"app_event","content":"x"}\n',
            MEMSY_API_KEY=key,
        )
        assert refused.code == 3  # a read-only key may not ingest


def test_key_create_refuses_bad_input() -> None:
    assert memsy_local("key", "create", "--org", "o").code == 2  # --db is required
    bad_scope = memsy_local("key", "create", "--db", "x.db", "--org", "o", "--scopes", "read,admin")
    assert bad_scope.code == 2 and "each one of read, write" in bad_scope.err
    in_memory = memsy_local("key", "create", "--db", ":memory:", "--org", "o")
    assert in_memory.code == 2 and "--db must be a file" in in_memory.err


def test_python_dash_m_memsy_local_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "memsy.local", "--version"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env_for(None),
    )
    assert result.returncode == 0 and result.stdout.startswith("memsy-local ")


class _serving:
    """``memsy-local ARGS`` in the background until at least ``expect`` lines of stdout arrived (bounded), with
    the lines received so far; killed on exit if it is still running."""

    def __init__(self, *args: str, expect: int = 3, ignoring_sigint: bool = False) -> None:
        self.args, self.expect, self.ignoring_sigint = args, expect, ignoring_sigint

    def __enter__(self) -> tuple[subprocess.Popen[bytes], list[str]]:
        self.process = subprocess.Popen(
            [MEMSY_LOCAL, *self.args],
            env=env_for(None),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if self.ignoring_sigint else None,
        )
        assert self.process.stdout is not None
        received, deadline = b"", time.monotonic() + TIMEOUT
        while received.count(b"\n") < self.expect and time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    break
                received += chunk
        lines = received.decode().splitlines()
        assert len(lines) >= self.expect, (lines, self.process.poll())
        return self.process, lines

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
