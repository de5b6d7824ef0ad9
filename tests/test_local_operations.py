"""The SDK against memsy.local over real loopback HTTP: every operation, blocking and asyncio."""

from __future__ import annotations

import pytest

import memsy
from memsy.local import LocalMemsy

CONVERSATION = [
    {"actor_id": "alice", "session_id": "trip-1", "kind": "user_message", "content": "I prefer window seats."},
    {"actor_id": "alice", "session_id": "trip-1", "kind": "assistant_message", "content": "Noted: window seats."},
    {"actor_id": "bob", "session_id": "trip-2", "kind": "user_message", "content": "I always travel with a bike."},
]


def test_every_data_plane_operation_sync(local_client: memsy.MemsyClient, server: LocalMemsy) -> None:
    assert local_client.health().ok
    ingested = local_client.ingest(CONVERSATION)
    assert len(ingested.event_ids) == 3 and ingested.usage.events_ingested == 3
    done = local_client.wait_for(ingested.event_ids, poll_interval=0.01)
    assert done.completed_ids == ingested.event_ids and done.total == 3
    assert local_client.status(ingested.event_ids).done

    hits = local_client.search("window seat", actor_id="alice", include_source_events=True)
    assert {r.source_events[0].content for r in hits.results} == {"I prefer window seats.", "Noted: window seats."}
    assert hits.rate_limit.remaining is not None and hits.usage.search_queries == 1

    org = local_client.orgs.create("org_local", "Local Travel", "Travel booking preferences")
    assert org.promotion_prompt and local_client.orgs.get("org_local").name == "Local Travel"
    assert [o.org_id for o in local_client.orgs.list()] == ["org_local"]
    assert local_client.orgs.update("org_local", name="Local Travel Co").name == "Local Travel Co"
    assert local_client.orgs.regenerate_prompt("org_local").promotion_prompt == org.promotion_prompt.replace(
        "Local Travel'", "Local Travel Co'"
    )

    role = local_client.roles.create("org_local", "Agent", "Booking rules and seat policies")
    assert role.role_id.startswith("role_")
    assert local_client.roles.get(role.role_id, "org_local").name == "Agent"
    assert [r.role_id for r in local_client.roles.list("org_local")] == [role.role_id]
    assert local_client.roles.update(role.role_id, "org_local", focus="Seat policies").focus == "Seat policies"
    assert "Seat policies" in local_client.roles.regenerate_prompt(role.role_id, "org_local").promotion_prompt
    local_client.roles.delete(role.role_id, "org_local")
    with pytest.raises(memsy.NotFoundError):
        local_client.roles.get(role.role_id, "org_local")

    team = local_client.teams.create("org_local", "EMEA", "European travel")
    assert local_client.teams.get(team.team_id, "org_local").team_id == team.team_id
    assert len(local_client.teams.list("org_local", limit=1)) == 1
    assert local_client.teams.update(team.team_id, "org_local", name="EMEA desk").name == "EMEA desk"
    assert local_client.teams.regenerate_prompt(team.team_id, "org_local").team_id == team.team_id
    local_client.teams.delete(team.team_id, "org_local")

    page = local_client.memories.list(actor_id="alice")
    assert page.total >= 1 and all(m.scope.actor_id == "alice" for m in page.items)
    memory = local_client.memories.get(page.items[0].memory_id)
    assert memory.memory_id == page.items[0].memory_id
    stats = local_client.memories.stats()
    assert stats.total_memories == 3 and stats.active_memories == 3
    assert {a.actor_id for a in local_client.actors.list()} == {"alice", "bob"}
    assert local_client.actors.get("bob").memory_count == 1
    assert sorted(m.memory_id for m in local_client.memories.iter(page_size=1)) == sorted(
        m.memory_id for m in local_client.memories.list().items
    )
    assert [a.actor_id for a in local_client.actors.iter(sort="actor_id_asc", page_size=1)] == ["alice", "bob"]
    with pytest.raises(memsy.NotImplementedByServerError):
        local_client.clear("trip-1")
    local_client.orgs.delete("org_local")


async def test_every_data_plane_operation_async(local_aclient: memsy.AsyncMemsyClient) -> None:
    assert (await local_aclient.health()).ok
    ingested = await local_aclient.ingest(CONVERSATION)
    assert (await local_aclient.wait_for(ingested.event_ids, poll_interval=0.01)).done
    assert (await local_aclient.status(ingested.event_ids)).total == 3
    hits = await local_aclient.search("bike", include_source_events=True)
    assert hits.results[0].actor_id == "bob"

    await local_aclient.orgs.create("org_local", "Local", "Travel")
    assert (await local_aclient.orgs.get("org_local")).org_id == "org_local"
    assert len(await local_aclient.orgs.list()) == 1
    await local_aclient.orgs.update("org_local", focus="Trips")
    await local_aclient.orgs.regenerate_prompt("org_local")
    role = await local_aclient.roles.create("org_local", "Agent", "Rules")
    await local_aclient.roles.get(role.role_id, "org_local")
    await local_aclient.roles.list("org_local")
    await local_aclient.roles.update(role.role_id, "org_local", name="Lead")
    await local_aclient.roles.regenerate_prompt(role.role_id, "org_local")
    await local_aclient.roles.delete(role.role_id, "org_local")
    team = await local_aclient.teams.create("org_local", "Ops", "Operations")
    await local_aclient.teams.get(team.team_id, "org_local")
    await local_aclient.teams.list("org_local")
    await local_aclient.teams.update(team.team_id, "org_local", name="Ops 2")
    await local_aclient.teams.regenerate_prompt(team.team_id, "org_local")
    await local_aclient.teams.delete(team.team_id, "org_local")

    page = await local_aclient.memories.list()
    assert page.total == 3
    assert (await local_aclient.memories.get(page.items[0].memory_id)).text
    assert (await local_aclient.memories.stats()).total == 3
    assert len([m async for m in local_aclient.memories.iter(page_size=2)]) == 3
    assert (await local_aclient.actors.list()).total == 2
    assert (await local_aclient.actors.get("alice")).actor_id == "alice"
    assert [a.actor_id async for a in local_aclient.actors.iter(sort="actor_id_asc")] == ["alice", "bob"]
    with pytest.raises(memsy.NotImplementedByServerError):
        await local_aclient.clear("x")
    await local_aclient.orgs.delete("org_local")


def test_every_control_plane_operation_sync(
    local_control: memsy.MemsyControlClient, local_client: memsy.MemsyClient, server: LocalMemsy
) -> None:
    assert local_control.health().billing_enabled is False
    me = local_control.me()
    assert me.org_id == "org_local" and me.org_role == "org:admin" and me.rate_limit is not None
    local_client.ingest(CONVERSATION)
    summary = local_control.usage.summary()
    used = {d.dimension: d.used for d in summary.dimensions}
    assert used["events_ingested"] == 3 and used["api_calls"] >= 3
    series = local_control.usage.timeseries(dimension="events_ingested")
    assert sum(p.quantity for p in series.data) == 3
    assert local_control.usage.timeseries(granularity="hourly").granularity == "hourly"
    with pytest.raises(memsy.BillingNotEnabledError) as caught:
        local_control.billing.summary()
    assert caught.value.interest_path == "/api/interest/pro"
    with pytest.raises(memsy.BillingNotEnabledError):
        local_control.billing.invoices()

    created = local_control.keys.create("ci", scopes=["read"])
    assert created.raw_key.startswith("msy_") and created.scopes == ["read"]
    listed = local_control.keys.list()
    assert created.key_id in [k.key_id for k in listed.keys] and listed.active_count == 2
    assert all(not hasattr(k, "raw_key") for k in listed.keys)
    assert isinstance(local_control.keys.usage(created.key_id), list)
    local_control.keys.delete(created.key_id)
    assert local_control.keys.list().active_count == 1

    events = local_control.events.list(actor_id="alice", sort="ts_asc")
    assert events.total == 2 and [e.kind for e in events.items] == ["user_message", "assistant_message"]
    assert len(list(local_control.events.iter(page_size=1))) == 3
    assert local_control.interest.status() is False
    assert local_control.interest.express("ada@acme.example", "Ada", company="Acme").message
    assert local_control.interest.status() is True


async def test_every_control_plane_operation_async(local_acontrol: memsy.AsyncMemsyControlClient) -> None:
    assert (await local_acontrol.health()).status == "ok"
    assert (await local_acontrol.me()).tier == "free"
    assert (await local_acontrol.usage.summary()).dimensions
    assert (await local_acontrol.usage.timeseries()).granularity == "daily"
    with pytest.raises(memsy.BillingNotEnabledError):
        await local_acontrol.billing.summary()
    with pytest.raises(memsy.BillingNotEnabledError):
        await local_acontrol.billing.invoices()
    created = await local_acontrol.keys.create("ci")
    assert (await local_acontrol.keys.list()).active_count == 2
    assert await local_acontrol.keys.usage(created.key_id) == []
    await local_acontrol.keys.delete(created.key_id)
    assert (await local_acontrol.events.list()).total == 0
    assert [e async for e in local_acontrol.events.iter()] == []
    await local_acontrol.interest.express("ada@acme.example", "Ada")
    assert await local_acontrol.interest.status() is True


def test_billing_routes_when_enabled(wire_guard: object) -> None:
    from .local_fixtures import connect_control

    with LocalMemsy(validate_responses=True, billing_enabled=True) as local:
        with connect_control(local, wire_guard) as local_control:  # type: ignore[arg-type]
            summary = local_control.billing.summary()
            assert summary.assigned_seats == 1 and summary.payment_method.last4 == "4242"
            invoices = local_control.billing.invoices()
            assert invoices[0].status == "paid" and isinstance(invoices[0].created, int)
            assert local_control.health().billing_enabled is True
        assert not local.violations


async def test_async_client_meets_scripted_faults(server: LocalMemsy, wire_guard: object) -> None:
    import httpx

    from .contract_guard import AsyncGuardedTransport

    transport = AsyncGuardedTransport(httpx.AsyncHTTPTransport(), wire_guard)  # type: ignore[arg-type]
    async with memsy.AsyncMemsyClient(server.data_url, api_key=server.api_key, transport=transport) as sdk:
        server.faults.rate_limit(times=1, retry_after="0")
        assert (await sdk.search("x")).results == []  # retried after the scripted 429
        server.faults.quota_exceeded(dimension="search_queries")
        try:
            await sdk.search("x")
        except memsy.UsageLimitExceeded as error:
            assert error.dimension == "search_queries"
        else:
            raise AssertionError("quota fault not raised")
        server.faults.drop()
        try:
            await sdk.health()
        except memsy.MemsyConnectionError:
            pass
        else:
            raise AssertionError("dropped connection not raised")
        server.faults.server_error(status=503, text="<html>busy</html>")
        try:
            await sdk.health()
        except memsy.ServerError as error:
            assert error.status_code == 503 and "busy" in error.detail
        else:
            raise AssertionError("503 not raised")
