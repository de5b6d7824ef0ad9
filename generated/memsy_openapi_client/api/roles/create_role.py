from typing import Any

from ...models.create_role_request import CreateRoleRequest

METHOD = "POST"
PATH = "/v1/roles"


def build_request(
    *,
    body: CreateRoleRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation create_role."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
