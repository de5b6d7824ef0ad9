"""memsy 0.3.5's module ``memsy.async_client``: the asyncio data-plane client.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ._retry import DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES
from ._retry import DEFAULT_RETRY_BACKOFF as DEFAULT_RETRY_BACKOFF
from .client import AsyncMemsyClient as AsyncMemsyClient
from .exceptions import MemsyAPIError as MemsyAPIError
from .exceptions import MemsyConnectionError as MemsyConnectionError
from .models import EventPayload as EventPayload
from .models import HealthResponse as HealthResponse
from .models import IngestResponse as IngestResponse
from .models import RateLimitInfo as RateLimitInfo
from .models import SearchResponse as SearchResponse
from .models import StatusResponse as StatusResponse
from .models import UsageInfo as UsageInfo
from .resources import AsyncActorsResource as AsyncActorsResource
from .resources import AsyncMemoriesResource as AsyncMemoriesResource
from .resources import AsyncOrgsResource as AsyncOrgsResource
from .resources import AsyncRolesResource as AsyncRolesResource
from .resources import AsyncTeamsResource as AsyncTeamsResource

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_RETRY_BACKOFF",
    "AsyncActorsResource",
    "AsyncMemoriesResource",
    "AsyncMemsyClient",
    "AsyncOrgsResource",
    "AsyncRolesResource",
    "AsyncTeamsResource",
    "EventPayload",
    "HealthResponse",
    "IngestResponse",
    "MemsyAPIError",
    "MemsyConnectionError",
    "RateLimitInfo",
    "SearchResponse",
    "StatusResponse",
    "UsageInfo",
]
