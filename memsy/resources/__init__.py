"""The resource classes under the module name the published SDK used (``memsy.resources``).

Its submodules (``memsy.resources.actors``, ``.memories``, ``.orgs``, ``.roles``, ``.teams``) are the module paths
of memsy 0.3.5, kept so that code importing from them keeps working; nothing in memsy imports them.
"""

from .._generated.resources import *  # noqa: F403
from .._generated.resources import __all__ as __all__
