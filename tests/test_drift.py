"""The SDK follows the contract with no hand edit.

Each ordinary contract edit below is made on a scratch copy of the project, which is regenerated exactly as
`make generate` does (openapi-python-client with our templates, then scripts/generate_sdk.py); the regenerated
SDK is then exercised in a fresh interpreter. If a contract edit ever needs a hand edit elsewhere for the SDK to
follow it, one of these tests fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COPIED = (
    "openapi.yaml",
    "sdk-overlay.yaml",
    "memsy-0.3.5-surface.json",
    "generator-config.yaml",
    "pyproject.toml",
    "generator-templates",
    "scripts",
    "memsy",
    "generated",
)


def _edit(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    # a new optional property on a response schema, and on a nested one
    schemas["MemoryItemResource"]["properties"]["importance"] = {
        "type": "number",
        "description": "How much it matters.",
    }
    schemas["MemoryScope"]["properties"]["region"] = {"type": ["string", "null"], "description": "Data region."}
    # a new optional query parameter
    spec["paths"]["/v1/console/memories"]["get"]["parameters"].append(
        {
            "name": "pinned_only",
            "in": "query",
            "required": False,
            "description": "Only pinned memories.",
            "schema": {"type": "boolean"},
        }
    )
    # a new optional body field
    schemas["SearchRequest"]["properties"]["rerank"] = {"type": "boolean", "description": "Rerank the results."}
    # a tightened bound
    schemas["SearchRequest"]["properties"]["limit"]["maximum"] = 50
    # an added and a removed enum value
    schemas["MemorySort"]["enum"].append("importance_desc")
    schemas["ActorSort"]["enum"].remove("actor_id_asc")
    # a new error field of a documented code, and a new code the overlay gives no class (its status's class)
    schemas["ErrorFields"]["properties"]["retry_at"] = {
        "type": "string",
        "description": "`feature_not_available`: when the feature comes to the plan.",
        "x-memsy-codes": ["feature_not_available"],
    }
    schemas["ErrorCode"]["x-memsy-codes"].append({"code": "plan_frozen", "status": 403, "description": "frozen."})
    # a new field of a code without a class of its own (its status's class carries it), and a reworded status
    schemas["ErrorFields"]["properties"]["admin_count"] = {
        "type": "integer",
        "description": "`admin_required`: how many admins the org has.",
        "x-memsy-codes": ["admin_required"],
    }
    spec["components"]["responses"]["NotFound"]["description"] = "No such resource here (or it was archived)."
    # a new key of an open metadata bag, and a new response schema (reached from a property)
    schemas["SearchResultMetadata"]["properties"]["pinned"] = {"type": "number", "description": "Pin weight."}
    schemas["MemoryOrigin"] = {
        "type": "object",
        "description": "Where a memory came from.",
        "properties": {"channel": {"type": "string"}},
    }
    schemas["MemoryItemResource"]["properties"]["origin"] = {"$ref": "#/components/schemas/MemoryOrigin"}


@pytest.fixture(scope="module")
def drifted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of the project with the edited contract, regenerated."""
    root = tmp_path_factory.mktemp("drift")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__", "local"))
        else:
            shutil.copy(source, root / name)
    spec = yaml.safe_load((root / "openapi.yaml").read_text())
    _edit(spec)
    (root / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(
        [
            BIN / "openapi-python-client",
            "generate",
            "--path",
            "openapi.yaml",
            "--config",
            "generator-config.yaml",
            "--custom-template-path",
            "generator-templates",
            "--meta",
            "none",
            "--output-path",
            "generated/memsy_openapi_client",
            "--overwrite",
            "--fail-on-warning",
        ],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, "scripts/generate_sdk.py"], cwd=root, env=env, check=True, capture_output=True)
    return root


def _run(root: Path, body: str) -> Any:
    """Run ``body`` against the regenerated SDK (a fake service records requests); return what it prints."""
    prelude = """
        import asyncio, json, httpx, memsy
        sent = []
        def handle(request):
            sent.append(request)
            path = request.url.path
            if path.endswith("/console/memories"):
                return httpx.Response(200, json={"items": [], "total": 0, "limit": 50, "offset": 0})
            if path.endswith("/search"):
                return httpx.Response(200, json={"results": []})
            if path.endswith("/actors"):
                return httpx.Response(200, json={"items": [], "total": 0, "limit": 100, "offset": 0})
            if path.endswith("/usage/summary"):
                return httpx.Response(403, json={"detail": {"error": "feature_not_available", "retry_at": "2027"}})
            return httpx.Response(200, json={"memory_id": "m1", "org_id": "o", "importance": 0.7,
                                             "scope": {"level": "actor", "region": "eu"},
                                             "origin": {"channel": "web"}})
        client = memsy.MemsyClient("https://api.memsy.io/v1", api_key="msy_x", transport=httpx.MockTransport(handle))
        aclient = memsy.AsyncMemsyClient("https://api.memsy.io/v1", api_key="msy_x",
                                         transport=httpx.MockTransport(handle))
        def body():
            return json.loads(sent[-1].content)
        def refused(call):
            before = len(sent)
            try:
                call()
            except memsy.MemsyValidationError as exc:
                assert len(sent) == before, "sent although refused"
                return str(exc)
            return None
    """
    code = textwrap.dedent(prelude) + textwrap.dedent(body)
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'generated'}"}
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{root}" in done.stdout.splitlines()[0], "the regenerated SDK was not the one imported"
    return json.loads(done.stdout.splitlines()[-1])


def test_a_new_response_property_is_a_typed_attribute_top_level_and_nested(drifted: Path) -> None:
    result = _run(
        drifted,
        """
        print(memsy.__file__)
        m = client.memories.get("m1")
        print(json.dumps([m.importance, m.scope.region, m.extra, m.scope.extra,
                          memsy.MemoryItemResource.__annotations__["importance"]]))
    """,
    )
    assert result == [0.7, "eu", {}, {}, "float | None"]


def test_a_new_query_parameter_is_a_keyword_argument_sync_and_async(drifted: Path) -> None:
    result = _run(
        drifted,
        """
        print(memsy.__file__)
        client.memories.list(pinned_only=True)
        sync_query = sent[-1].url.params.get("pinned_only")
        asyncio.run(aclient.memories.list(pinned_only=True))
        print(json.dumps([sync_query, sent[-1].url.params.get("pinned_only")]))
    """,
    )
    assert result == ["true", "true"]


def test_a_new_body_field_is_a_keyword_argument_sync_and_async(drifted: Path) -> None:
    result = _run(
        drifted,
        """
        print(memsy.__file__)
        client.search("q", rerank=True)
        sync_body = body()
        asyncio.run(aclient.search("q", rerank=True))
        refusal = refused(lambda: client.search("q", rerank="y"))
        print(json.dumps([sync_body.get("rerank"), body().get("rerank"), refusal]))
    """,
    )
    assert result[:2] == [True, True]
    assert "rerank must be True or False" in result[2]


def test_a_tightened_bound_is_enforced_before_sending(drifted: Path) -> None:
    result = _run(
        drifted,
        """
        print(memsy.__file__)
        client.search("q", limit=50)
        print(json.dumps([body()["limit"], refused(lambda: client.search("q", limit=51)),
                          refused(lambda: asyncio.run(aclient.search("q", limit=51)))]))
    """,
    )
    assert result[0] == 50
    assert "limit must be in 1..50" in result[1] and "limit must be in 1..50" in result[2]


def test_added_and_removed_enum_values_are_accepted_and_refused(drifted: Path) -> None:
    result = _run(
        drifted,
        """
        print(memsy.__file__)
        client.memories.list(sort="importance_desc")
        added = sent[-1].url.params.get("sort")
        print(json.dumps([added, refused(lambda: client.actors.list(sort="actor_id_asc"))]))
    """,
    )
    assert result[0] == "importance_desc"
    assert "sort must be one of" in result[1] and "actor_id_asc" in result[1]


def test_new_error_fields_metadata_keys_and_models_need_no_hand_edit(drifted: Path) -> None:
    result = _run(
        drifted,
        """
        print(memsy.__file__)
        from memsy.exceptions import error_class_for
        control = memsy.MemsyControlClient("https://api.memsy.io/api", api_key="msy_x",
                                           transport=httpx.MockTransport(handle))
        try:
            control.usage.summary()
        except memsy.FeatureNotAvailable as exc:
            field = exc.retry_at
        hit = memsy.SearchResult.from_dict({"id": "a", "content": "b", "score": 1, "metadata": {"pinned": 2}})
        m = client.memories.get("m1")
        public = type(m.origin).__name__ in memsy.models.__all__ and memsy.MemoryOrigin is type(m.origin)
        admin = memsy.AuthorizationError("m", body={"detail": {"error": "admin_required", "admin_count": 2}})
        print(json.dumps([field, hit.pinned, m.origin.channel, public,
                          error_class_for(403, "plan_frozen", "", None).__name__, admin.admin_count,
                          memsy.NotFoundError.__doc__]))
    """,
    )
    assert result == [
        "2027",
        2.0,
        "web",
        True,
        "AuthorizationError",
        2,
        "404: No such resource here (or it was archived).",
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda spec: spec["components"]["schemas"]["HealthResponse"]["properties"].update(
                {"usage": {"type": "string"}}
            ),
            "HealthResponse.usage: a property named 'usage' would hide the 'usage' memsy/_model.py gives this model",
        ),
        (
            lambda spec: spec["components"]["schemas"]["MemoryListResponse"]["properties"].update(
                {"has_next_page": {"type": "boolean"}}
            ),
            "MemoryListResponse.has_next_page: a property named 'has_next_page' would hide",
        ),
        (
            lambda spec: spec["servers"].reverse(),
            "the first server of openapi.yaml must be the service's http(s) host",
        ),
        (
            lambda spec: spec["paths"].update({"/healthz": spec["paths"].pop("/v1/health")}),
            "getHealth (/healthz) is under no client's path prefix",
        ),
        (
            lambda spec: spec["paths"]["/v1/health"]["get"]["responses"].update(
                {"410": {"$ref": "#/components/responses/NotFound"}}
            ),
            "a shared error response is used with several statuses: {'NotFound': ['404', '410']}",
        ),
    ],
    ids=[
        "property hiding a model attribute",
        "property hiding a mixin's method",
        "first server not a plain host",
        "operation under no plane",
        "one error response under two statuses",
    ],
)
def test_contract_edits_the_sdk_cannot_follow_fail_generation(
    drifted: Path, tmp_path: Path, edit: Any, message: str
) -> None:
    """An edit that would silently break the SDK (a property named like the response metadata every model has,
    a templated first server as the default host) stops `make generate` with a message saying what to do."""
    root = tmp_path / "project"
    shutil.copytree(drifted, root)
    spec = yaml.safe_load((root / "openapi.yaml").read_text())
    edit(spec)
    (root / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    generated = sorted((root / "memsy" / "_generated").glob("*.py"))
    before = [path.read_text() for path in generated]
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        [sys.executable, "scripts/generate_sdk.py"], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0 and message in done.stderr, done.stderr[-2000:]
    assert [path.read_text() for path in generated] == before  # nothing half-written
