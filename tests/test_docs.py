"""`make docs` (scripts/reference_html.py): the API reference is one HTML file that loads nothing from the network,
carries every operation pre-rendered (readable without its script), and embeds a script that parses."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, contract, operations

_spec = importlib.util.spec_from_file_location("reference_html", ROOT / "scripts" / "reference_html.py")
assert _spec is not None and _spec.loader is not None
reference_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reference_html)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    output = tmp_path_factory.mktemp("docs") / "reference.html"
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "reference_html.py"), "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any(ch in result.stdout + result.stderr for ch in "╔║╚"), "no tool banner"
    return output.read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_the_network(page: str) -> None:
    assert re.search(r"<script[^>]+src=", page) is None
    assert re.search(r"<link[^>]+href=[\"']?(https?:)?//", page) is None
    assert re.search(r"from\s*[\"']https?://", page) is None, "Redoc is embedded, not imported from a CDN"
    assert '"disableTelemetry":true' in page


def _pre_rendered_text(page: str) -> str:
    """What a reader sees before any script runs."""
    text = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def test_the_overview_and_navigation_are_pre_rendered(page: str) -> None:
    text = _pre_rendered_text(page)
    assert "Memsy API" in text and "Wire conventions." in text
    assert all(tag["name"] in text for tag in contract()["tags"])


def test_every_operation_is_in_the_embedded_definition(page: str) -> None:
    """Redoc renders the operations from the definition embedded in the page (no fetch of openapi.yaml)."""
    match = re.search(r"const __redoc_definition = (\{.*?\});\n", page, flags=re.S)
    assert match is not None
    embedded = json.loads(match.group(1))
    assert embedded["info"]["version"] == contract()["info"]["version"]
    assert sorted(op["operationId"] for _m, _p, op in operations()) == sorted(
        op["operationId"] for item in embedded["paths"].values() for key, op in item.items() if key != "parameters"
    )


def test_the_embedded_script_parses(page: str, tmp_path: Path) -> None:
    modules = re.findall(r'<script type="module">(.*?)</script>', page, flags=re.S)
    assert modules and "hydrate" in modules[-1]
    script = tmp_path / "redoc.mjs"
    script.write_text(modules[-1], encoding="utf-8")
    assert subprocess.run(["node", "--check", str(script)], capture_output=True, timeout=120).returncode == 0


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="https://cdn.example.com/x.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/a.css">',
        'import { hydrate } from "https://cdn.redocly.com/redoc/bundle.js";',
        "body { background: url('https://img.example.com/a.png') }",
    ],
)
def test_external_loads_are_detected(snippet: str) -> None:
    assert reference_html.external_loads(f"<html>{snippet}</html>")
