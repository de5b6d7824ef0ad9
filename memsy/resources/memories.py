"""memsy 0.3.5's module ``memsy.resources.memories``: the console memories resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import MemoryItemResource as MemoryItemResource
from ..models import MemoryListResponse as MemoryListResponse
from ..models import MemoryStatsResponse as MemoryStatsResponse
from ..resources import AsyncMemoriesResource as AsyncMemoriesResource
from ..resources import MemoriesResource as MemoriesResource

__all__ = [
    "AsyncMemoriesResource",
    "MemoriesResource",
    "MemoryItemResource",
    "MemoryListResponse",
    "MemoryStatsResponse",
]
