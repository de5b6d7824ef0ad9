from typing import Any

METHOD = "GET"
PATH = "/api/connectors/providers"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_connector_providers."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
