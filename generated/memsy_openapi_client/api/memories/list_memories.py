from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.memory_list_response import MemoryListResponse
from ...models.memory_sort import MemorySort
from ...models.memory_status_filter import MemoryStatusFilter
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    status: MemoryStatusFilter | Unset = UNSET,
    sort: MemorySort | Unset = UNSET,
    search: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["actor_id"] = actor_id

    params["kind"] = kind

    params["type"] = type_

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["search"] = search

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/console/memories",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MemoryListResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = MemoryListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ValidationErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | MemoryListResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    status: MemoryStatusFilter | Unset = UNSET,
    sort: MemorySort | Unset = UNSET,
    search: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | MemoryListResponse | ValidationErrorResponse]:
    """List memories

     One page of the org's memories. Every sort uses `memory_id` as a secondary key, so walking `offset`
    until
    `offset >= total` neither repeats nor skips a memory. `status` defaults to `active` on the server.

    Args:
        actor_id (str | Unset):
        kind (str | Unset):
        type_ (str | Unset):
        status (MemoryStatusFilter | Unset): Memory lifecycle states that can be filtered on.
        sort (MemorySort | Unset): Console memory sort orders.
        search (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MemoryListResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        kind=kind,
        type_=type_,
        status=status,
        sort=sort,
        search=search,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    actor_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    status: MemoryStatusFilter | Unset = UNSET,
    sort: MemorySort | Unset = UNSET,
    search: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> ErrorResponse | MemoryListResponse | ValidationErrorResponse | None:
    """List memories

     One page of the org's memories. Every sort uses `memory_id` as a secondary key, so walking `offset`
    until
    `offset >= total` neither repeats nor skips a memory. `status` defaults to `active` on the server.

    Args:
        actor_id (str | Unset):
        kind (str | Unset):
        type_ (str | Unset):
        status (MemoryStatusFilter | Unset): Memory lifecycle states that can be filtered on.
        sort (MemorySort | Unset): Console memory sort orders.
        search (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MemoryListResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        actor_id=actor_id,
        kind=kind,
        type_=type_,
        status=status,
        sort=sort,
        search=search,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    status: MemoryStatusFilter | Unset = UNSET,
    sort: MemorySort | Unset = UNSET,
    search: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | MemoryListResponse | ValidationErrorResponse]:
    """List memories

     One page of the org's memories. Every sort uses `memory_id` as a secondary key, so walking `offset`
    until
    `offset >= total` neither repeats nor skips a memory. `status` defaults to `active` on the server.

    Args:
        actor_id (str | Unset):
        kind (str | Unset):
        type_ (str | Unset):
        status (MemoryStatusFilter | Unset): Memory lifecycle states that can be filtered on.
        sort (MemorySort | Unset): Console memory sort orders.
        search (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MemoryListResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        kind=kind,
        type_=type_,
        status=status,
        sort=sort,
        search=search,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    actor_id: str | Unset = UNSET,
    kind: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    status: MemoryStatusFilter | Unset = UNSET,
    sort: MemorySort | Unset = UNSET,
    search: str | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> ErrorResponse | MemoryListResponse | ValidationErrorResponse | None:
    """List memories

     One page of the org's memories. Every sort uses `memory_id` as a secondary key, so walking `offset`
    until
    `offset >= total` neither repeats nor skips a memory. `status` defaults to `active` on the server.

    Args:
        actor_id (str | Unset):
        kind (str | Unset):
        type_ (str | Unset):
        status (MemoryStatusFilter | Unset): Memory lifecycle states that can be filtered on.
        sort (MemorySort | Unset): Console memory sort orders.
        search (str | Unset):
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MemoryListResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            actor_id=actor_id,
            kind=kind,
            type_=type_,
            status=status,
            sort=sort,
            search=search,
            limit=limit,
            offset=offset,
        )
    ).parsed
