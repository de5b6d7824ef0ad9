from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.event_kind import EventKind
from ...models.event_list_response import EventListResponse
from ...models.event_sort import EventSort
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor_id: str | Unset = UNSET,
    session_id: str | Unset = UNSET,
    kind: EventKind | Unset = UNSET,
    sort: EventSort | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["actor_id"] = actor_id

    params["session_id"] = session_id

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/console/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | EventListResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = EventListResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | EventListResponse | ValidationErrorResponse]:
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
    session_id: str | Unset = UNSET,
    kind: EventKind | Unset = UNSET,
    sort: EventSort | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | EventListResponse | ValidationErrorResponse]:
    """List ingested events

     One page of raw ingested events. Requires an assigned seat (`seat_required` otherwise).

    Args:
        actor_id (str | Unset):
        session_id (str | Unset):
        kind (EventKind | Unset): What produced an event. A closed set on input.
        sort (EventSort | Unset): Console event sort orders.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | EventListResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        session_id=session_id,
        kind=kind,
        sort=sort,
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
    session_id: str | Unset = UNSET,
    kind: EventKind | Unset = UNSET,
    sort: EventSort | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> ErrorResponse | EventListResponse | ValidationErrorResponse | None:
    """List ingested events

     One page of raw ingested events. Requires an assigned seat (`seat_required` otherwise).

    Args:
        actor_id (str | Unset):
        session_id (str | Unset):
        kind (EventKind | Unset): What produced an event. A closed set on input.
        sort (EventSort | Unset): Console event sort orders.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | EventListResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        actor_id=actor_id,
        session_id=session_id,
        kind=kind,
        sort=sort,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    actor_id: str | Unset = UNSET,
    session_id: str | Unset = UNSET,
    kind: EventKind | Unset = UNSET,
    sort: EventSort | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> Response[ErrorResponse | EventListResponse | ValidationErrorResponse]:
    """List ingested events

     One page of raw ingested events. Requires an assigned seat (`seat_required` otherwise).

    Args:
        actor_id (str | Unset):
        session_id (str | Unset):
        kind (EventKind | Unset): What produced an event. A closed set on input.
        sort (EventSort | Unset): Console event sort orders.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | EventListResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        session_id=session_id,
        kind=kind,
        sort=sort,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    actor_id: str | Unset = UNSET,
    session_id: str | Unset = UNSET,
    kind: EventKind | Unset = UNSET,
    sort: EventSort | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
) -> ErrorResponse | EventListResponse | ValidationErrorResponse | None:
    """List ingested events

     One page of raw ingested events. Requires an assigned seat (`seat_required` otherwise).

    Args:
        actor_id (str | Unset):
        session_id (str | Unset):
        kind (EventKind | Unset): What produced an event. A closed set on input.
        sort (EventSort | Unset): Console event sort orders.
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | EventListResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            actor_id=actor_id,
            session_id=session_id,
            kind=kind,
            sort=sort,
            limit=limit,
            offset=offset,
        )
    ).parsed
