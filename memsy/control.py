"""Control-plane clients: :class:`MemsyControlClient` (blocking) and :class:`AsyncMemsyControlClient` (asyncio).

Account, usage, billing, API keys, console events and plan interest. ``usage``, ``billing`` and ``keys`` need a key
with the ``org:admin`` role; other keys get :class:`memsy.AuthorizationError` (``admin_required``). The methods and
resources are generated from the contract (:mod:`memsy._generated.resources`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# memsy 0.3.5's other names of memsy.control (generated from its surface record): the models among them resolve
# on first use, through __getattr__, since the models load with the first call
from ._generated import compat_control as _compat035
from ._generated.compat_control import __all__ as __all__
from ._generated.resources import AsyncControlMethods, ControlMethods
from ._helpers import mirror_docs
from ._lazy import reexport

# `from memsy.control import *` brings them all, as it did in 0.3.5, and the clients
__all__ += ("AsyncMemsyControlClient", "MemsyControlClient")

if TYPE_CHECKING:
    from ._generated.compat_control import *  # noqa: F403
else:  # type checkers see no __getattr__: a misspelt name is their error too
    from ._generated.compat_control import __getattr__ as __getattr__

    reexport(globals(), _compat035)


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
