from ..models.resource_selection import ResourceSelection
from ..types import TypedDict


class ConfigureResourcesRequest(TypedDict):
    """The complete selection (it replaces the current one)."""

    resources: list[ResourceSelection]
