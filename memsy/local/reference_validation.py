"""The contract as openapi-core reads it: memsy.local's responses checked before they are sent (when asked, as
the test suite does), and the reference the compiled request validators of :mod:`.validation` are measured and
tested against. Slow (about a millisecond and a half per request), so never on the request path by default."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import parse_qs

from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequestBody,
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .contract import load_contract

LOCAL_SERVER = "http://memsy.local"


@cache
def openapi() -> OpenAPI:
    spec = copy.deepcopy(load_contract())
    spec["servers"] = [{"url": LOCAL_SERVER}]  # requests are matched on path; the host is whatever we listen on
    return OpenAPI.from_dict(spec)


@dataclass
class WireRequest:
    """A request as openapi-core reads it (path still percent-encoded, so one id stays one segment)."""

    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes | None
    content_type: str
    host_url: str = LOCAL_SERVER

    def __post_init__(self) -> None:
        # One object: openapi-core writes the resolved path parameters into it and reads them back later.
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(self.query, keep_blank_values=True)),
            header=Headers(self.headers),
            cookie=ImmutableMultiDict(),
        )


@dataclass
class WireResponse:
    status_code: int
    headers: Headers
    content_type: str
    data: bytes | None


class RouteMissing(Exception):
    """No operation of the contract matches: ``status`` is 404 (path) or 405 (method)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def request_problems(request: WireRequest) -> list[dict[str, Any]]:
    """Validation entries (``loc``, ``msg``, ``type``) for a request; empty when it keeps the contract.

    Raises RouteMissing when no operation matches. Security is checked by the server itself.
    """
    problems: list[dict[str, Any]] = []
    for error in openapi().iter_request_errors(request):
        if isinstance(error, PathNotFound):
            raise RouteMissing(404)
        if isinstance(error, OperationNotFound):
            raise RouteMissing(405)
        if isinstance(error, SecurityValidationError):
            continue
        problems.extend(_entries(error))
    return problems


def _entries(error: Exception) -> list[dict[str, Any]]:
    if isinstance(error, (MissingRequestBody, MissingRequiredRequestBody)):
        return [{"loc": ["body"], "msg": "Field required", "type": "missing"}]
    if isinstance(error, MissingRequiredParameter):
        return [{"loc": [error.location, error.name], "msg": "Field required", "type": "missing"}]
    schema_errors = getattr(error.__cause__, "schema_errors", None) or ()
    if isinstance(error, ParameterValidationError):
        location = ["query" if error.location == "query" else error.location, error.name]
        if not schema_errors:
            return [{"loc": location, "msg": str(error.__cause__ or error), "type": "value_error"}]
        return [{"loc": location, "msg": e.message, "type": e.validator} for e in schema_errors]
    if isinstance(error, RequestBodyValidationError):
        if not schema_errors:
            return [{"loc": ["body"], "msg": str(error.__cause__ or error), "type": "value_error"}]
        return [{"loc": ["body", *e.absolute_path], "msg": e.message, "type": e.validator} for e in schema_errors]
    return [{"loc": [], "msg": str(error), "type": "value_error"}]


def response_problems(request: WireRequest, response: WireResponse) -> list[str]:
    """Contract violations of a response (an empty list when it keeps the contract)."""
    return [
        f"{type(e).__name__}: {e}" + (f" ({_schema_messages(e)})" if _schema_messages(e) else "")
        for e in openapi().iter_response_errors(request, response)
    ]


def _schema_messages(error: Exception) -> str:
    schema_errors = getattr(error.__cause__, "schema_errors", None) or ()
    return "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in schema_errors)
