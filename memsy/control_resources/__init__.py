"""The resource classes and connector helpers under the module name the published SDK used
(``memsy.control_resources``).

Its submodules (``memsy.control_resources.billing``, ``.connectors``, ``.events``, ``.interest``, ``.keys``,
``.usage``) are the module paths of memsy 0.3.5, kept so that code importing from them keeps working; nothing in
memsy imports them.
"""

from .._connectors import ORG_SCOPED_PROVIDERS as ORG_SCOPED_PROVIDERS
from .._connectors import USER_SCOPED_PROVIDERS as USER_SCOPED_PROVIDERS
from .._connectors import requires_org_admin as requires_org_admin
from .._generated.resources import *  # noqa: F403
from .._generated.resources import __all__ as _resources

__all__ = ["ORG_SCOPED_PROVIDERS", "USER_SCOPED_PROVIDERS", "requires_org_admin", *_resources]
