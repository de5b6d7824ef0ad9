"""The consent pages of memsy.local's connectors (outside the contract): what a browser opens at a connector's
``authorize_url``.

``GET /_local/consent/{connector_id}?state=...`` plays the provider's consent screen: it approves at once and
redirects, as a provider does, to the callback ``GET /_local/consent/{connector_id}/callback?state=...&code=...``,
which plays Memsy's OAuth callback: it attaches a fake token to the connector and says so. A browser (or any HTTP
client following redirects) completes consent with one plain GET. The link's ``state`` is the only credential: a
link replaced by a newer ``connect``, or of a deleted connector, answers 404.
"""

from __future__ import annotations

import html
import secrets
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote

from .catalogue import providers
from .connectors import CONSENT_PATH
from .transport import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from .app import LocalMemsyApp

CALLBACK = "callback"


def consent_page(app: LocalMemsyApp, request: HttpRequest) -> HttpResponse:
    """The answer to a request under ``/_local/consent/``."""
    if request.method != "GET":
        return _page(405, "Method not allowed", "Open this link in a browser.", {"Allow": "GET"})
    parts = request.raw_path[len(CONSENT_PATH) :].split("/")
    query = parse_qs(request.query_string)
    state = query.get("state", [""])[0]
    row = app.connectors.consenting(parts[0], state) if state and len(parts) <= 2 else None
    if row is None or (len(parts) == 2 and parts[1] != CALLBACK):
        return _page(
            404,
            "No connector waits for consent here",
            "This link is not valid: it was replaced by a newer one, or its connector was deleted. Connect again "
            "from your application.",
        )
    connector_id = row["connector_id"]
    if len(parts) == 1:  # the provider's consent screen: approved at once, back to Memsy's callback
        code = secrets.token_urlsafe(16)
        location = f"{CONSENT_PATH}{connector_id}/{CALLBACK}?state={quote(state, safe='')}&code={code}"
        return HttpResponse(302, b"", {"Location": location, "Cache-Control": "no-store"}, None)
    if not query.get("code", [""])[0]:
        return _page(400, "Consent was not given", "The provider sent no authorization code. Connect again.")
    account = providers()[row["provider"]].account
    if row["token_digest"] is None:
        app.connectors.authorize(
            connector_id,
            token=secrets.token_urlsafe(32),  # the fake provider's token: only its digest is kept
            display_name=account.display_name,
            account_id=account.external_account_id,
            scopes=account.scopes,
        )
    return _page(
        200,
        f"Connected to {row['provider']}",
        f"{account.display_name} is connected. You can close this tab and go back to your application.",
    )


def _page(status: int, title: str, text: str, headers: dict[str, str] | None = None) -> HttpResponse:
    body = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)} - memsy.local</title></head>"
        f"<body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
    )
    return HttpResponse(
        status, body.encode("utf-8"), {"Cache-Control": "no-store", **(headers or {})}, "text/html; charset=utf-8"
    )
