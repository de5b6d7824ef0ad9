from typing import Any
from urllib.parse import quote

from ...models.update_customization_request import UpdateCustomizationRequest

METHOD = "PATCH"
PATH = "/v1/orgs/{org_id}"


def build_request(
    org_id: str,
    *,
    body: UpdateCustomizationRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation update_org."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    _kwargs["json"] = body
    return _kwargs
