from typing import Any

METHOD = "GET"
PATH = "/api/usage/summary"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_usage_summary."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
