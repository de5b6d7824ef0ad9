from typing import Any
from urllib.parse import quote

METHOD = "POST"
PATH = "/v1/orgs/{org_id}/regenerate-prompt"


def build_request(
    org_id: str,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation regenerate_org_prompt."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH.format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    return _kwargs
