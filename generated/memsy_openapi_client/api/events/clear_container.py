from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clear_response import ClearResponse
from ...models.error_response import ErrorResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    container_tag: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/clear/{container_tag}".format(
            container_tag=quote(str(container_tag), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClearResponse | ErrorResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = ClearResponse.from_dict(response.json())

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

    if response.status_code == 501:
        response_501 = ErrorResponse.from_dict(response.json())

        return response_501

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClearResponse | ErrorResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    container_tag: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClearResponse | ErrorResponse | ValidationErrorResponse]:
    """Clear a container (not implemented)

     A stub: the service answers **501 Not Implemented** today and deletes nothing. It is kept in the
    contract
    so that clients can surface the 501 clearly. An actor-scoped delete is planned under a different
    path;
    until then, delete from the dashboard. The 200 response describes the body the endpoint will return
    once
    implemented.

    Args:
        container_tag (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClearResponse | ErrorResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        container_tag=container_tag,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    container_tag: str,
    *,
    client: AuthenticatedClient | Client,
) -> ClearResponse | ErrorResponse | ValidationErrorResponse | None:
    """Clear a container (not implemented)

     A stub: the service answers **501 Not Implemented** today and deletes nothing. It is kept in the
    contract
    so that clients can surface the 501 clearly. An actor-scoped delete is planned under a different
    path;
    until then, delete from the dashboard. The 200 response describes the body the endpoint will return
    once
    implemented.

    Args:
        container_tag (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClearResponse | ErrorResponse | ValidationErrorResponse
    """

    return sync_detailed(
        container_tag=container_tag,
        client=client,
    ).parsed


async def asyncio_detailed(
    container_tag: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClearResponse | ErrorResponse | ValidationErrorResponse]:
    """Clear a container (not implemented)

     A stub: the service answers **501 Not Implemented** today and deletes nothing. It is kept in the
    contract
    so that clients can surface the 501 clearly. An actor-scoped delete is planned under a different
    path;
    until then, delete from the dashboard. The 200 response describes the body the endpoint will return
    once
    implemented.

    Args:
        container_tag (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClearResponse | ErrorResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        container_tag=container_tag,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    container_tag: str,
    *,
    client: AuthenticatedClient | Client,
) -> ClearResponse | ErrorResponse | ValidationErrorResponse | None:
    """Clear a container (not implemented)

     A stub: the service answers **501 Not Implemented** today and deletes nothing. It is kept in the
    contract
    so that clients can surface the 501 clearly. An actor-scoped delete is planned under a different
    path;
    until then, delete from the dashboard. The 200 response describes the body the endpoint will return
    once
    implemented.

    Args:
        container_tag (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClearResponse | ErrorResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            container_tag=container_tag,
            client=client,
        )
    ).parsed
