"""memsy 0.3.5's module ``memsy.resources.teams``: the teams resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import TeamResource as TeamResource
from ..resources import AsyncTeamsResource as AsyncTeamsResource
from ..resources import TeamsResource as TeamsResource

__all__ = [
    "AsyncTeamsResource",
    "TeamResource",
    "TeamsResource",
]
