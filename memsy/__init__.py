"""Python SDK for Memsy, the memory service for AI agents.

>>> from memsy import MemsyClient
>>> with MemsyClient("https://api.memsy.io/v1", api_key="msy_...") as client:  # doctest: +SKIP
...     client.ingest([{"actor_id": "u1", "session_id": "s1", "kind": "user_message", "content": "Hi"}])

Data plane: :class:`MemsyClient`, :class:`AsyncMemsyClient`. Control plane: :class:`MemsyControlClient`,
:class:`AsyncMemsyControlClient`. Every failure is a :class:`MemsyError`.
"""

from typing import TYPE_CHECKING

from . import _generated  # the generated names (the package alone: its modules load on first use)
from ._lazy import lazy_names
from ._version import __version__

if TYPE_CHECKING:  # what type checkers see; at run time each name is imported on first use (below)
    from ._call import RawResponse as RawResponse
    from ._connectors import ORG_SCOPED_PROVIDERS as ORG_SCOPED_PROVIDERS
    from ._connectors import USER_SCOPED_PROVIDERS as USER_SCOPED_PROVIDERS
    from ._connectors import AuthorizationTimeoutError as AuthorizationTimeoutError
    from ._connectors import requires_org_admin as requires_org_admin
    from ._generated.errors import *  # noqa: F403  (documented statuses' and codes' classes, in memsy.exceptions too)
    from ._generated.models import *  # noqa: F403  (the models, re-exported by memsy.models)
    from ._helpers import IngestManyError as IngestManyError
    from ._helpers import WaitTimeoutError as WaitTimeoutError
    from ._retry import DEFAULT_MAX_RETRY_AFTER as DEFAULT_MAX_RETRY_AFTER
    from ._retry import RetryPolicy as RetryPolicy
    from .client import AsyncMemsyClient as AsyncMemsyClient
    from .client import MemsyClient as MemsyClient
    from .control import AsyncMemsyControlClient as AsyncMemsyControlClient
    from .control import MemsyControlClient as MemsyControlClient
    from .exceptions import *  # noqa: F403  (the names of its __all__)
    from .models import EventItemResponse as EventItemResponse
    from .models import MemoryScopeInfo as MemoryScopeInfo
    from .models import ResourceList as ResourceList

# The public names by defining module. Each is imported on first access (PEP 562), so that `import memsy` stays
# cheap and a program loads only what it uses. The models and the exception classes of documented statuses and
# codes are the contract's: make generate lists them in memsy._generated.
_EXPORTS = {
    "._call": "RawResponse",
    "._connectors": "AuthorizationTimeoutError ORG_SCOPED_PROVIDERS USER_SCOPED_PROVIDERS requires_org_admin",
    "._helpers": "IngestManyError WaitTimeoutError",
    "._retry": "DEFAULT_MAX_RETRY_AFTER RetryPolicy",
    ".client": "AsyncMemsyClient MemsyClient",
    ".control": "AsyncMemsyControlClient MemsyControlClient",
    ".exceptions": "MalformedResponseError MemsyAPIError MemsyConnectionError MemsyError MemsyTimeoutError "
    "MemsyValidationError " + " ".join(_generated.ERRORS),
    ".models": "EventItemResponse MemoryScopeInfo ResourceList " + " ".join(_generated.MODELS),
}
_NAMES, __getattr__, __dir__ = lazy_names(__name__, globals(), _EXPORTS)
__all__ = ["__version__", *_NAMES]
