from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail_string_error import DetailStringError
from ...models.flat_error import FlatError
from ...models.gateway_error import GatewayError
from ...models.nested_error import NestedError
from ...models.status_request import StatusRequest
from ...models.status_response import StatusResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: StatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/status",
    }

    _kwargs["json"] = body.to_dict()

    if headers:
        _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | StatusResponse
    | ValidationErrorResponse
    | None
):
    if response.status_code == 200:
        response_200 = StatusResponse.from_dict(response.json())

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
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | StatusResponse
    | ValidationErrorResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StatusRequest,
) -> Response[
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | StatusResponse
    | ValidationErrorResponse
]:
    """Processing status of ingested events

     Reports, for up to 500 event ids, whether extraction is pending, completed (searchable) or failed
    (will never become a memory). The request uses snake_case (`event_ids`); the **response is
    camelCase**.
    Read-only and safe to retry. Poll only when the next step needs the memory.

    Args:
        body (StatusRequest): Event ids to look up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | StatusResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: StatusRequest,
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | StatusResponse
    | ValidationErrorResponse
    | None
):
    """Processing status of ingested events

     Reports, for up to 500 event ids, whether extraction is pending, completed (searchable) or failed
    (will never become a memory). The request uses snake_case (`event_ids`); the **response is
    camelCase**.
    Read-only and safe to retry. Poll only when the next step needs the memory.

    Args:
        body (StatusRequest): Event ids to look up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | StatusResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StatusRequest,
) -> Response[
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | StatusResponse
    | ValidationErrorResponse
]:
    """Processing status of ingested events

     Reports, for up to 500 event ids, whether extraction is pending, completed (searchable) or failed
    (will never become a memory). The request uses snake_case (`event_ids`); the **response is
    camelCase**.
    Read-only and safe to retry. Poll only when the next step needs the memory.

    Args:
        body (StatusRequest): Event ids to look up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | StatusResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StatusRequest,
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | StatusResponse
    | ValidationErrorResponse
    | None
):
    """Processing status of ingested events

     Reports, for up to 500 event ids, whether extraction is pending, completed (searchable) or failed
    (will never become a memory). The request uses snake_case (`event_ids`); the **response is
    camelCase**.
    Read-only and safe to retry. Poll only when the next step needs the memory.

    Args:
        body (StatusRequest): Event ids to look up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | StatusResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
