from ..models.key_scope import KeyScope
from ..types import NotRequired, TypedDict


class CreateKeyRequest(TypedDict):
    """A new key."""

    name: str
    scopes: NotRequired[list[KeyScope]]
    """ Defaults to both scopes. """
    expires_at: NotRequired[str]
    """ When the key stops working; never when omitted. """
