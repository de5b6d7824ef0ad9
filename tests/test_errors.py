"""Error classification: every envelope shape, every documented code, odd bodies, transport failures."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import memsy
from memsy.exceptions import error_class_for

from .conftest import Driver
from .fakes import reply


def _raise_for(sdk: Driver, fake: Any, response: httpx.Response) -> memsy.MemsyAPIError:
    fake.guard.check_responses = False  # these bodies are deliberately off-contract
    fake.default = response  # also answers the retries of a 429
    with pytest.raises(memsy.MemsyAPIError) as caught:
        sdk("orgs.get", "org_acme")
    return caught.value


@pytest.mark.parametrize(
    ("status", "body", "cls", "code", "detail"),
    [
        (401, {"detail": "Invalid API key"}, memsy.AuthenticationError, None, "Invalid API key"),
        (403, {"message": "Forbidden"}, memsy.AuthenticationError, None, "Forbidden"),
        (
            403,
            {"detail": {"error": "admin_required", "message": "Admins only"}},
            memsy.AuthorizationError,
            "admin_required",
            "Admins only",
        ),
        (
            403,
            {"error": "wrong_scope", "detail": "API key missing 'read' scope", "required_scope": "read"},
            memsy.AuthorizationError,
            "wrong_scope",
            "API key missing 'read' scope",
        ),
        (
            403,
            {
                "error": "feature_not_available",
                "message": "Pro only",
                "feature": "rerank",
                "current_tier": "free",
                "upgrade_url": "https://memsy.io/up",
            },
            memsy.FeatureNotAvailable,
            "feature_not_available",
            "Pro only",
        ),
        (
            403,
            {"error": "seat_required", "message": "Need a seat"},
            memsy.SeatRequiredError,
            "seat_required",
            "Need a seat",
        ),
        (
            403,
            {"detail": {"error": "org_limit_reached", "message": "Too many orgs", "limit": 1, "current": 1}},
            memsy.OrgLimitReachedError,
            "org_limit_reached",
            "Too many orgs",
        ),
        (
            403,
            {"error": "key_limit_reached", "message": "Too many keys", "limit": 5, "current": 5},
            memsy.KeyLimitReachedError,
            "key_limit_reached",
            "Too many keys",
        ),
        (
            403,
            {"error": "billing_not_enabled", "message": "No billing", "interest_path": "/interest/pro"},
            memsy.BillingNotEnabledError,
            "billing_not_enabled",
            "No billing",
        ),
        (403, {"error": "something_new", "message": "New rule"}, memsy.AuthorizationError, "something_new", "New rule"),
        (
            400,
            {"detail": {"error": "org_id_not_allowed", "message": "No org_id"}},
            memsy.OrgIdNotAllowedError,
            "org_id_not_allowed",
            "No org_id",
        ),
        (400, {"detail": "Bad request"}, memsy.MemsyAPIError, None, "Bad request"),
        (404, {"detail": "Not Found"}, memsy.NotFoundError, None, "Not Found"),
        (
            409,
            {
                "error": "seat_limit_reached",
                "message": "Full",
                "purchased_seats": 3,
                "assigned_seats": 3,
                "pending_invites": 1,
            },
            memsy.SeatLimitReachedError,
            "seat_limit_reached",
            "Full",
        ),
        (409, {"detail": "exists"}, memsy.ConflictError, None, "exists"),
        (
            422,
            {"detail": [{"loc": ["body", "limit"], "msg": "too big", "type": "less_than_equal"}]},
            memsy.RequestValidationError,
            None,
            "body.limit: too big",
        ),
        (
            429,
            {
                "error": "usage_limit_exceeded",
                "message": "Quota",
                "dimension": "events_ingested",
                "current": 10,
                "limit": 10,
                "upgrade_url": "u",
            },
            memsy.UsageLimitExceeded,
            "usage_limit_exceeded",
            "Quota",
        ),
        (429, {"detail": "Monthly quota exhausted"}, memsy.UsageLimitExceeded, None, "Monthly quota exhausted"),
        (429, {"detail": "Slow down"}, memsy.RateLimitExceeded, None, "Slow down"),
        (501, {"detail": "Not Implemented"}, memsy.NotImplementedByServerError, None, "Not Implemented"),
        (500, {"detail": "boom"}, memsy.ServerError, None, "boom"),
        (502, None, memsy.ServerError, None, ""),
        (418, {"detail": {"unexpected": "shape"}}, memsy.MemsyAPIError, None, '{"detail":{"unexpected":"shape"}}'),
    ],
)
def test_status_and_code_give_the_documented_class(
    sdk: Driver, fake: Any, status: int, body: Any, cls: type, code: str | None, detail: str
) -> None:
    error = _raise_for(sdk, fake, reply(status, body))
    assert type(error) is cls
    assert error.status_code == status
    assert error.error_code == code
    assert error.detail == detail
    assert error.response is not None and error.response.status_code == status
    assert str(status) in str(error)


def test_code_specific_fields(sdk: Driver, fake: Any) -> None:
    error = _raise_for(
        sdk,
        fake,
        reply(
            403,
            {
                "detail": {
                    "error": "feature_not_available",
                    "message": "x",
                    "feature": "rerank",
                    "current_tier": "free",
                    "upgrade_url": "https://memsy.io/up",
                }
            },
        ),
    )
    assert isinstance(error, memsy.FeatureNotAvailable)
    assert (error.feature, error.current_tier, error.upgrade_url) == ("rerank", "free", "https://memsy.io/up")

    quota = _raise_for(
        sdk,
        fake,
        reply(
            429,
            {
                "error": "usage_limit_exceeded",
                "message": "q",
                "dimension": "llm_tokens",
                "current": 7,
                "limit": 7,
                "upgrade_url": "u",
            },
        ),
    )
    assert isinstance(quota, memsy.UsageLimitExceeded)
    assert (quota.dimension, quota.current, quota.limit, quota.upgrade_url) == ("llm_tokens", 7, 7, "u")

    scope = _raise_for(sdk, fake, reply(403, {"error": "insufficient_scope", "message": "m", "scope": "write"}))
    assert isinstance(scope, memsy.AuthorizationError) and scope.required_scope == "write"

    seats = _raise_for(sdk, fake, reply(409, {"error": "seat_limit_reached", "purchased_seats": "3"}))
    assert isinstance(seats, memsy.SeatLimitReachedError)
    assert seats.purchased_seats is None  # not a JSON integer: not trusted

    billing = _raise_for(sdk, fake, reply(403, {"error": "billing_not_enabled", "interest_path": "/interest/pro"}))
    assert isinstance(billing, memsy.BillingNotEnabledError) and billing.interest_path == "/interest/pro"

    invalid = _raise_for(sdk, fake, reply(422, {"detail": [{"loc": ["query", "limit"], "msg": "m", "type": "t"}]}))
    assert isinstance(invalid, memsy.RequestValidationError)
    assert invalid.errors == [{"loc": ["query", "limit"], "msg": "m", "type": "t"}]


@pytest.mark.parametrize(
    ("content", "expected_detail"),
    [
        (b"<html><body>Bad gateway</body></html>", "<html><body>Bad gateway</body></html>"),
        (b"", ""),
        (b"[1, 2]", "[1, 2]"),
        (b"null", "null"),
        (b'"just a string"', '"just a string"'),
        (b"42", "42"),
        (b"\xff\xfe not utf-8", "\ufffd\ufffd not utf-8"),
    ],
)
def test_odd_error_bodies_still_give_a_useful_api_error(
    sdk: Driver, fake: Any, content: bytes, expected_detail: str
) -> None:
    error = _raise_for(sdk, fake, httpx.Response(503, content=content))
    assert type(error) is memsy.ServerError
    assert error.status_code == 503
    assert error.detail == expected_detail
    assert "HTTP 503" in str(error)


def test_request_id_is_carried(sdk: Driver, fake: Any) -> None:
    error = _raise_for(sdk, fake, reply(500, {"detail": "boom"}, headers={"X-Request-Id": "req-123"}))
    assert error.request_id == "req-123"
    assert "req-123" in str(error)
    gateway = _raise_for(sdk, fake, reply(500, {"detail": "boom"}, headers={"apigw-requestid": "gw-9"}))
    assert gateway.request_id == "gw-9"


def test_error_responses_carry_usage_and_rate_limit(sdk: Driver, fake: Any) -> None:
    error = _raise_for(sdk, fake, reply(404, {"detail": "Not Found"}))
    assert error.rate_limit is not None and error.rate_limit.remaining == 959
    assert error.usage is not None and error.usage.plan == "free"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"not json", "JSONDecodeError"),
        (b"[]", "expected a JSON object, got list"),
        (b"null", "expected a JSON object, got NoneType"),
        (b"{}", "KeyError"),
        (b'{"org_id": "o"}', "KeyError"),
    ],
)
def test_success_body_that_cannot_be_read_is_a_malformed_response(
    sdk: Driver, fake: Any, body: bytes, problem: str
) -> None:
    fake.guard.check_responses = False
    fake.queue(httpx.Response(200, content=body))
    with pytest.raises(memsy.MalformedResponseError) as caught:
        sdk("orgs.get", "org_acme")
    assert caught.value.status_code == 200
    assert problem in caught.value.detail
    assert caught.value.response is not None


def test_list_endpoint_with_an_object_body_is_malformed(sdk: Driver, fake: Any) -> None:
    fake.guard.check_responses = False
    fake.queue(httpx.Response(200, json={"items": []}))
    with pytest.raises(memsy.MalformedResponseError) as caught:
        sdk("orgs.list")
    assert caught.value.body == {"items": []}


@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (httpx.ConnectError("connection refused"), memsy.MemsyConnectionError),
        (httpx.ReadError("connection reset"), memsy.MemsyConnectionError),
        (httpx.WriteError("broken pipe"), memsy.MemsyConnectionError),
        (httpx.RemoteProtocolError("peer closed connection"), memsy.MemsyConnectionError),
        (httpx.ProxyError("proxy said no"), memsy.MemsyConnectionError),
        (httpx.UnsupportedProtocol("ftp"), memsy.MemsyConnectionError),
        (httpx.ConnectTimeout("connect timeout"), memsy.MemsyTimeoutError),
        (httpx.ReadTimeout("read timeout"), memsy.MemsyTimeoutError),
        (httpx.PoolTimeout("pool timeout"), memsy.MemsyTimeoutError),
    ],
)
def test_every_transport_failure_is_a_connection_error(sdk: Driver, fake: Any, failure: Exception, cls: type) -> None:
    fake.queue(failure, failure)
    with pytest.raises(cls) as caught:
        sdk("health")
    assert isinstance(caught.value, memsy.MemsyConnectionError)
    assert caught.value.__cause__ is failure
    # not retried by default, except once for a connection that died before the answer began (stale keep-alive)
    stale = isinstance(failure, (httpx.ReadError, httpx.WriteError))
    assert caught.value.stale_connection is stale
    assert len(fake.requests) == (2 if stale else 1)


def test_timeouts_are_connection_errors() -> None:
    assert issubclass(memsy.MemsyTimeoutError, memsy.MemsyConnectionError)


def test_hierarchy() -> None:
    for cls in (
        memsy.AuthenticationError,
        memsy.AuthorizationError,
        memsy.FeatureNotAvailable,
        memsy.RateLimitExceeded,
        memsy.UsageLimitExceeded,
        memsy.OrgIdNotAllowedError,
        memsy.SeatRequiredError,
        memsy.OrgLimitReachedError,
        memsy.KeyLimitReachedError,
        memsy.BillingNotEnabledError,
        memsy.SeatLimitReachedError,
        memsy.NotFoundError,
        memsy.NotImplementedByServerError,
        memsy.MalformedResponseError,
        memsy.ServerError,
    ):
        assert issubclass(cls, memsy.MemsyAPIError) and issubclass(cls, memsy.MemsyError)
    assert issubclass(memsy.MemsyConnectionError, memsy.MemsyError)
    assert not issubclass(memsy.MemsyConnectionError, memsy.MemsyAPIError)
    from memsy import exceptions

    assert exceptions.RateLimitExceeded is memsy.RateLimitExceeded


def test_classification_precedence_inside_403() -> None:
    # The gateway shape wins only when no code is present.
    assert error_class_for(403, None, "Forbidden", {"message": "Forbidden"}) is memsy.AuthenticationError
    assert error_class_for(403, None, "Forbidden", {"message": "Forbidden", "x": 1}) is memsy.AuthorizationError
    assert error_class_for(403, "seat_required", "", {}) is memsy.SeatRequiredError
    # A code is honoured only with its status.
    assert error_class_for(400, "seat_required", "", {}) is memsy.MemsyAPIError
    assert error_class_for(403, "usage_limit_exceeded", "", {}) is memsy.AuthorizationError
