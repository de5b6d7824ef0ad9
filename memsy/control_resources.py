"""The control plane's resource classes under the module name the published SDK used
(``memsy.control_resources``)."""

from ._connectors import ORG_SCOPED_PROVIDERS, USER_SCOPED_PROVIDERS, requires_org_admin
from ._generated.resources import (
    AsyncBillingResource,
    AsyncConnectorsResource,
    AsyncEventsResource,
    AsyncInterestResource,
    AsyncKeysResource,
    AsyncUsageResource,
    BillingResource,
    ConnectorsResource,
    EventsResource,
    InterestResource,
    KeysResource,
    UsageResource,
)

__all__ = [
    "ORG_SCOPED_PROVIDERS",
    "USER_SCOPED_PROVIDERS",
    "AsyncBillingResource",
    "AsyncConnectorsResource",
    "AsyncEventsResource",
    "AsyncInterestResource",
    "AsyncKeysResource",
    "AsyncUsageResource",
    "BillingResource",
    "ConnectorsResource",
    "EventsResource",
    "InterestResource",
    "KeysResource",
    "UsageResource",
    "requires_org_admin",
]
