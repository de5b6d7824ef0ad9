from typing import Any

from ...models.create_team_request import CreateTeamRequest

METHOD = "POST"
PATH = "/v1/teams"


def build_request(
    *,
    body: CreateTeamRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation create_team."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
