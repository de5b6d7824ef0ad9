from typing import Any
from urllib.parse import quote

METHOD = "GET"
PATH = "/api/connectors/{connector_id}/picker-token"


def build_request(
    connector_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_connector_picker_config."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            connector_id=quote(str(connector_id), safe=""),
        ),
    }

    return _kwargs
