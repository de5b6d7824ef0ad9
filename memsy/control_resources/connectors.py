"""memsy 0.3.5's module ``memsy.control_resources.connectors``: the connectors resource, models and provider sets.

Kept so that code written for 0.3.5 imports unchanged; nothing in memsy imports it. The names are the SDK's own
(the same objects as in ``memsy``).
"""

from .._connectors import NON_OAUTH_PROVIDERS as NON_OAUTH_PROVIDERS
from .._connectors import ORG_SCOPED_PROVIDERS as ORG_SCOPED_PROVIDERS
from .._connectors import USER_SCOPED_PROVIDERS as USER_SCOPED_PROVIDERS
from .._connectors import requires_org_admin as requires_org_admin
from ..exceptions import MemsyAPIError as MemsyAPIError
from ..models import Connector as Connector
from ..models import ConnectorConnection as ConnectorConnection
from ..models import ConnectorResourceItem as ConnectorResourceItem
from ..models import ConnectorStatus as ConnectorStatus
from ..models import PickerConfig as PickerConfig
from ..models import ResourceSelection as ResourceSelection
from . import AsyncConnectorsResource as AsyncConnectorsResource
from . import ConnectorsResource as ConnectorsResource

__all__ = [
    "NON_OAUTH_PROVIDERS",
    "ORG_SCOPED_PROVIDERS",
    "USER_SCOPED_PROVIDERS",
    "AsyncConnectorsResource",
    "Connector",
    "ConnectorConnection",
    "ConnectorResourceItem",
    "ConnectorStatus",
    "ConnectorsResource",
    "MemsyAPIError",
    "PickerConfig",
    "ResourceSelection",
    "requires_org_admin",
]
