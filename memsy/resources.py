"""The resource classes under the module name the published SDK used (``memsy.resources``)."""

from ._generated.resources import *  # noqa: F403
from ._generated.resources import __all__ as __all__
