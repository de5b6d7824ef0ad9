from typing import Any

METHOD = "GET"
PATH = "/v1/orgs"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_orgs."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
