"""Connectors for real against memsy.local, through the SDK with the contract guard on: consent in a browser's
shoes (a plain GET following redirects), each provider's fake catalogue, the backfill turning selected content into
memories, sync and delete, S3's credentials, and the permission model (org admin, service API key, members, another
org)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import memsy
from memsy.local import LocalMemsy, Plan

from .conftest import contract
from .contract_guard import ContractGuard
from .local_fixtures import connect, connect_control

S3 = {
    "access_key_id": "AKIAIOSFODNN7EXAMPLE",
    "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "region": "eu-west-1",
    "bucket": "acme-notes",
}


def consent(authorize_url: str) -> httpx.Response:
    """What the end user's browser does with the authorize_url: one GET, redirects followed."""
    response = httpx.get(authorize_url, follow_redirects=True, timeout=10)
    assert response.status_code == 200, response.text
    assert [r.status_code for r in response.history] == [302]  # the provider hands back to Memsy's callback
    return response


def connected(control: memsy.MemsyControlClient, provider: str) -> str:
    connection = control.connectors.create(provider)
    consent(connection.authorize_url)
    return connection.connector_id


def contents(client: memsy.MemsyClient, query: str) -> list[str]:
    return [hit.content for hit in client.search(query, limit=20)]


# ------------------------------------------------------------------------------------------------- lifecycle


def test_slack_lifecycle_sync(
    local_control: memsy.MemsyControlClient, local_client: memsy.MemsyClient, server: LocalMemsy
) -> None:
    slugs = contract()["components"]["schemas"]["ConnectorProvider"]["enum"]
    assert list(local_control.connectors.list_providers()) == slugs
    assert local_control.connectors.status("slack").connected is False

    connection = local_control.connectors.create("slack")
    assert connection.authorize_url.startswith(f"{server.url}/_local/consent/{connection.connector_id}?state=")
    connector_id = connection.connector_id
    with pytest.raises(memsy.ConflictError) as not_yet:
        local_control.connectors.list_resources(connector_id)
    assert not_yet.value.error_code == "connector_not_authorized"
    pending = local_control.connectors.get(connector_id)
    assert (pending.status, pending.provider, pending.display_name) == ("pending", "slack", None)
    assert [c.id for c in local_control.connectors.list()] == [connector_id]
    assert local_control.connectors.status("slack").connected is False

    # The end user consents while the integrator waits on exactly the "not yet authorized" answer.
    browser = threading.Timer(0.3, consent, args=(connection.authorize_url,))
    browser.start()
    channels = local_control.connectors.wait_until_authorized(connector_id, timeout=10, poll_interval=0.05)
    browser.join()
    assert [(c.external_id, c.name, c.resource_type, c.selected) for c in channels][:2] == [
        ("C0GENERAL", "general", "channel", False),
        ("C0TRAVEL", "travel-desk", "channel", False),
    ]
    status = local_control.connectors.status("slack")
    assert status.connected and status.display_name == "Acme Travel"
    with pytest.raises(memsy.ConflictError) as inactive:
        local_control.connectors.sync(connector_id)
    assert inactive.value.error_code == "connector_not_active"

    active = local_control.connectors.configure_resources(connector_id, [channels[0]])
    assert (active.status, active.last_error, active.external_account_id) == ("active", None, "T0ACME01")
    assert active.last_sync_at is not None and active.usage is not None
    assert [c.selected for c in local_control.connectors.list_resources(connector_id)] == [True, False, False, False]

    server.process_pending()
    hits = local_client.search("refundable fares", include_source_events=True)
    assert hits.results[0].content == "Reminder: we always book refundable fares for conference trips."
    assert hits.results[0].actor_id == "slack:T0ACME01:U0ADA"
    assert hits.results[0].source_events[0].kind == "user_message"
    assert hits.results[0].session_id == "slack:T0ACME01:C0GENERAL"
    assert "Harbour Hotel" not in " ".join(contents(local_client, "hotel bookings"))  # not selected: not ingested

    synced = local_control.connectors.sync(connector_id)
    assert synced.status == "active" and synced.last_sync_at >= active.last_sync_at
    server.process_pending()
    assert "Update 1 on general: we decided to review open requests every Monday." in contents(
        local_client, "review open requests Monday"
    )
    assert local_client.memories.stats().total == 3  # the history once, the new message: nothing twice

    with pytest.raises(memsy.ConflictError) as twice:
        local_control.connectors.create("slack")
    assert twice.value.error_code == "connector_already_connected"

    local_control.connectors.delete(connector_id)
    with pytest.raises(memsy.NotFoundError):
        local_control.connectors.get(connector_id)
    with pytest.raises(memsy.NotFoundError):
        local_control.connectors.delete(connector_id)
    assert local_control.connectors.list() == [] and not local_control.connectors.status("slack").connected
    assert local_client.memories.stats().total == 3  # memories extracted from it stay


async def test_lifecycle_async(
    local_acontrol: memsy.AsyncMemsyControlClient, local_aclient: memsy.AsyncMemsyClient, server: LocalMemsy
) -> None:
    connectors = local_acontrol.connectors
    assert "github" in await connectors.list_providers()
    connection = await connectors.create("github")
    with pytest.raises(memsy.ConflictError):
        await connectors.list_resources(connection.connector_id)
    async with httpx.AsyncClient(follow_redirects=True) as browser:
        page = await browser.get(connection.authorize_url)
    assert page.status_code == 200 and "acme is connected" in page.text
    repos = await connectors.wait_until_authorized(connection.connector_id, timeout=5, poll_interval=0.05)
    assert [r.external_id for r in repos] == ["acme/booking-api", "acme/travel-web", "acme/handbook"]
    assert {r.resource_type for r in repos} == {"repo"}
    branches = await connectors.list_branches(connection.connector_id, "acme/booking-api")
    assert [(b.name, b.resource_type) for b in branches] == [
        ("main", "default_branch"),
        ("develop", "branch"),
        ("feature/fare-cache", "branch"),
    ]
    assert (await connectors.status("github")).display_name == "acme"
    active = await connectors.configure_resources(connection.connector_id, [repos[0], branches[1]])
    assert active.status == "active"
    assert (await connectors.get(connection.connector_id)).last_sync_at == active.last_sync_at
    server.process_pending()
    found = [hit.content for hit in await local_aclient.search("fare quotes cache")]
    assert "We decided to cache fare quotes for five minutes." in found  # the repository: its default branch
    found = [hit.content for hit in await local_aclient.search("seat maps")]
    assert found == ["Develop branch: we plan to add seat maps to the booking flow."]
    assert (await connectors.sync(connection.connector_id)).status == "active"

    drive = await connectors.create("google_drive")
    async with httpx.AsyncClient(follow_redirects=True) as browser:
        assert (await browser.get(drive.authorize_url)).status_code == 200
    assert list(await connectors.list_resources(drive.connector_id)) == []  # Drive is not listable
    picker = await connectors.picker_config(drive.connector_id)
    assert picker.access_token.startswith("ya29.") and picker.expires_in > 0 and picker.app_id
    assert picker.access_token not in repr(picker)
    chosen = [memsy.ResourceSelection("1DrvTravelPolicy", "file", name="Travel policy 2026")]
    await connectors.configure_resources(drive.connector_id, chosen)
    listed = await connectors.list_resources(drive.connector_id)
    assert [(r.external_id, r.name, r.selected) for r in listed] == [("1DrvTravelPolicy", "Travel policy 2026", True)]

    s3 = await connectors.configure_s3(**S3)
    assert (s3.provider, s3.status, s3.bucket, s3.region) == ("s3", "active", "acme-notes", "eu-west-1")
    assert {c.id for c in await connectors.list()} == {connection.connector_id, drive.connector_id, s3.id}
    await connectors.delete(s3.id)
    with pytest.raises(memsy.NotFoundError):
        await connectors.get(s3.id)


# ------------------------------------------------------------------------------------------ provider catalogues


def test_onedrive_folders_are_drilled_with_parent_id(
    local_control: memsy.MemsyControlClient, local_client: memsy.MemsyClient, server: LocalMemsy
) -> None:
    connector_id = connected(local_control, "onedrive")
    top = local_control.connectors.list_resources(connector_id)
    assert [(r.external_id, r.resource_type) for r in top] == [
        ("01DOCS", "folder"),
        ("01TRIPS", "folder"),
        ("01WELCOME", "file"),
    ]
    inside = local_control.connectors.list_resources(connector_id, parent_id="01DOCS")
    assert [r.name for r in inside] == ["Expense policy.docx", "Archive"]
    assert [r.name for r in local_control.connectors.list_resources(connector_id, parent_id="01DOCS-ARCHIVE")] == [
        "2025 review.docx"
    ]
    for not_a_folder in ("01WELCOME", "nope"):
        with pytest.raises(memsy.NotFoundError):
            local_control.connectors.list_resources(connector_id, parent_id=not_a_folder)
    local_control.connectors.configure_resources(connector_id, [top[0]])  # a folder: everything inside it
    server.process_pending()
    assert contents(local_client, "taxi receipts") == ["Expense policy: taxi receipts must be uploaded within a week."]
    assert contents(local_client, "consolidate travel agencies") == [
        "2025 review: we decided to consolidate travel agencies."
    ]
    assert contents(local_client, "shared calendars") == []  # outside the selected folder


def test_notion_and_errors_of_providers_without_folders_branches_or_picker(
    local_control: memsy.MemsyControlClient,
) -> None:
    connector_id = connected(local_control, "notion")
    workspaces = local_control.connectors.list_resources(connector_id)
    assert [(w.external_id, w.resource_type) for w in workspaces] == [
        ("ws-acme-wiki", "workspace"),
        ("ws-acme-eng", "workspace"),
    ]
    calls = {
        "provider_cannot_navigate": lambda: local_control.connectors.list_resources(connector_id, parent_id="x"),
        "provider_has_no_branches": lambda: local_control.connectors.list_branches(connector_id, "acme/handbook"),
        "provider_has_no_picker": lambda: local_control.connectors.picker_config(connector_id),
        "resource_type_not_supported": lambda: local_control.connectors.configure_resources(
            connector_id, [memsy.ResourceSelection("C0GENERAL", "channel")]
        ),
        "provider_not_oauth": lambda: local_control.connectors.create("s3"),
    }
    for code, call in calls.items():
        with pytest.raises(memsy.MemsyAPIError) as refused:
            call()
        assert (refused.value.status_code, refused.value.error_code) == (400, code)
    assert local_control.connectors.get(connector_id).status == "pending"  # nothing was selected


def test_a_selection_the_account_cannot_read_is_reported_on_the_connector(
    local_control: memsy.MemsyControlClient,
) -> None:
    connector_id = connected(local_control, "slack")
    partly = local_control.connectors.configure_resources(
        connector_id, [memsy.ResourceSelection("C0GENERAL", "channel"), memsy.ResourceSelection("C0GONE", "channel")]
    )
    assert partly.status == "active" and partly.last_error and "C0GONE" in partly.last_error
    nothing = local_control.connectors.configure_resources(connector_id, [memsy.ResourceSelection("C0GONE", "channel")])
    assert nothing.status == "error"
    with pytest.raises(memsy.ConflictError):
        local_control.connectors.sync(connector_id)  # only an active connector syncs
    healed = local_control.connectors.configure_resources(connector_id, [memsy.ResourceSelection("C0ENG", "channel")])
    assert (healed.status, healed.last_error) == ("active", None)


def test_a_backfill_beyond_the_quota_marks_the_connector_in_error(wire_guard: ContractGuard) -> None:
    plan = Plan(quotas={"events_ingested": 1})
    with LocalMemsy(validate_responses=True, processing_delay=0.0, plan=plan) as server:
        with connect_control(server, wire_guard) as control:
            connector_id = connected(control, "slack")
            result = control.connectors.configure_resources(
                connector_id, [memsy.ResourceSelection("C0GENERAL", "channel")]
            )
            assert result.status == "error" and "events_ingested" in (result.last_error or "")
        assert not server.violations


# ------------------------------------------------------------------------------------------------------- consent


def test_consent_links_need_their_state_and_only_the_newest_works(
    local_control: memsy.MemsyControlClient, server: LocalMemsy
) -> None:
    first = local_control.connectors.create("slack")
    second = local_control.connectors.create("slack")  # abandoned consent: the same connector, a new link
    assert second.connector_id == first.connector_id and second.authorize_url != first.authorize_url
    assert httpx.get(first.authorize_url, follow_redirects=True).status_code == 404
    base = f"{server.url}/_local/consent/{first.connector_id}"
    assert httpx.get(base).status_code == 404
    assert httpx.get(base + "?state=guess").status_code == 404
    assert httpx.post(second.authorize_url).status_code == 405
    step = httpx.get(second.authorize_url)  # the provider's page sends the browser back to Memsy's callback
    assert step.status_code == 302 and step.headers["location"].startswith(f"/_local/consent/{first.connector_id}/")
    no_code = httpx.get(f"{server.url}{step.headers['location'].split('&code=')[0]}")
    assert no_code.status_code == 400
    with pytest.raises(memsy.ConflictError):
        local_control.connectors.list_resources(first.connector_id)
    assert "Acme Travel is connected" in consent(second.authorize_url).text
    assert consent(second.authorize_url).status_code == 200  # reloading the page is harmless
    assert local_control.connectors.list_resources(first.connector_id)
    other = local_control.connectors.create("notion")
    with pytest.raises(memsy.AuthorizationTimeoutError):  # nobody opens the link
        local_control.connectors.wait_until_authorized(other.connector_id, timeout=0.5, poll_interval=2)


# ------------------------------------------------------------------------------------------------------------ S3


def test_s3_is_configured_with_credentials_whose_secret_is_never_stored_or_echoed(
    local_control: memsy.MemsyControlClient,
    local_client: memsy.MemsyClient,
    server: LocalMemsy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = S3["secret_access_key"]
    with pytest.raises(memsy.MemsyAPIError) as bad:
        local_control.connectors.configure_s3(**{**S3, "secret_access_key": "not-the-secret"})
    assert (bad.value.status_code, bad.value.error_code) == (400, "s3_credentials_invalid")
    assert local_control.connectors.list() == []  # nothing stored
    with pytest.raises(memsy.NotFoundError):
        local_control.connectors.configure_s3(**S3, connector_id="con_missing")

    s3 = local_control.connectors.configure_s3(**S3)
    assert (s3.status, s3.bucket, s3.display_name) == ("active", "acme-notes", "acme-notes")
    assert local_control.connectors.status("s3").connected
    assert [(r.external_id, r.resource_type, r.selected) for r in local_control.connectors.list_resources(s3.id)] == [
        ("acme-notes", "bucket", True)
    ]
    server.process_pending()
    assert contents(local_client, "refunds approved second person") == [
        "Runbook: refunds must be approved by a second person before they are paid."
    ]
    moved = local_control.connectors.configure_s3(**{**S3, "bucket": "acme-archive"}, connector_id=s3.id)
    assert moved.id == s3.id and moved.bucket == "acme-archive"

    raw = httpx.post(
        f"{server.control_url}/connectors/s3/configure",
        json={**S3, "secret_access_key": secret * 7},  # too long: a 422 that must not quote it back
        headers={"Authorization": f"Bearer {server.api_key}"},
    )
    assert raw.status_code == 422 and secret not in raw.text and "secret_access_key" in raw.text

    dump = _every_stored_value(server)  # the whole database, as text: the secret is not in it
    assert "acme-archive" in dump and S3["access_key_id"] in dump and secret not in dump
    assert not any(secret in Path(f).read_bytes().decode("latin-1") for f in _database_files(server))
    assert secret not in caplog.text


def _every_stored_value(server: LocalMemsy) -> str:
    with sqlite3.connect(server.store._file) as db:
        tables = [
            row[0]
            for row in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            if not row[1].startswith("CREATE VIRTUAL")
        ]
        return "\n".join(repr(row) for table in tables for row in db.execute(f'SELECT * FROM "{table}"'))


def _database_files(server: LocalMemsy) -> list[str]:
    base = server.store._file
    return [p for p in (base, base + "-wal") if Path(p).exists()]


# -------------------------------------------------------------------------------------------------- permissions


@pytest.fixture
def keys(server: LocalMemsy) -> dict[str, str]:
    return {
        "admin": server.api_key,
        "api_key": server.create_key(),  # no seat, no admin: a service key acting for the org
        "ada": server.create_key(seat=True),  # signed-in members who are not admins
        "bob": server.create_key(seat=True),
        "other_org": server.create_key(org_id="org_other", admin=True, seat=True),
    }


@pytest.fixture
def controls(
    server: LocalMemsy, wire_guard: ContractGuard, keys: dict[str, str]
) -> Iterator[dict[str, memsy.MemsyControlClient]]:
    clients = {name: connect_control(server, wire_guard, key=key) for name, key in keys.items()}
    yield clients
    for client in clients.values():
        client.close()


def test_org_scoped_connectors_are_managed_by_admins_and_api_keys(
    controls: dict[str, memsy.MemsyControlClient],
) -> None:
    admin, api_key, ada, other = controls["admin"], controls["api_key"], controls["ada"], controls["other_org"]
    with pytest.raises(memsy.AuthorizationError) as refused:
        ada.connectors.create("slack")
    assert refused.value.error_code == "admin_required"
    with pytest.raises(memsy.AuthorizationError):
        ada.connectors.configure_s3(**S3)

    slack = connected(admin, "slack")
    github = connected(api_key, "github")  # a service key may too
    assert {c.id for c in ada.connectors.list()} == {slack, github}  # members see the org's connectors...
    assert next(r.external_id for r in ada.connectors.list_resources(slack)) == "C0GENERAL"  # ...and read them
    assert ada.connectors.status("slack").connected
    for change in (
        lambda: ada.connectors.configure_resources(slack, [memsy.ResourceSelection("C0ENG", "channel")]),
        lambda: ada.connectors.sync(slack),
        lambda: ada.connectors.delete(slack),
    ):
        with pytest.raises(memsy.AuthorizationError) as refused:
            change()
        assert refused.value.error_code == "admin_required"
    assert api_key.connectors.configure_resources(slack, [memsy.ResourceSelection("C0ENG", "channel")]).status == (
        "active"
    )
    assert admin.connectors.sync(slack).status == "active"

    # Another org sees none of it, and its own connection is its own.
    assert other.connectors.list() == [] and not other.connectors.status("slack").connected
    for call in (
        lambda: other.connectors.get(slack),
        lambda: other.connectors.list_resources(slack),
        lambda: other.connectors.sync(slack),
        lambda: other.connectors.delete(slack),
        lambda: other.connectors.configure_s3(**S3, connector_id=slack),
    ):
        with pytest.raises(memsy.NotFoundError):
            call()
    assert other.connectors.create("slack").connector_id not in (slack, github)
    api_key.connectors.delete(github)
    assert [c.id for c in admin.connectors.list()] == [slack]


def test_user_scoped_connectors_belong_to_the_member_who_connected_them(
    controls: dict[str, memsy.MemsyControlClient],
) -> None:
    admin, api_key, ada, bob = controls["admin"], controls["api_key"], controls["ada"], controls["bob"]
    drive = connected(ada, "google_drive")
    assert ada.connectors.status("google_drive").connected
    assert not bob.connectors.status("google_drive").connected  # user-scoped: each member's own
    assert not admin.connectors.status("google_drive").connected
    assert ada.connectors.picker_config(drive).access_token

    # Bob does not see it at all; the admin and a service key see it, for auditing, but cannot act with it.
    assert drive not in {c.id for c in bob.connectors.list()}
    with pytest.raises(memsy.NotFoundError):
        bob.connectors.get(drive)
    for auditor in (admin, api_key):
        assert auditor.connectors.get(drive).provider == "google_drive"
        assert drive in {c.id for c in auditor.connectors.list()}
        for act in (
            lambda a=auditor: a.connectors.picker_config(drive),
            lambda a=auditor: a.connectors.list_resources(drive),
            lambda a=auditor: a.connectors.configure_resources(
                drive, [memsy.ResourceSelection("1DrvOffsiteNotes", "file")]
            ),
            lambda a=auditor: a.connectors.delete(drive),
        ):
            with pytest.raises(memsy.AuthorizationError):
                act()

    # Bob connects his own Drive; a second one of Ada's is refused.
    bobs = connected(bob, "google_drive")
    assert bobs != drive and bob.connectors.picker_config(bobs).access_token
    with pytest.raises(memsy.ConflictError) as twice:
        ada.connectors.create("google_drive")
    assert twice.value.error_code == "connector_already_connected"
    assert ada.connectors.configure_resources(drive, [memsy.ResourceSelection("1DrvOffsiteNotes", "file")]).status == (
        "active"
    )
    ada.connectors.delete(drive)
    assert {c.id for c in admin.connectors.list()} == {bobs}


def test_a_connector_backfill_lands_only_in_its_own_org(
    server: LocalMemsy, wire_guard: ContractGuard, keys: dict[str, str]
) -> None:
    with connect_control(server, wire_guard, key=keys["other_org"]) as other:
        connector_id = connected(other, "notion")
        other.connectors.configure_resources(connector_id, [memsy.ResourceSelection("ws-acme-wiki", "workspace")])
    server.process_pending()
    with connect(server, wire_guard, key=keys["other_org"]) as theirs, connect(server, wire_guard) as mine:
        assert contents(theirs, "train trips four hours")
        assert contents(mine, "train trips four hours") == []


def test_a_sync_moves_last_sync_at(local_control: memsy.MemsyControlClient) -> None:
    connector_id = connected(local_control, "notion")
    first = local_control.connectors.configure_resources(
        connector_id, [memsy.ResourceSelection("ws-acme-eng", "workspace")]
    )
    time.sleep(0.01)
    assert local_control.connectors.sync(connector_id).last_sync_at > first.last_sync_at


def test_concurrent_syncs_never_ingest_an_item_twice(local_control: memsy.MemsyControlClient) -> None:
    connector_id = connected(local_control, "slack")
    local_control.connectors.configure_resources(connector_id, [memsy.ResourceSelection("C0GENERAL", "channel")])
    threads = [threading.Thread(target=local_control.connectors.sync, args=(connector_id,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    events = local_control.events.list(limit=50)
    contents = [e.content for e in events.items]
    assert events.total == 2 + 4 and len(set(contents)) == len(contents)  # the history, then one item per sync
    assert {f"Update {n} on general" for n in range(1, 5)} == {c.split(":")[0] for c in contents if "Update" in c}


def test_waiting_for_consent_stops_at_once_on_any_other_answer(
    controls: dict[str, memsy.MemsyControlClient],
) -> None:
    """0.3.5's D4: every 409 (and nothing else) was waited on. Here only "not yet authorized" is."""
    started = time.monotonic()
    with pytest.raises(memsy.NotFoundError):
        controls["admin"].connectors.wait_until_authorized("con_missing", timeout=30, poll_interval=0.05)
    drive = controls["ada"].connectors.create("google_drive").connector_id
    with pytest.raises(memsy.AuthorizationError):  # another member's Drive: refused, not "not yet"
        controls["admin"].connectors.wait_until_authorized(drive, timeout=30, poll_interval=0.05)
    assert time.monotonic() - started < 10
