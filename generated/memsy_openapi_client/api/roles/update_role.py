from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail_string_error import DetailStringError
from ...models.flat_error import FlatError
from ...models.gateway_error import GatewayError
from ...models.nested_error import NestedError
from ...models.role_resource import RoleResource
from ...models.update_customization_request import UpdateCustomizationRequest
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response


def _get_kwargs(
    role_id: str,
    *,
    body: UpdateCustomizationRequest,
    org_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["org_id"] = org_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/roles/{role_id}".format(
            role_id=quote(str(role_id), safe=""),
        ),
        "params": params,
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
    | RoleResource
    | ValidationErrorResponse
    | None
):
    if response.status_code == 200:
        response_200 = RoleResource.from_dict(response.json())

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

    if response.status_code == 404:

        def _parse_response_404(
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

        response_404 = _parse_response_404(response.json())

        return response_404

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
    | RoleResource
    | ValidationErrorResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    role_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomizationRequest,
    org_id: str,
) -> Response[
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | RoleResource
    | ValidationErrorResponse
]:
    """Update a role record

     Partial update of a role record. Admin only.

    Args:
        role_id (str):
        org_id (str):
        body (UpdateCustomizationRequest): Partial update of an org, role or team record; absent
            fields are unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | RoleResource | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
        org_id=org_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    role_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomizationRequest,
    org_id: str,
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | RoleResource
    | ValidationErrorResponse
    | None
):
    """Update a role record

     Partial update of a role record. Admin only.

    Args:
        role_id (str):
        org_id (str):
        body (UpdateCustomizationRequest): Partial update of an org, role or team record; absent
            fields are unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | RoleResource | ValidationErrorResponse
    """

    return sync_detailed(
        role_id=role_id,
        client=client,
        body=body,
        org_id=org_id,
    ).parsed


async def asyncio_detailed(
    role_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomizationRequest,
    org_id: str,
) -> Response[
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | RoleResource
    | ValidationErrorResponse
]:
    """Update a role record

     Partial update of a role record. Admin only.

    Args:
        role_id (str):
        org_id (str):
        body (UpdateCustomizationRequest): Partial update of an org, role or team record; absent
            fields are unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | RoleResource | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
        org_id=org_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    role_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomizationRequest,
    org_id: str,
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | RoleResource
    | ValidationErrorResponse
    | None
):
    """Update a role record

     Partial update of a role record. Admin only.

    Args:
        role_id (str):
        org_id (str):
        body (UpdateCustomizationRequest): Partial update of an org, role or team record; absent
            fields are unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | RoleResource | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            role_id=role_id,
            client=client,
            body=body,
            org_id=org_id,
        )
    ).parsed
