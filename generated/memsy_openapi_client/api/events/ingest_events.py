from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.ingest_request import IngestRequest
from ...models.ingest_response import IngestResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: IngestRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/ingest",
    }

    _kwargs["json"] = body.to_dict()

    if headers:
        _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IngestResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = IngestResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

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
) -> Response[ErrorResponse | IngestResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IngestRequest,
) -> Response[ErrorResponse | IngestResponse | ValidationErrorResponse]:
    """Ingest a batch of events

     Validates and durably stores a batch of conversation events and returns one id per event, in input
    order.
    Memory extraction happens asynchronously afterwards; follow it with `POST /v1/status`.

    **Deduplication.** Within a rolling 60-second window an event identical to an earlier one on
    `(actor_id, session_id, kind, content)` is collapsed and the **original** event id is returned for
    it.
    `ts`, `metadata`, `role_id` and `team_id` are not part of the key. Retrying an ingest inside the
    window is
    therefore safe. Deduplication is best effort: under degradation a duplicate may get a fresh id.

    **Batching.** Prefer one call with many events (a few dozen to a couple of hundred) to many single-
    event
    calls. No hard cap is documented; very large batches risk request-size limits.

    NUL characters are removed from every string field before storage.

    Args:
        body (IngestRequest): A batch of events.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IngestResponse | ValidationErrorResponse]
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
    body: IngestRequest,
) -> ErrorResponse | IngestResponse | ValidationErrorResponse | None:
    """Ingest a batch of events

     Validates and durably stores a batch of conversation events and returns one id per event, in input
    order.
    Memory extraction happens asynchronously afterwards; follow it with `POST /v1/status`.

    **Deduplication.** Within a rolling 60-second window an event identical to an earlier one on
    `(actor_id, session_id, kind, content)` is collapsed and the **original** event id is returned for
    it.
    `ts`, `metadata`, `role_id` and `team_id` are not part of the key. Retrying an ingest inside the
    window is
    therefore safe. Deduplication is best effort: under degradation a duplicate may get a fresh id.

    **Batching.** Prefer one call with many events (a few dozen to a couple of hundred) to many single-
    event
    calls. No hard cap is documented; very large batches risk request-size limits.

    NUL characters are removed from every string field before storage.

    Args:
        body (IngestRequest): A batch of events.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IngestResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IngestRequest,
) -> Response[ErrorResponse | IngestResponse | ValidationErrorResponse]:
    """Ingest a batch of events

     Validates and durably stores a batch of conversation events and returns one id per event, in input
    order.
    Memory extraction happens asynchronously afterwards; follow it with `POST /v1/status`.

    **Deduplication.** Within a rolling 60-second window an event identical to an earlier one on
    `(actor_id, session_id, kind, content)` is collapsed and the **original** event id is returned for
    it.
    `ts`, `metadata`, `role_id` and `team_id` are not part of the key. Retrying an ingest inside the
    window is
    therefore safe. Deduplication is best effort: under degradation a duplicate may get a fresh id.

    **Batching.** Prefer one call with many events (a few dozen to a couple of hundred) to many single-
    event
    calls. No hard cap is documented; very large batches risk request-size limits.

    NUL characters are removed from every string field before storage.

    Args:
        body (IngestRequest): A batch of events.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IngestResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IngestRequest,
) -> ErrorResponse | IngestResponse | ValidationErrorResponse | None:
    """Ingest a batch of events

     Validates and durably stores a batch of conversation events and returns one id per event, in input
    order.
    Memory extraction happens asynchronously afterwards; follow it with `POST /v1/status`.

    **Deduplication.** Within a rolling 60-second window an event identical to an earlier one on
    `(actor_id, session_id, kind, content)` is collapsed and the **original** event id is returned for
    it.
    `ts`, `metadata`, `role_id` and `team_id` are not part of the key. Retrying an ingest inside the
    window is
    therefore safe. Deduplication is best effort: under degradation a duplicate may get a fresh id.

    **Batching.** Prefer one call with many events (a few dozen to a couple of hundred) to many single-
    event
    calls. No hard cap is documented; very large batches risk request-size limits.

    NUL characters are removed from every string field before storage.

    Args:
        body (IngestRequest): A batch of events.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IngestResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
