"""memsy.local behaves like the service the fact sheets describe: ingest, processing, search, console, keys,
metering, errors and faults, persistence."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

import memsy
from memsy.local import LocalConfig, LocalMemsy, Plan

from .contract_guard import ContractGuard
from .local_fixtures import connect, connect_control


def event(content: str, actor: str = "alice", session: str = "s1", **extra: Any) -> dict[str, Any]:
    return {"actor_id": actor, "session_id": session, "kind": "user_message", "content": content, **extra}


def ingest_and_wait(local_client: memsy.MemsyClient, events: list[dict[str, Any]]) -> list[str]:
    ids = local_client.ingest(events).event_ids
    local_client.wait_for(ids, poll_interval=0.01, timeout=10)
    return ids


# ------------------------------------------------------------------------------------------------------ ingest


def test_ids_in_order_and_duplicates_collapse_within_the_window(local_client: memsy.MemsyClient) -> None:
    first = local_client.ingest([event("I like tea."), event("I like coffee.")]).event_ids
    again = local_client.ingest([event("I like coffee."), event("I like tea.", metadata='{"x": 1}'), event("New.")])
    assert again.event_ids[:2] == [first[1], first[0]]  # ts / metadata are not part of the dedup key
    assert again.event_ids[2] not in first
    other_session = local_client.ingest([event("I like tea.", session="s2")]).event_ids[0]
    assert other_session not in first


def test_duplicates_are_new_events_after_60_seconds() -> None:
    clock = [1_800_000_000.0]
    with LocalMemsy(validate_responses=True) as local:
        local.store.clock = lambda: clock[0]
        with memsy.MemsyClient(local.data_url, api_key=local.api_key) as sdk:
            first = sdk.ingest([event("Same words.")]).event_ids[0]
            clock[0] += 59
            assert sdk.ingest([event("Same words.")]).event_ids[0] == first
            clock[0] += 2
            assert sdk.ingest([event("Same words.")]).event_ids[0] != first


def test_status_moves_from_pending_to_completed_or_failed() -> None:
    with LocalMemsy(validate_responses=True, processing_delay=1.5) as local:  # room for a slow machine
        with memsy.MemsyClient(local.data_url, api_key=local.api_key) as sdk:
            ids = sdk.ingest([event("I enjoy hiking."), event("memsy:reject this"), event("?!")]).event_ids
            assert sdk.status(ids).pending_ids == ids
            final = sdk.wait_for(ids, poll_interval=0.05)
            assert final.completed_ids == ids[:1] and final.failed_ids == ids[1:]
            unknown = sdk.status([ids[0], "01NOTANEVENT"])
            assert unknown.unknown_ids == ["01NOTANEVENT"] and unknown.statuses["01NOTANEVENT"] == "unknown"
        assert not local.violations


def test_invalid_ingest_gets_the_validation_list(server: LocalMemsy) -> None:
    bad = {"events": [{"actor_id": "a", "session_id": "s", "kind": "chat", "content": ""}]}
    response = httpx.post(f"{server.data_url}/ingest", json=bad, headers={"Authorization": f"Bearer {server.api_key}"})
    assert response.status_code == 422
    locs = [tuple(e["loc"]) for e in response.json()["detail"]]
    assert ("body", "events", 0, "kind") in locs and ("body", "events", 0, "content") in locs
    empty = httpx.post(
        f"{server.data_url}/ingest", json={"events": []}, headers={"Authorization": f"Bearer {server.api_key}"}
    )
    assert empty.status_code == 422
    camel = httpx.post(
        f"{server.data_url}/ingest",
        json={"events": [{"actorId": "a", "sessionId": "s", "kind": "user_message", "content": "x"}]},
        headers={"Authorization": f"Bearer {server.api_key}"},
    )
    assert camel.status_code == 422


def test_org_id_in_body_is_refused_on_the_free_plan(server: LocalMemsy) -> None:
    body = {"query": "tea", "org_id": "org_local"}
    response = httpx.post(f"{server.data_url}/search", json=body, headers={"Authorization": f"Bearer {server.api_key}"})
    assert response.status_code == 400 and response.json()["detail"]["error"] == "org_id_not_allowed"


# ------------------------------------------------------------------------------------------------------ search


def test_search_ranks_scores_and_thresholds(local_client: memsy.MemsyClient) -> None:
    ingest_and_wait(
        local_client,
        [
            event("I prefer window seats on long flights."),
            event("My favourite food is ramen."),
            event("Window cleaning happens on Mondays.", actor="bob"),
        ],
    )
    results = local_client.search("window seats flights").results
    assert results[0].content == "I prefer window seats on long flights."
    assert all(0.0 <= r.score <= 1.0 for r in results)
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    assert "ramen" not in " ".join(r.content for r in results)
    high = local_client.search("window seats flights", threshold=0.9).results
    assert [r.content for r in high] == ["I prefer window seats on long flights."]
    assert len(local_client.search("window", limit=1).results) == 1
    assert local_client.search("zebra").results == []


def test_actor_isolation_and_org_wide_search(local_client: memsy.MemsyClient) -> None:
    ingest_and_wait(local_client, [event("Alice likes tea."), event("Bob likes tea.", actor="bob")])
    assert {r.actor_id for r in local_client.search("tea", actor_id="alice").results} == {"alice"}
    assert {r.actor_id for r in local_client.search("tea").results} == {"alice", "bob"}


def test_role_and_team_promotion_widen_recall(local_client: memsy.MemsyClient) -> None:
    local_client.orgs.create("org_local", "Acme", "Travel")
    role = local_client.roles.create("org_local", "Agent", "seat policies and upgrades")
    team = local_client.teams.create("org_local", "EMEA", "visa requirements")
    ingest_and_wait(
        local_client,
        [
            event("Upgrades need manager approval.", actor="carol", role_id=role.role_id),
            event("Visa requirements changed for Norway.", actor="dave", team_id=team.team_id),
            event("Upgrades are my favourite thing.", actor="erin"),
        ],
    )
    assert local_client.search("upgrades", actor_id="alice").results == []
    promoted = local_client.search("upgrades", actor_id="alice", role_ids=[role.role_id]).results
    assert [r.content for r in promoted] == ["Upgrades need manager approval."]
    assert promoted[0].session_id is None  # promoted knowledge has no session
    team_hits = local_client.search("visa", actor_id="alice", team_ids=[team.team_id]).results
    assert [r.content for r in team_hits] == ["Visa requirements changed for Norway."]
    scopes = {m.text: m.scope.level for m in local_client.memories.iter()}
    assert scopes["Upgrades need manager approval."] == "role" and scopes["Upgrades are my favourite thing."] == "actor"


def test_session_scoping_rules(local_client: memsy.MemsyClient, server: LocalMemsy) -> None:
    local_client.orgs.create("org_local", "Acme", "Travel")
    role = local_client.roles.create("org_local", "Agent", "tea policies")
    ingest_and_wait(
        local_client,
        [
            event("Tea in session one.", session="one"),
            event("Tea in session two.", session="two"),
            event("Tea policies apply to everyone.", role_id=role.role_id),
        ],
    )
    texts = lambda **kw: sorted(r.content for r in local_client.search("tea", **kw).results)  # noqa: E731
    assert texts(session_id="one") == ["Tea in session one.", "Tea policies apply to everyone."]
    assert texts(exclude_session_id="one") == ["Tea in session two.", "Tea policies apply to everyone."]
    assert texts(session_id="", exclude_session_id="two") == texts(exclude_session_id="two")
    headers = {"Authorization": f"Bearer {server.api_key}"}
    both = httpx.post(
        f"{server.data_url}/search",
        json={"query": "tea", "session_id": "one", "exclude_session_id": "two"},
        headers=headers,
    )
    assert both.status_code == 422
    bad_chars = httpx.post(
        f"{server.data_url}/search", json={"query": "tea", "session_id": "has space"}, headers=headers
    )
    assert bad_chars.status_code == 422


def test_source_events_and_source_metadata(local_client: memsy.MemsyClient) -> None:
    ingest_and_wait(
        local_client,
        [
            event("I like green tea.", metadata='{"channel": "web"}'),
            event("Tea time is at four.", metadata="not json"),
            event("Tea is the best drink.", metadata="[1, 2]"),
        ],
    )
    results = {r.content: r for r in local_client.search("tea", include_source_events=True).results}
    web = results["I like green tea."]
    assert web.source_events[0].kind == "user_message" and web.source_events[0].ts
    assert web.source_metadata[0].metadata == {"channel": "web"} and web.source_metadata[0].raw is None
    assert results["Tea time is at four."].source_metadata[0].raw == "not json"
    assert results["Tea is the best drink."].source_metadata[0].raw == "[1, 2]"
    assert local_client.search("tea").results[0].source_events is None


def test_source_metadata_is_capped_at_five() -> None:
    clock = [1_800_000_000.0]
    with LocalMemsy(validate_responses=True, processing_delay=0.0) as local:
        local.store.clock = lambda: clock[0]
        with memsy.MemsyClient(local.data_url, api_key=local.api_key) as sdk:
            for i in range(7):  # the same fact seven times, past the dedup window: one memory, seven sources
                ids = sdk.ingest([event("I drink tea daily.", metadata=json.dumps({"n": i}))]).event_ids
                local.process_pending()
                clock[0] += 61
            result = sdk.search("tea").results
            assert len(result) == 1 and len(result[0].source_event_ids) == 7
            assert [m.metadata for m in result[0].source_metadata] == [{"n": i} for i in range(5)]
            assert ids[0] == result[0].source_event_ids[-1]
        assert not local.violations


def test_recall_raises_strength_and_recall_count(local_client: memsy.MemsyClient) -> None:
    ingest_and_wait(local_client, [event("I collect vinyl records.")])
    before = local_client.memories.list().items[0]
    for _ in range(3):
        local_client.search("vinyl records")
    after = local_client.memories.get(before.memory_id)
    assert after.recall_count == before.recall_count + 3
    assert after.strength == pytest.approx(before.strength + 0.3)
    assert after.last_recalled_at is not None
    for _ in range(60):
        local_client.search("vinyl")
    assert local_client.memories.get(before.memory_id).strength == 5.0


def test_repeated_facts_reinforce_instead_of_duplicating(local_client: memsy.MemsyClient) -> None:
    first = ingest_and_wait(local_client, [event("I am vegetarian.")])
    ingest_and_wait(local_client, [event("I am vegetarian.", session="s2"), event("I am vegetarian.", actor="bob")])
    assert [m.text for m in local_client.memories.iter()].count("I am vegetarian.") == 3  # other session / actor
    again = ingest_and_wait(local_client, [{**event("I am vegetarian."), "kind": "app_event"}])  # not a dedup hit
    assert again != first
    memory = next(m for m in local_client.memories.iter(actor_id="alice") if first[0] in m.source_event_ids)
    assert memory.source_event_ids == [first[0], again[0]]
    assert memory.strength == pytest.approx(1.2)


# ----------------------------------------------------------------------------------------------------- console


def test_console_filters_sorts_and_stable_pagination(local_client: memsy.MemsyClient) -> None:
    ingest_and_wait(
        local_client,
        [event(f"Fact number {i} about gardening.", actor="alice" if i % 2 else "bob") for i in range(25)]
        + [event("I prefer tulips over roses.")],
    )
    assert local_client.memories.list(actor_id="bob").total == 13
    assert local_client.memories.list(type="preference").total == 1
    assert local_client.memories.list(search="tulips").items[0].text == "I prefer tulips over roses."
    assert local_client.memories.list(search="100%").total == 0
    assert local_client.memories.list(status="archived").total == 0
    for sort in ("observed_at_desc", "observed_at_asc", "strength_desc", "confidence_desc", "created_at_desc"):
        pages = [local_client.memories.list(sort=sort, limit=7, offset=o).items for o in range(0, 26, 7)]
        ids = [m.memory_id for page in pages for m in page]
        assert len(ids) == 26 == len(set(ids)), sort
    confidences = [m.confidence for m in local_client.memories.list(sort="confidence_desc", limit=200).items]
    assert confidences == sorted(confidences, reverse=True)


def test_actors_list_and_get(local_client: memsy.MemsyClient) -> None:
    ingest_and_wait(
        local_client, [event("A.", actor="slack:T1:U1"), event("B.", actor="user/42"), event("C.", actor="x")]
    )
    assert local_client.actors.get("slack:T1:U1").memory_count == 1
    assert local_client.actors.get("user/42").actor_id == "user/42"  # '/' survives as one path segment
    assert [a.actor_id for a in local_client.actors.list(q="SLACK").items] == ["slack:T1:U1"]
    assert local_client.actors.list(sort="actor_id_asc", limit=2, offset=1).total == 3
    with pytest.raises(memsy.NotFoundError):
        local_client.actors.get("nobody")
    with pytest.raises(memsy.AuthorizationError):
        local_client.actors.list(org_id="someone_else")


def test_onboarding_ids_prompts_and_conflicts(local_client: memsy.MemsyClient) -> None:
    with pytest.raises(memsy.NotFoundError):
        local_client.roles.create("org_local", "Agent", "Rules")  # the org record comes first
    org = local_client.orgs.create("org_local", "Acme", "Travel booking and loyalty programmes")
    assert "loyalty" in org.promotion_prompt and org.prompt_meta["focus_terms"]
    with pytest.raises(memsy.ConflictError):
        local_client.orgs.create("org_local", "Acme", "Travel")
    with pytest.raises(memsy.AuthorizationError):
        local_client.orgs.create("another_org", "X", "Y")
    first = local_client.roles.create("org_local", "Agent", "Rules")
    second = local_client.roles.create("org_local", "Agent", "Rules")
    assert first.role_id != second.role_id
    assert first.promotion_prompt == second.promotion_prompt  # deterministic
    edited = local_client.roles.update(first.role_id, "org_local", promotion_prompt="Hand-written prompt.")
    assert edited.promotion_prompt == "Hand-written prompt."
    assert local_client.roles.regenerate_prompt(first.role_id, "org_local").promotion_prompt == second.promotion_prompt
    assert [r.role_id for r in local_client.roles.list("org_local", limit=1, offset=1)] == [second.role_id]


# ------------------------------------------------------------------------------------------ keys, auth, metering


def test_keys_are_hashed_and_revocation_is_immediate(
    server: LocalMemsy, local_control: memsy.MemsyControlClient, wire_guard: ContractGuard
) -> None:
    created = local_control.keys.create("temp")
    rows = server.store.query("SELECT * FROM api_keys")
    assert all(created.raw_key not in json.dumps(dict(r)) for r in rows)
    with connect(server, wire_guard, key=created.raw_key) as temp:
        assert temp.health().ok
        temp.search("anything")
        local_control.keys.delete(created.key_id)
        with pytest.raises(memsy.AuthenticationError):
            temp.search("anything")
    with pytest.raises(memsy.NotFoundError):
        local_control.keys.delete("key_missing")


def test_missing_and_unknown_keys_get_401(server: LocalMemsy) -> None:
    assert httpx.post(f"{server.data_url}/search", json={"query": "x"}).status_code == 401
    bad = httpx.get(f"{server.control_url}/me", headers={"Authorization": "Bearer msy_" + "0" * 32})
    assert bad.status_code == 401 and bad.json() == {"detail": "Invalid API key"}
    assert httpx.get(f"{server.data_url}/health").status_code == 200  # health needs no key
    assert httpx.get(f"{server.data_url}/health", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_non_admin_scope_and_seat_rules(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    member = server.create_key()
    reader = server.create_key(scopes=("read",))
    with connect_control(server, wire_guard, key=member) as ctl:
        assert ctl.me().org_role == "org:member"
        for call in (ctl.keys.list, ctl.usage.summary, ctl.billing.summary):
            with pytest.raises(memsy.AuthorizationError) as caught:
                call()
            assert caught.value.error_code == "admin_required"
        with pytest.raises(memsy.SeatRequiredError):
            ctl.events.list()
    with connect(server, wire_guard, key=member) as sdk, pytest.raises(memsy.AuthorizationError):
        sdk.orgs.create("org_local", "A", "B")
    with connect(server, wire_guard, key=reader) as sdk:
        sdk.search("x")
        with pytest.raises(memsy.AuthorizationError) as caught:
            sdk.ingest([event("x")])
        assert caught.value.required_scope == "write"


def test_metered_headers_on_every_authenticated_response(server: LocalMemsy) -> None:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    for response in (
        httpx.post(f"{server.data_url}/search", json={"query": "x"}, headers=headers),
        httpx.get(f"{server.control_url}/me", headers=headers),
        httpx.get(f"{server.data_url}/orgs/missing", headers=headers),
        httpx.post(f"{server.data_url}/ingest", json={"events": []}, headers=headers),
    ):
        for name in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-Usage-ApiCalls", "X-Plan"):
            assert name in response.headers, (response.request.url, name)
    assert "X-RateLimit-Limit" not in httpx.get(f"{server.data_url}/health").headers


def test_rate_window_gives_429_with_retry_after_and_the_sdk_retries(
    wire_guard: ContractGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1_800_000_000.0]  # the start of a 2-second window
    monkeypatch.setattr("memsy._retry.sleep", lambda seconds: clock.__setitem__(0, clock[0] + seconds))
    plan = Plan(requests_per_window=3, window_seconds=2.0)
    with LocalMemsy(config=LocalConfig(plan=plan, validate_responses=True)) as local:
        local.store.clock = lambda: clock[0]
        with connect(local, wire_guard, max_retries=0) as sdk:
            assert [sdk.search("x").rate_limit.remaining for _ in range(3)] == [2, 1, 0]
            with pytest.raises(memsy.RateLimitExceeded) as caught:
                sdk.search("x")
            assert caught.value.retry_after == 2.0
            assert caught.value.rate_limit == memsy.RateLimitInfo(limit=3, remaining=0, reset=1_800_000_002)
        with connect(local, wire_guard, max_retries=1) as patient:
            assert patient.search("x").rate_limit.remaining == 2  # waited out the window, then served
        assert not local.violations


def test_quota_gives_usage_limit_exceeded_without_retries(wire_guard: ContractGuard) -> None:
    plan = Plan(quotas={"events_ingested": 3, "api_calls": None})
    with LocalMemsy(config=LocalConfig(plan=plan, validate_responses=True)) as local, connect(local, wire_guard) as sdk:
        sdk.ingest([event("one"), event("two")])
        with pytest.raises(memsy.UsageLimitExceeded) as caught:
            sdk.ingest([event("three"), event("four")])
        assert (caught.value.dimension, caught.value.current, caught.value.limit) == ("events_ingested", 2, 3)
        assert sdk.ingest([event("three")]).usage.events_ingested == 3


def test_unknown_paths_and_methods(server: LocalMemsy) -> None:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    assert httpx.get(f"{server.url}/v2/nothing", headers=headers).json() == {"detail": "Not Found"}
    assert httpx.put(f"{server.data_url}/search", headers=headers).status_code == 405


# ------------------------------------------------------------------------------------------------------ faults


def test_scripted_429_is_retried_by_the_sdk(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    server.faults.rate_limit(times=2, retry_after="0", path="/v1/search")
    with connect(server, wire_guard) as sdk:
        assert sdk.search("x").results == []
    assert server.faults.pending == 0


def test_scripted_5xx_and_policy_retry(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    server.faults.server_error(status=502, text="<html>Bad gateway</html>")
    with connect(server, wire_guard) as sdk, pytest.raises(memsy.ServerError) as caught:
        sdk.health()
    assert "Bad gateway" in caught.value.detail
    server.faults.server_error(status=503, times=2)
    policy = memsy.RetryPolicy(retry_server_errors=True, backoff=0.01)
    with connect(server, wire_guard, retry_policy=policy) as sdk:
        assert sdk.health().ok


def test_scripted_slow_response_times_out(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    server.faults.slow(1.0)
    with connect(server, wire_guard, timeout=0.2) as sdk, pytest.raises(memsy.MemsyTimeoutError):
        sdk.health()


def test_scripted_drop_is_a_connection_error(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    server.faults.drop()
    with connect(server, wire_guard) as sdk:
        with pytest.raises(memsy.MemsyConnectionError):
            sdk.health()
        assert sdk.health().ok  # the next request is served


def test_faults_can_be_scripted_over_http(server: LocalMemsy, wire_guard: ContractGuard) -> None:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    body = {"kind": "respond", "status": 429, "body": {"error": "usage_limit_exceeded", "message": "quota"}}
    assert httpx.post(f"{server.url}/_local/faults", json=body, headers=headers).json() == {"pending": 1}
    with connect(server, wire_guard) as sdk, pytest.raises(memsy.UsageLimitExceeded):
        sdk.ingest([event("x")])
    member = server.create_key()
    denied = httpx.post(f"{server.url}/_local/faults", json=body, headers={"Authorization": f"Bearer {member}"})
    assert denied.status_code == 403


# ------------------------------------------------------------------------------------------------- persistence


def test_a_file_database_persists_across_restarts(tmp_path: Path) -> None:
    db = str(tmp_path / "memsy.db")
    with (
        LocalMemsy(db=db, api_key="msy_" + "a" * 32) as first,
        memsy.MemsyClient(first.data_url, api_key=first.api_key) as sdk,
    ):
        ids = sdk.ingest([event("I keep bees.")]).event_ids
        sdk.wait_for(ids, poll_interval=0.01)
    with (
        LocalMemsy(db=db, api_key="msy_" + "a" * 32) as second,
        memsy.MemsyClient(second.data_url, api_key=second.api_key) as sdk,
    ):
        assert sdk.status(ids).completed_ids == ids
        assert sdk.search("bees").results[0].content == "I keep bees."


LINUX = Path("/proc/self/stat").exists()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc: Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # ended meanwhile
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _ended(pid: int) -> bool:
    """Whether the process is gone (or a zombie nobody reaps: in a container, its new parent may never)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_an_acknowledged_ingest_survives_kill_9(tmp_path: Path) -> None:
    db, key = str(tmp_path / "kill.db"), "msy_" + "b" * 32
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "memsy.local",
        "serve",
        "--port",
        str(port),
        "--db",
        db,
        "--api-key",
        key,
        "--processing-delay",
        "30",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url)
        with memsy.MemsyClient(url, api_key=key) as sdk:
            ids = sdk.ingest([event(f"Durable fact {i}.") for i in range(20)]).event_ids
        extraction: list[int] = []
        deadline = time.monotonic() + 10  # the extraction process starts once there are events to extract
        while LINUX and not extraction and time.monotonic() < deadline:
            extraction = _children(process.pid)
            time.sleep(0.05)
        assert len(extraction) == (1 if LINUX else 0)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 10  # it ends by itself when its server's end of the pipe closes
        while not all(map(_ended, extraction)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert all(map(_ended, extraction))
    finally:
        if process.poll() is None:
            process.kill()
    store_check = LocalMemsy(db=db, api_key=key)
    try:
        assert store_check.store.statuses("org_local", ids) == dict.fromkeys(ids, "pending")
    finally:
        store_check.store.close()


def test_cli_prints_urls_and_a_key(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "memsy.local", "serve", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = [process.stdout.readline() for _ in range(4)]  # type: ignore[union-attr]
        text = "".join(lines)
        assert f"MEMSY_BASE_URL=http://127.0.0.1:{port}/v1" in text
        assert f"MEMSY_CONTROL_URL=http://127.0.0.1:{port}/api" in text
        key = text.split("MEMSY_API_KEY=")[1].split()[0]
        _wait_until_up(f"http://127.0.0.1:{port}")
        with memsy.MemsyControlClient(f"http://127.0.0.1:{port}/api", api_key=key) as ctl:
            assert ctl.me().org_role == "org:admin"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _free_port() -> int:
    from memsy.local.server import free_port

    return free_port()


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/health", timeout=0.5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise AssertionError(f"{url} did not come up")


def test_usage_is_neither_lost_nor_counted_twice_when_the_cache_is_dropped_mid_flush() -> None:
    local = LocalMemsy()
    metering, store = local.app.metering, local.store
    metering.usage("org_local")  # cached
    metering.add("org_local", "events_ingested", 3)  # batched, not yet in the database
    write, seen, readers = store.write_usage, [], []

    def racing_write(*args: Any, **kwargs: Any) -> None:
        metering.invalidate("org_local")  # the counters are re-read from the database while the batch is written
        reader = threading.Thread(target=lambda: seen.append(metering.usage("org_local")["events_ingested"]))
        reader.start()
        reader.join(timeout=0.2)
        readers.append(reader)
        write(*args, **kwargs)

    store.write_usage = racing_write  # type: ignore[method-assign]
    metering.flush()
    readers[0].join(timeout=5)
    assert seen == [3]
    assert metering.usage("org_local")["events_ingested"] == 3
    local.app.close()
