"""memsy 0.3.5's module ``memsy.control_resources.events``: the console events resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import EventListResponse as EventListResponse
from . import AsyncEventsResource as AsyncEventsResource
from . import EventsResource as EventsResource

__all__ = [
    "AsyncEventsResource",
    "EventListResponse",
    "EventsResource",
]
