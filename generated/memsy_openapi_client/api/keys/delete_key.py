from typing import Any
from urllib.parse import quote

METHOD = "DELETE"
PATH = "/api/keys/{key_id}"


def build_request(
    key_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation delete_key."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            key_id=quote(str(key_id), safe=""),
        ),
    }

    return _kwargs
