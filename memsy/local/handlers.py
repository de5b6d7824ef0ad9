"""What a handler of memsy.local receives, and the table binding handlers to the contract's operationIds.

A handler is a plain function ``(app, ctx) -> (status, body)``: it runs after authentication, metering,
validation and the scope rules, in a worker thread (it may use the database), unless it is registered with
``on_loop=True`` (it must then be quick and touch nothing that blocks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .store import ApiKey

if TYPE_CHECKING:
    from .app import LocalMemsyApp


@dataclass
class Ctx:
    """What a handler gets: the caller's key and the request's parameters and body, decoded and validated, with
    the contract's defaults filled in."""

    key: ApiKey | None
    path: dict[str, str]
    query: dict[str, Any]
    body: Any
    kind: str = ""
    """For handlers shared by several operations (org, role and team records): which one this is."""
    host: str = ""
    """The request's ``Host`` header, for links back to this memsy.local (a connector's consent page)."""

    @property
    def org_id(self) -> str:
        assert self.key is not None
        return self.key.org_id


Result = tuple[int, Any]
Handler = Callable[["LocalMemsyApp", Ctx], Result]


@dataclass(frozen=True)
class Binding:
    handler: Handler
    kind: str = ""
    on_loop: bool = False


HANDLERS: dict[str, Binding] = {}


def handles(*operation_ids: str, kinds: tuple[str, ...] = (), on_loop: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler for operations of the contract (``kinds``: the ``Ctx.kind`` of each, in order)."""

    def register(handler: Handler) -> Handler:
        for index, operation_id in enumerate(operation_ids):
            if operation_id in HANDLERS:
                raise RuntimeError(f"two handlers for {operation_id}")
            HANDLERS[operation_id] = Binding(handler, kinds[index] if kinds else "", on_loop)
        return handler

    return register
