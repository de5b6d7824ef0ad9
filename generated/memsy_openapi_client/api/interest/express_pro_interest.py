from typing import Any

from ...models.pro_interest_request import ProInterestRequest

METHOD = "POST"
PATH = "/api/interest/pro"


def build_request(
    *,
    body: ProInterestRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation express_pro_interest."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
