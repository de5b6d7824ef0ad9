"""The resource classes and connector helpers under the module name the published SDK used
(``memsy.control_resources``)."""

from ._connectors import ORG_SCOPED_PROVIDERS as ORG_SCOPED_PROVIDERS
from ._connectors import USER_SCOPED_PROVIDERS as USER_SCOPED_PROVIDERS
from ._connectors import requires_org_admin as requires_org_admin
from ._generated.resources import *  # noqa: F403
from ._generated.resources import __all__ as _resources

__all__ = ["ORG_SCOPED_PROVIDERS", "USER_SCOPED_PROVIDERS", "requires_org_admin", *_resources]
