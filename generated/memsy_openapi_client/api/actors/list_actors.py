from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_list_response import ActorListResponse
from ...models.actor_sort import ActorSort
from ...models.error_response import ErrorResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: ActorSort | Unset = UNSET,
    org_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["org_id"] = org_id

    params["q"] = q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/actors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActorListResponse | ErrorResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = ActorListResponse.from_dict(response.json())

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
) -> Response[ActorListResponse | ErrorResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: ActorSort | Unset = UNSET,
    org_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[ActorListResponse | ErrorResponse | ValidationErrorResponse]:
    """List actors that have memories

     Actors are derived from the org's memories on every read; nothing is stored, so there is no create,
    update or delete. When `truncated` is true the server stopped at its row-scan cap: every actor
    returned
    exists, but some may be missing and counts (including `total`) are lower bounds.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (ActorSort | Unset): Actor list sort orders.
        org_id (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorListResponse | ErrorResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        org_id=org_id,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: ActorSort | Unset = UNSET,
    org_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
) -> ActorListResponse | ErrorResponse | ValidationErrorResponse | None:
    """List actors that have memories

     Actors are derived from the org's memories on every read; nothing is stored, so there is no create,
    update or delete. When `truncated` is true the server stopped at its row-scan cap: every actor
    returned
    exists, but some may be missing and counts (including `total`) are lower bounds.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (ActorSort | Unset): Actor list sort orders.
        org_id (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorListResponse | ErrorResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        sort=sort,
        org_id=org_id,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: ActorSort | Unset = UNSET,
    org_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[ActorListResponse | ErrorResponse | ValidationErrorResponse]:
    """List actors that have memories

     Actors are derived from the org's memories on every read; nothing is stored, so there is no create,
    update or delete. When `truncated` is true the server stopped at its row-scan cap: every actor
    returned
    exists, but some may be missing and counts (including `total`) are lower bounds.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (ActorSort | Unset): Actor list sort orders.
        org_id (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorListResponse | ErrorResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        org_id=org_id,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: ActorSort | Unset = UNSET,
    org_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
) -> ActorListResponse | ErrorResponse | ValidationErrorResponse | None:
    """List actors that have memories

     Actors are derived from the org's memories on every read; nothing is stored, so there is no create,
    update or delete. When `truncated` is true the server stopped at its row-scan cap: every actor
    returned
    exists, but some may be missing and counts (including `total`) are lower bounds.

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (ActorSort | Unset): Actor list sort orders.
        org_id (str | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorListResponse | ErrorResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            sort=sort,
            org_id=org_id,
            q=q,
        )
    ).parsed
