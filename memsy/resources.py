"""The data plane's resource classes under the module name the published SDK used (``memsy.resources``)."""

from ._generated.resources import (
    ActorsResource,
    AsyncActorsResource,
    AsyncMemoriesResource,
    AsyncOrgsResource,
    AsyncRolesResource,
    AsyncTeamsResource,
    MemoriesResource,
    OrgsResource,
    RolesResource,
    TeamsResource,
)

__all__ = [
    "ActorsResource",
    "AsyncActorsResource",
    "AsyncMemoriesResource",
    "AsyncOrgsResource",
    "AsyncRolesResource",
    "AsyncTeamsResource",
    "MemoriesResource",
    "OrgsResource",
    "RolesResource",
    "TeamsResource",
]
