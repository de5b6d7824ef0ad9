from typing import Any

from ...models.search_request import SearchRequest

METHOD = "POST"
PATH = "/v1/search"


def build_request(
    *,
    body: SearchRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation search_memories."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
