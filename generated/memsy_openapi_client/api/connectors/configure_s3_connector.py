from typing import Any

from ...models.configure_s3_request import ConfigureS3Request

METHOD = "POST"
PATH = "/api/connectors/s3/configure"


def build_request(
    *,
    body: ConfigureS3Request,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation configure_s3_connector."""

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
    }

    _kwargs["json"] = body
    return _kwargs
