import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.granularity import Granularity
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
) -> ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = UsageTimeseriesResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]:
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
) -> Response[ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]:
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
        Response[ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]
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
) -> ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse | None:
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
        ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse
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
) -> Response[ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]:
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
        Response[ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse]
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
) -> ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse | None:
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
        ErrorResponse | UsageTimeseriesResponse | ValidationErrorResponse
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
