"""The control plane's resource classes under the module name the published SDK used
(``memsy.control_resources``)."""

from ._generated.resources import (
    AsyncBillingResource,
    AsyncEventsResource,
    AsyncInterestResource,
    AsyncKeysResource,
    AsyncUsageResource,
    BillingResource,
    EventsResource,
    InterestResource,
    KeysResource,
    UsageResource,
)

__all__ = [
    "AsyncBillingResource",
    "AsyncEventsResource",
    "AsyncInterestResource",
    "AsyncKeysResource",
    "AsyncUsageResource",
    "BillingResource",
    "EventsResource",
    "InterestResource",
    "KeysResource",
    "UsageResource",
]
