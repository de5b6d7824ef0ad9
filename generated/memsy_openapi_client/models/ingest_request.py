from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import TypedDict

if TYPE_CHECKING:
    from ..models.event_payload import EventPayload


class IngestRequest(TypedDict):
    """A batch of events."""

    events: list[EventPayload]
    """ Events in the order their ids should be returned. """
