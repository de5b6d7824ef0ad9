"""The API reference as one self-contained HTML file (`make docs`), readable offline.

`redocly build-docs --inlineBundle` pre-renders the whole reference into the page and embeds Redoc's script (search,
expanding schemas) instead of loading it from a CDN. This script builds it, switches Redoc's telemetry off, and
refuses a page that would still load anything from the network (a script, a stylesheet, a font, an image).

Exit status: 0 when the page was written, 1 when it is not self-contained, 2 when redocly failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDOCLY_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_UPDATE_NOTIFIER": "1"}
TITLE = "Memsy API reference"
REDOC_OPTIONS = re.compile(r"(const __redoc_options = )(\{[^\n]*?\});")

# Anything that makes a browser fetch from another origin when the page is opened.
EXTERNAL_LOADS = [
    re.compile(r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"\bimport\b[^;\n]{0,200}?\bfrom\s*[\"'](?:https?:)?//", re.I),
    re.compile(r"\bimport\s*\(\s*[\"'](?:https?:)?//", re.I),
    re.compile(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//", re.I),
    re.compile(r"url\(\s*[\"']?(?:https?:)?//(?!www\.w3\.org)", re.I),
]


def external_loads(html: str) -> list[str]:
    """The places where the page would load something from the network (empty when self-contained)."""
    return [match.group(0)[:120] for pattern in EXTERNAL_LOADS for match in pattern.finditer(html)]


def build(contract: Path, output: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "reference.html"
        command = [
            str(ROOT / "node_modules" / ".bin" / "redocly"),
            "build-docs",
            str(contract),
            "--output",
            str(page),
            "--inlineBundle",
            "--title",
            TITLE,
            "--config",
            str(ROOT / "redocly.yaml"),
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=300, env={**os.environ, **REDOCLY_ENV}, check=False
        )
        if result.returncode != 0 or not page.is_file():
            banner = set("╔║╚═")
            lines = [line for line in (result.stdout + result.stderr).splitlines() if not banner & set(line)]
            print("redocly build-docs failed:\n" + "\n".join(lines[-20:]), file=sys.stderr)
            return 2
        html = page.read_text(encoding="utf-8")
    options = REDOC_OPTIONS.search(html)
    if options is None:
        print("reference: Redoc's options are not where they were; cannot switch its telemetry off", file=sys.stderr)
        return 1
    settings = {**json.loads(options.group(2)), "disableTelemetry": True}
    html = html[: options.start(2)] + json.dumps(settings, separators=(",", ":")) + html[options.end(2) :]
    loads = external_loads(html)
    if loads:
        print("reference: the page would load from the network:\n  " + "\n  ".join(loads), file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    print(f"{output}: the API reference, one self-contained HTML file ({len(html.encode()) // 1024} KiB)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contract", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--output", type=Path, default=ROOT / ".build" / "docs" / "reference.html")
    args = parser.parse_args(argv)
    return build(args.contract, args.output)


if __name__ == "__main__":
    sys.exit(main())
