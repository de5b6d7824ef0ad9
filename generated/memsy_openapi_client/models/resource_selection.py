from ..models.resource_type import ResourceType
from ..types import NotRequired, TypedDict


class ResourceSelection(TypedDict):
    """One resource to select. Its type is required (no provider's type is assumed)."""

    external_id: str
    """ The resource's `external_id`. """
    resource_type: ResourceType
    """ Kinds of resource that can be selected (closed on input). """
    name: NotRequired[str]
    """ A label, for display. """
