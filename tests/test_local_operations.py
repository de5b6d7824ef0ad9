"""The SDK against memsy.local over real loopback HTTP: every operation, blocking and asyncio."""

from __future__ import annotations

import pytest

import memsy
from memsy.local import LocalMemsy

from .local_fixtures import aclient, acontrol, client, control, server, wire_guard  # noqa: F401

CONVERSATION = [
    {"actor_id": "alice", "session_id": "trip-1", "kind": "user_message", "content": "I prefer window seats."},
    {"actor_id": "alice", "session_id": "trip-1", "kind": "assistant_message", "content": "Noted: window seats."},
    {"actor_id": "bob", "session_id": "trip-2", "kind": "user_message", "content": "I always travel with a bike."},
]


def test_every_data_plane_operation_sync(client: memsy.MemsyClient, server: LocalMemsy) -> None:
    assert client.health().ok
    ingested = client.ingest(CONVERSATION)
    assert len(ingested.event_ids) == 3 and ingested.usage.events_ingested == 3
    done = client.wait_for(ingested.event_ids, poll_interval=0.01)
    assert done.completed_ids == ingested.event_ids and done.total == 3
    assert client.status(ingested.event_ids).done

    hits = client.search("window seat", actor_id="alice", include_source_events=True)
    assert {r.source_events[0].content for r in hits.results} == {"I prefer window seats.", "Noted: window seats."}
    assert hits.rate_limit.remaining is not None and hits.usage.search_queries == 1

    org = client.orgs.create("org_local", "Local Travel", "Travel booking preferences")
    assert org.promotion_prompt and client.orgs.get("org_local").name == "Local Travel"
    assert [o.org_id for o in client.orgs.list()] == ["org_local"]
    assert client.orgs.update("org_local", name="Local Travel Co").name == "Local Travel Co"
    assert client.orgs.regenerate_prompt("org_local").promotion_prompt == org.promotion_prompt.replace(
        "Local Travel'", "Local Travel Co'"
    )

    role = client.roles.create("org_local", "Agent", "Booking rules and seat policies")
    assert role.role_id.startswith("role_")
    assert client.roles.get(role.role_id, "org_local").name == "Agent"
    assert [r.role_id for r in client.roles.list("org_local")] == [role.role_id]
    assert client.roles.update(role.role_id, "org_local", focus="Seat policies").focus == "Seat policies"
    assert "Seat policies" in client.roles.regenerate_prompt(role.role_id, "org_local").promotion_prompt
    client.roles.delete(role.role_id, "org_local")
    with pytest.raises(memsy.NotFoundError):
        client.roles.get(role.role_id, "org_local")

    team = client.teams.create("org_local", "EMEA", "European travel")
    assert client.teams.get(team.team_id, "org_local").team_id == team.team_id
    assert len(client.teams.list("org_local", limit=1)) == 1
    assert client.teams.update(team.team_id, "org_local", name="EMEA desk").name == "EMEA desk"
    assert client.teams.regenerate_prompt(team.team_id, "org_local").team_id == team.team_id
    client.teams.delete(team.team_id, "org_local")

    page = client.memories.list(actor_id="alice")
    assert page.total >= 1 and all(m.scope.actor_id == "alice" for m in page.items)
    memory = client.memories.get(page.items[0].memory_id)
    assert memory.memory_id == page.items[0].memory_id
    stats = client.memories.stats()
    assert stats.total_memories == 3 and stats.active_memories == 3
    assert {a.actor_id for a in client.actors.list()} == {"alice", "bob"}
    assert client.actors.get("bob").memory_count == 1
    assert sorted(m.memory_id for m in client.memories.iter(page_size=1)) == sorted(
        m.memory_id for m in client.memories.list().items
    )
    assert [a.actor_id for a in client.actors.iter(sort="actor_id_asc", page_size=1)] == ["alice", "bob"]
    with pytest.raises(memsy.NotImplementedByServerError):
        client.clear("trip-1")
    client.orgs.delete("org_local")


async def test_every_data_plane_operation_async(aclient: memsy.AsyncMemsyClient) -> None:
    assert (await aclient.health()).ok
    ingested = await aclient.ingest(CONVERSATION)
    assert (await aclient.wait_for(ingested.event_ids, poll_interval=0.01)).done
    assert (await aclient.status(ingested.event_ids)).total == 3
    hits = await aclient.search("bike", include_source_events=True)
    assert hits.results[0].actor_id == "bob"

    await aclient.orgs.create("org_local", "Local", "Travel")
    assert (await aclient.orgs.get("org_local")).org_id == "org_local"
    assert len(await aclient.orgs.list()) == 1
    await aclient.orgs.update("org_local", focus="Trips")
    await aclient.orgs.regenerate_prompt("org_local")
    role = await aclient.roles.create("org_local", "Agent", "Rules")
    await aclient.roles.get(role.role_id, "org_local")
    await aclient.roles.list("org_local")
    await aclient.roles.update(role.role_id, "org_local", name="Lead")
    await aclient.roles.regenerate_prompt(role.role_id, "org_local")
    await aclient.roles.delete(role.role_id, "org_local")
    team = await aclient.teams.create("org_local", "Ops", "Operations")
    await aclient.teams.get(team.team_id, "org_local")
    await aclient.teams.list("org_local")
    await aclient.teams.update(team.team_id, "org_local", name="Ops 2")
    await aclient.teams.regenerate_prompt(team.team_id, "org_local")
    await aclient.teams.delete(team.team_id, "org_local")

    page = await aclient.memories.list()
    assert page.total == 3
    assert (await aclient.memories.get(page.items[0].memory_id)).text
    assert (await aclient.memories.stats()).total == 3
    assert len([m async for m in aclient.memories.iter(page_size=2)]) == 3
    assert (await aclient.actors.list()).total == 2
    assert (await aclient.actors.get("alice")).actor_id == "alice"
    assert [a.actor_id async for a in aclient.actors.iter(sort="actor_id_asc")] == ["alice", "bob"]
    with pytest.raises(memsy.NotImplementedByServerError):
        await aclient.clear("x")
    await aclient.orgs.delete("org_local")


def test_every_control_plane_operation_sync(
    control: memsy.MemsyControlClient, client: memsy.MemsyClient, server: LocalMemsy
) -> None:
    assert control.health().billing_enabled is False
    me = control.me()
    assert me.org_id == "org_local" and me.org_role == "org:admin" and me.rate_limit is not None
    client.ingest(CONVERSATION)
    summary = control.usage.summary()
    used = {d.dimension: d.used for d in summary.dimensions}
    assert used["events_ingested"] == 3 and used["api_calls"] >= 3
    series = control.usage.timeseries(dimension="events_ingested")
    assert sum(p.quantity for p in series.data) == 3
    assert control.usage.timeseries(granularity="hourly").granularity == "hourly"
    with pytest.raises(memsy.BillingNotEnabledError) as caught:
        control.billing.summary()
    assert caught.value.interest_path == "/api/interest/pro"
    with pytest.raises(memsy.BillingNotEnabledError):
        control.billing.invoices()

    created = control.keys.create("ci", scopes=["read"])
    assert created.raw_key.startswith("msy_") and created.scopes == ["read"]
    listed = control.keys.list()
    assert created.key_id in [k.key_id for k in listed.keys] and listed.active_count == 2
    assert all(not hasattr(k, "raw_key") for k in listed.keys)
    assert isinstance(control.keys.usage(created.key_id), list)
    control.keys.delete(created.key_id)
    assert control.keys.list().active_count == 1

    events = control.events.list(actor_id="alice", sort="ts_asc")
    assert events.total == 2 and [e.kind for e in events.items] == ["user_message", "assistant_message"]
    assert len(list(control.events.iter(page_size=1))) == 3
    assert control.interest.status() is False
    assert control.interest.express("ada@acme.example", "Ada", company="Acme").message
    assert control.interest.status() is True


async def test_every_control_plane_operation_async(acontrol: memsy.AsyncMemsyControlClient) -> None:
    assert (await acontrol.health()).status == "ok"
    assert (await acontrol.me()).tier == "free"
    assert (await acontrol.usage.summary()).dimensions
    assert (await acontrol.usage.timeseries()).granularity == "daily"
    with pytest.raises(memsy.BillingNotEnabledError):
        await acontrol.billing.summary()
    with pytest.raises(memsy.BillingNotEnabledError):
        await acontrol.billing.invoices()
    created = await acontrol.keys.create("ci")
    assert (await acontrol.keys.list()).active_count == 2
    assert await acontrol.keys.usage(created.key_id) == []
    await acontrol.keys.delete(created.key_id)
    assert (await acontrol.events.list()).total == 0
    assert [e async for e in acontrol.events.iter()] == []
    await acontrol.interest.express("ada@acme.example", "Ada")
    assert await acontrol.interest.status() is True


def test_billing_routes_when_enabled(wire_guard: object) -> None:
    from .local_fixtures import connect_control

    with LocalMemsy(validate_responses=True, billing_enabled=True) as local:
        with connect_control(local, wire_guard) as control:  # type: ignore[arg-type]
            summary = control.billing.summary()
            assert summary.assigned_seats == 1 and summary.payment_method.last4 == "4242"
            invoices = control.billing.invoices()
            assert invoices[0].status == "paid" and isinstance(invoices[0].created, int)
            assert control.health().billing_enabled is True
        assert not local.violations
