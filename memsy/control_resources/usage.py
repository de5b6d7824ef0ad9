"""memsy 0.3.5's module ``memsy.control_resources.usage``: the usage resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import UsageSummaryResponse as UsageSummaryResponse
from ..models import UsageTimeseriesResponse as UsageTimeseriesResponse
from . import AsyncUsageResource as AsyncUsageResource
from . import UsageResource as UsageResource

__all__ = [
    "AsyncUsageResource",
    "UsageResource",
    "UsageSummaryResponse",
    "UsageTimeseriesResponse",
]
