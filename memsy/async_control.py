"""memsy 0.3.5's module ``memsy.async_control``: the asyncio control-plane client.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ._retry import DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES
from ._retry import DEFAULT_RETRY_BACKOFF as DEFAULT_RETRY_BACKOFF
from .control import AsyncMemsyControlClient as AsyncMemsyControlClient
from .exceptions import MemsyAPIError as MemsyAPIError
from .exceptions import MemsyConnectionError as MemsyConnectionError
from .models import HealthResponse as HealthResponse
from .models import MeResponse as MeResponse
from .models import RateLimitInfo as RateLimitInfo
from .models import UsageInfo as UsageInfo
from .resources import AsyncBillingResource as AsyncBillingResource
from .resources import AsyncConnectorsResource as AsyncConnectorsResource
from .resources import AsyncEventsResource as AsyncEventsResource
from .resources import AsyncInterestResource as AsyncInterestResource
from .resources import AsyncKeysResource as AsyncKeysResource
from .resources import AsyncUsageResource as AsyncUsageResource

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_RETRY_BACKOFF",
    "AsyncBillingResource",
    "AsyncConnectorsResource",
    "AsyncEventsResource",
    "AsyncInterestResource",
    "AsyncKeysResource",
    "AsyncMemsyControlClient",
    "AsyncUsageResource",
    "HealthResponse",
    "MeResponse",
    "MemsyAPIError",
    "MemsyConnectionError",
    "RateLimitInfo",
    "UsageInfo",
]
