from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.clear_response import ClearResponse
from ...models.detail_string_error import DetailStringError
from ...models.flat_error import FlatError
from ...models.gateway_error import GatewayError
from ...models.nested_error import NestedError
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
) -> (
    ClearResponse
    | DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | ValidationErrorResponse
    | None
):
    if response.status_code == 200:
        response_200 = ClearResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:

        def _parse_response_401(
            data: object,
        ) -> DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_0 = NestedError.from_dict(data)

                return componentsschemas_error_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_1 = FlatError.from_dict(data)

                return componentsschemas_error_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_2 = DetailStringError.from_dict(data)

                return componentsschemas_error_response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_3 = ValidationErrorResponse.from_dict(data)

                return componentsschemas_error_response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_response_type_4 = GatewayError.from_dict(data)

            return componentsschemas_error_response_type_4

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 403:

        def _parse_response_403(
            data: object,
        ) -> DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_0 = NestedError.from_dict(data)

                return componentsschemas_error_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_1 = FlatError.from_dict(data)

                return componentsschemas_error_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_2 = DetailStringError.from_dict(data)

                return componentsschemas_error_response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_3 = ValidationErrorResponse.from_dict(data)

                return componentsschemas_error_response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_response_type_4 = GatewayError.from_dict(data)

            return componentsschemas_error_response_type_4

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ValidationErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:

        def _parse_response_429(
            data: object,
        ) -> DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_0 = NestedError.from_dict(data)

                return componentsschemas_error_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_1 = FlatError.from_dict(data)

                return componentsschemas_error_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_2 = DetailStringError.from_dict(data)

                return componentsschemas_error_response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_3 = ValidationErrorResponse.from_dict(data)

                return componentsschemas_error_response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_response_type_4 = GatewayError.from_dict(data)

            return componentsschemas_error_response_type_4

        response_429 = _parse_response_429(response.json())

        return response_429

    if response.status_code == 501:

        def _parse_response_501(
            data: object,
        ) -> DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_0 = NestedError.from_dict(data)

                return componentsschemas_error_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_1 = FlatError.from_dict(data)

                return componentsschemas_error_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_2 = DetailStringError.from_dict(data)

                return componentsschemas_error_response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_3 = ValidationErrorResponse.from_dict(data)

                return componentsschemas_error_response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_response_type_4 = GatewayError.from_dict(data)

            return componentsschemas_error_response_type_4

        response_501 = _parse_response_501(response.json())

        return response_501

    if 500 <= response.status_code <= 599:

        def _parse_response_5xx(
            data: object,
        ) -> DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_0 = NestedError.from_dict(data)

                return componentsschemas_error_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_1 = FlatError.from_dict(data)

                return componentsschemas_error_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_2 = DetailStringError.from_dict(data)

                return componentsschemas_error_response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_response_type_3 = ValidationErrorResponse.from_dict(data)

                return componentsschemas_error_response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_response_type_4 = GatewayError.from_dict(data)

            return componentsschemas_error_response_type_4

        response_5xx = _parse_response_5xx(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    ClearResponse
    | DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | ValidationErrorResponse
]:
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
) -> Response[
    ClearResponse
    | DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | ValidationErrorResponse
]:
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
        Response[ClearResponse | DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | ValidationErrorResponse]
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
) -> (
    ClearResponse
    | DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | ValidationErrorResponse
    | None
):
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
        ClearResponse | DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | ValidationErrorResponse
    """

    return sync_detailed(
        container_tag=container_tag,
        client=client,
    ).parsed


async def asyncio_detailed(
    container_tag: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    ClearResponse
    | DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | ValidationErrorResponse
]:
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
        Response[ClearResponse | DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | ValidationErrorResponse]
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
) -> (
    ClearResponse
    | DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | ValidationErrorResponse
    | None
):
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
        ClearResponse | DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            container_tag=container_tag,
            client=client,
        )
    ).parsed
