from typing import Any

METHOD = "GET"
PATH = "/v1/console/memories/stats"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_memory_stats."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
