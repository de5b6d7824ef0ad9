"""memsy 0.3.5's module ``memsy.control_resources.interest``: the plan-interest resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import ProInterestResponse as ProInterestResponse
from . import AsyncInterestResource as AsyncInterestResource
from . import InterestResource as InterestResource

__all__ = [
    "AsyncInterestResource",
    "InterestResource",
    "ProInterestResponse",
]
