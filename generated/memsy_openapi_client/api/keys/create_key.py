from typing import Any

from ...models.create_key_request import CreateKeyRequest

METHOD = "POST"
PATH = "/api/keys"


def build_request(
    *,
    body: CreateKeyRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation create_key."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
