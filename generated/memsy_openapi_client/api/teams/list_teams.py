from typing import Any

from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/v1/teams"


def build_request(
    *,
    org_id: str,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_teams."""
    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs
