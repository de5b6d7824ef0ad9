"""memsy.local: a local, contract-conformant Memsy for development and tests.

Both planes of the API on one loopback port, with real SQLite storage, ranked full-text search, a background
extraction worker, API keys, usage metering, rate limits, quotas, connectors (fake providers behind a local
consent page) and fault injection. It is not a production server: production traffic goes to the Memsy service.
Install with ``pip install "memsy[local]"``.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from .extra import missing_extra

if TYPE_CHECKING:  # what type checkers see; at run time each name is imported on first use (below)
    from .app import LocalMemsyApp as LocalMemsyApp
    from .cli import main as main
    from .config import LocalConfig as LocalConfig
    from .config import Plan as Plan
    from .faults import Fault as Fault
    from .faults import FaultInjector as FaultInjector
    from .server import LocalMemsy as LocalMemsy
    from .store import Store as Store

# Imported on first access (PEP 562): the extraction process imports memsy.local's storage and extraction modules
# without the server (uvicorn, the contract's validators), which costs a quarter of a second.
_EXPORTS = {
    ".app": "LocalMemsyApp",
    ".cli": "main",
    ".config": "LocalConfig Plan",
    ".faults": "Fault FaultInjector",
    ".server": "LocalMemsy",
    ".store": "Store",
}
__all__, __getattr__, __dir__ = lazy_names(__name__, globals(), _EXPORTS, explain_missing=missing_extra)
