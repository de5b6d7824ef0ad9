from ..models.event_kind import EventKind
from ..types import NotRequired, TypedDict


class EventPayload(TypedDict):
    """One conversation event to ingest."""

    actor_id: str
    """ Stable id of who the memory is about. Must contain a non-whitespace character. """
    session_id: str
    """ Conversation or thread grouping. Must contain a non-whitespace character. Ingest accepts any
    characters, but only ids in the searchable-id set (`A-Z a-z 0-9 _ - : . @ /`) can be used as a search
    scope later.
     """
    kind: EventKind
    """ What produced an event. A closed set on input. """
    content: str
    """ The event body (message text, tool output, ...). Must contain a non-whitespace character. """
    role_id: NotRequired[None | str]
    """ Role the event is attributed to; extraction uses that role's promotion prompt. Whitespace-only is stored as
    null. """
    team_id: NotRequired[None | str]
    """ Team the event is scoped to. Whitespace-only is stored as null. """
    ts: NotRequired[str]
    """ When the event happened; the server stamps "now" when omitted. Supply it when backfilling. """
    metadata: NotRequired[str]
    """ Application metadata as a JSON document serialised to text (not an object). Text that is not a JSON
    object is accepted and kept as `{"raw": "<text>"}`.
     """
