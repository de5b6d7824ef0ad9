"""Data-plane clients: :class:`MemsyClient` (blocking) and :class:`AsyncMemsyClient` (asyncio).

Each public method is a thin shell: the argument checks, request building and response reading live in
:mod:`memsy._operations`, retries in :mod:`memsy._retry`, error classification in :mod:`memsy.exceptions`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any, TypeVar

from . import _operations as ops
from . import _retry
from ._core import AsyncClient, AsyncResource, SyncClient, SyncResource, as_memsy_error
from ._helpers import IngestPlan, StatusWaiter, aiterate, iterate, mirror_docs
from .exceptions import MemsyError
from .models import (
    ActorListResponse,
    ActorResource,
    ClearResponse,
    EventPayload,
    HealthResponse,
    IngestResponse,
    MemoryItemResource,
    MemoryListResponse,
    MemoryStatsResponse,
    OrgResource,
    ResourceList,
    RoleResource,
    SearchResponse,
    StatusResponse,
    TeamResource,
)

__all__ = ["AsyncMemsyClient", "MemsyClient"]

T = TypeVar("T")
EventsArg = Sequence[EventPayload | dict[str, Any]]


# ----------------------------------------------------------------------------------------------- sync resources


class OrgsResource(SyncResource):
    """Org customization records (``client.orgs``)."""

    def list(self) -> ResourceList[OrgResource]:
        """All org records the key can see."""
        return self._client._run(ops.org_list())

    def create(self, org_id: str, name: str, focus: str) -> OrgResource:
        """Create the record of an org. ``org_id`` must be the key's org; ``focus`` drives prompt generation."""
        return self._client._run(ops.org_create(org_id, name, focus))

    def get(self, org_id: str) -> OrgResource:
        """One org record. Raises NotFoundError when there is none."""
        return self._client._run(ops.org_get(org_id))

    def update(
        self, org_id: str, *, name: str | None = None, focus: str | None = None, promotion_prompt: str | None = None
    ) -> OrgResource:
        """Change the given fields; the others stay as they are."""
        return self._client._run(ops.org_update(org_id, name, focus, promotion_prompt))

    def regenerate_prompt(self, org_id: str) -> OrgResource:
        """Recompute ``promotion_prompt`` from the current name and focus."""
        return self._client._run(ops.org_regenerate_prompt(org_id))

    def delete(self, org_id: str) -> None:
        """Delete the record (memories are untouched)."""
        self._client._run(ops.org_delete(org_id))


class RolesResource(SyncResource):
    """Role customization records within an org (``client.roles``); the server assigns ``role_id``."""

    def list(self, org_id: str, *, limit: int = 100, offset: int = 0) -> ResourceList[RoleResource]:
        """One page of the org's roles (``limit`` 1-500)."""
        return self._client._run(ops.ROLES.list(org_id, limit, offset))

    def create(self, org_id: str, name: str, focus: str) -> RoleResource:
        """Create a role; the returned record carries its new ``role_id``."""
        return self._client._run(ops.ROLES.create(org_id, name, focus))

    def get(self, role_id: str, org_id: str) -> RoleResource:
        """One role record."""
        return self._client._run(ops.ROLES.get(role_id, org_id))

    def update(
        self,
        role_id: str,
        org_id: str,
        *,
        name: str | None = None,
        focus: str | None = None,
        promotion_prompt: str | None = None,
    ) -> RoleResource:
        """Change the given fields; the others stay as they are."""
        return self._client._run(ops.ROLES.update(role_id, org_id, name, focus, promotion_prompt))

    def regenerate_prompt(self, role_id: str, org_id: str) -> RoleResource:
        """Recompute ``promotion_prompt`` from the current name and focus."""
        return self._client._run(ops.ROLES.regenerate_prompt(role_id, org_id))

    def delete(self, role_id: str, org_id: str) -> None:
        """Delete the record (memories are untouched)."""
        self._client._run(ops.ROLES.delete(role_id, org_id))


class TeamsResource(SyncResource):
    """Team customization records within an org (``client.teams``); the server assigns ``team_id``."""

    def list(self, org_id: str, *, limit: int = 100, offset: int = 0) -> ResourceList[TeamResource]:
        """One page of the org's teams (``limit`` 1-500)."""
        return self._client._run(ops.TEAMS.list(org_id, limit, offset))

    def create(self, org_id: str, name: str, focus: str) -> TeamResource:
        """Create a team; the returned record carries its new ``team_id``."""
        return self._client._run(ops.TEAMS.create(org_id, name, focus))

    def get(self, team_id: str, org_id: str) -> TeamResource:
        """One team record."""
        return self._client._run(ops.TEAMS.get(team_id, org_id))

    def update(
        self,
        team_id: str,
        org_id: str,
        *,
        name: str | None = None,
        focus: str | None = None,
        promotion_prompt: str | None = None,
    ) -> TeamResource:
        """Change the given fields; the others stay as they are."""
        return self._client._run(ops.TEAMS.update(team_id, org_id, name, focus, promotion_prompt))

    def regenerate_prompt(self, team_id: str, org_id: str) -> TeamResource:
        """Recompute ``promotion_prompt`` from the current name and focus."""
        return self._client._run(ops.TEAMS.regenerate_prompt(team_id, org_id))

    def delete(self, team_id: str, org_id: str) -> None:
        """Delete the record (memories are untouched)."""
        self._client._run(ops.TEAMS.delete(team_id, org_id))


class MemoriesResource(SyncResource):
    """Console view of stored memories (``client.memories``)."""

    def list(
        self,
        *,
        actor_id: str | None = None,
        kind: str | None = None,
        type: str | None = None,
        status: str | None = None,
        sort: str = "observed_at_desc",
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> MemoryListResponse:
        """One page of memories (``limit`` 1-200). ``status`` defaults to ``active`` on the server. ``sort`` is one
        of ``observed_at_desc``, ``observed_at_asc``, ``strength_desc``, ``confidence_desc``, ``created_at_desc``;
        ``memory_id`` breaks ties, so paging by ``offset`` is stable."""
        return self._client._run(
            ops.memory_list(
                actor_id=actor_id,
                kind=kind,
                type=type,
                status=status,
                sort=sort,
                search=search,
                limit=limit,
                offset=offset,
            )
        )

    def iter(
        self,
        *,
        actor_id: str | None = None,
        kind: str | None = None,
        type: str | None = None,
        status: str | None = None,
        sort: str = "observed_at_desc",
        search: str | None = None,
        page_size: int = 200,
    ) -> Iterator[MemoryItemResource]:
        """Every matching memory, fetched page by page as you iterate (one page in memory at a time)."""

        def page(offset: int) -> ops.Call[MemoryListResponse]:
            return ops.memory_list(
                actor_id=actor_id,
                kind=kind,
                type=type,
                status=status,
                sort=sort,
                search=search,
                limit=page_size,
                offset=offset,
            )

        page(0)  # check the arguments now, not at the first next()
        return iterate(self._client._run, page)

    def get(self, memory_id: str) -> MemoryItemResource:
        """One memory."""
        return self._client._run(ops.memory_get(memory_id))

    def stats(self) -> MemoryStatsResponse:
        """Aggregate counts and averages over the org's memories."""
        return self._client._run(ops.memory_stats())


class ActorsResource(SyncResource):
    """Read-only view of the actors that have memories (``client.actors``)."""

    def list(
        self,
        org_id: str | None = None,
        *,
        limit: int = 100,
        offset: int = 0,
        sort: str = "first_memory_desc",
        q: str | None = None,
    ) -> ActorListResponse:
        """One page of actors (``limit`` 1-500). ``q`` matches a substring of ``actor_id``; ``sort`` is one of
        ``first_memory_desc``, ``first_memory_asc``, ``last_memory_desc``, ``actor_id_asc``."""
        return self._client._run(ops.actor_list(org_id=org_id, limit=limit, offset=offset, sort=sort, q=q))

    def iter(
        self,
        org_id: str | None = None,
        *,
        sort: str = "first_memory_desc",
        q: str | None = None,
        page_size: int = 500,
    ) -> Iterator[ActorResource]:
        """Every actor, fetched page by page as you iterate."""

        def page(offset: int) -> ops.Call[ActorListResponse]:
            return ops.actor_list(org_id=org_id, limit=page_size, offset=offset, sort=sort, q=q)

        page(0)
        return iterate(self._client._run, page)

    def get(self, actor_id: str, org_id: str | None = None) -> ActorResource:
        """One actor. NotFoundError when the actor has no memories (yet)."""
        return self._client._run(ops.actor_get(actor_id, org_id))


class MemsyClient(SyncClient):
    """Blocking client for the Memsy data plane.

    Args:
        base_url: e.g. ``"https://api.memsy.io/v1"`` (the bare host works too). Defaults to ``MEMSY_BASE_URL``,
            then the public service.
        api_key: ``msy_...``; defaults to ``MEMSY_API_KEY``. Sent as ``Authorization: Bearer``; never logged.
        timeout: seconds allowed for each of connect, read and write.
        max_retries: retries of a rate-limited (429) request.
        retry_backoff: base of the exponential backoff between retries, when the server gives no Retry-After.
        retry_policy: full control over retrying (replaces ``max_retries`` / ``retry_backoff``).
        transport: an ``httpx`` transport, for tests (e.g. ``httpx.MockTransport``) or custom networking.

    Safe to share between threads. Use it as a context manager, or call :meth:`close`.
    """

    def _attach_resources(self) -> None:
        self.orgs = OrgsResource(self)
        self.roles = RolesResource(self)
        self.teams = TeamsResource(self)
        self.memories = MemoriesResource(self)
        self.actors = ActorsResource(self)

    def ingest(self, events: EventsArg) -> IngestResponse:
        """Ingest a batch of events; returns one id per event, in order. Extraction runs asynchronously
        afterwards (see :meth:`status` and :meth:`wait_for`). Events are :class:`EventPayload` or dicts with the
        wire fields; everything is checked before sending."""
        return self._run(ops.ingest(events))

    def ingest_many(self, events: EventsArg, *, batch_size: int = 100, concurrency: int = 4) -> IngestResponse:
        """Ingest any number of events in batches of ``batch_size``, ``concurrency`` requests at a time; ids come
        back in input order. If a batch fails, :class:`memsy.IngestManyError` says which events were stored."""
        from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait  # deferred: import cost

        plan = IngestPlan(events, batch_size, concurrency)
        outcomes: list[IngestResponse | MemsyError | None] = [None] * len(plan.calls)
        with ThreadPoolExecutor(max_workers=plan.concurrency) as pool:
            futures = {pool.submit(self._run, call): i for i, call in enumerate(plan.calls)}
            _, not_done = wait(futures, return_when=FIRST_EXCEPTION)
            for future in not_done:
                future.cancel()
            for future, index in futures.items():
                if future.cancelled():
                    continue
                exc = future.exception()
                outcomes[index] = as_memsy_error(exc) if exc is not None else future.result()
        return plan.result(outcomes)

    def search(
        self,
        query: str,
        *,
        actor_id: str | None = None,
        limit: int = 10,
        threshold: float = 0.0,
        include_source_events: bool = False,
        role_ids: list[str] | None = None,
        team_ids: list[str] | None = None,
        session_id: str | None = None,
        exclude_session_id: str | None = None,
    ) -> SearchResponse:
        """Ranked search over completed memories.

        ``actor_id`` omitted searches the whole org. ``role_ids`` / ``team_ids`` also recall memories promoted to
        those roles or teams. ``session_id`` keeps one conversation, ``exclude_session_id`` drops one (memories
        with no conversation always stay; pass at most one). ``limit`` is 1-100; ``threshold`` 0-1 (scores on the
        free plan sit around 0.0-0.1, so keep it at 0.0-0.05 there). ``include_source_events`` fills
        :attr:`SearchResult.source_events`.
        """
        return self._run(
            ops.search(
                query,
                actor_id=actor_id,
                limit=limit,
                threshold=threshold,
                include_source_events=include_source_events,
                role_ids=role_ids,
                team_ids=team_ids,
                session_id=session_id,
                exclude_session_id=exclude_session_id,
            )
        )

    def status(self, event_ids: list[str]) -> StatusResponse:
        """Processing state of up to 500 events (use :meth:`wait_for` for more, or to wait)."""
        return self._run(ops.status(event_ids))

    def wait_for(self, event_ids: list[str], *, timeout: float = 60.0, poll_interval: float = 1.0) -> StatusResponse:
        """Poll :meth:`status` (500 ids per request) until no event is pending; returns the final state of every
        id. Raises :class:`memsy.WaitTimeoutError` (with the last state) after ``timeout`` seconds."""
        waiter = StatusWaiter(event_ids, timeout, poll_interval)
        while True:
            for call in waiter.calls():
                waiter.absorb(self._run(call))
            delay = waiter.next_delay()
            if delay is None:
                return waiter.result()
            _retry.sleep(delay)

    def health(self) -> HealthResponse:
        """Data-plane health."""
        return self._run(ops.health())

    def clear(self, container_tag: str) -> ClearResponse:
        """Not implemented by the service: it answers 501, raised as :class:`memsy.NotImplementedByServerError`."""
        return self._run(ops.clear(container_tag))


# ---------------------------------------------------------------------------------------------- async resources


@mirror_docs(OrgsResource)
class AsyncOrgsResource(AsyncResource):
    async def list(self) -> ResourceList[OrgResource]:
        return await self._client._run(ops.org_list())

    async def create(self, org_id: str, name: str, focus: str) -> OrgResource:
        return await self._client._run(ops.org_create(org_id, name, focus))

    async def get(self, org_id: str) -> OrgResource:
        return await self._client._run(ops.org_get(org_id))

    async def update(
        self, org_id: str, *, name: str | None = None, focus: str | None = None, promotion_prompt: str | None = None
    ) -> OrgResource:
        return await self._client._run(ops.org_update(org_id, name, focus, promotion_prompt))

    async def regenerate_prompt(self, org_id: str) -> OrgResource:
        return await self._client._run(ops.org_regenerate_prompt(org_id))

    async def delete(self, org_id: str) -> None:
        await self._client._run(ops.org_delete(org_id))


@mirror_docs(RolesResource)
class AsyncRolesResource(AsyncResource):
    async def list(self, org_id: str, *, limit: int = 100, offset: int = 0) -> ResourceList[RoleResource]:
        return await self._client._run(ops.ROLES.list(org_id, limit, offset))

    async def create(self, org_id: str, name: str, focus: str) -> RoleResource:
        return await self._client._run(ops.ROLES.create(org_id, name, focus))

    async def get(self, role_id: str, org_id: str) -> RoleResource:
        return await self._client._run(ops.ROLES.get(role_id, org_id))

    async def update(
        self,
        role_id: str,
        org_id: str,
        *,
        name: str | None = None,
        focus: str | None = None,
        promotion_prompt: str | None = None,
    ) -> RoleResource:
        return await self._client._run(ops.ROLES.update(role_id, org_id, name, focus, promotion_prompt))

    async def regenerate_prompt(self, role_id: str, org_id: str) -> RoleResource:
        return await self._client._run(ops.ROLES.regenerate_prompt(role_id, org_id))

    async def delete(self, role_id: str, org_id: str) -> None:
        await self._client._run(ops.ROLES.delete(role_id, org_id))


@mirror_docs(TeamsResource)
class AsyncTeamsResource(AsyncResource):
    async def list(self, org_id: str, *, limit: int = 100, offset: int = 0) -> ResourceList[TeamResource]:
        return await self._client._run(ops.TEAMS.list(org_id, limit, offset))

    async def create(self, org_id: str, name: str, focus: str) -> TeamResource:
        return await self._client._run(ops.TEAMS.create(org_id, name, focus))

    async def get(self, team_id: str, org_id: str) -> TeamResource:
        return await self._client._run(ops.TEAMS.get(team_id, org_id))

    async def update(
        self,
        team_id: str,
        org_id: str,
        *,
        name: str | None = None,
        focus: str | None = None,
        promotion_prompt: str | None = None,
    ) -> TeamResource:
        return await self._client._run(ops.TEAMS.update(team_id, org_id, name, focus, promotion_prompt))

    async def regenerate_prompt(self, team_id: str, org_id: str) -> TeamResource:
        return await self._client._run(ops.TEAMS.regenerate_prompt(team_id, org_id))

    async def delete(self, team_id: str, org_id: str) -> None:
        await self._client._run(ops.TEAMS.delete(team_id, org_id))


@mirror_docs(MemoriesResource)
class AsyncMemoriesResource(AsyncResource):
    async def list(
        self,
        *,
        actor_id: str | None = None,
        kind: str | None = None,
        type: str | None = None,
        status: str | None = None,
        sort: str = "observed_at_desc",
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> MemoryListResponse:
        return await self._client._run(
            ops.memory_list(
                actor_id=actor_id,
                kind=kind,
                type=type,
                status=status,
                sort=sort,
                search=search,
                limit=limit,
                offset=offset,
            )
        )

    def iter(
        self,
        *,
        actor_id: str | None = None,
        kind: str | None = None,
        type: str | None = None,
        status: str | None = None,
        sort: str = "observed_at_desc",
        search: str | None = None,
        page_size: int = 200,
    ) -> AsyncIterator[MemoryItemResource]:
        def page(offset: int) -> ops.Call[MemoryListResponse]:
            return ops.memory_list(
                actor_id=actor_id,
                kind=kind,
                type=type,
                status=status,
                sort=sort,
                search=search,
                limit=page_size,
                offset=offset,
            )

        page(0)
        return aiterate(self._client._run, page)

    async def get(self, memory_id: str) -> MemoryItemResource:
        return await self._client._run(ops.memory_get(memory_id))

    async def stats(self) -> MemoryStatsResponse:
        return await self._client._run(ops.memory_stats())


@mirror_docs(ActorsResource)
class AsyncActorsResource(AsyncResource):
    async def list(
        self,
        org_id: str | None = None,
        *,
        limit: int = 100,
        offset: int = 0,
        sort: str = "first_memory_desc",
        q: str | None = None,
    ) -> ActorListResponse:
        return await self._client._run(ops.actor_list(org_id=org_id, limit=limit, offset=offset, sort=sort, q=q))

    def iter(
        self,
        org_id: str | None = None,
        *,
        sort: str = "first_memory_desc",
        q: str | None = None,
        page_size: int = 500,
    ) -> AsyncIterator[ActorResource]:
        def page(offset: int) -> ops.Call[ActorListResponse]:
            return ops.actor_list(org_id=org_id, limit=page_size, offset=offset, sort=sort, q=q)

        page(0)
        return aiterate(self._client._run, page)

    async def get(self, actor_id: str, org_id: str | None = None) -> ActorResource:
        return await self._client._run(ops.actor_get(actor_id, org_id))


@mirror_docs(MemsyClient)
class AsyncMemsyClient(AsyncClient):
    """Asyncio client for the Memsy data plane: the surface of :class:`MemsyClient`, awaitable.

    Use ``async with AsyncMemsyClient(...) as client:`` or ``await client.close()``.
    """

    def _attach_resources(self) -> None:
        self.orgs = AsyncOrgsResource(self)
        self.roles = AsyncRolesResource(self)
        self.teams = AsyncTeamsResource(self)
        self.memories = AsyncMemoriesResource(self)
        self.actors = AsyncActorsResource(self)

    async def ingest(self, events: EventsArg) -> IngestResponse:
        return await self._run(ops.ingest(events))

    async def ingest_many(self, events: EventsArg, *, batch_size: int = 100, concurrency: int = 4) -> IngestResponse:
        import asyncio  # deferred: import cost

        plan = IngestPlan(events, batch_size, concurrency)
        outcomes: list[IngestResponse | MemsyError | None] = [None] * len(plan.calls)
        gate = asyncio.Semaphore(plan.concurrency)
        failed = asyncio.Event()

        async def send(index: int, call: ops.Call[IngestResponse]) -> None:
            async with gate:
                if failed.is_set():
                    return  # stop sending once a batch failed; the error says what was stored
                try:
                    response: IngestResponse = await self._run(call)
                    outcomes[index] = response
                except MemsyError as exc:
                    outcomes[index] = exc
                    failed.set()

        await asyncio.gather(*(send(i, call) for i, call in enumerate(plan.calls)))
        return plan.result(outcomes)

    async def search(
        self,
        query: str,
        *,
        actor_id: str | None = None,
        limit: int = 10,
        threshold: float = 0.0,
        include_source_events: bool = False,
        role_ids: list[str] | None = None,
        team_ids: list[str] | None = None,
        session_id: str | None = None,
        exclude_session_id: str | None = None,
    ) -> SearchResponse:
        return await self._run(
            ops.search(
                query,
                actor_id=actor_id,
                limit=limit,
                threshold=threshold,
                include_source_events=include_source_events,
                role_ids=role_ids,
                team_ids=team_ids,
                session_id=session_id,
                exclude_session_id=exclude_session_id,
            )
        )

    async def status(self, event_ids: list[str]) -> StatusResponse:
        return await self._run(ops.status(event_ids))

    async def wait_for(
        self, event_ids: list[str], *, timeout: float = 60.0, poll_interval: float = 1.0
    ) -> StatusResponse:
        waiter = StatusWaiter(event_ids, timeout, poll_interval)
        while True:
            for call in waiter.calls():
                waiter.absorb(await self._run(call))
            delay = waiter.next_delay()
            if delay is None:
                return waiter.result()
            await _retry.async_sleep(delay)

    async def health(self) -> HealthResponse:
        return await self._run(ops.health())

    async def clear(self, container_tag: str) -> ClearResponse:
        return await self._run(ops.clear(container_tag))
