"""Keys of memsy.local: the bootstrap admin key survives restarts on the same database, and tests can make keys
for other orgs."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import memsy
from memsy.local import LocalMemsy
from memsy.local.server import free_port


def active_keys(server: LocalMemsy, org_id: str = "org_local") -> list[str]:
    return [k["key_id"] for k in server.store.list_keys(org_id) if k["is_active"]]


def test_restarting_on_the_same_database_keeps_the_bootstrap_key(tmp_path: Path) -> None:
    db = str(tmp_path / "memsy.db")
    with LocalMemsy(db=db) as first:
        key = first.api_key
        with memsy.MemsyControlClient(first.control_url, api_key=key) as control:
            assert control.me().org_role == "org:admin"
    for _ in range(30):  # more restarts than the plan allows keys: none of them mints another
        with LocalMemsy(db=db) as again:
            assert again.api_key == key
            assert len(active_keys(again)) == 1
    with LocalMemsy(db=db) as last, memsy.MemsyClient(last.data_url, api_key=key) as client:
        assert client.health().ok and client.search("anything").results == []


def test_a_revoked_bootstrap_key_is_replaced_on_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "memsy.db")
    with LocalMemsy(db=db) as first, memsy.MemsyControlClient(first.control_url, api_key=first.api_key) as control:
        old = first.api_key
        own = next(k for k in control.keys.list().keys if k.prefix == old[:7])
        control.keys.delete(own.key_id)
    with LocalMemsy(db=db) as second:
        assert second.api_key != old
        headers = {"Authorization": f"Bearer {second.api_key}"}
        assert httpx.get(f"{second.control_url}/me", headers=headers).status_code == 200
        assert httpx.get(f"{second.control_url}/me", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    with LocalMemsy(db=db) as third:
        assert third.api_key == second.api_key


def test_an_explicit_key_is_accepted_and_leaves_the_bootstrap_key_alone(tmp_path: Path) -> None:
    db = str(tmp_path / "memsy.db")
    with LocalMemsy(db=db) as first:
        bootstrap = first.api_key
    explicit = "msy_" + "c" * 32
    with LocalMemsy(db=db, api_key=explicit) as second:
        assert second.api_key == explicit
    with LocalMemsy(db=db) as third:
        assert third.api_key == bootstrap
        assert len(active_keys(third)) == 2


def test_in_memory_servers_each_get_their_own_key() -> None:
    with LocalMemsy() as one, LocalMemsy() as two:
        assert one.api_key != two.api_key


def test_the_command_line_prints_the_same_key_after_a_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "serve.db")
    printed = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "memsy.local", "serve", "--port", str(port), "--db", db, "--log-level", "warning"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            deadline, text = time.monotonic() + 30, ""
            while "MEMSY_API_KEY=" not in text and time.monotonic() < deadline:
                line = process.stdout.readline()  # type: ignore[union-attr]
                if not line:
                    break
                text += line
            printed.append(text.split("MEMSY_API_KEY=")[1].split()[0])
        finally:
            process.terminate()
            process.wait(timeout=15)
    assert printed[0] == printed[1]


def test_create_key_makes_keys_for_other_orgs() -> None:
    with LocalMemsy(validate_responses=True) as server:
        other = server.create_key(org_id="org_tenant_b", admin=True, seat=True)
        member = server.create_key()  # the earlier keyword-only signature: the server's org, read and write
        reader = server.create_key(scopes=("read",))
        with memsy.MemsyControlClient(server.control_url, api_key=other) as control:
            me = control.me()
            assert (me.org_id, me.org_role) == ("org_tenant_b", "org:admin")
            assert [k.name for k in control.keys.list().keys] == ["test-key"]  # only its own org's keys
        with memsy.MemsyControlClient(server.control_url, api_key=member) as control:
            assert control.me().org_id == "org_local" and control.me().org_role == "org:member"
        with memsy.MemsyClient(server.data_url, api_key=reader) as client, pytest.raises(memsy.AuthorizationError):
            client.ingest([{"actor_id": "a", "session_id": "s", "kind": "user_message", "content": "x"}])
        assert not server.violations
