from typing import Any
from urllib.parse import quote

METHOD = "GET"
PATH = "/v1/console/memories/{memory_id}"


def build_request(
    memory_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_memory."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            memory_id=quote(str(memory_id), safe=""),
        ),
    }

    return _kwargs
