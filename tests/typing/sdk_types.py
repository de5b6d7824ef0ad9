"""Checked by mypy --strict in tests/test_typing.py (never run): the types users see through the SDK."""

from __future__ import annotations

from typing import assert_type

import memsy
from memsy import RawResponse


def sync_types() -> None:
    with memsy.MemsyClient(api_key="msy_x") as client:
        assert_type(client, memsy.MemsyClient)
        assert_type(client.search("q"), memsy.SearchResponse)
        assert_type(client.with_raw_response.search("q"), RawResponse[memsy.SearchResponse])
        assert_type(client.memories.with_raw_response.list(), RawResponse[memsy.MemoryListResponse])
        assert_type(client.with_raw_response.memories.get("m"), RawResponse[memsy.MemoryItemResource])
        assert_type(client.with_options(timeout=3), memsy.MemsyClient)
        assert_type(client.roles.list("org"), memsy.ResourceList[memsy.RoleResource])
        page = client.memories.list(sort="strength_desc", limit=10)
        assert_type(page.items[0], memsy.MemoryItemResource)
        client.memories.list(sort="newest")  # type: ignore[arg-type]  # not a MemorySort value
        client.memories.list(limit="10")  # type: ignore[arg-type]
        client.memories.list(bogus=1)  # type: ignore[call-arg]
    with memsy.MemsyControlClient(api_key="msy_x") as control:
        assert_type(control, memsy.MemsyControlClient)
        assert_type(control.interest.status(), bool)
        assert_type(control.connectors.get("con_1"), memsy.Connector)
        assert_type(control.connectors.wait_until_authorized("con_1"), memsy.ResourceList[memsy.ConnectorResourceItem])
        control.connectors.status("Slack")  # type: ignore[arg-type]  # not a provider slug
    try:
        pass
    except memsy.NotFoundError as error:
        assert_type(error.status_code, int | None)


async def async_types() -> None:
    async with memsy.AsyncMemsyClient(api_key="msy_x") as client:
        assert_type(client, memsy.AsyncMemsyClient)
        assert_type(await client.search("q"), memsy.SearchResponse)
        assert_type(await client.with_raw_response.search("q"), RawResponse[memsy.SearchResponse])
    async with memsy.AsyncMemsyControlClient(api_key="msy_x") as control:
        assert_type(control, memsy.AsyncMemsyControlClient)
