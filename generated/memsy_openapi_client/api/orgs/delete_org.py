from typing import Any
from urllib.parse import quote

METHOD = "DELETE"
PATH = "/v1/orgs/{org_id}"


def build_request(
    org_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation delete_org."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    return _kwargs
