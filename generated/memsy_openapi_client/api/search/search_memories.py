from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.search_request import SearchRequest
from ...models.search_response import SearchResponse
from ...models.validation_error_response import ValidationErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: SearchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/search",
    }

    _kwargs["json"] = body.to_dict()

    if headers:
        _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SearchResponse | ValidationErrorResponse | None:
    if response.status_code == 200:
        response_200 = SearchResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | SearchResponse | ValidationErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SearchRequest,
) -> Response[ErrorResponse | SearchResponse | ValidationErrorResponse]:
    """Search memories

     Ranked retrieval over the org's completed memories.

    * `actor_id` omitted: org-wide search across all actors.
    * `role_ids` / `team_ids` widen recall to memories promoted to those roles or teams.
    * `session_id` restricts results to one conversation, `exclude_session_id` excludes one; memories
    that
      belong to no conversation always stay eligible. An empty string means "unset". Sending both non-
    empty is
      a 422, as is a value outside the searchable-id character set `A-Z a-z 0-9 _ - : . @ /` or longer
    than
      256 characters.
    * Scores are relative and depend on the plan: on the free plan raw scores sit around 0.0-0.1 (use a
      `threshold` of 0.0-0.05); with reranking they are normalised to 0-1 (0.3-0.5 is a sensible floor).
    * `include_source_events` adds `metadata.source_events` to each result. `metadata.source_metadata`
    (at
      most 5 entries) carries the user metadata of the originating events.

    Each recall reinforces the memories returned (`strength`, bounded 0-5, and `recall_count` grow).

    Args:
        body (SearchRequest): A search. `limit`, `threshold` and `include_source_events` take
            their defaults when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SearchResponse | ValidationErrorResponse]
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
    body: SearchRequest,
) -> ErrorResponse | SearchResponse | ValidationErrorResponse | None:
    """Search memories

     Ranked retrieval over the org's completed memories.

    * `actor_id` omitted: org-wide search across all actors.
    * `role_ids` / `team_ids` widen recall to memories promoted to those roles or teams.
    * `session_id` restricts results to one conversation, `exclude_session_id` excludes one; memories
    that
      belong to no conversation always stay eligible. An empty string means "unset". Sending both non-
    empty is
      a 422, as is a value outside the searchable-id character set `A-Z a-z 0-9 _ - : . @ /` or longer
    than
      256 characters.
    * Scores are relative and depend on the plan: on the free plan raw scores sit around 0.0-0.1 (use a
      `threshold` of 0.0-0.05); with reranking they are normalised to 0-1 (0.3-0.5 is a sensible floor).
    * `include_source_events` adds `metadata.source_events` to each result. `metadata.source_metadata`
    (at
      most 5 entries) carries the user metadata of the originating events.

    Each recall reinforces the memories returned (`strength`, bounded 0-5, and `recall_count` grow).

    Args:
        body (SearchRequest): A search. `limit`, `threshold` and `include_source_events` take
            their defaults when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SearchResponse | ValidationErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SearchRequest,
) -> Response[ErrorResponse | SearchResponse | ValidationErrorResponse]:
    """Search memories

     Ranked retrieval over the org's completed memories.

    * `actor_id` omitted: org-wide search across all actors.
    * `role_ids` / `team_ids` widen recall to memories promoted to those roles or teams.
    * `session_id` restricts results to one conversation, `exclude_session_id` excludes one; memories
    that
      belong to no conversation always stay eligible. An empty string means "unset". Sending both non-
    empty is
      a 422, as is a value outside the searchable-id character set `A-Z a-z 0-9 _ - : . @ /` or longer
    than
      256 characters.
    * Scores are relative and depend on the plan: on the free plan raw scores sit around 0.0-0.1 (use a
      `threshold` of 0.0-0.05); with reranking they are normalised to 0-1 (0.3-0.5 is a sensible floor).
    * `include_source_events` adds `metadata.source_events` to each result. `metadata.source_metadata`
    (at
      most 5 entries) carries the user metadata of the originating events.

    Each recall reinforces the memories returned (`strength`, bounded 0-5, and `recall_count` grow).

    Args:
        body (SearchRequest): A search. `limit`, `threshold` and `include_source_events` take
            their defaults when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SearchResponse | ValidationErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SearchRequest,
) -> ErrorResponse | SearchResponse | ValidationErrorResponse | None:
    """Search memories

     Ranked retrieval over the org's completed memories.

    * `actor_id` omitted: org-wide search across all actors.
    * `role_ids` / `team_ids` widen recall to memories promoted to those roles or teams.
    * `session_id` restricts results to one conversation, `exclude_session_id` excludes one; memories
    that
      belong to no conversation always stay eligible. An empty string means "unset". Sending both non-
    empty is
      a 422, as is a value outside the searchable-id character set `A-Z a-z 0-9 _ - : . @ /` or longer
    than
      256 characters.
    * Scores are relative and depend on the plan: on the free plan raw scores sit around 0.0-0.1 (use a
      `threshold` of 0.0-0.05); with reranking they are normalised to 0-1 (0.3-0.5 is a sensible floor).
    * `include_source_events` adds `metadata.source_events` to each result. `metadata.source_metadata`
    (at
      most 5 entries) carries the user metadata of the originating events.

    Each recall reinforces the memories returned (`strength`, bounded 0-5, and `recall_count` grow).

    Args:
        body (SearchRequest): A search. `limit`, `threshold` and `include_source_events` take
            their defaults when omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SearchResponse | ValidationErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
