"""Who may see and do what with memsy.local's connectors: the service's permission model, played with keys.

memsy.local has only API keys, so the three kinds of caller of the service are kinds of key:

* an **org admin**: a key made with ``admin=True``;
* a **service API key** acting for the whole org: a key without admin and without a seat;
* a **signed-in member** who is not an admin: a key with a seat and without admin (a seat is what a person holds).

Each key acts as one member (:func:`memsy.local.auth.member_id`), who owns the user-scoped connections it makes.

* connect, configure, select, sync, delete: an org-scoped connector, org admins and API keys (a member gets 403
  ``admin_required``); a user-scoped one, the owning member only;
* see it (``list``, ``get``): an org-scoped connector, everyone in the org; a user-scoped one, its owner, and org
  admins and API keys for auditing;
* use its credential (resources, branches, picker): an org-scoped connector, everyone in the org; a user-scoped
  one, its owner only.

A connector the caller may not see is answered 404, as if it did not exist; one it may see but not act on, 403.
Which providers are org- or user-scoped comes from the contract (``x-memsy-provider-scope``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .auth import member_id
from .catalogue import provider_scopes
from .errors import NOT_FOUND, ApiError, detail, documented
from .handlers import Ctx


@dataclass(frozen=True)
class Caller:
    org_id: str
    member_id: str
    is_admin: bool
    acts_for_org: bool
    """An org admin or a service API key: manages the org-scoped connectors and audits the user-scoped ones."""

    @classmethod
    def of(cls, ctx: Ctx) -> Caller:
        key = ctx.key
        assert key is not None  # every connector operation needs a key
        return cls(key.org_id, member_id(key), key.is_admin, key.is_admin or not key.has_seat)


def user_scoped(provider: str) -> bool:
    return provider_scopes().get(provider) == "user"


def owner_for(caller: Caller, provider: str) -> str | None:
    """Who a new connection of ``provider`` belongs to: the calling member (user-scoped) or the org (None). 403
    when the caller may not connect an org-scoped provider."""
    if user_scoped(provider):
        return caller.member_id
    if not caller.acts_for_org:
        raise documented(
            "admin_required", f"Connecting {provider} for the organization needs an org admin or an API key."
        )
    return None


def visible(caller: Caller, row: sqlite3.Row) -> bool:
    return row["owner_id"] is None or row["owner_id"] == caller.member_id or caller.acts_for_org


def seen(caller: Caller, row: sqlite3.Row | None) -> sqlite3.Row:
    """The connector, when the caller may see it; 404 otherwise (another org's, or another member's)."""
    if row is None or row["org_id"] != caller.org_id or not visible(caller, row):
        raise ApiError(404, NOT_FOUND)
    return row


def require_manage(caller: Caller, row: sqlite3.Row) -> None:
    """403 unless the caller may change the connector."""
    if row["owner_id"] is not None:
        if row["owner_id"] != caller.member_id:
            raise _not_owner(row, "changed")
    elif not caller.acts_for_org:
        raise documented(
            "admin_required",
            f"Changing the organization's {row['provider']} connector needs an org admin or an API key.",
        )


def require_credential(caller: Caller, row: sqlite3.Row) -> None:
    """403 unless the caller may act with the connector's credential (a user-scoped one: its owner only)."""
    if row["owner_id"] is not None and row["owner_id"] != caller.member_id:
        raise _not_owner(row, "used")


def _not_owner(row: sqlite3.Row, what: str) -> ApiError:
    return detail(
        403,
        f"This {row['provider']} connector belongs to another member: only the member who connected it may "
        f"have it {what}.",
    )
