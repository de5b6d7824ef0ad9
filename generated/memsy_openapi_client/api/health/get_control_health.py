from typing import Any

METHOD = "GET"
PATH = "/api/health"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_control_health."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
