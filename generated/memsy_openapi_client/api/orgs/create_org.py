from typing import Any

from ...models.create_org_request import CreateOrgRequest

METHOD = "POST"
PATH = "/v1/orgs"


def build_request(
    *,
    body: CreateOrgRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation create_org."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
