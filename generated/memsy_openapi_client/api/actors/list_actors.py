from typing import Any

from ...models.actor_sort import ActorSort
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/v1/actors"


def build_request(
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: ActorSort | Unset = UNSET,
    org_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_actors."""
    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["org_id"] = org_id

    params["q"] = q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs
