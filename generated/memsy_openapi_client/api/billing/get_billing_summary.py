from typing import Any

METHOD = "GET"
PATH = "/api/billing/summary"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_billing_summary."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
