"""`memsy connectors ...` end to end against memsy.local: in-process for the flow, and as a subprocess with real
pipes for waiting on consent and for a closed output pipe."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterator

import httpx
import pytest

from memsy.cli import EXIT_API, EXIT_BROKEN_PIPE, EXIT_OK, EXIT_USAGE, EXIT_WAIT_TIMEOUT, main
from memsy.local import LocalMemsy

from .cli_harness import MEMSY, TIMEOUT, env_for, memsy
from .conftest import contract

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
S3_ENV = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_REGION": "eu-west-1"}


@pytest.fixture
def local_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalMemsy]:
    with LocalMemsy(processing_delay=0.0, validate_responses=True) as server:
        monkeypatch.setenv("MEMSY_BASE_URL", server.data_url)
        monkeypatch.setenv("MEMSY_API_KEY", server.api_key)
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"):
            monkeypatch.delenv(name, raising=False)
        yield server
        assert not server.violations


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["connectors", *argv], out=out, err=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def connect(provider: str) -> str:
    """``memsy connectors connect PROVIDER``, then the browser's consent; the connector id."""
    code, out, err = run("connect", provider)
    assert code == EXIT_OK and len(out.splitlines()) == 1 and "open this link in a browser" in err
    assert httpx.get(out.strip(), follow_redirects=True).status_code == 200
    return out.strip().split("/_local/consent/")[1].split("?")[0]


def test_providers_table_and_json(local_env: LocalMemsy) -> None:
    code, out, _ = run("providers")
    assert code == EXIT_OK
    assert re.search(r"google_drive +member \(own\)", out) and re.search(r"slack +org admin or API key", out)
    code, out, _ = run("providers", "--json")
    assert json.loads(out) == contract()["components"]["schemas"]["ConnectorProvider"]["enum"]


def test_connect_select_sync_delete(local_env: LocalMemsy) -> None:
    code, out, _ = run("connect", "slack")
    connector_id = out.strip().split("/_local/consent/")[1].split("?")[0]
    code, out, err = run("resources", connector_id)
    assert code == EXIT_API and "connector_not_authorized" in err and "connect PROVIDER --wait" in err
    assert httpx.get(f"{local_env.url}/_local/consent/{connector_id}?state=wrong").status_code == 404
    code, out, _ = run("connect", "slack")  # a fresh link for the same connector, then consent
    assert httpx.get(out.strip(), follow_redirects=True).status_code == 200

    code, out, err = run("resources", connector_id)
    assert code == EXIT_OK and re.search(r"C0GENERAL +channel +general", out)
    assert f"memsy connectors select {connector_id}" in err
    code, _, err = run("sync", connector_id)
    assert code == EXIT_API and "select its resources first" in err

    code, _, err = run("select", connector_id, "C0GENERAL", "C0NOPE")
    assert code == EXIT_USAGE and "C0NOPE" in err and "--type" in err
    code, out, err = run("select", connector_id, "C0GENERAL", "C0TRAVEL")  # types taken from the listing
    assert code == EXIT_OK and re.search(r"status +active", out) and "backfill started" in err
    local_env.process_pending()
    searched = io.StringIO()
    assert main(["search", "refundable fares"], out=searched, err=io.StringIO()) == EXIT_OK
    assert "refundable fares" in searched.getvalue()

    code, out, _ = run("resources", connector_id, "--json")
    assert [r["selected"] for r in json.loads(out)] == [True, True, False, False]
    code, out, _ = run("list")
    assert code == EXIT_OK and re.search(rf"{connector_id} +slack +active +Acme Travel", out)
    code, out, _ = run("sync", connector_id, "--json")
    assert code == EXIT_OK and json.loads(out)["status"] == "active"
    code, out, _ = run("get", connector_id, "--json")
    assert json.loads(out)["id"] == connector_id
    code, _, err = run("connect", "slack")
    assert code == EXIT_API and "connector_already_connected" in err and "delete it first" in err

    code, out, _ = run("delete", connector_id)
    assert (code, out) == (EXIT_OK, f"deleted {connector_id}\n")
    code, _, err = run("get", connector_id)
    assert code == EXIT_API and "404" in err


def test_folders_branches_and_types_that_are_not_listed(local_env: LocalMemsy) -> None:
    onedrive = connect("onedrive")
    code, out, _ = run("resources", onedrive, "--parent", "01DOCS")
    assert code == EXIT_OK and "Expense policy.docx" in out and "Welcome.docx" not in out
    code, _, err = run("select", onedrive, "01DOCS-POLICY")  # inside a folder: not in the top listing
    assert code == EXIT_USAGE and "--type" in err
    assert run("select", onedrive, "01DOCS-POLICY", "--type", "file")[0] == EXIT_OK

    github = connect("github")
    code, out, _ = run("resources", github, "--repo", "acme/booking-api")
    assert code == EXIT_OK and re.search(r"acme/booking-api:main +default_branch +main", out)
    assert run("resources", github, "--repo", "acme/x", "--parent", "y")[0] == EXIT_USAGE
    code, out, _ = run("select", github, "acme/booking-api:develop", "--type", "branch", "--json")
    assert code == EXIT_OK and json.loads(out)["status"] == "active"
    code, _, err = run("resources", github, "--parent", "x")
    assert code == EXIT_API and "provider_cannot_navigate" in err


def test_configure_s3_takes_the_secret_from_the_environment_or_stdin_never_argv(
    local_env: LocalMemsy, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run("connect", "s3")
    assert code == EXIT_API and "memsy connectors configure-s3" in err
    code, _, err = run("configure-s3", "--bucket", "acme-notes")
    assert code == EXIT_USAGE and "AWS_ACCESS_KEY_ID" in err
    for name, value in S3_ENV.items():
        monkeypatch.setenv(name, value)
    code, _, err = run("configure-s3", "--bucket", "acme-notes")
    assert code == EXIT_USAGE and "AWS_SECRET_ACCESS_KEY" in err and "shell history" in err
    code, out, err = run("configure-s3", "--bucket", "acme-notes", "-vv", stdin=SECRET + "\n")
    assert code == EXIT_OK and re.search(r"bucket +acme-notes", out)
    assert SECRET not in out + err
    connector_id = re.search(r"id +(con_\w+)", out).group(1)  # type: ignore[union-attr]
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wrong")
    code, out, err = run("configure-s3", "--bucket", "acme-notes", "--connector", connector_id)
    assert code == EXIT_API and "s3_credentials_invalid" in err and "wrong" not in out + err
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    code, out, _ = run("configure-s3", "--bucket", "acme-archive", "--connector", connector_id, "--json")
    assert code == EXIT_OK and json.loads(out)["bucket"] == "acme-archive"


def test_a_member_is_told_who_manages_org_connectors(local_env: LocalMemsy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMSY_API_KEY", local_env.create_key(seat=True))
    code, _, err = run("connect", "notion")
    assert code == EXIT_API and "admin_required" in err and "org admin key" in err
    assert run("connect", "google_drive")[0] == EXIT_OK  # their own Drive is theirs to connect


# ---------------------------------------------------------------------------------- as a user: real processes


def test_connect_wait_prints_the_link_at_once_then_the_resources(local_env: LocalMemsy) -> None:
    process = subprocess.Popen(
        [MEMSY, "connectors", "connect", "notion", "--wait", "--poll-interval", "0.05", "--json"],
        env=env_for(local_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None and process.stdout is not None
    assert process.stderr.readline().startswith("open this link in a browser")
    link = process.stderr.readline().strip()  # shown while the command waits
    assert httpx.get(link, follow_redirects=True).status_code == 200
    assert process.wait(timeout=TIMEOUT) == EXIT_OK
    shown = json.loads(process.stdout.read())
    assert shown["authorize_url"] == link
    assert [r["external_id"] for r in shown["resources"]] == ["ws-acme-wiki", "ws-acme-eng"]


def test_connect_wait_gives_up_with_exit_code_5(local_env: LocalMemsy) -> None:
    result = memsy(local_env, "connectors", "connect", "slack", "--wait", "--timeout", "0.2", "--poll-interval", "1")
    assert result.code == EXIT_WAIT_TIMEOUT and "no consent within --timeout 0.2 seconds" in result.err
    assert "Traceback" not in result.err


def test_a_closed_output_pipe_while_waiting_ends_quietly(local_env: LocalMemsy) -> None:
    process = subprocess.Popen(
        [MEMSY, "connectors", "connect", "github", "--wait", "--poll-interval", "0.05"],
        env=env_for(local_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None and process.stdout is not None
    process.stderr.readline()
    link = process.stderr.readline().strip()
    process.stdout.close()  # the reader went away before the resources were printed
    assert httpx.get(link, follow_redirects=True).status_code == 200
    assert process.wait(timeout=TIMEOUT) == EXIT_BROKEN_PIPE
    assert process.stderr.read() == ""
