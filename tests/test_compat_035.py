"""Code written for the published memsy 0.3.5 runs unchanged (issue 12, point 1).

memsy-0.3.5-surface.json is 0.3.5's public surface, read from its source with ``ast`` by
scripts/extract_035_surface.py (CI has no copy of 0.3.5): its module paths, the public names of each module, and
for each class its constructor, methods (parameter names, kinds, defaults, async or not), properties and the
attributes its constructor sets. Each test here checks that this SDK offers the same: the module imports, the name
exists (the same object as ``memsy.<name>``), and every call 0.3.5 accepted binds the same way here (each keyword
accepted, the positional parameters in the same order, nothing required that 0.3.5 did not require).

What still differs is listed in the allowlists below, each with its reason. An allowlisted difference that has
gone away fails its test: remove it from the list.
"""

from __future__ import annotations

import ast
import asyncio
import copy
import inspect
import json
import pickle
import subprocess
import sys
from dataclasses import InitVar, dataclass
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path
from typing import Any

import httpx
import pytest

import memsy
import memsy.exceptions
import memsy.models
from memsy import _model

SURFACE = json.loads((Path(__file__).parent.parent / "memsy-0.3.5-surface.json").read_text(encoding="utf-8"))
MODULES: dict[str, Any] = SURFACE["modules"]

# ---------------------------------------------------------------------------------------------------- allowlists

MISSING_NAMES: dict[tuple[str, str], str] = {
    # 0.3.5's HTTP plumbing, a base class of its clients imported from its private module memsy._http. Ours is
    # memsy._core.SyncClient / AsyncClient, which no user code needs to name.
    ("memsy.client", "HttpCoreMixin"): "private plumbing of 0.3.5",
    ("memsy.async_client", "HttpCoreMixin"): "private plumbing of 0.3.5",
    ("memsy.control", "HttpCoreMixin"): "private plumbing of 0.3.5",
    ("memsy.async_control", "HttpCoreMixin"): "private plumbing of 0.3.5",
}

MISSING_MEMBERS: dict[str, str] = {}
"""Methods of 0.3.5 that are missing here (none: the generated input and header models derive from the mixins of
memsy/_model.py that sdk-overlay.yaml names)."""

# Calls 0.3.5 accepted that bind differently here: "<module>.<Class>.<method>" ("__init__" for the constructor).
# All are model constructors called positionally; every keyword 0.3.5 took is accepted. (Where 0.3.5's positional
# order differed from the contract's, sdk-overlay.yaml's `order` gives the generated model 0.3.5's.)
SIGNATURE_DIFFERENCES: dict[str, str] = {
    # usage / rate_limit were dataclass fields (positional after the data) in 0.3.5; they are the response's
    # metadata here, taken by keyword only (memsy/_model.py). StatusResponse also has unknown_ids (new) where
    # 0.3.5's positional usage was.
    "memsy.models.IngestResponse.__init__": "usage, rate_limit keyword-only",
    "memsy.models.SearchResponse.__init__": "usage, rate_limit keyword-only",
    "memsy.models.HealthResponse.__init__": "usage, rate_limit keyword-only",
    "memsy.models.StatusResponse.__init__": "usage, rate_limit keyword-only; unknown_ids",
    # 0.3.5 defaulted resource_type to "channel" (Slack's); the contract makes it required: a wrong default
    # selects nothing on every other provider
    "memsy.models.ResourceSelection.__init__": "contract: resource_type is required",
}

# Literal defaults of 0.3.5 that differ here (leaving the argument out means something else, or is refused).
DEFAULT_DIFFERENCES: dict[str, str] = {
    "memsy.models.ResourceSelection.__init__": "contract: resource_type is required (0.3.5: 'channel')",
}


# ------------------------------------------------------------------------------------------------------ helpers


@dataclass(frozen=True)
class Param:
    name: str
    kind: inspect._ParameterKind
    default: str | None  # source text of the default, None when required


def parse(signature: str) -> list[Param]:
    """A parameter list of the fixture (Python source, e.g. ``"query, *, limit=10"``) as parameters."""
    args = ast.parse(f"def f({signature}): pass").body[0].args  # type: ignore[attr-defined]
    out: list[Param] = []
    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(args.defaults)
    for i, arg in enumerate(positional):
        kind = (
            inspect.Parameter.POSITIONAL_ONLY if i < len(args.posonlyargs) else inspect.Parameter.POSITIONAL_OR_KEYWORD
        )
        default = ast.unparse(args.defaults[i - first_default]) if i >= first_default else None
        out.append(Param(arg.arg, kind, default))
    if args.vararg:
        out.append(Param(args.vararg.arg, inspect.Parameter.VAR_POSITIONAL, None))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        out.append(Param(arg.arg, inspect.Parameter.KEYWORD_ONLY, ast.unparse(default) if default else None))
    if args.kwarg:
        out.append(Param(args.kwarg.arg, inspect.Parameter.VAR_KEYWORD, None))
    return out


def incompatibilities(old: list[Param], new: inspect.Signature) -> list[str]:
    """How a call that 0.3.5's parameters accepted could fail, or bind differently, against ``new``."""
    problems = []
    ours = new.parameters
    by_keyword = {n for n, p in ours.items() if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    takes_var_positional = any(p.kind is p.VAR_POSITIONAL for p in ours.values())
    for p in old:
        if p.kind in (p.kind.POSITIONAL_OR_KEYWORD, p.kind.KEYWORD_ONLY) and p.name not in by_keyword:
            problems.append(f"keyword {p.name}= is not accepted")
    old_positional = [p.name for p in old if p.kind in (p.kind.POSITIONAL_ONLY, p.kind.POSITIONAL_OR_KEYWORD)]
    new_positional = [n for n, p in ours.items() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if new_positional[: len(old_positional)] != old_positional and not (
        takes_var_positional and new_positional == old_positional[: len(new_positional)]
    ):
        problems.append(f"positional order {old_positional} is {new_positional[: len(old_positional)]} here")
    if any(p.kind is p.kind.VAR_POSITIONAL for p in old) and not takes_var_positional:
        problems.append("*args is not accepted")
    old_required = {
        p.name for p in old if p.default is None and p.kind not in (p.kind.VAR_POSITIONAL, p.kind.VAR_KEYWORD)
    }
    for name, p in ours.items():
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and name not in old_required:
            problems.append(f"{name} is required here, optional in 0.3.5")
    return problems


def default_differences(old: list[Param], new: inspect.Signature) -> list[str]:
    """Literal defaults of 0.3.5 that are not ours (a default naming a constant is not compared)."""
    out = []
    for p in old:
        if p.default is None or p.name not in new.parameters:
            continue
        try:
            expected = ast.literal_eval(p.default)
        except ValueError:
            continue
        actual = new.parameters[p.name].default
        if isinstance(expected, tuple) and isinstance(actual, (list, tuple)):
            actual = tuple(actual)
        if actual is inspect.Parameter.empty or actual != expected or type(actual) is not type(expected):
            out.append(f"{p.name}={p.default} in 0.3.5, {actual!r} here")
    return out


def classes() -> list[tuple[str, str, dict[str, Any]]]:
    return [(module, name, cls) for module, surface in MODULES.items() for name, cls in surface["classes"].items()]


def ours(module: str, name: str) -> Any:
    return getattr(import_module(module), name)


def check_allowlisted(key: str, problems: list[str], allowlist: dict[str, str]) -> None:
    if key in allowlist:
        assert problems, f"{key} now matches 0.3.5: remove it from the allowlist"
    else:
        assert not problems, f"{key}: " + "; ".join(problems)


# ------------------------------------------------------------------------------------------------- the surface


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_035_module_path_imports(module: str) -> None:
    import_module(module)


@pytest.mark.parametrize(
    ("module", "name"), [(m, n) for m, surface in sorted(MODULES.items()) for n in surface["names"]]
)
def test_every_035_public_name_exists(module: str, name: str) -> None:
    present = hasattr(import_module(module), name)
    if (module, name) in MISSING_NAMES:
        assert not present, f"{module}.{name} exists now: remove it from MISSING_NAMES"
        return
    assert present, f"{module} has no {name}"
    if hasattr(memsy, name):  # one class, one constant: `except memsy.X` catches what memsy.exceptions.X names
        assert getattr(import_module(module), name) is getattr(memsy, name)


@pytest.mark.parametrize(
    ("module", "name", "value"),
    [(m, n, v) for m, surface in sorted(MODULES.items()) for n, v in surface["values"].items()],
)
def test_035_constants_have_their_values(module: str, name: str, value: Any) -> None:
    if (module, name) in MISSING_NAMES:
        return
    actual = ours(module, name)
    assert sorted(actual) == value if isinstance(actual, frozenset) else actual == value


def _members() -> list[tuple[str, str, str, str, dict[str, Any] | None]]:
    out = []
    for module, name, cls in classes():
        for group in ("methods", "classmethods", "staticmethods"):
            for member, spec in cls[group].items():
                out.append((module, name, member, group, spec))
        for member in cls["properties"]:
            out.append((module, name, member, "properties", None))
    return out


@pytest.mark.parametrize(("module", "cls", "member", "group", "spec"), _members())
def test_every_035_method_takes_the_same_arguments(
    module: str, cls: str, member: str, group: str, spec: dict[str, Any] | None
) -> None:
    key = f"{module}.{cls}.{member}"
    if (module, cls) in MISSING_NAMES:
        return
    owner = ours(module, cls)
    present = hasattr(owner, member)
    if key in MISSING_MEMBERS:
        assert not present, f"{key} exists now: remove it from MISSING_MEMBERS"
        return
    assert present, f"{key} is missing"
    if spec is None:  # a property
        assert isinstance(inspect.getattr_static(owner, member), property), f"{key} is not a property"
        return
    function = getattr(owner, member)
    if member.startswith("__"):  # __enter__ / __exit__: called by the interpreter, not by user code
        return
    assert inspect.iscoroutinefunction(function) == spec["async"], f"{key}: async in 0.3.5 is {spec['async']}"
    signature = inspect.signature(function)
    if group == "methods":  # looked up on the class: drop self
        signature = signature.replace(parameters=list(signature.parameters.values())[1:])
    check_allowlisted(key, incompatibilities(parse(spec["signature"]), signature), SIGNATURE_DIFFERENCES)
    check_allowlisted(key, default_differences(parse(spec["signature"]), signature), DEFAULT_DIFFERENCES)


@pytest.mark.parametrize(
    ("module", "cls", "init"), [(m, n, c["init"]) for m, n, c in classes() if c["init"] is not None]
)
def test_every_035_constructor_takes_the_same_arguments(module: str, cls: str, init: str) -> None:
    key = f"{module}.{cls}.__init__"
    if (module, cls) in MISSING_NAMES:
        return
    signature = inspect.signature(ours(module, cls))
    check_allowlisted(key, incompatibilities(parse(init), signature), SIGNATURE_DIFFERENCES)
    check_allowlisted(key, default_differences(parse(init), signature), DEFAULT_DIFFERENCES)


# ------------------------------------------------------------------------------------------ clients' attributes


@pytest.mark.parametrize(
    ("module", "cls", "attributes"),
    [(m, n, c["attributes"]) for m, n, c in classes() if c["attributes"] and n.endswith("Client")],
)
def test_clients_have_the_035_resources(module: str, cls: str, attributes: list[str]) -> None:
    client = ours(module, cls)("https://api.memsy.io", "msy_0123456789abcdef0123456789abcdef")
    try:
        for name in attributes:
            assert hasattr(client, name), f"{cls}.{name}"
            resource = getattr(client, name)
            resource_cls = type(resource).__name__
            assert resource_cls in MODULES["memsy.resources"]["names"] + MODULES["memsy.control_resources"]["names"]
    finally:
        close = client.close()
        if inspect.isawaitable(close):
            asyncio.run(close)


# ------------------------------------------------------------------------------------------------- import cost


def test_the_035_module_paths_cost_nothing_to_who_does_not_import_them() -> None:
    compat = [
        m for m in MODULES if m not in ("memsy", "memsy.client", "memsy.control", "memsy.models", "memsy.exceptions")
    ]
    code = (
        "import sys, memsy; from memsy import MemsyClient, MemsyControlClient, AsyncMemsyClient, EventPayload; "
        "memsy.MemsyAPIError; print('\\n'.join(m for m in sys.modules if m.startswith('memsy')))"
    )
    loaded = set(
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    )
    assert not loaded & set(compat), f"loaded without being imported: {sorted(loaded & set(compat))}"


# ------------------------------------------------------------------------------------------------------ models


def _response_models() -> list[type]:
    return [
        value
        for name, value in vars(memsy.models).items()
        if isinstance(value, type) and issubclass(value, _model.Model) and value is not _model.Model
    ]


@pytest.mark.parametrize("cls", _response_models(), ids=lambda c: c.__name__)
def test_every_response_model_has_from_dict(cls: type) -> None:
    assert inspect.ismethod(cls.from_dict) and cls.from_dict.__self__ is cls


def test_from_dict_reads_like_a_response_body() -> None:
    health = memsy.HealthResponse.from_dict({"status": "ok", "version": "1.2", "new_in_2027": {"x": 1}})
    assert (health.status, health.version, health.ok) == ("ok", "1.2", True)
    assert health.extra == {"new_in_2027": {"x": 1}}  # forward compatible: kept, not dropped
    assert health.usage is None and health.rate_limit is None and health.request_id is None

    status = memsy.StatusResponse.from_dict(
        {"completedIds": ["e1"], "failedIds": [], "pendingIds": ["e2"], "total": 2, "statuses": {"e1": "completed"}}
    )
    assert (status.completed_ids, status.pending_ids, status.total) == (["e1"], ["e2"], 2)

    found = memsy.SearchResponse.from_dict({"results": [{"id": "m1", "content": "c", "score": 0.5, "metadata": {}}]})
    assert isinstance(found.results[0], memsy.SearchResult) and found.results[0].score == 0.5

    item = memsy.EventItemResponse.from_dict(
        {"event_id": "e", "org_id": "o", "actor_id": "a", "kind": "user_message", "content": "c", "ts": "t"}
    )
    assert isinstance(item, memsy.EventItem)
    assert memsy.MemoryScopeInfo.from_dict({"level": "actor", "actor_id": "a"}).actor_id == "a"

    from types import MappingProxyType

    assert memsy.ProInterestResponse.from_dict(MappingProxyType({"message": "thanks"})).message == "thanks"
    with pytest.raises(KeyError):  # 0.3.5 raised KeyError for a missing required property too
        memsy.IngestResponse.from_dict({})
    with pytest.raises(TypeError):
        memsy.IngestResponse.from_dict(["not", "an", "object"])  # type: ignore[arg-type]


def test_035_aliases_are_the_same_models() -> None:
    assert memsy.EventItemResponse is memsy.EventItem is memsy.models.EventItemResponse
    assert memsy.MemoryScopeInfo is memsy.MemoryScope is memsy.models.MemoryScopeInfo
    assert {"EventItemResponse", "MemoryScopeInfo"} <= set(memsy.__all__) & set(memsy.models.__all__)


def test_response_models_take_usage_and_rate_limit_keywords() -> None:
    usage, rate = memsy.UsageInfo(api_calls=3, plan="pro"), memsy.RateLimitInfo(limit=10, remaining=9, reset=1)
    built = memsy.IngestResponse(event_ids=["e1"], usage=usage, rate_limit=rate)
    assert (built.event_ids, built.usage, built.rate_limit) == (["e1"], usage, rate)
    assert built.to_dict() == {"event_ids": ["e1"]}  # response metadata is not data
    bare = memsy.SearchResponse([])
    assert bare.usage is None and bare.rate_limit is None
    bare.usage, bare.rate_limit = usage, rate  # 0.3.5's client (and tests written for it) assigned them
    assert (bare.usage, bare.rate_limit) == (usage, rate)
    for cls in _response_models():
        parameters = inspect.signature(cls).parameters
        assert parameters["usage"].kind is parameters["rate_limit"].kind is inspect.Parameter.KEYWORD_ONLY, cls
    with pytest.raises(TypeError):
        memsy.IngestResponse(event_ids=[], usages=usage)  # type: ignore[call-arg]


class _Validated:
    """A mixin of the caller's whose ``__post_init__`` takes nothing (as 0.3.5's plain dataclasses called it)."""

    def __post_init__(self) -> None:
        self.checked = True  # type: ignore[attr-defined]


def test_a_callers_subclasses_keep_their_post_init_and_initvars() -> None:
    """Dataclass subclasses of a model, written for 0.3.5 (whose models had no ``__post_init__``), keep working:
    their own ``__post_init__`` and InitVars run as written, with or without slots, from a mixin too, and
    ``from_dict`` builds them the same way."""

    @dataclass
    class Shouting(memsy.SearchResult):
        def __post_init__(self) -> None:
            self.content = self.content.upper()

    @dataclass(slots=True)
    class Noted(memsy.SearchResult):
        note: str = ""
        flagged: InitVar[bool] = False

        def __post_init__(self, flagged: bool) -> None:
            self.note = "flagged" if flagged else "plain"

    @dataclass
    class Checked(_Validated, memsy.IngestResponse):
        pass

    assert Shouting("m1", "quiet", 0.5).content == "QUIET"
    assert Shouting.from_dict({"id": "m1", "content": "quiet", "score": 0.5}).content == "QUIET"
    assert (Noted("m1", "c", 0.5, flagged=True).note, Noted("m1", "c", 0.5).note) == ("flagged", "plain")
    assert Checked(["e1"]).checked and Checked.from_dict({"event_ids": []}).checked  # type: ignore[attr-defined]


# ------------------------------------------------------------------------- mixins ready for the generated classes


# The generated classes derive from the mixins sdk-overlay.yaml names.
_EventPayload, _ResourceSelection = memsy.EventPayload, memsy.ResourceSelection
_UsageInfo, _RateLimitInfo = memsy.UsageInfo, memsy.RateLimitInfo


def test_generated_models_derive_from_their_mixins() -> None:
    assert issubclass(memsy.EventPayload, _model.InputModel)
    assert issubclass(memsy.ResourceSelection, _model.ResourceSelectionMethods)
    assert issubclass(memsy.UsageInfo, _model.HeaderModel) and issubclass(memsy.RateLimitInfo, _model.HeaderModel)


def test_input_model_mixin_to_dict_is_035s() -> None:
    event = _EventPayload("u1", "s1", "user_message", "hi")
    assert event.to_dict() == {"actor_id": "u1", "session_id": "s1", "kind": "user_message", "content": "hi"}
    full = _EventPayload(
        actor_id="u1",
        session_id="s1",
        kind=memsy.EventKind.TOOL_RESULT,
        content="ok",
        role_id="r",
        team_id="t",
        ts=datetime(2026, 5, 1, 9, 30, tzinfo=timezone.utc),
        metadata={"source": "crm", "n": 1},
    )
    assert full.to_dict() == {
        "actor_id": "u1",
        "session_id": "s1",
        "kind": "tool_result",
        "content": "ok",
        "role_id": "r",
        "team_id": "t",
        "ts": "2026-05-01T09:30:00+00:00",
        "metadata": '{"source":"crm","n":1}',
    }
    json.dumps(full.to_dict())  # JSON-ready
    # the same object the client sends for it
    sent: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(200, json={"event_ids": ["e1"]})

    with memsy.MemsyClient(
        "https://api.memsy.io/v1", "msy_0123456789abcdef0123456789abcdef", transport=httpx.MockTransport(handler)
    ) as client:
        client.ingest([full])
    assert sent == [{"events": [full.to_dict()]}]


def test_resource_selection_mixin_from_item_and_to_dict() -> None:
    item = memsy.ConnectorResourceItem(external_id="C1", resource_type="channel", name="general", selected=True)
    selection = _ResourceSelection.from_item(item)
    assert isinstance(selection, _ResourceSelection)
    assert selection.to_dict() == {"external_id": "C1", "resource_type": "channel", "name": "general"}
    assert _ResourceSelection("C2", "repo").to_dict() == {"external_id": "C2", "resource_type": "repo"}
    with pytest.raises(memsy.MemsyValidationError, match="resource_type"):
        _ResourceSelection.from_item(memsy.ConnectorResourceItem(external_id="C3"))


def test_header_model_mixin_from_headers_is_035s() -> None:
    usage = _UsageInfo.from_headers({"X-Usage-ApiCalls": "5", "X-Usage-ApiCalls-Limit": "100", "X-Plan": "pro"})
    assert (usage.api_calls, usage.api_calls_limit, usage.plan, usage.llm_tokens) == (5, 100, "pro", None)
    assert isinstance(usage, _UsageInfo)
    assert _UsageInfo.from_headers(httpx.Headers({"x-usage-searchqueries": "7"})).search_queries == 7
    assert _UsageInfo.from_headers({}) == _UsageInfo()  # 0.3.5: an instance, every field None
    rate = _RateLimitInfo.from_headers({"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "x"})
    assert (rate.limit, rate.remaining, rate.reset) == (60, None, None)


# ------------------------------------------------------------------------------------------------- exceptions

EXCEPTIONS = {name: cls for name, cls in MODULES["memsy.exceptions"]["classes"].items() if cls["init"]}


def _attributes(name: str) -> list[str]:
    """The attributes 0.3.5's constructor of ``name`` sets, its bases' included."""
    cls = MODULES["memsy.exceptions"]["classes"][name]
    inherited = [
        a for base in cls["bases"] if base in MODULES["memsy.exceptions"]["classes"] for a in _attributes(base)
    ]
    return sorted({*inherited, *cls["attributes"]})


def _value(param: str, i: int) -> Any:
    if param == "message":
        return "Something failed"
    if param == "status_code":
        return 400 + i
    if param == "response":
        return None
    if param in ("retry_after",):
        return 1.5
    if param in ("limit", "current", "purchased_seats", "assigned_seats", "pending_invites"):
        return 10 + i
    return f"{param}-value"


@pytest.mark.parametrize("name", sorted(EXCEPTIONS))
@pytest.mark.parametrize("style", ["positional", "keyword"])
def test_exceptions_take_035_constructor_arguments(name: str, style: str) -> None:
    params = [p for p in parse(EXCEPTIONS[name]["init"])]
    values = {p.name: _value(p.name, i) for i, p in enumerate(params)}
    cls = getattr(memsy.exceptions, name)
    if style == "positional":
        error = cls(*values.values())
    else:
        message = values.pop("message")
        error = cls(message, **values)
        values["message"] = message
    for attribute in _attributes(name):
        assert getattr(error, attribute) == values[attribute], attribute
    assert str(error) == "Something failed" and error.args == ("Something failed",)  # our message, unchanged
    assert isinstance(error, memsy.MemsyAPIError)
    clone = pickle.loads(pickle.dumps(error))
    assert all(getattr(clone, a) == getattr(error, a) for a in _attributes(name) if a != "response")
    assert copy.copy(error).status_code == error.status_code


@pytest.mark.parametrize("name", sorted(EXCEPTIONS))
def test_exceptions_default_status_is_035s(name: str) -> None:
    params = {p.name: p for p in parse(EXCEPTIONS[name]["init"])}
    default = params["status_code"].default
    cls = getattr(memsy.exceptions, name)
    if default is None:  # required in 0.3.5: any default here is fine
        return
    assert cls("x").status_code == ast.literal_eval(default)


def test_body_fields_still_come_from_the_body_when_not_given() -> None:
    body = {"detail": {"error": "usage_limit_exceeded", "dimension": "events_ingested", "current": 5, "limit": 5}}
    error = memsy.UsageLimitExceeded("quota", 429, "quota", "usage_limit_exceeded", body=body)
    assert (error.dimension, error.current, error.limit, error.upgrade_url) == ("events_ingested", 5, 5, None)
    given = memsy.UsageLimitExceeded("quota", 429, body=body, dimension="llm_tokens")
    assert (given.dimension, given.current) == ("llm_tokens", 5)


def test_a_035_style_constructor_never_keeps_the_key() -> None:
    key = "msy_0123456789abcdef0123456789abcdef"
    request = httpx.Request(
        "POST",
        "https://api.memsy.io/v1/ingest",
        headers={"Authorization": f"Bearer {key}"},
        json={"secret_access_key": key},
    )
    response = httpx.Response(401, request=request, json={"detail": "bad key"})
    error = memsy.AuthenticationError("Authentication failed: bad key", 401, "bad key", None, response)
    assert error.response is response
    for text in (str(error), repr(error), pickle.dumps(error), repr(copy.deepcopy(error).__dict__)):
        assert key not in str(text)
    assert key not in str(error.response.request.headers) and key.encode() not in error.response.request.content
    limited = memsy.RateLimitExceeded("slow down", 429, "", None, response, 2.0)
    assert limited.retry_after == 2.0 and key not in str(limited.response.request.headers)


def test_non_oauth_providers_come_from_the_contract() -> None:
    from memsy.control_resources.connectors import NON_OAUTH_PROVIDERS

    assert frozenset({"s3"}) == NON_OAUTH_PROVIDERS  # ConnectorProvider's x-memsy-provider-auth, as 0.3.5 had it
