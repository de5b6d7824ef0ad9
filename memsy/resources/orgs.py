"""memsy 0.3.5's module ``memsy.resources.orgs``: the orgs resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import OrgResource as OrgResource
from ..resources import AsyncOrgsResource as AsyncOrgsResource
from ..resources import OrgsResource as OrgsResource

__all__ = [
    "AsyncOrgsResource",
    "OrgResource",
    "OrgsResource",
]
