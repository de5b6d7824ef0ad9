"""Control-plane clients: :class:`MemsyControlClient` (blocking) and :class:`AsyncMemsyControlClient` (asyncio).

Account, usage, billing, API keys, console events and plan interest. ``usage``, ``billing`` and ``keys`` need a key
with the ``org:admin`` role; other keys get :class:`memsy.AuthorizationError` (``admin_required``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from . import _operations as ops
from ._core import AsyncClient, AsyncResource, SyncClient, SyncResource
from ._helpers import aiterate, iterate, mirror_docs
from .models import (
    ApiKeyListResponse,
    BillingSummary,
    CreateKeyResponse,
    EventItem,
    EventListResponse,
    HealthResponse,
    Invoice,
    MeResponse,
    ProInterestResponse,
    ResourceList,
    UsageSummaryResponse,
    UsageTimeseriesResponse,
)

__all__ = ["AsyncMemsyControlClient", "MemsyControlClient"]

DateArg = date | datetime | str | None


class UsageResource(SyncResource):
    """Plan usage (``control.usage``, ``org:admin``)."""

    def summary(self) -> UsageSummaryResponse:
        """Consumption per dimension for the current billing period."""
        return self._client._run(ops.usage_summary())

    def timeseries(
        self,
        *,
        dimension: str | None = None,
        granularity: str = "daily",
        period_start: DateArg = None,
        period_end: DateArg = None,
    ) -> UsageTimeseriesResponse:
        """Usage per ``daily`` or ``hourly`` bucket, optionally for one dimension and an inclusive date range."""
        return self._client._run(
            ops.usage_timeseries(
                dimension=dimension, granularity=granularity, period_start=period_start, period_end=period_end
            )
        )


class BillingResource(SyncResource):
    """Billing (``control.billing``, ``org:admin``). Raises :class:`memsy.BillingNotEnabledError` where billing is
    not configured."""

    def summary(self) -> BillingSummary:
        """Seats, payment method and upcoming invoice."""
        return self._client._run(ops.billing_summary())

    def invoices(self) -> ResourceList[Invoice]:
        """The org's invoices."""
        return self._client._run(ops.invoices())


class KeysResource(SyncResource):
    """API keys (``control.keys``, ``org:admin``)."""

    def list(self) -> ApiKeyListResponse:
        """The org's keys (never their secrets) and the plan's allowance."""
        return self._client._run(ops.key_list())

    def create(
        self, name: str, scopes: Sequence[str] = ("read", "write"), expires_at: datetime | str | None = None
    ) -> CreateKeyResponse:
        """Create a key. ``raw_key`` on the result is the secret, returned only this once."""
        return self._client._run(ops.key_create(name, scopes, expires_at))

    def delete(self, key_id: str) -> None:
        """Revoke a key; it stops working at once."""
        self._client._run(ops.key_delete(key_id))

    def usage(self, key_id: str) -> ResourceList[dict[str, Any]]:
        """Usage records of one key (their shape is not fixed by the API)."""
        return self._client._run(ops.key_usage(key_id))


class EventsResource(SyncResource):
    """Raw ingested events as the console shows them (``control.events``; needs an assigned seat)."""

    def list(
        self,
        *,
        actor_id: str | None = None,
        session_id: str | None = None,
        kind: str | None = None,
        sort: str = "ts_desc",
        limit: int = 50,
        offset: int = 0,
    ) -> EventListResponse:
        """One page of events (``limit`` 1-200, ``sort`` ``ts_desc`` or ``ts_asc``)."""
        return self._client._run(
            ops.event_list(actor_id=actor_id, session_id=session_id, kind=kind, sort=sort, limit=limit, offset=offset)
        )

    def iter(
        self,
        *,
        actor_id: str | None = None,
        session_id: str | None = None,
        kind: str | None = None,
        sort: str = "ts_desc",
        page_size: int = 200,
    ) -> Iterator[EventItem]:
        """Every matching event, fetched page by page as you iterate."""

        def page(offset: int) -> ops.Call[EventListResponse]:
            return ops.event_list(
                actor_id=actor_id, session_id=session_id, kind=kind, sort=sort, limit=page_size, offset=offset
            )

        page(0)
        return iterate(self._client._run, page)


class InterestResource(SyncResource):
    """Interest in the Pro plan (``control.interest``)."""

    def express(
        self,
        email: str,
        name: str,
        *,
        company: str | None = None,
        use_case: str | None = None,
        notes: str | None = None,
    ) -> ProInterestResponse:
        """Record interest in the Pro plan."""
        return self._client._run(ops.interest_express(email, name, company, use_case, notes))

    def status(self) -> bool:
        """Whether interest was already expressed."""
        return self._client._run(ops.interest_status())


class MemsyControlClient(SyncClient):
    """Blocking client for the Memsy control plane.

    Args:
        base_url: e.g. ``"https://api.memsy.io/api"`` (the bare host, or the ``/v1`` URL, work too). Defaults to
            ``MEMSY_CONTROL_URL``, then ``MEMSY_BASE_URL``, then the public service.
        api_key, timeout, max_retries, retry_backoff, retry_policy, transport: as for :class:`memsy.MemsyClient`.
    """

    _env_url_names = ("MEMSY_CONTROL_URL", "MEMSY_BASE_URL")
    _plane_path = "/api"

    def _attach_resources(self) -> None:
        self.usage = UsageResource(self)
        self.billing = BillingResource(self)
        self.keys = KeysResource(self)
        self.events = EventsResource(self)
        self.interest = InterestResource(self)

    def me(self) -> MeResponse:
        """Identity, org and plan of the calling key."""
        return self._run(ops.me())

    def health(self) -> HealthResponse:
        """Control-plane health (reports ``billing_enabled``)."""
        return self._run(ops.control_health())


@mirror_docs(UsageResource)
class AsyncUsageResource(AsyncResource):
    async def summary(self) -> UsageSummaryResponse:
        return await self._client._run(ops.usage_summary())

    async def timeseries(
        self,
        *,
        dimension: str | None = None,
        granularity: str = "daily",
        period_start: DateArg = None,
        period_end: DateArg = None,
    ) -> UsageTimeseriesResponse:
        return await self._client._run(
            ops.usage_timeseries(
                dimension=dimension, granularity=granularity, period_start=period_start, period_end=period_end
            )
        )


@mirror_docs(BillingResource)
class AsyncBillingResource(AsyncResource):
    async def summary(self) -> BillingSummary:
        return await self._client._run(ops.billing_summary())

    async def invoices(self) -> ResourceList[Invoice]:
        return await self._client._run(ops.invoices())


@mirror_docs(KeysResource)
class AsyncKeysResource(AsyncResource):
    async def list(self) -> ApiKeyListResponse:
        return await self._client._run(ops.key_list())

    async def create(
        self, name: str, scopes: Sequence[str] = ("read", "write"), expires_at: datetime | str | None = None
    ) -> CreateKeyResponse:
        return await self._client._run(ops.key_create(name, scopes, expires_at))

    async def delete(self, key_id: str) -> None:
        await self._client._run(ops.key_delete(key_id))

    async def usage(self, key_id: str) -> ResourceList[dict[str, Any]]:
        return await self._client._run(ops.key_usage(key_id))


@mirror_docs(EventsResource)
class AsyncEventsResource(AsyncResource):
    async def list(
        self,
        *,
        actor_id: str | None = None,
        session_id: str | None = None,
        kind: str | None = None,
        sort: str = "ts_desc",
        limit: int = 50,
        offset: int = 0,
    ) -> EventListResponse:
        return await self._client._run(
            ops.event_list(actor_id=actor_id, session_id=session_id, kind=kind, sort=sort, limit=limit, offset=offset)
        )

    def iter(
        self,
        *,
        actor_id: str | None = None,
        session_id: str | None = None,
        kind: str | None = None,
        sort: str = "ts_desc",
        page_size: int = 200,
    ) -> AsyncIterator[EventItem]:
        def page(offset: int) -> ops.Call[EventListResponse]:
            return ops.event_list(
                actor_id=actor_id, session_id=session_id, kind=kind, sort=sort, limit=page_size, offset=offset
            )

        page(0)
        return aiterate(self._client._run, page)


@mirror_docs(InterestResource)
class AsyncInterestResource(AsyncResource):
    async def express(
        self,
        email: str,
        name: str,
        *,
        company: str | None = None,
        use_case: str | None = None,
        notes: str | None = None,
    ) -> ProInterestResponse:
        return await self._client._run(ops.interest_express(email, name, company, use_case, notes))

    async def status(self) -> bool:
        return await self._client._run(ops.interest_status())


@mirror_docs(MemsyControlClient)
class AsyncMemsyControlClient(AsyncClient):
    """Asyncio client for the Memsy control plane: the surface of :class:`MemsyControlClient`, awaitable."""

    _env_url_names = ("MEMSY_CONTROL_URL", "MEMSY_BASE_URL")
    _plane_path = "/api"

    def _attach_resources(self) -> None:
        self.usage = AsyncUsageResource(self)
        self.billing = AsyncBillingResource(self)
        self.keys = AsyncKeysResource(self)
        self.events = AsyncEventsResource(self)
        self.interest = AsyncInterestResource(self)

    async def me(self) -> MeResponse:
        return await self._run(ops.me())

    async def health(self) -> HealthResponse:
        return await self._run(ops.control_health())
