"""memsy 0.3.5's module ``memsy.resources.actors``: the actors resource and its sort orders.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from memsy_openapi_client.models.actor_sort import ActorSort as ActorSort

from ..models import ActorListResponse as ActorListResponse
from ..models import ActorResource as ActorResource
from ..resources import ActorsResource as ActorsResource
from ..resources import AsyncActorsResource as AsyncActorsResource

__all__ = [
    "ActorListResponse",
    "ActorResource",
    "ActorSort",
    "ActorsResource",
    "AsyncActorsResource",
]
