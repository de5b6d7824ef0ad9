from typing import Any

METHOD = "GET"
PATH = "/api/billing/invoices"


def build_request() -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation list_invoices."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    return _kwargs
