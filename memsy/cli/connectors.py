"""``memsy connectors ...``: data sources (Slack, GitHub, Notion, Google Drive, OneDrive, S3) whose content the
service ingests for the org (control plane)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

from memsy_openapi_client.models.resource_type import RESOURCE_TYPE_VALUES

from .._connectors import USER_SCOPED_PROVIDERS, AuthorizationTimeoutError
from .._generated.models import ConnectorResourceItem, ResourceSelection
from ..control_resources import ConnectorsResource
from ..exceptions import MemsyAPIError
from .context import Context
from .errors import EXIT_API, EXIT_OK, EXIT_WAIT_TIMEOUT, UsageError
from .output import pairs, seconds, table, to_plain
from .times import iso, parse_instant

ACCESS_KEY_VARIABLE, SECRET_VARIABLE, REGION_VARIABLE = "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"
"""Where configure-s3 finds the credentials by default: the AWS tools' own variables."""
HINTS = {
    "connector_not_authorized": "consent is not given yet: open the link memsy connectors connect printed, or wait "
    "for it with memsy connectors connect PROVIDER --wait",
    "connector_not_active": "select its resources first: memsy connectors select ID EXTERNAL_ID...",
    "connector_already_connected": "memsy connectors list shows it; delete it first to connect another account",
    "provider_not_oauth": "S3 is configured with IAM credentials: memsy connectors configure-s3 --help",
    "admin_required": "an org admin key (or a service API key) manages the organization's connectors",
}


# ------------------------------------------------------------------------------------------------- commands


def hinted(command: Callable[[Context], int]) -> Callable[[Context], int]:
    """The service's refusals whose code has a known remedy are told with what to do next (exit code 3 all the
    same); any other failure goes to the runner as usual."""

    @functools.wraps(command)
    def run(ctx: Context) -> int:
        try:
            return command(ctx)
        except MemsyAPIError as error:
            if error.error_code not in HINTS:
                raise
            print(f"memsy: {error}\n  {HINTS[error.error_code]}", file=ctx.err)
            return EXIT_API

    return run


def cmd_providers(ctx: Context) -> int:
    with ctx.control_client() as control:
        found = control.connectors.list_providers()

    def render() -> None:
        rows = [(p, "member (own)" if p in USER_SCOPED_PROVIDERS else "org admin or API key") for p in found]
        table(rows, ("provider", "managed by"), ctx.out)

    ctx.emit(list(found), render)
    return EXIT_OK


@hinted
def cmd_list(ctx: Context) -> int:
    with ctx.control_client() as control:
        found = control.connectors.list()

    def render() -> None:
        rows = [(c.id, c.provider, c.status, c.display_name, _when(c.last_sync_at)) for c in found]
        table(rows, ("id", "provider", "status", "account", "last sync (UTC)"), ctx.out)

    ctx.emit(list(found), render)
    return EXIT_OK


@hinted
def cmd_get(ctx: Context) -> int:
    with ctx.control_client() as control:
        connector = control.connectors.get(ctx.args.connector_id)
    ctx.emit(connector, lambda: pairs(to_plain(connector), ctx.out))
    return EXIT_OK


@hinted
def cmd_connect(ctx: Context) -> int:
    args = ctx.args
    with ctx.control_client() as control:
        connection = control.connectors.create(args.provider)
        if not args.wait:
            ctx.emit(connection, lambda: _tell_link(ctx, connection.authorize_url, connection.connector_id))
            return EXIT_OK
        print(f"open this link in a browser to give consent:\n  {connection.authorize_url}", file=ctx.err, flush=True)
        try:
            resources = control.connectors.wait_until_authorized(
                connection.connector_id, timeout=args.timeout, poll_interval=args.poll_interval
            )
        except AuthorizationTimeoutError:
            print(
                f"memsy: no consent within --timeout {seconds(args.timeout)}; open the link above, then run "
                f"memsy connectors resources {connection.connector_id}",
                file=ctx.err,
            )
            return EXIT_WAIT_TIMEOUT
    data = {**to_plain(connection), "resources": to_plain(list(resources))}
    ctx.emit(data, lambda: _show_resources(ctx, connection.connector_id, list(resources)))
    return EXIT_OK


@hinted
def cmd_configure_s3(ctx: Context) -> int:
    args = ctx.args
    access_key_id = args.access_key_id or os.environ.get(ACCESS_KEY_VARIABLE)
    region = args.region or os.environ.get(REGION_VARIABLE)
    if not access_key_id or not region:
        raise UsageError(
            f"memsy connectors configure-s3 needs --access-key-id (or {ACCESS_KEY_VARIABLE}) and --region "
            f"(or {REGION_VARIABLE})"
        )
    secret = os.environ.get(SECRET_VARIABLE) or ctx.stdin.readline().strip()
    if not secret:
        raise UsageError(
            f"no S3 secret: set {SECRET_VARIABLE}, or give it on stdin (never as an argument: it would stay in the "
            "shell history)"
        )
    with ctx.control_client() as control:
        connector = control.connectors.configure_s3(
            access_key_id=access_key_id,
            secret_access_key=secret,
            region=region,
            bucket=args.bucket,
            connector_id=args.connector,
        )
    ctx.emit(connector, lambda: pairs(to_plain(connector), ctx.out))
    return EXIT_OK


@hinted
def cmd_resources(ctx: Context) -> int:
    args = ctx.args
    if args.parent is not None and args.repo is not None:
        raise UsageError("memsy connectors resources takes --parent (a folder) or --repo (branches), not both")
    with ctx.control_client() as control:
        if args.repo is not None:
            found = list(control.connectors.list_branches(args.connector_id, args.repo))
        else:
            found = list(control.connectors.list_resources(args.connector_id, parent_id=args.parent))
    ctx.emit(found, lambda: _show_resources(ctx, args.connector_id, found))
    return EXIT_OK


@hinted
def cmd_select(ctx: Context) -> int:
    args = ctx.args
    with ctx.control_client() as control:
        selection = _selection(control.connectors, args.connector_id, args.external_ids, args.resource_type)
        connector = control.connectors.configure_resources(args.connector_id, selection)

    def render() -> None:
        pairs(to_plain(connector), ctx.out)
        print("backfill started: memories appear as its events are processed (memsy search ...)", file=ctx.err)

    ctx.emit(connector, render)
    return EXIT_OK


@hinted
def cmd_sync(ctx: Context) -> int:
    with ctx.control_client() as control:
        connector = control.connectors.sync(ctx.args.connector_id)
    ctx.emit(connector, lambda: pairs(to_plain(connector), ctx.out))
    return EXIT_OK


@hinted
def cmd_delete(ctx: Context) -> int:
    connector_id = ctx.args.connector_id
    with ctx.control_client() as control:
        control.connectors.delete(connector_id)
    ctx.emit({"connector_id": connector_id, "deleted": True}, lambda: print(f"deleted {connector_id}", file=ctx.out))
    return EXIT_OK


# -------------------------------------------------------------------------------------------------- helpers


def _selection(
    connectors: ConnectorsResource, connector_id: str, external_ids: list[str], resource_type: str | None
) -> list[ResourceSelection | ConnectorResourceItem]:
    """The selection to send: each id with the type given, else as it is listed (its type and name)."""
    ids = list(dict.fromkeys(external_ids))
    if resource_type is not None:
        return [ResourceSelection(i, resource_type) for i in ids]
    listed = {item.external_id: item for item in connectors.list_resources(connector_id)}
    unknown = [i for i in ids if i not in listed or not listed[i].resource_type]
    if unknown:
        raise UsageError(
            f"{', '.join(unknown)}: not listed by memsy connectors resources {connector_id}, so "
            + ("its type is unknown; give it" if len(unknown) == 1 else "their types are unknown; give them")
            + f" with --type (one of {', '.join(sorted(RESOURCE_TYPE_VALUES))})"
        )
    return [listed[i] for i in ids]


def _when(value: object) -> object:
    moment = parse_instant(value)
    return iso(moment) if moment else value


def _tell_link(ctx: Context, url: str, connector_id: str) -> None:
    print(url, file=ctx.out)
    print(
        f"open this link in a browser to give consent; then: memsy connectors resources {connector_id}",
        file=ctx.err,
    )


def _show_resources(ctx: Context, connector_id: str, found: list[ConnectorResourceItem]) -> None:
    rows = [(r.external_id, r.resource_type, r.name, "yes" if r.selected else "") for r in found]
    table(rows, ("external id", "type", "name", "selected"), ctx.out)
    if found:
        print(f"select with: memsy connectors select {connector_id} EXTERNAL_ID...", file=ctx.err)
