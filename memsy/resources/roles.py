"""memsy 0.3.5's module ``memsy.resources.roles``: the roles resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import RoleResource as RoleResource
from ..resources import AsyncRolesResource as AsyncRolesResource
from ..resources import RolesResource as RolesResource

__all__ = [
    "AsyncRolesResource",
    "RoleResource",
    "RolesResource",
]
