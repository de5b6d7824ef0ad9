"""memsy.local: a local, contract-conformant Memsy for development and tests.

Both planes of the API on one loopback port, with real SQLite storage, ranked full-text search, a background
extraction worker, API keys, usage metering, rate limits, quotas, connectors (fake providers behind a local
consent page) and fault injection. It is not a production server: production traffic goes to the Memsy service.
Install with ``pip install "memsy[local]"``.
"""

from .app import LocalMemsyApp
from .cli import main
from .config import LocalConfig, Plan
from .faults import Fault, FaultInjector
from .server import LocalMemsy
from .store import Store

__all__ = ["Fault", "FaultInjector", "LocalConfig", "LocalMemsy", "LocalMemsyApp", "Plan", "Store", "main"]
