from typing import Any

from ...models.event_kind import EventKind
from ...models.event_sort import EventSort
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/console/events"


def build_request(
    *,
    actor_id: str | Unset = UNSET,
    session_id: str | Unset = UNSET,
    kind: EventKind | Unset = UNSET,
    sort: EventSort | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_console_events."""
    params: dict[str, Any] = {}

    params["actor_id"] = actor_id

    params["session_id"] = session_id

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs
