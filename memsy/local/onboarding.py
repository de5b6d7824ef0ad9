"""Handlers of the onboarding records (``/v1/orgs``, ``/v1/roles``, ``/v1/teams``): one set of handlers for the
three kinds, told apart by ``Ctx.kind``. Every lookup is within the caller's org."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .data_plane import require_own_org
from .errors import NOT_FOUND, ApiError, coded, detail
from .extraction import promotion_prompt
from .handlers import Ctx, Result, handles
from .store import ulid

if TYPE_CHECKING:
    from .app import LocalMemsyApp

KINDS = ("org", "role", "team")


@handles("listOrgs", "listRoles", "listTeams", kinds=KINDS)
def list_records(app: LocalMemsyApp, ctx: Ctx) -> Result:
    if ctx.kind == "org":
        return 200, app.store.list_customizations("org", ctx.org_id)
    org_id = require_own_org(ctx, ctx.query["org_id"])
    return 200, app.store.list_customizations(ctx.kind, org_id, ctx.query["limit"], ctx.query["offset"])


@handles("createOrg", "createRole", "createTeam", kinds=KINDS)
def create_record(app: LocalMemsyApp, ctx: Ctx) -> Result:
    org_id = require_own_org(ctx, ctx.body["org_id"])
    if ctx.kind == "org":
        record_id = org_id
    elif app.store.get_customization("org", org_id, org_id) is None:
        raise detail(404, f"Org record {org_id!r} not found; create it with POST /v1/orgs first")
    else:
        record_id = f"{ctx.kind}_{ulid(app.store.clock()).lower()}"
    name, focus = ctx.body["name"], ctx.body["focus"]
    prompt, meta = promotion_prompt(ctx.kind, name, focus)
    record = app.store.create_customization(ctx.kind, record_id, org_id, name, focus, prompt, meta)
    if record is None:
        raise coded(409, "already_exists", f"A {ctx.kind} record with this id already exists.")
    return 200, record


def _record(app: LocalMemsyApp, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    """The addressed record (404 when it does not exist in the caller's org)."""
    if ctx.kind != "org":
        require_own_org(ctx, ctx.query["org_id"])
    record_id = ctx.path[f"{ctx.kind}_id"]
    record = app.store.get_customization(ctx.kind, record_id, ctx.org_id)
    if record is None:
        raise ApiError(404, NOT_FOUND)
    return record_id, record


@handles("getOrg", "getRole", "getTeam", kinds=KINDS)
def get_record(app: LocalMemsyApp, ctx: Ctx) -> Result:
    return 200, _record(app, ctx)[1]


@handles("updateOrg", "updateRole", "updateTeam", kinds=KINDS)
def update_record(app: LocalMemsyApp, ctx: Ctx) -> Result:
    record_id, _ = _record(app, ctx)
    changes = {k: ctx.body[k] for k in ("name", "focus", "promotion_prompt") if k in ctx.body}
    return 200, app.store.update_customization(ctx.kind, record_id, ctx.org_id, changes)


@handles("regenerateOrgPrompt", "regenerateRolePrompt", "regenerateTeamPrompt", kinds=KINDS)
def regenerate_record_prompt(app: LocalMemsyApp, ctx: Ctx) -> Result:
    record_id, current = _record(app, ctx)
    prompt, meta = promotion_prompt(ctx.kind, current["name"], current["focus"])
    changes = {"promotion_prompt": prompt, "prompt_meta": meta}
    return 200, app.store.update_customization(ctx.kind, record_id, ctx.org_id, changes)


@handles("deleteOrg", "deleteRole", "deleteTeam", kinds=KINDS)
def delete_record(app: LocalMemsyApp, ctx: Ctx) -> Result:
    record_id, _ = _record(app, ctx)
    app.store.delete_customization(ctx.kind, record_id, ctx.org_id)
    return 204, None
