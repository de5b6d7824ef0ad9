from ..models.event_payload import EventPayload
from ..types import TypedDict


class IngestRequest(TypedDict):
    """A batch of events."""

    events: list[EventPayload]
    """ Events in the order their ids should be returned. """
