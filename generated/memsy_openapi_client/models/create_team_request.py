from ..types import TypedDict


class CreateTeamRequest(TypedDict):
    """A new team record; the server assigns `team_id`."""

    org_id: str
    name: str
    focus: str
