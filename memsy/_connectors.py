"""What the contract cannot say about connectors: waiting for the end user's consent, and who may manage a
provider. The connector methods themselves are generated (``control.connectors``)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _retry
from . import _validation as v
from ._core import AsyncClient, SyncClient  # class annotations of the helpers: resolvable at run time
from ._generated import operations as ops
from ._generated.providers import CONNECTOR_PROVIDER_AUTH, CONNECTOR_PROVIDER_SCOPES
from ._helpers import wait_options
from ._model import ResourceList
from .exceptions import ConflictError, MemsyError, MemsyTimeoutError

if TYPE_CHECKING:
    from ._call import Call, RequestOptions
    from ._core import BaseClient
    from ._generated import models
else:  # annotations read the models through `models`: resolvable at run time, loaded with the first call
    from ._lazy import LazyModule

    models = LazyModule("memsy._generated.models", globals(), "models")

C = TypeVar("C", bound="BaseClient")

__all__ = ["ORG_SCOPED_PROVIDERS", "USER_SCOPED_PROVIDERS", "AuthorizationTimeoutError", "requires_org_admin"]

USER_SCOPED_PROVIDERS = frozenset(p for p, scope in CONNECTOR_PROVIDER_SCOPES.items() if scope == "user")
"""Providers whose connection belongs to the member who made it (only that member manages it)."""
ORG_SCOPED_PROVIDERS = frozenset(p for p, scope in CONNECTOR_PROVIDER_SCOPES.items() if scope == "org")
"""Providers whose connection belongs to the org (org admins and API keys manage it)."""
NON_OAUTH_PROVIDERS = frozenset(p for p, auth in CONNECTOR_PROVIDER_AUTH.items() if auth != "oauth")
"""Providers connected with their own credentials (``configure_s3``), not through a consent link (memsy 0.3.5)."""
NOT_YET_AUTHORIZED = "connector_not_authorized"


def requires_org_admin(provider: str) -> bool:
    """Whether managing a connection of ``provider`` needs an org admin (or an API key). Advisory: the service
    decides. An unknown or mis-cased slug is refused with a clear error rather than guessed at."""
    if provider not in CONNECTOR_PROVIDER_SCOPES:
        known = ", ".join(sorted(CONNECTOR_PROVIDER_SCOPES))
        raise v.fail(f"provider {provider!r} is not a provider slug; the slugs are {known} (lower case)", "provider")
    return provider in ORG_SCOPED_PROVIDERS


class AuthorizationTimeoutError(MemsyError, TimeoutError):
    """``wait_until_authorized`` ran out of time while the end user had not completed consent. Also a
    ``TimeoutError``. ``last_error`` is the last "not yet authorized" answer."""

    def __init__(self, message: str, last_error: ConflictError | None) -> None:
        super().__init__(message)
        self.last_error = last_error


class _ConsentWait:
    """The polling plan of ``wait_until_authorized``, without I/O: each poll gets the time left (its retries
    included), only the "not yet authorized" 409 is waited on, and the deadline is never overrun by a sleep."""

    def __init__(self, connector_id: Any, timeout: Any, poll_interval: Any, options: RequestOptions | None) -> None:
        self.timeout, self.poll_interval = v.seconds(timeout, "timeout"), v.seconds(poll_interval, "poll_interval")
        self.call: Call[ResourceList[models.ConnectorResourceItem]] = ops.list_connector_resources(
            connector_id=connector_id, parent_id=None
        )
        """The poll: ``list_resources(connector_id)``, its id checked before anything is sent."""
        self.connector_id = connector_id
        self.options = options
        """The per-call options of every poll (``request_timeout`` is the poll's ``timeout``)."""
        self.deadline = time.monotonic() + self.timeout
        self.binding = False
        """Whether the poll in flight runs under the wait's time left (not a shorter RetryPolicy.deadline of the
        client's): a timeout the deadline cut is then the wait running out."""

    def budget(self, client: C) -> C:
        """The client for one poll: its retries and the request itself bounded by the time left."""
        left = max(self.deadline - time.monotonic(), 0.001)
        policy = client.retry_policy
        self.binding = policy.deadline is None or left <= policy.deadline
        deadline = left if policy.deadline is None else min(policy.deadline, left)
        return client.with_options(retry_policy=replace(policy, deadline=deadline))

    def after(self, error: MemsyError) -> float:
        """The wait before the next poll after ``error``: raised at once unless it is "not yet authorized";
        AuthorizationTimeoutError when the next poll would start after the deadline (or the last poll ran out of
        the time that was left)."""
        left = self.deadline - time.monotonic()
        out_of_time = isinstance(error, MemsyTimeoutError) and error._deadline_cut and self.binding
        if not out_of_time and not (isinstance(error, ConflictError) and error.error_code == NOT_YET_AUTHORIZED):
            raise error  # a 409 without the code (or with another one) is not "not yet authorized" either
        if out_of_time or left <= self.poll_interval:
            raise AuthorizationTimeoutError(
                f"connector {self.connector_id!r} was not authorized within {self.timeout:g}s: the end user has not "
                "completed consent at its authorize_url (wait longer with timeout=, or create it again)",
                error if isinstance(error, ConflictError) else None,
            ) from error
        return self.poll_interval


class ConnectorsHelpers:
    """Multi-request helpers of ``control.connectors`` (blocking)."""

    _client: SyncClient

    def wait_until_authorized(
        self,
        connector_id: str,
        *,
        timeout: float = 300.0,
        poll_interval: float = 3.0,
        request_timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> ResourceList[models.ConnectorResourceItem]:
        """Poll :meth:`list_resources` until the end user has completed consent at the connector's
        ``authorize_url``; returns the resources then. Only the "not yet authorized" 409
        (``connector_not_authorized``) is waited on: any other error, a 409 without that code included, is
        raised at once. Raises :class:`memsy.AuthorizationTimeoutError` (a ``TimeoutError``) after ``timeout``
        seconds, rate-limit waits included.

        ``timeout`` is the whole wait. ``request_timeout`` (seconds or an ``httpx.Timeout``) is the timeout of
        each poll, like the ``timeout=`` of other methods (it is still cut to the time left of the wait); it and
        ``extra_headers=``, ``extra_query=`` apply to every request the wait sends."""
        wait = _ConsentWait(
            connector_id, timeout, poll_interval, wait_options(request_timeout, extra_headers, extra_query)
        )
        while True:
            try:
                return wait.budget(self._client)._run(wait.call, wait.options)
            except MemsyError as error:
                delay = wait.after(error)
            _retry.sleep(delay)


class AsyncConnectorsHelpers:
    """Multi-request helpers of ``control.connectors`` (asyncio)."""

    _client: AsyncClient

    async def wait_until_authorized(
        self,
        connector_id: str,
        *,
        timeout: float = 300.0,
        poll_interval: float = 3.0,
        request_timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> ResourceList[models.ConnectorResourceItem]:
        wait = _ConsentWait(
            connector_id, timeout, poll_interval, wait_options(request_timeout, extra_headers, extra_query)
        )
        while True:
            try:
                return await wait.budget(self._client)._run(wait.call, wait.options)
            except MemsyError as error:
                delay = wait.after(error)
            await _retry.async_sleep(delay)


AsyncConnectorsHelpers.wait_until_authorized.__doc__ = ConnectorsHelpers.wait_until_authorized.__doc__
