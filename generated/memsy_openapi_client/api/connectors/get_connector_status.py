from typing import Any
from urllib.parse import quote

from ...models.connector_provider import ConnectorProvider

METHOD = "GET"
PATH = "/api/connectors/{provider}/status"


def build_request(
    provider: ConnectorProvider,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_connector_status."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            provider=quote(str(provider), safe=""),
        ),
    }

    return _kwargs
