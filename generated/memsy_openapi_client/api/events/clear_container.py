from typing import Any
from urllib.parse import quote

METHOD = "DELETE"
PATH = "/v1/clear/{container_tag}"


def build_request(
    container_tag: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation clear_container."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            container_tag=quote(str(container_tag), safe=""),
        ),
    }

    return _kwargs
