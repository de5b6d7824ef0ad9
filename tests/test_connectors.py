"""Connectors in the SDK, sync and async, against a scripted fake: waiting for consent, and one test per defect of
the published 0.3.5 (wire-facts-0.3.5-delta.md §10) that applies to connectors."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest

import memsy

from . import samples as s
from .conftest import API_KEY, CONTROL_URL, Driver
from .fakes import reply


def not_yet(_: Any = None) -> httpx.Response:
    return reply(409, {"detail": {"error": "connector_not_authorized", "message": "Consent not completed"}})


def test_wait_until_authorized_polls_only_while_consent_is_pending(
    control: Driver, fake: Any, sleeps: list[float]
) -> None:
    fake.queue(not_yet(), not_yet(), reply(200, s.CHANNELS))
    resources = control("connectors.wait_until_authorized", "con_1", timeout=60, poll_interval=2)
    assert [r.external_id for r in resources] == ["C1", "C2"]
    assert sleeps == [2.0, 2.0] and len(fake.requests) == 3
    assert resources.rate_limit is not None  # D16: the headers of the answer are kept


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (409, {"detail": {"error": "seat_limit_reached", "message": "No seats"}}),  # D4: another 409
        (409, {"detail": "Connector is being deleted"}),  # a 409 without any code is not "not yet authorized"
        (403, {"detail": {"error": "admin_required", "message": "Admins only"}}),
        (404, {"detail": "Connector not found"}),
    ],
)
def test_wait_until_authorized_raises_any_other_error_at_once(
    control: Driver, fake: Any, sleeps: list[float], status: int, body: Any
) -> None:
    fake.queue(not_yet(), reply(status, body))
    with pytest.raises(memsy.MemsyAPIError) as caught:
        control("connectors.wait_until_authorized", "con_1", timeout=60, poll_interval=1)
    assert caught.value.status_code == status and not isinstance(caught.value, TimeoutError)
    assert len(fake.requests) == 2 and sleeps == [1.0]


def test_wait_until_authorized_applies_the_per_call_options_to_every_poll(
    control: Driver, fake: Any, sleeps: list[float]
) -> None:
    fake.queue(not_yet(), reply(200, s.CHANNELS))
    resources = control(
        "connectors.wait_until_authorized",
        "con_1",
        timeout=60,
        poll_interval=1,
        request_timeout=httpx.Timeout(2.0, read=5.0),
        extra_headers={"X-Trace": "t3"},
        extra_query={"debug": "1"},
    )
    assert [r.external_id for r in resources] == ["C1", "C2"] and len(fake.requests) == 2
    for request in fake.requests:
        assert request.headers["X-Trace"] == "t3" and request.url.params["debug"] == "1"
        assert request.extensions["timeout"] == {"connect": 2.0, "read": 5.0, "write": 2.0, "pool": 2.0}
    fake.queue(reply(200, s.CHANNELS))
    control("connectors.wait_until_authorized", "con_1", timeout=1, request_timeout=30)
    assert 0 < fake.last.extensions["timeout"]["read"] <= 1  # still cut to the time left of the wait
    with pytest.raises(memsy.MemsyValidationError, match=r"request_timeout must be .* \(timeout= is the whole wait\)"):
        control("connectors.wait_until_authorized", "con_1", request_timeout="soon")
    with pytest.raises(TypeError):
        control("connectors.wait_until_authorized", "con_1", extra_body={"x": 1})  # a GET: no body to extend
    assert len(fake.requests) == 3


def test_a_poll_that_runs_out_of_its_own_request_timeout_is_not_the_waits_timeout(
    control: Driver, fake: Any, sleeps: list[float]
) -> None:
    fake.queue(httpx.ReadTimeout("slow"))  # 2 s per poll, well within the 10 s wait (the client's 30 s is not)
    with pytest.raises(memsy.MemsyTimeoutError) as caught:
        control("connectors.wait_until_authorized", "con_1", timeout=10, request_timeout=2)
    assert not isinstance(caught.value, memsy.AuthorizationTimeoutError) and "after 2s" in str(caught.value)


@pytest.mark.parametrize(
    ("fired", "wait_ran_out"),
    [
        (httpx.ConnectTimeout("no route"), True),  # connect (30 s) was cut to the wait's 10 s: the wait ran out
        (httpx.ReadTimeout("slow"), False),  # read (2 s) fits in the wait: the poll's own timeout
    ],
)
def test_which_timeout_phase_fired_decides_whether_the_wait_ran_out(
    control: Driver, fake: Any, sleeps: list[float], fired: Exception, wait_ran_out: bool
) -> None:
    fake.queue(fired)
    with pytest.raises((memsy.AuthorizationTimeoutError, memsy.MemsyTimeoutError)) as caught:
        control(
            "connectors.wait_until_authorized", "con_1", timeout=10, request_timeout=httpx.Timeout(2.0, connect=30.0)
        )
    assert isinstance(caught.value, memsy.AuthorizationTimeoutError) is wait_ran_out
    if not wait_ran_out:
        assert isinstance(caught.value, memsy.MemsyTimeoutError) and caught.value.phase == "read"
        assert "after 2s (read timeout" in str(caught.value)


def test_a_poll_cut_by_the_clients_own_shorter_deadline_is_not_the_waits_timeout() -> None:
    """The client's RetryPolicy.deadline (5 s) is shorter than the wait (20 s): a timeout it cut is the client's
    answer, not "consent did not come in time"."""

    def handle(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    policy = memsy.RetryPolicy(deadline=5)
    with (
        memsy.MemsyControlClient(
            CONTROL_URL, api_key=API_KEY, transport=httpx.MockTransport(handle), retry_policy=policy
        ) as client,
        pytest.raises(memsy.MemsyTimeoutError) as caught,
    ):
        client.connectors.wait_until_authorized("con_1", timeout=20)
    assert not isinstance(caught.value, memsy.AuthorizationTimeoutError)
    assert "RetryPolicy.deadline=5s" in str(caught.value)


def test_wait_until_authorized_times_out_as_a_memsy_error_and_a_timeout_error(
    control: Driver, fake: Any, sleeps: list[float]
) -> None:
    fake.default = not_yet
    with pytest.raises(memsy.AuthorizationTimeoutError) as caught:
        control("connectors.wait_until_authorized", "con_1", timeout=0)  # D5
    error = caught.value
    assert isinstance(error, memsy.MemsyError) and isinstance(error, TimeoutError)
    assert len(fake.requests) == 1 and sleeps == []
    assert error.last_error is not None and error.last_error.error_code == "connector_not_authorized"
    assert "authorize_url" in str(error)


def test_the_wait_bounds_rate_limit_waits_too(control: Driver, fake: Any, sleeps: list[float]) -> None:
    fake.queue(reply(429, {"detail": "slow"}, headers={"Retry-After": "30"}))
    with pytest.raises(memsy.RateLimitExceeded):  # D5: a 30 s Retry-After does not fit in a 5 s wait
        control("connectors.wait_until_authorized", "con_1", timeout=5)
    assert sleeps == []


def test_create_and_sync_send_no_body(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.CONNECTION), reply(200, s.connector(status="active")))
    control("connectors.create", "notion")
    control("connectors.sync", "con_1")
    assert [r.content for r in fake.requests] == [b"", b""]


@pytest.mark.parametrize(
    ("path", "args", "match"),
    [
        ("connectors.get", ("..",), "connector_id"),  # D8: dot segments would address another URL
        ("connectors.delete", (".",), "connector_id"),
        ("connectors.get", ("a/b",), "connector_id"),
        ("connectors.sync", ("",), "connector_id must not be empty"),
        ("connectors.status", ("Google_Drive",), "provider must be one of"),  # D11: mis-cased slug
        ("connectors.create", ("gmail",), "provider must be one of"),
        ("connectors.list_branches", ("con_2", None), "repo must be a string"),  # D15
        # ids that would address another path of the contract: GET/DELETE /connectors/providers is the providers
        # route (the SDK derives these from the contract's paths)
        ("connectors.get", ("providers",), "connector_id 'providers' is not a valid id: /api/connectors/providers is"),
        ("connectors.with_raw_response.get", ("providers",), "/api/connectors/providers is another route"),
        ("connectors.delete", ("providers",), "/api/connectors/providers is another route"),
        ("connectors.configure_resources", ("con_1", []), "resources must not be empty"),
        ("connectors.configure_resources", ("con_1", [{"external_id": "f1"}]), "missing resource_type"),  # D12
        (
            "connectors.configure_resources",
            ("con_1", [{"external_id": "f1", "resource_type": "sheet"}]),
            r"resource_type must be one of",
        ),
    ],
)
def test_bad_connector_arguments_are_refused_before_sending(
    control: Driver, fake: Any, path: str, args: tuple[Any, ...], match: str
) -> None:
    with pytest.raises(memsy.MemsyValidationError, match=match):
        control(path, *args)
    assert fake.requests == []


def test_ids_near_the_literal_routes_are_still_sent(control: Driver, fake: Any) -> None:
    fake.default = reply(200, s.connector())
    for connector_id in ("s3-bucket", "providers_1", "S3", "con_s3", "s3"):  # GET /connectors/s3: no other route
        control("connectors.get", connector_id)
        assert fake.last.url.path == f"/api/connectors/{connector_id}"
    fake.default = reply(200, s.CHANNELS)
    control("connectors.list_resources", "providers")  # /connectors/providers/resources: no other route either
    assert fake.last.url.path == "/api/connectors/providers/resources"
    fake.default = reply(200, s.connector(provider="s3", status="active"))
    control("connectors.configure_s3", access_key_id="AKIA1", secret_access_key="x", region="eu", bucket="b3s")
    assert fake.last.url.path == "/api/connectors/s3/configure"


def test_listed_items_can_be_selected_as_they_are(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.CHANNELS), reply(200, s.connector(status="active")))
    items = control("connectors.list_resources", "con_1")
    control("connectors.configure_resources", "con_1", items)
    assert fake.last_json() == {
        "resources": [
            {"external_id": "C1", "resource_type": "channel", "name": "general"},
            {"external_id": "C2", "resource_type": "channel", "name": "random"},
        ]
    }  # `selected` is not sent; each item keeps its own type


def test_an_item_without_a_type_is_not_sent_as_a_slack_channel(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, {"resources": [{"external_id": "file-1", "name": "Plan"}]}))
    [item] = control("connectors.list_resources", "con_3")
    assert item.resource_type is None  # D12: no provider's type is assumed when reading either
    with pytest.raises(memsy.MemsyValidationError, match=r"resources\[0\]\.resource_type must be one of"):
        control("connectors.configure_resources", "con_3", [item])
    assert len(fake.requests) == 1


def test_requires_org_admin_knows_the_scopes_and_refuses_unknown_slugs() -> None:
    assert {"google_drive", "onedrive"} == memsy.USER_SCOPED_PROVIDERS
    assert {"slack", "s3", "notion", "github"} == memsy.ORG_SCOPED_PROVIDERS
    assert memsy.requires_org_admin("github") and not memsy.requires_org_admin("onedrive")
    for bad in ("Google_Drive", "gmail", ""):  # D11: 0.3.5 answered True for these
        with pytest.raises(memsy.MemsyValidationError, match="not a provider slug"):
            memsy.requires_org_admin(bad)


def test_secrets_never_show(control: Driver, fake: Any) -> None:
    fake.queue(reply(200, s.PICKER))
    picker = control("connectors.picker_config", "con_3")
    assert "ya29" not in repr(picker) and picker.access_token == "ya29.secret-token"  # D13
    fake.queue(reply(400, {"detail": {"error": "s3_credentials_invalid", "message": "Access denied"}}))
    secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY"
    with pytest.raises(memsy.MemsyAPIError) as caught:
        control("connectors.configure_s3", access_key_id="AKIA1", secret_access_key=secret, region="eu", bucket="notes")
    error = caught.value
    assert secret in fake.last.content.decode()  # it was sent...
    kept = [str(error), repr(error), repr(vars(error)), pickle.dumps(error).hex()]
    assert error.response is not None
    kept += [error.response.request.content.decode(), str(error.response.request.headers)]
    assert not any(secret in text or secret.encode().hex() in text for text in kept)  # ...and is kept nowhere
    with pytest.raises(memsy.MemsyValidationError) as refused:
        control(
            "connectors.configure_s3", access_key_id="AKIA1", secret_access_key=secret * 10, region="e", bucket="notes"
        )
    assert secret not in str(refused.value)


def test_list_methods_tolerate_an_empty_answer(fake: Any) -> None:
    fake.guard.check_responses = False  # an empty 200 body is off-contract on purpose (D14)
    fake.queue(reply(200), reply(200), reply(204))
    with memsy.MemsyControlClient(CONTROL_URL, api_key=API_KEY, transport=fake.transport()) as control:
        assert control.connectors.list_providers() == []
        assert control.connectors.list_resources("con_1") == []
        assert control.connectors.list_branches("con_2", "acme/api") == []


def test_a_last_poll_cut_short_by_the_wait_is_the_waits_timeout(
    control: Driver, fake: Any, sleeps: list[float]
) -> None:
    fake.queue(not_yet(), httpx.ReadTimeout("cut to the time left"))
    with pytest.raises(memsy.AuthorizationTimeoutError):
        control("connectors.wait_until_authorized", "con_1", timeout=5, poll_interval=1)
    fake.queue(httpx.ReadTimeout("the server is slow"))  # a timeout of the client's own: not the wait's
    with pytest.raises(memsy.MemsyTimeoutError) as caught:
        control("connectors.wait_until_authorized", "con_1", timeout=300)
    assert not isinstance(caught.value, TimeoutError)
