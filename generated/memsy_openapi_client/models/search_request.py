from ..types import NotRequired, TypedDict


class SearchRequest(TypedDict):
    """A search. `limit`, `threshold` and `include_source_events` take their defaults when omitted."""

    query: str
    """ Natural-language query. """
    limit: NotRequired[int]
    """ Maximum number of results; the server may return fewer. """
    threshold: NotRequired[float]
    """ Minimum score; 0 disables the filter. """
    include_source_events: NotRequired[bool]
    """ Embed the originating events in `metadata.source_events`. """
    actor_id: NotRequired[str]
    """ Only this actor's memories (plus promoted ones via `role_ids` / `team_ids`). Omit for an org-wide search.
    """
    role_ids: NotRequired[list[str]]
    """ Roles whose promoted memories may also be recalled. """
    team_ids: NotRequired[list[str]]
    """ Teams whose promoted memories may also be recalled. """
    session_id: NotRequired[str]
    """ An id usable as a search scope; the empty string means "unset". """
    exclude_session_id: NotRequired[str]
    """ An id usable as a search scope; the empty string means "unset". """
