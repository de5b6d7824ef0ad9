from typing import Any
from urllib.parse import quote

METHOD = "POST"
PATH = "/api/connectors/{connector_id}/sync"


def build_request(
    connector_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation sync_connector."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            connector_id=quote(str(connector_id), safe=""),
        ),
    }

    return _kwargs
