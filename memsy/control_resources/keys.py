"""memsy 0.3.5's module ``memsy.control_resources.keys``: the API keys resource.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from ..models import ApiKeyListResponse as ApiKeyListResponse
from ..models import CreateKeyResponse as CreateKeyResponse
from . import AsyncKeysResource as AsyncKeysResource
from . import KeysResource as KeysResource

__all__ = [
    "ApiKeyListResponse",
    "AsyncKeysResource",
    "CreateKeyResponse",
    "KeysResource",
]
