from typing import Any
from urllib.parse import quote

from ...types import UNSET

METHOD = "GET"
PATH = "/api/connectors/{connector_id}/branches"


def build_request(
    connector_id: str,
    *,
    repo: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_connector_branches."""
    params: dict[str, Any] = {}

    params["repo"] = repo

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            connector_id=quote(str(connector_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs
