from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import TypedDict

if TYPE_CHECKING:
    from ..models.resource_selection import ResourceSelection


class ConfigureResourcesRequest(TypedDict):
    """The complete selection (it replaces the current one)."""

    resources: list[ResourceSelection]
