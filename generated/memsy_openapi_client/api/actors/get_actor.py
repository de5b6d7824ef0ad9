from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/v1/actors/{actor_id}"


def build_request(
    actor_id: str,
    *,
    org_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_actor."""
    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            actor_id=quote(str(actor_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs
