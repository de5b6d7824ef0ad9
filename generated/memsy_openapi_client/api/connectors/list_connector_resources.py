from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/connectors/{connector_id}/resources"


def build_request(
    connector_id: str,
    *,
    parent_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_connector_resources."""
    params: dict[str, Any] = {}

    params["parent_id"] = parent_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            connector_id=quote(str(connector_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs
