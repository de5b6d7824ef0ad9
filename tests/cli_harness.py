"""Running the installed ``memsy`` and ``memsy-local`` commands as a user does: a subprocess with real pipes, pointed
at a memsy.local the test started on 127.0.0.1 (the ``server`` fixture of tests/local_fixtures.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memsy.local import LocalMemsy

BIN = Path(sys.executable).parent
MEMSY = str(BIN / "memsy")
MEMSY_LOCAL = str(BIN / "memsy-local")
TIMEOUT = 120  # seconds: a bound for any one command, far above what each should take


@dataclass
class Result:
    code: int
    out: str
    err: str


def env_for(server: LocalMemsy | None, **overrides: str | None) -> dict[str, str]:
    """The process environment without any MEMSY_* of the developer's, pointed at ``server``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMSY_")}
    env.update(COLUMNS="100", PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    if server is not None:
        env.update(MEMSY_BASE_URL=server.data_url, MEMSY_API_KEY=server.api_key)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def memsy(server: LocalMemsy | None, *args: str, stdin: str | None = None, **env: str | None) -> Result:
    """``memsy ARGS`` with stdin, stdout and stderr on pipes."""
    return _run([MEMSY, *args], env_for(server, **env), stdin)


def memsy_local(*args: str, stdin: str | None = None) -> Result:
    return _run([MEMSY_LOCAL, *args], env_for(None), stdin)


def shell(server: LocalMemsy | None, script: str, cwd: Path | None = None) -> Result:
    """A bash pipeline, e.g. ``memsy ingest f | memsy wait -``."""
    completed = subprocess.run(
        ["bash", "-c", script], env=env_for(server), capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def _run(argv: list[str], env: dict[str, str], stdin: str | None) -> Result:
    completed = subprocess.run(
        argv,
        env=env,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def event(actor: str = "ada", content: str = "I prefer window seats.", **fields: Any) -> dict[str, Any]:
    return {"actor_id": actor, "session_id": "cli", "kind": "user_message", "content": content, **fields}


def write_jsonl(path: Path, events: list[Any], *, comment: str | None = None) -> Path:
    lines = [f"# {comment}"] if comment else []
    lines += [e if isinstance(e, str) else json.dumps(e) for e in events]
    path.write_text("\n".join([*lines, ""]))
    return path
