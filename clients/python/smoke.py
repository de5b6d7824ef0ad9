"""Smoke test of the Python client generated from openapi.yaml by openapi-generator (`make languages`).

Against memsy.local: health, ingest, status, search, a 401 body decoded into ErrorResponse, and every documented
error shape (the contract's examples, passed in MEMSY_ERROR_EXAMPLES) read with ErrorResponse.from_dict.
Exits non-zero when anything does not hold.
"""

from __future__ import annotations

import json
import os
import sys
import time
from urllib.parse import urlsplit

import memsy_api
from memsy_api.exceptions import ApiException


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"python smoke: {message}")


def describe(error: memsy_api.ErrorResponse) -> str:
    """What an error body says, whichever documented shape it has."""
    detail = error.detail.actual_instance if error.detail is not None else None
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        return "; ".join(issue.msg for issue in detail)
    if isinstance(detail, memsy_api.ErrorInfo):
        return f"{detail.error}: {detail.message or ''}"
    return f"{error.error}: {error.message or ''}" if error.error else error.message or ""


def main() -> None:
    base = urlsplit(os.environ["MEMSY_BASE_URL"])
    # The contract's second server is memsy.local; its `host` and `port` variables pick the instance.
    variables = {"host": base.hostname or "", "port": str(base.port)}
    config = memsy_api.Configuration(access_token=os.environ["MEMSY_API_KEY"], server_index=1, server_variables=variables)
    with memsy_api.ApiClient(config) as client:
        health = memsy_api.HealthApi(client).get_health()
        check(health.status == "ok", f"health: {health.status}")
        print(f"health {health.status}")

        events = memsy_api.EventsApi(client)
        batch = [
            memsy_api.EventPayload(
                actor_id="py-user", session_id="py-1", kind=memsy_api.EventKind.USER_MESSAGE,
                content="I prefer window seats on trains.",
            ),
            memsy_api.EventPayload(
                actor_id="py-user", session_id="py-1", kind=memsy_api.EventKind.ASSISTANT_MESSAGE,
                content="Window seat it is.",
            ),
        ]
        ids = events.ingest_events(memsy_api.IngestRequest(events=batch)).event_ids
        check(len(ids) == len(batch), "one id per event")
        print(f"ingested {len(ids)} events")

        pending = len(ids)
        for _ in range(400):
            pending = len(events.get_event_status(memsy_api.StatusRequest(event_ids=ids)).pending_ids)
            if pending == 0:
                break
            time.sleep(0.025)
        check(pending == 0, "events still pending")
        print("all events processed")

        search = memsy_api.SearchRequest(query="window seats", actor_id="py-user", limit=5)
        results = memsy_api.SearchApi(client).search_memories(search).results
        check(len(results) > 0, "search found nothing")
        for result in results:
            print(f"{result.score:.2f}  {result.content}")

    wrong = memsy_api.Configuration(
        access_token="msy_00000000000000000000000000000000", server_index=1, server_variables=variables
    )
    with memsy_api.ApiClient(wrong) as client:
        try:
            memsy_api.SearchApi(client).search_memories(memsy_api.SearchRequest(query="x"))
            check(False, "a wrong key must be refused")
        except ApiException as error:
            check(error.status == 401, f"expected 401, got {error.status}")
            check(isinstance(error.data, memsy_api.ErrorResponse), f"401 body not decoded: {error.body}")
            check(isinstance(error.data.detail.actual_instance, str), "401 detail is not a message")
            print(f"401 decoded into ErrorResponse: {describe(error.data)}")

    shapes = json.loads(os.environ["MEMSY_ERROR_EXAMPLES"])
    check(len(shapes) >= 5, "the contract documents every error shape as an example")
    for shape in shapes:
        check(describe(memsy_api.ErrorResponse.from_dict(shape)) != "", f"documented shape not read: {shape}")
    print(f"{len(shapes)} documented error shapes read with ErrorResponse.from_dict")
    print("Python (openapi-generator) client OK")


if __name__ == "__main__":
    main()
