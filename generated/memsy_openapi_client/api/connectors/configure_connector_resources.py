from typing import Any
from urllib.parse import quote

from ...models.configure_resources_request import ConfigureResourcesRequest

METHOD = "PUT"
PATH = "/api/connectors/{connector_id}/resources"


def build_request(
    connector_id: str,
    *,
    body: ConfigureResourcesRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation configure_connector_resources."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            connector_id=quote(str(connector_id), safe=""),
        ),
    }

    _kwargs["json"] = body
    return _kwargs
