"""The contract itself: structure and its relation to the generated client."""

from __future__ import annotations

import importlib

import pytest

from .conftest import contract, operations, snake_case

OPS = operations()


def test_contract_has_both_planes() -> None:
    paths = contract()["paths"]
    assert any(p.startswith("/v1/") for p in paths)
    assert any(p.startswith("/api/") for p in paths)
    assert "/v1/health" in paths and "/api/health" in paths


def test_operation_ids_are_unique() -> None:
    ids = [op["operationId"] for _, _, op in OPS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=[op["operationId"] for _, _, op in OPS])
def test_every_operation_has_a_generated_module(method: str, path: str, op: dict) -> None:
    tag = op["tags"][0].replace("-", "_")
    module = importlib.import_module(f"memsy_openapi_client.api.{tag}.{snake_case(op['operationId'])}")
    assert callable(module.build_request), f"{module.__name__} has no build_request"
    # The module really targets this operation, not a namesake.
    assert (method.upper(), path) == (module.METHOD, module.PATH)


@pytest.mark.parametrize(("method", "path", "op"), OPS, ids=[op["operationId"] for _, _, op in OPS])
def test_every_operation_is_documented(method: str, path: str, op: dict) -> None:
    for key in ("operationId", "summary", "description", "tags"):
        assert op.get(key), f"{method.upper()} {path} lacks {key}"
    assert any(code.startswith("2") for code in op["responses"]), f"{method.upper()} {path} has no 2xx"


def test_version_is_set() -> None:
    assert contract()["info"]["version"]


def test_the_package_exports_what_its_modules_define() -> None:
    import memsy
    from memsy import exceptions, models

    assert set(exceptions.__all__) | set(models.__all__) <= set(memsy.__all__)
    for name in memsy.__all__:
        assert getattr(memsy, name) is not None, name
