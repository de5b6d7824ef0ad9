"""Handlers of the connector operations (``/api/connectors...``) and the backfill that turns the content of the
selected resources into events of the org.

Life of a connector: ``connect`` creates it ``pending`` and hands out a consent link on this memsy.local
(:mod:`.consent`); opening that link in a browser attaches a (fake) OAuth token, after which its resources can be
listed; selecting resources makes it ``active`` and backfills them (the events go through the normal extraction
worker, so memories appear); ``sync`` backfills what is new; ``delete`` removes it, and the memories stay. S3 has
no consent step: ``configure_s3`` checks the credentials, selects the bucket and backfills at once. Who may do
what is in :mod:`.connector_access`; the providers' fake accounts and content in :mod:`.catalogue`.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .catalogue import FakeProvider, Item, Resource, providers, s3_can_read, s3_with_bucket
from .connector_access import Caller, owner_for, require_credential, require_manage, seen, user_scoped, visible
from .connector_store import selection
from .data_plane import ingest_events
from .errors import NOT_FOUND, ApiError, detail, documented, truncate
from .handlers import Ctx, Result, handles
from .store import iso

if TYPE_CHECKING:
    from .app import LocalMemsyApp

CONSENT_PATH = "/_local/consent/"
_HOST = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::[0-9]{1,5})?")
DAY = 86_400.0
BRANCH_TYPES = ("branch", "default_branch")


# --------------------------------------------------------------------------------------------------- providers


@handles("listConnectorProviders")
def list_providers(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 200, {"providers": list(providers())}


@handles("getConnectorStatus")
def connector_status(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, provider = Caller.of(ctx), ctx.path["provider"]
    owner = caller.member_id if user_scoped(provider) else None
    connected = [row for row in app.connectors.of_provider(caller.org_id, provider, owner) if authorized(row)]
    return 200, {"connected": bool(connected), "display_name": connected[0]["display_name"] if connected else None}


@handles("createConnector")
def create_connector(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, provider = Caller.of(ctx), ctx.path["provider"]
    if not providers()[provider].oauth:
        raise documented(
            "provider_not_oauth",
            f"{provider} does not use OAuth: configure it with POST /connectors/{provider}/configure "
            f"(control.connectors.configure_{provider}(...) in the Python SDK).",
        )
    owner = owner_for(caller, provider)
    state = secrets.token_urlsafe(24)
    connector_id = app.connectors.start_oauth(caller.org_id, provider, owner, caller.member_id, app.config.email, state)
    if connector_id is None:
        whose = "You already have" if owner else "The organization already has"
        raise documented(
            "connector_already_connected",
            f"{whose} a {provider} connector: delete it first to connect another account.",
        )
    return 200, {"connector_id": connector_id, "authorize_url": consent_url(ctx.host, connector_id, state)}


def consent_url(host: str, connector_id: str, state: str) -> str:
    """The consent link, on the host the client reached this memsy.local at."""
    origin = host if _HOST.fullmatch(host) else "127.0.0.1"
    return f"http://{origin}{CONSENT_PATH}{connector_id}?state={quote(state, safe='')}"


@handles("configureS3Connector")
def configure_s3(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, body = Caller.of(ctx), ctx.body
    owner_for(caller, "s3")  # org-scoped: an org admin or an API key
    existing = body.get("connector_id")
    if existing is not None:
        row = app.connectors.get(caller.org_id, existing)
        if row is None or row["provider"] != "s3":
            raise detail(404, f"No S3 connector {existing!r} in this organization.")
    credentials = (body["access_key_id"], body["secret_access_key"], body["region"], body["bucket"])
    if not s3_can_read(*credentials):
        raise documented(
            "s3_credentials_invalid",
            f"These credentials cannot read the bucket {body['bucket']!r} in {body['region']!r}: check the access "
            "key id, the secret, the region and the bucket name (nothing was stored).",
        )
    if existing is None:
        existing = app.connectors.create_s3(caller.org_id, caller.member_id, app.config.email, *credentials)
    else:
        app.connectors.reconfigure_s3(caller.org_id, existing, caller.member_id, app.config.email, *credentials)
    bucket = [{"external_id": body["bucket"], "resource_type": "bucket", "name": body["bucket"]}]
    return 200, _select_and_backfill(app, caller.org_id, existing, bucket)


# -------------------------------------------------------------------------------------------------- connectors


@handles("listConnectors")
def list_connectors(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller = Caller.of(ctx)
    rows = app.connectors.of_org(caller.org_id)
    return 200, [connector_json(row) for row in rows if visible(caller, row)]


@handles("getConnector")
def get_connector(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller = Caller.of(ctx)
    return 200, connector_json(seen(caller, app.connectors.get(caller.org_id, ctx.path["connector_id"])))


@handles("deleteConnector")
def delete_connector(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, row = _connector(app, ctx)
    require_manage(caller, row)
    app.connectors.delete(caller.org_id, row["connector_id"])  # the token and the S3 secret digest go with it
    return 204, None


@handles("listConnectorResources")
def list_resources(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, row = _connector(app, ctx)
    require_credential(caller, row)
    fake, parent_id = fake_of(row), ctx.query.get("parent_id")
    if parent_id is not None and not fake.navigable:
        raise documented(
            "provider_cannot_navigate",
            f"{row['provider']} has no folders: list its resources without parent_id (only OneDrive drills into "
            "folders).",
        )
    _require_authorized(row)
    chosen = selection(row)
    if not fake.enumerable:  # Google Drive: only what was chosen with the Picker
        listed = [
            fake.find(s["external_id"]) or Resource(s["external_id"], s["resource_type"], s.get("name", ""))
            for s in chosen
        ]
    else:
        try:
            listed = fake.listing(parent_id)
        except KeyError:
            folder = truncate(str(parent_id), 80)
            raise detail(404, f"No folder {folder!r} in this {row['provider']} account.") from None
    return 200, {"resources": _items(listed, chosen)}


@handles("listConnectorBranches")
def list_branches(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, row = _connector(app, ctx)
    require_credential(caller, row)
    fake = fake_of(row)
    if not fake.has_branches:
        raise documented(
            "provider_has_no_branches", f"{row['provider']} has no branches: only GitHub connectors list them."
        )
    _require_authorized(row)
    try:
        branches = fake.branches(ctx.query["repo"])
    except KeyError:
        repo = truncate(ctx.query["repo"], 80)
        raise detail(404, f"No repository {repo!r} in this GitHub account (use owner/name).") from None
    return 200, {"resources": _items(branches, selection(row))}


@handles("getConnectorPickerConfig")
def picker_config(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, row = _connector(app, ctx)
    require_credential(caller, row)
    if not fake_of(row).has_picker:
        raise documented(
            "provider_has_no_picker", f"{row['provider']} has no picker: only Google Drive connectors use one."
        )
    _require_authorized(row)
    return 200, {
        "access_token": "ya29.local-" + secrets.token_urlsafe(32),  # short-lived and fake: minted per request
        "expires_in": 3599,
        "api_key": "AIzaLocal-memsy-picker",
        "app_id": "memsy-local",
    }


@handles("configureConnectorResources")
def configure_resources(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, row = _connector(app, ctx)
    require_manage(caller, row)
    fake = fake_of(row)
    unsupported = sorted({s["resource_type"] for s in ctx.body["resources"]} - set(fake.resource_types))
    if unsupported:
        raise documented(
            "resource_type_not_supported",
            f"{row['provider']} has no resources of type {', '.join(map(repr, unsupported))}; its types are "
            f"{', '.join(fake.resource_types)}.",
        )
    _require_authorized(row)
    chosen = list({(s["external_id"], s["resource_type"]): s for s in ctx.body["resources"]}.values())
    return 200, _select_and_backfill(app, caller.org_id, row["connector_id"], chosen)


@handles("syncConnector")
def sync_connector(app: LocalMemsyApp, ctx: Ctx) -> Result:
    caller, row = _connector(app, ctx)
    require_manage(caller, row)
    if row["status"] != "active":
        raise documented(
            "connector_not_active",
            f"The connector is {row['status']}, not active: select its resources first (PUT "
            "/connectors/{connector_id}/resources).",
        )
    return 200, _select_and_backfill(app, caller.org_id, row["connector_id"], None)


# ---------------------------------------------------------------------------------------------------- backfill


def _select_and_backfill(
    app: LocalMemsyApp, org_id: str, connector_id: str, chosen: list[dict[str, Any]] | None
) -> dict[str, Any]:
    """Store the selection (None: a sync, the same selection and one sync round later) and ingest the content of
    its resources not ingested yet; the connector, ``active`` (``error`` when nothing selected could be read, or
    the org's quota refused the events). Backfills take turns: two at once could ingest the same item twice."""
    with app.connectors.backfill_lock:
        row = _row(app, org_id, connector_id)
        sync_round = row["sync_round"] + (chosen is None)
        chosen = selection(row) if chosen is None else chosen
        fake, now = fake_of(row), app.store.clock()
        unreadable: list[str] = []
        found: list[tuple[Resource, Item]] = []
        for wanted in chosen:
            resource = fake.find(wanted["external_id"])
            if resource is None or not _same_type(resource.resource_type, wanted["resource_type"]):
                unreadable.append(wanted["external_id"])
                continue
            found += [(resource, item) for item in fake.items(resource, sync_round)]
        new = set(app.connectors.new_items(connector_id, [item.item_id for _, item in found]))
        fresh = {item.item_id: (resource, item) for resource, item in found if item.item_id in new}
        errors = []
        if unreadable:
            errors.append(f"could not read {len(unreadable)} selected resources: {', '.join(unreadable[:5])}")
        try:
            if fresh:
                ingest_events(app, org_id, [_event(row, resource, item, now) for resource, item in fresh.values()])
                app.connectors.mark_ingested(connector_id, list(fresh))
            failed = len(unreadable) == len(chosen)
        except ApiError as refused:  # the org's quota: the backfill stops, the request itself succeeded
            errors.append(f"backfill stopped: {_message(refused)}")
            failed = True
        app.connectors.update(
            org_id,
            connector_id,
            selection=chosen,
            sync_round=sync_round,
            status="error" if failed else "active",
            last_sync_at=iso(now),
            last_error="; ".join(errors) or None,
        )
    return connector_json(_row(app, org_id, connector_id))


def _event(row: sqlite3.Row, resource: Resource, item: Item, now: float) -> dict[str, Any]:
    """One item of content as an event of the org: the person (or document source) it came from is the actor,
    the selected resource is the conversation."""
    account = row["external_account_id"] or row["bucket"] or row["provider"]
    prefix = f"{row['provider']}:{account}"
    return {
        "actor_id": f"{prefix}:{item.author}",
        "session_id": f"{prefix}:{resource.external_id}",
        "kind": "app_event" if item.document else "user_message",
        "content": item.text,
        "ts": iso(now - item.days_ago * DAY),
        "metadata": json.dumps(
            {
                "connector_id": row["connector_id"],
                "provider": row["provider"],
                "resource_id": resource.external_id,
                "resource_type": resource.resource_type,
                "item_id": item.item_id,
            }
        ),
    }


def _message(error: ApiError) -> str:
    body: dict[str, Any] = error.body if isinstance(error.body, dict) else {}
    inner = body["detail"] if isinstance(body.get("detail"), dict) else body
    return str(inner.get("message") or inner.get("detail") or f"HTTP {error.status}")


def _same_type(actual: str, wanted: str) -> bool:
    return actual == wanted or (actual in BRANCH_TYPES and wanted in BRANCH_TYPES)


# ----------------------------------------------------------------------------------------------------- helpers


def authorized(row: sqlite3.Row) -> bool:
    """Whether the connector holds a credential: an OAuth token (after consent) or S3 credentials."""
    return row["token_digest"] is not None or row["secret_digest"] is not None


def _require_authorized(row: sqlite3.Row) -> None:
    if not authorized(row):
        raise documented(
            "connector_not_authorized",
            "Consent has not been given yet: open the connector's authorize_url in a browser, then try again.",
        )


def fake_of(row: sqlite3.Row) -> FakeProvider:
    return s3_with_bucket(row["bucket"]) if row["provider"] == "s3" else providers()[row["provider"]]


def connector_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["connector_id"],
        "provider": row["provider"],
        "status": row["status"],
        "display_name": row["display_name"],
        "external_account_id": row["external_account_id"],
        "configured_by_email": row["configured_by_email"],
        "scopes": json.loads(row["scopes"]),
        "last_sync_at": row["last_sync_at"],
        "next_sync_at": None,  # memsy.local syncs only when asked
        "last_error": row["last_error"],
        "created_at": row["created_at"],
        "bucket": row["bucket"],
        "region": row["region"],
    }


def _items(resources: list[Resource], chosen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    selected = {s["external_id"] for s in chosen}
    return [
        {
            "external_id": r.external_id,
            "resource_type": r.resource_type,
            "name": r.name or None,
            "selected": r.external_id in selected,
        }
        for r in resources
    ]


def _connector(app: LocalMemsyApp, ctx: Ctx) -> tuple[Caller, sqlite3.Row]:
    """The caller, and the connector of the path when the caller may see it (404 otherwise)."""
    caller = Caller.of(ctx)
    return caller, seen(caller, app.connectors.get(caller.org_id, ctx.path["connector_id"]))


def _row(app: LocalMemsyApp, org_id: str, connector_id: str) -> sqlite3.Row:
    row = app.connectors.get(org_id, connector_id)
    if row is None:  # deleted by a concurrent request
        raise ApiError(404, NOT_FOUND)
    return row
