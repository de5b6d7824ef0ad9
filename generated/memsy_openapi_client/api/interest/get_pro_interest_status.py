from typing import Any

METHOD = "GET"
PATH = "/api/interest/pro/status"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_pro_interest_status."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
