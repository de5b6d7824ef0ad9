"""Control-plane clients: :class:`MemsyControlClient` (blocking) and :class:`AsyncMemsyControlClient` (asyncio).

Account, usage, billing, API keys, console events and plan interest. ``usage``, ``billing`` and ``keys`` need a key
with the ``org:admin`` role; other keys get :class:`memsy.AuthorizationError` (``admin_required``). The methods and
resources are generated from the contract (:mod:`memsy._generated.resources`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._generated.resources import AsyncControlMethods, ControlMethods
from ._helpers import mirror_docs

# The other names memsy 0.3.5's memsy.control had, for code that imports them from here (all loaded already).
# isort: off
from ._generated.resources import BillingResource as BillingResource
from ._generated.resources import ConnectorsResource as ConnectorsResource
from ._generated.resources import EventsResource as EventsResource
from ._generated.resources import InterestResource as InterestResource
from ._generated.resources import KeysResource as KeysResource
from ._generated.resources import UsageResource as UsageResource
from ._retry import DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES
from ._retry import DEFAULT_RETRY_BACKOFF as DEFAULT_RETRY_BACKOFF
from .exceptions import MemsyAPIError as MemsyAPIError
from .exceptions import MemsyConnectionError as MemsyConnectionError
# isort: on


# 0.3.5's memsy.control also had these models: resolved on first use, since the models load with the first call.
_MODELS = {"HealthResponse", "MeResponse", "RateLimitInfo", "UsageInfo"}
# `from memsy.<module> import *` brings them all, as it did in 0.3.5
__all__ = [
    "AsyncMemsyControlClient",
    "MemsyControlClient",
    "BillingResource",
    "ConnectorsResource",
    "EventsResource",
    "InterestResource",
    "KeysResource",
    "UsageResource",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_RETRY_BACKOFF",
    "MemsyAPIError",
    "MemsyConnectionError",
    *sorted(_MODELS),
]

if TYPE_CHECKING:
    from .models import HealthResponse as HealthResponse
    from .models import MeResponse as MeResponse
    from .models import RateLimitInfo as RateLimitInfo
    from .models import UsageInfo as UsageInfo


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class MemsyControlClient(ControlMethods):
    """Blocking client for the Memsy control plane.

    Args:
        base_url: e.g. ``"https://api.memsy.io/api"`` (the bare host, or the ``/v1`` URL, work too). Defaults to
            ``MEMSY_CONTROL_URL``, then ``MEMSY_BASE_URL``, then the public service.
        api_key, timeout, max_retries, retry_backoff, retry_policy, transport: as for :class:`memsy.MemsyClient`.
    """

    _env_url_names = ("MEMSY_CONTROL_URL", "MEMSY_BASE_URL")


@mirror_docs(MemsyControlClient)
class AsyncMemsyControlClient(AsyncControlMethods):
    """Asyncio client for the Memsy control plane: the surface of :class:`MemsyControlClient`, awaitable."""

    _env_url_names = ("MEMSY_CONTROL_URL", "MEMSY_BASE_URL")
