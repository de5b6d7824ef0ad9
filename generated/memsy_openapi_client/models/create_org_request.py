from ..types import TypedDict


class CreateOrgRequest(TypedDict):
    """A new org record."""

    org_id: str
    """ The key's org id. """
    name: str
    focus: str
    """ What the org cares about; drives prompt generation. """
