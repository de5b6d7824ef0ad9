from typing import Any
from urllib.parse import quote

from ...models.update_customization_request import UpdateCustomizationRequest
from ...types import UNSET

METHOD = "PATCH"
PATH = "/v1/teams/{team_id}"


def build_request(
    team_id: str,
    *,
    body: UpdateCustomizationRequest,
    org_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation update_team."""
    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body
    return _kwargs
