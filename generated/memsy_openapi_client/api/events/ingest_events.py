from typing import Any

from ...models.ingest_request import IngestRequest

METHOD = "POST"
PATH = "/v1/ingest"


def build_request(
    *,
    body: IngestRequest,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation ingest_events."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
