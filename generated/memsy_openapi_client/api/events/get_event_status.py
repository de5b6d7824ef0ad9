from typing import Any

from ...models.status_request import StatusRequest

METHOD = "POST"
PATH = "/v1/status"


def build_request(
    *,
    body: StatusRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_event_status."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
