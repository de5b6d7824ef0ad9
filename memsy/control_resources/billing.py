"""memsy 0.3.5's module ``memsy.control_resources.billing``: the billing resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import BillingSummary as BillingSummary
from ..models import Invoice as Invoice
from . import AsyncBillingResource as AsyncBillingResource
from . import BillingResource as BillingResource

__all__ = [
    "AsyncBillingResource",
    "BillingResource",
    "BillingSummary",
    "Invoice",
]
