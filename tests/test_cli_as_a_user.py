"""The ``memsy`` command as users of gh and the stripe CLI expect it (issue 13), through the installed command:
a subprocess with real pipes against a memsy.local on 127.0.0.1."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import httpx

from memsy import MemsyClient, __version__
from memsy.cli import (
    EXIT_API,
    EXIT_BROKEN_PIPE,
    EXIT_CONNECTION,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WAIT_TIMEOUT,
)
from memsy.local import LocalMemsy
from memsy.local.server import free_port

from .cli_harness import MEMSY, MEMSY_LOCAL, TIMEOUT, env_for, event, memsy, shell, write_jsonl


def ingest(server: LocalMemsy, events: list[dict[str, object]]) -> list[str]:
    """Events ingested and processed through the SDK (the setup of a test, not what it checks)."""
    with MemsyClient(server.data_url, api_key=server.api_key) as client:
        ids = client.ingest_many(events, batch_size=500).event_ids
    server.process_pending()
    return ids


# ------------------------------------------------------------------------------------ 1. global options anywhere


def test_global_options_before_the_command_are_used(server: LocalMemsy) -> None:
    wrong_key = "msy_" + "0" * 32
    for argv in (("--api-key", wrong_key, "me"), ("me", "--api-key", wrong_key)):
        result = memsy(server, *argv)  # the environment holds a valid key; the typed one must win
        assert result.code == EXIT_API and "HTTP 401" in result.err, argv

    closed = f"http://127.0.0.1:{free_port()}/v1"
    for argv in (("--base-url", closed, "health"), ("health", "--base-url", closed)):
        result = memsy(server, *argv)
        assert result.code == EXIT_CONNECTION and closed in result.err, argv

    for argv in (("--json", "health"), ("health", "--json")):
        result = memsy(server, *argv)
        assert result.code == EXIT_OK and json.loads(result.out)["status"] == "ok", argv

    control = memsy(server, "--control-url", closed.replace("/v1", "/api"), "me")
    assert control.code == EXIT_CONNECTION
    assert memsy(server, "--json", "--http-timeout", "10", "me").code == EXIT_OK


def test_timeout_seconds_is_refused_with_the_option_to_use(server: LocalMemsy) -> None:
    # Once a hidden name of --http-timeout: `wait ID --timeout-seconds 600` set the HTTP timeout and waited the
    # default --timeout. Refused before anything is sent, pointing at the option meant.
    (event_id,) = ingest(server, [event(content="Processed already.")])
    for argv in (
        ("wait", event_id, "--timeout-seconds", "600"),
        ("connectors", "connect", "slack", "--timeout-seconds=5"),
    ):
        result = memsy(server, *argv)
        assert result.code == EXIT_USAGE and result.out == "", argv
        assert "--timeout-seconds is no longer accepted: --timeout SECONDS is how long to wait;" in result.err, argv
        assert "--http-timeout SECONDS (its new name) limits each HTTP request" in result.err, argv
    for argv in (("me", "--timeout-seconds", "10"), ("--timeout-seconds", "10", "me")):
        result = memsy(server, *argv)
        assert result.code == EXIT_USAGE and result.out == "", argv
        assert "--timeout-seconds is no longer accepted: --http-timeout SECONDS" in result.err, argv
        assert "--timeout SECONDS" not in result.err, argv  # no wait to limit
    assert memsy(server, "connectors", "list", "--json").out.strip() == "[]"  # connect sent nothing


def test_version() -> None:
    for argv in ([MEMSY, "--version"], [MEMSY_LOCAL, "--version"]):
        result = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, env=env_for(None))
        assert result.returncode == 0 and result.stdout.split()[-1] == __version__, argv


# ----------------------------------------------------------------------------- 3. progress only on a terminal


def test_the_progress_bar_is_drawn_on_a_terminal_only(server: LocalMemsy, tmp_path: Path) -> None:
    events = [event(f"u{i % 7}", f"Fact {i} about tea.") for i in range(1200)]
    path = write_jsonl(tmp_path / "big.jsonl", events)

    piped = memsy(server, "ingest", str(path), "--batch-size", "200")
    assert piped.code == EXIT_OK
    assert "\r" not in piped.err and "[#" not in piped.err
    assert piped.err.startswith("Ingested 1200 events as 1200 ids")

    terminal = _stderr_on_a_terminal([MEMSY, "ingest", str(path), "--batch-size", "200"], env_for(server))
    assert "\r[" in terminal and "] 1200/1200 events" in terminal


def _stderr_on_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    """What ``argv`` writes to stderr when stderr is a pseudo-terminal (stdout stays a pipe)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=terminal, stdin=subprocess.DEVNULL)
    os.close(terminal)
    chunks, deadline = [], time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the last holder of the terminal closed it
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.stdout is not None
    process.stdout.read()
    assert process.wait(timeout=TIMEOUT) == EXIT_OK
    return b"".join(chunks).decode()


# --------------------------------------------------------------------------------- 4. a closed pipe is quiet


def test_a_closed_output_pipe_ends_quietly(server: LocalMemsy) -> None:
    ingest(server, [event(f"u{i}", f"Memory {i}: " + "tea " * 150) for i in range(250)])
    for argv in (["memories", "list", "--json", "--limit", "200"], ["status", "-"]):
        stdin = "\n".join(f"evt_{i:05d}" for i in range(3000)) if "status" in argv else ""
        process = subprocess.Popen(
            [MEMSY, *argv],
            env=env_for(server),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        process.stdin.write(stdin.encode())
        process.stdin.close()
        assert process.stdout.readline()  # the reader takes one line, then goes away (what `| head -1` does)
        process.stdout.close()
        assert process.wait(timeout=TIMEOUT) == EXIT_BROKEN_PIPE, argv
        assert process.stderr.read() == b"", argv

    result = shell(server, 'memsy memories list --json --limit 200 | head -1; echo "exit ${PIPESTATUS[0]}"')
    assert result.out == "{\nexit 141\n" and result.err == ""


# ---------------------------------------------------------------------------------------- 5. ingest summary


def test_ingest_prints_the_ids_and_an_honest_summary(server: LocalMemsy, tmp_path: Path) -> None:
    same = event("ada", "I always book an aisle seat.")
    path = write_jsonl(tmp_path / "repeats.jsonl", [same, same, same])
    result = memsy(server, "ingest", str(path))
    assert result.code == EXIT_OK
    ids = result.out.split()
    assert len(ids) == 1 and re.fullmatch(r"\S+", ids[0])
    assert result.err.startswith("Ingested 3 events as 1 id in ")
    assert "; 2 events repeated earlier ones and share their ids." in result.err
    assert "new ids" not in result.err

    again = memsy(server, "ingest", str(path))  # all three collapse onto the id of the first run
    assert again.out.split() == ids and "as 1 id" in again.err and "new" not in again.err

    one = memsy(server, "ingest", str(write_jsonl(tmp_path / "one.jsonl", [event(content="Just one.")])))
    assert one.err.startswith("Ingested 1 event as 1 id in ") and not re.search(r"(?<![\d.])1 events\b", one.err)

    as_json = json.loads(memsy(server, "ingest", str(path), "--json").out)
    assert as_json["events"] == 3 and as_json["unique_ids"] == 1 and as_json["event_ids"] == ids * 3

    piped = shell(server, f"memsy ingest {path} | memsy wait - --poll-interval 0.05")
    assert piped.code == EXIT_OK and re.search(rf"{ids[0]}\s+completed", piped.out)


# ------------------------------------------------------------------------------------------- 6. unknown ids


def test_unknown_ids_are_reported_not_waited_on(server: LocalMemsy) -> None:
    (known,) = ingest(server, [event(content="I like green tea.")])
    started = time.monotonic()
    result = memsy(server, "wait", "evt_no_such_event", known, "--timeout", "60", "--poll-interval", "0.05")
    assert time.monotonic() - started < 30, "wait sat out its timeout on an id the service does not know"
    assert result.code == EXIT_API
    assert re.search(r"evt_no_such_event\s+unknown", result.out) and re.search(rf"{known}\s+completed", result.out)
    assert "1 completed, 0 failed, 0 pending, 1 unknown" in result.out
    assert "1 event id unknown to the service (evt_no_such_event)" in result.err

    status = memsy(server, "status", known, "evt_no_such_event")
    assert status.code == EXIT_OK and "1 completed, 0 failed, 0 pending, 1 unknown" in status.out
    assert "unknown to the service" in status.err

    data = json.loads(memsy(server, "status", "--json", known, "evt_no_such_event").out)
    assert data["unknown_ids"] == ["evt_no_such_event"] and data["completed_ids"] == [known]
    assert data["statuses"] == {known: "completed", "evt_no_such_event": "unknown"}


def test_a_pending_event_next_to_an_unknown_one_is_still_waited_for() -> None:
    with LocalMemsy(processing_delay=60) as slow:
        with MemsyClient(slow.data_url, api_key=slow.api_key) as client:
            (pending,) = client.ingest([event(content="Processed in a minute.")]).event_ids
        result = memsy(slow, "wait", pending, "evt_no_such_event", "--timeout", "0.5", "--poll-interval", "0.05")
    assert result.code == EXIT_WAIT_TIMEOUT
    assert re.search(rf"{pending}\s+pending", result.out) and re.search(r"evt_no_such_event\s+unknown", result.out)
    assert "1 of 2 events still pending after --timeout 0.5 seconds" in result.err


def test_ids_are_read_from_stdin_with_a_dash(server: LocalMemsy) -> None:
    ids = ingest(server, [event(content=f"Fact {i}.") for i in range(3)])
    stdin = f"{ids[0]}\n{ids[1]} {ids[2]}\n"
    for command in ("status", "wait"):
        result = memsy(server, command, "-", stdin=stdin)
        assert result.code == EXIT_OK and "3 completed, 0 failed, 0 pending, 0 unknown" in result.out, command
    assert "- " not in memsy(server, "status", "-", stdin=stdin).out  # '-' is not taken for an id

    many = "\n".join([*ids, *(f"evt_{i}" for i in range(600))])  # more ids than one status request takes
    result = memsy(server, "status", "-", stdin=many)
    assert result.code == EXIT_OK and "3 completed, 0 failed, 0 pending, 600 unknown" in result.out

    empty = memsy(server, "wait", "-", stdin="")
    assert empty.code == EXIT_USAGE and "no event ids on stdin" in empty.err


# ------------------------------------------------------------------------------ 7. every bad line, with file:line


def test_every_bad_line_is_reported_with_its_line_number(server: LocalMemsy, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            event(content="fine"),
            {**event(), "kind": "chat"},
            "{not json",
            event(content="also fine"),
            "[1, 2]",
            event(content="   "),
            {"actorId": "ada", "session_id": "s", "kind": "user_message", "content": "x"},
        ],
        comment="an export",
    )
    result = memsy(server, "ingest", str(path))
    assert result.code == EXIT_USAGE and result.out == ""
    assert f"5 bad lines in {path}; nothing was sent" in result.err
    for line, message in (
        (3, "kind must be one of"),
        (4, "not valid JSON"),
        (6, "expected a JSON object"),
        (7, "content must not be empty"),
        (8, "event has unknown field(s) actorId"),
    ):
        assert f"{path}:{line}: {message}" in result.err, (line, result.err)
    assert "event 2 of" not in result.err
    dimensions = json.loads(memsy(server, "usage", "--json").out)["summary"]["dimensions"]
    assert [d["used"] for d in dimensions if d["dimension"] == "events_ingested"] == [0]

    bad = write_jsonl(tmp_path / "bad.jsonl", ["{oops"] * 45)
    capped = memsy(server, "ingest", str(bad))
    assert capped.code == EXIT_USAGE and "45 bad lines" in capped.err and "(the first 20 below)" in capped.err
    assert f"{bad}:20:" in capped.err and f"{bad}:21:" not in capped.err

    from_stdin = memsy(server, "ingest", "-", stdin='{"actor_id": "a"}\n')
    assert from_stdin.code == EXIT_USAGE and "<stdin>:1:" in from_stdin.err


# ------------------------------------------------------------------------------------------------ 9. hints


def test_a_timeout_points_at_the_timeout_option(server: LocalMemsy) -> None:
    server.faults.slow(3.0, times=1)
    result = memsy(server, "--http-timeout", "1", "health")
    assert result.code == EXIT_CONNECTION
    assert "no answer within --http-timeout 1 second from" in result.err and "raise --http-timeout" in result.err
    assert "check MEMSY_BASE_URL" not in result.err and "timeout=" not in result.err


def test_a_control_plane_connection_failure_names_the_control_plane_settings(server: LocalMemsy) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    for argv, env, origin in (
        (("--control-url", f"{closed}/api", "connectors", "providers"), {}, ""),
        (("me",), {"MEMSY_CONTROL_URL": f"{closed}/api"}, ""),
        (("usage",), {"MEMSY_BASE_URL": f"{closed}/v1"}, ", from the host of MEMSY_BASE_URL"),
        (("--base-url", f"{closed}/v1", "connectors", "list"), {}, ", from the host of --base-url"),
    ):
        result = memsy(server, *argv, **env)
        assert result.code == EXIT_CONNECTION, (argv, result.err)
        hint = f"check MEMSY_CONTROL_URL (or --control-url; tried {closed}/api{origin}) and that the service is"
        assert hint in result.err and "check MEMSY_BASE_URL" not in result.err, (argv, result.err)

    data = memsy(server, "--base-url", f"{closed}/v1", "health")  # the data plane keeps its own settings
    assert data.code == EXIT_CONNECTION and f"check MEMSY_BASE_URL (or --base-url; tried {closed}/v1)" in data.err

    epilog = memsy(None, "--help").out
    assert "MEMSY_CONTROL_URL  the control plane" in epilog and "for me, usage and connectors" in epilog


def test_a_missing_key_is_explained_in_command_line_terms(server: LocalMemsy) -> None:
    for command in ("health", "me"):
        result = memsy(server, command, MEMSY_API_KEY=None)
        assert result.code == EXIT_USAGE, command
        assert "set MEMSY_API_KEY=msy_..." in result.err and "--api-key" in result.err
        assert "api_key=" not in result.err


def test_rate_limiting_mentions_the_retries_and_shows_them_with_verbose(server: LocalMemsy) -> None:
    server.faults.rate_limit(times=8, retry_after="0.1")
    quiet = memsy(server, "search", "tea")
    assert quiet.code == EXIT_API
    assert "still rate limited (429) after retrying up to 3 times" in quiet.err
    assert "the service asks to wait 0.1 seconds" in quiet.err and "-v shows each retry" in quiet.err

    verbose = memsy(server, "-v", "search", "tea")
    assert verbose.code == EXIT_API
    assert [line for line in verbose.err.splitlines() if "retry" in line and "/3 in " in line], verbose.err
    assert "msy_" not in verbose.err


def test_search_sources_are_labelled_with_their_event_ids(server: LocalMemsy) -> None:
    (event_id,) = ingest(server, [event(content="I prefer window seats on long flights.")])
    result = memsy(server, "search", "window seats", "--sources")
    assert result.code == EXIT_OK
    memory_id = json.loads(memsy(server, "search", "window seats", "--json").out)[0]["id"]
    assert f"#1 <- user_message {event_id}: I prefer window seats" in result.out
    assert memory_id not in result.out


# ------------------------------------------------------------------------------------------- 10. readable times


def test_times_are_printed_for_people_and_kept_for_machines(server: LocalMemsy) -> None:
    ingest(server, [event(content="Seat 3A, please.")])
    result = memsy(server, "usage")
    assert result.code == EXIT_OK
    assert re.search(r"resets \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in \d+ seconds?\)", result.out), result.out
    reset = json.loads(memsy(server, "usage", "--json").out)["rate_limit"]["reset"]
    assert isinstance(reset, int) and str(reset) not in result.out

    actors = memsy(server, "actors", "list")
    assert re.search(r"ada\s+1\s+1\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", actors.out), actors.out
    actor = memsy(server, "actors", "get", "ada")
    assert re.search(r"last_memory_at\s+\S+Z \((now|\d+ seconds? ago)\)", actor.out), actor.out


def test_ctrl_c_ends_a_wait_quietly() -> None:
    with LocalMemsy(processing_delay=60) as slow:
        with MemsyClient(slow.data_url, api_key=slow.api_key) as client:
            (pending,) = client.ingest([event(content="Processed in a minute.")]).event_ids
        process = subprocess.Popen(
            [MEMSY, "-vv", "wait", pending, "--timeout", "60", "--poll-interval", "0.1"],
            env=env_for(slow),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        first = process.stderr.readline()  # -vv logs each request: the command is past start-up, polling
        assert "POST /v1/status -> 200" in first, first
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=TIMEOUT)
        rest = process.stderr.read()
        assert process.stdout is not None
        process.stdout.close()
        process.stderr.close()
    assert code == EXIT_INTERRUPTED and rest.splitlines()[-1] == "memsy: interrupted" and "Traceback" not in rest


# ------------------------------------------------------------ words that agree with their counts; empty fields


def test_counted_words_agree_with_their_counts(server: LocalMemsy, tmp_path: Path) -> None:
    same = event("ada", "I always book an aisle seat.")
    two = memsy(server, "ingest", str(write_jsonl(tmp_path / "two.jsonl", [same, same])))
    assert two.code == EXIT_OK and two.err.startswith("Ingested 2 events as 1 id in ")
    assert "; 1 event repeated an earlier one and shares its id." in two.err
    server.process_pending()
    actors = memsy(server, "actors", "list")
    assert actors.code == EXIT_OK and actors.out.splitlines()[-1] == "1 actor"

    waited = memsy(server, "connectors", "connect", "slack", "--wait", "--timeout", "1", "--poll-interval", "0.2")
    assert waited.code == EXIT_WAIT_TIMEOUT and "memsy: no consent within --timeout 1 second;" in waited.err
    link = waited.err.split("consent:\n  ", 1)[1].split()[0]
    connector_id = link.split("/_local/consent/")[1].split("?")[0]
    assert httpx.get(link, follow_redirects=True).status_code == 200
    unlisted = f"not listed by memsy connectors resources {connector_id}, so"
    one = memsy(server, "connectors", "select", connector_id, "C0NOPE")
    assert one.code == EXIT_USAGE and f"C0NOPE: {unlisted} its type is unknown; give it with --type" in one.err
    both = memsy(server, "connectors", "select", connector_id, "C0NOPE", "C0NEVER")
    assert both.code == EXIT_USAGE
    assert f"C0NOPE, C0NEVER: {unlisted} their types are unknown; give them with --type" in both.err


def test_wait_counts_agree_with_their_counts() -> None:
    with LocalMemsy(processing_delay=60) as slow:
        with MemsyClient(slow.data_url, api_key=slow.api_key) as client:
            (pending,) = client.ingest([event(content="Processed in a minute.")]).event_ids
        result = memsy(slow, "wait", pending, "--timeout", "1", "--poll-interval", "0.2")
    assert result.code == EXIT_WAIT_TIMEOUT
    assert "memsy: 1 of 1 event still pending after --timeout 1 second;" in result.err


def test_empty_fields_read_as_a_dash_and_json_keeps_null(server: LocalMemsy) -> None:
    ingest(server, [event(content="I prefer window seats.")])
    memory_id = json.loads(memsy(server, "memories", "list", "--json").out)["items"][0]["memory_id"]
    memory = memsy(server, "memories", "get", memory_id)
    assert memory.code == EXIT_OK
    assert re.search(r"^summary +-$", memory.out, re.M) and re.search(r"^pinned +no$", memory.out, re.M), memory.out
    assert not re.search(r"\b(None|True|False)\b", memory.out), memory.out
    data = json.loads(memsy(server, "memories", "get", memory_id, "--json").out)
    assert data["summary"] is None and data["pinned"] is False

    connector_id = json.loads(memsy(server, "connectors", "connect", "notion", "--json").out)["connector_id"]
    connector = memsy(server, "connectors", "get", connector_id)
    assert connector.code == EXIT_OK and re.search(r"^display_name +-$", connector.out, re.M), connector.out
    assert not re.search(r"\bNone\b", connector.out), connector.out
    assert json.loads(memsy(server, "connectors", "get", connector_id, "--json").out)["display_name"] is None
