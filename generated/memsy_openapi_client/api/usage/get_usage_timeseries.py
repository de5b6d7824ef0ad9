import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.detail_string_error import DetailStringError
from ...models.flat_error import FlatError
from ...models.gateway_error import GatewayError
from ...models.granularity import Granularity
from ...models.nested_error import NestedError
from ...models.usage_timeseries_response import UsageTimeseriesResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    dimension: str | Unset = UNSET,
    granularity: Granularity | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
    period_end: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["dimension"] = dimension

    json_granularity: str | Unset = UNSET
    if not isinstance(granularity, Unset):
        json_granularity = granularity

    params["granularity"] = json_granularity

    json_period_start: str | Unset = UNSET
    if not isinstance(period_start, Unset):
        json_period_start = period_start.isoformat()
    params["period_start"] = json_period_start

    json_period_end: str | Unset = UNSET
    if not isinstance(period_end, Unset):
        json_period_end = period_end.isoformat()
    params["period_end"] = json_period_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/usage/timeseries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | UsageTimeseriesResponse
    | ValidationErrorResponse
    | None
):
    if response.status_code == 200:
        response_200 = UsageTimeseriesResponse.from_dict(response.json())

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
    | UsageTimeseriesResponse
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
    dimension: str | Unset = UNSET,
    granularity: Granularity | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
    period_end: datetime.date | Unset = UNSET,
) -> Response[
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | UsageTimeseriesResponse
    | ValidationErrorResponse
]:
    """Usage over time

     Quantities per day or hour, optionally for one dimension and a date range. Requires `org:admin`.

    Args:
        dimension (str | Unset):
        granularity (Granularity | Unset): Time-series bucket size.
        period_start (datetime.date | Unset):
        period_end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        dimension=dimension,
        granularity=granularity,
        period_start=period_start,
        period_end=period_end,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    dimension: str | Unset = UNSET,
    granularity: Granularity | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
    period_end: datetime.date | Unset = UNSET,
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | UsageTimeseriesResponse
    | ValidationErrorResponse
    | None
):
    """Usage over time

     Quantities per day or hour, optionally for one dimension and a date range. Requires `org:admin`.

    Args:
        dimension (str | Unset):
        granularity (Granularity | Unset): Time-series bucket size.
        period_start (datetime.date | Unset):
        period_end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        dimension=dimension,
        granularity=granularity,
        period_start=period_start,
        period_end=period_end,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    dimension: str | Unset = UNSET,
    granularity: Granularity | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
    period_end: datetime.date | Unset = UNSET,
) -> Response[
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | UsageTimeseriesResponse
    | ValidationErrorResponse
]:
    """Usage over time

     Quantities per day or hour, optionally for one dimension and a date range. Requires `org:admin`.

    Args:
        dimension (str | Unset):
        granularity (Granularity | Unset): Time-series bucket size.
        period_start (datetime.date | Unset):
        period_end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        dimension=dimension,
        granularity=granularity,
        period_start=period_start,
        period_end=period_end,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    dimension: str | Unset = UNSET,
    granularity: Granularity | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
    period_end: datetime.date | Unset = UNSET,
) -> (
    DetailStringError
    | FlatError
    | GatewayError
    | NestedError
    | ValidationErrorResponse
    | UsageTimeseriesResponse
    | ValidationErrorResponse
    | None
):
    """Usage over time

     Quantities per day or hour, optionally for one dimension and a date range. Requires `org:admin`.

    Args:
        dimension (str | Unset):
        granularity (Granularity | Unset): Time-series bucket size.
        period_start (datetime.date | Unset):
        period_end (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DetailStringError | FlatError | GatewayError | NestedError | ValidationErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            dimension=dimension,
            granularity=granularity,
            period_start=period_start,
            period_end=period_end,
        )
    ).parsed
