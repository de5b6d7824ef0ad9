from typing import Any

from ...models.memory_sort import MemorySort
from ...models.memory_status_filter import MemoryStatusFilter
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/v1/console/memories"


def build_request(
    *,
    actor_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    status: MemoryStatusFilter | Unset = UNSET,
    sort: MemorySort | Unset = UNSET,
    search: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_memories."""
    params: dict[str, Any] = {}

    params["actor_id"] = actor_id

    params["kind"] = kind

    params["type"] = type_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["search"] = search

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs
