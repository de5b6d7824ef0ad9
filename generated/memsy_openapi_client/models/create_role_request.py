from ..types import TypedDict


class CreateRoleRequest(TypedDict):
    """A new role record; the server assigns `role_id`."""

    org_id: str
    name: str
    focus: str
