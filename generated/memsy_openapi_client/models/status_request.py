from ..types import TypedDict


class StatusRequest(TypedDict):
    """Event ids to look up."""

    event_ids: list[str]
