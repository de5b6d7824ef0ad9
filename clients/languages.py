"""`make languages`: clients in other languages, generated from openapi.yaml, compiled and run against memsy.local.

Each clients/<language>/ holds the openapi-generator settings (generator.yaml) and a smoke program. This script
generates every client in one openapi-generator run (pinned in the dev extras), compiles or type-checks each with
toolchains from Debian, npm or PyPI, and runs each smoke against the memsy.local it is started under
(``memsy-local run -- python clients/languages.py`` sets MEMSY_BASE_URL and MEMSY_API_KEY). Generated code goes to
.build/languages/ and is never committed. The last line reads
``N/N languages generated, compiled and run against memsy.local``; the exit status is 0 only when every one passed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "clients"
BUILD = ROOT / ".build" / "languages"
PYTHON = sys.executable
NODE_BIN = ROOT / "node_modules" / ".bin"
GENERATOR = Path(PYTHON).parent / "openapi-generator-cli"
STEP_TIMEOUT = 600
GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOSUMDB": "off", "GOTOOLCHAIN": "local"}


@dataclass
class Step:
    """One command of a language's build or run."""

    argv: list[str]
    cwd: Path = ROOT
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Language:
    """A client language: where its settings live, what it needs installed, how it is compiled and run."""

    folder: str  # clients/<folder>, .build/languages/<folder>
    title: str
    tools: dict[str, str]  # executable or file -> the package that provides it

    @property
    def client(self) -> Path:
        return BUILD / self.folder / "client"

    def compile_steps(self) -> list[Step]:
        raise NotImplementedError

    def run_step(self) -> Step:
        raise NotImplementedError


class TypeScript(Language):
    def compile_steps(self) -> list[Step]:
        return [Step([str(NODE_BIN / "tsc"), "-p", str(CLIENTS / self.folder / "tsconfig.json")])]

    def run_step(self) -> Step:
        return Step(["node", str(BUILD / self.folder / "out" / "clients" / self.folder / "smoke.js")])


class Python(Language):
    def compile_steps(self) -> list[Step]:
        return [Step([PYTHON, "-m", "compileall", "-q", str(self.client / "memsy_api"), str(CLIENTS / "python")])]

    def run_step(self) -> Step:
        return Step([PYTHON, str(CLIENTS / "python" / "smoke.py")], env={"PYTHONPATH": str(self.client)})


class Go(Language):
    def compile_steps(self) -> list[Step]:
        smoke = BUILD / "go" / "smoke"
        shutil.rmtree(smoke, ignore_errors=True)
        shutil.copytree(CLIENTS / "go" / "smoke", smoke)
        return [
            Step(["go", "vet", "."], cwd=smoke, env=GO_ENV),
            Step(["go", "build", "-o", "smoke", "."], cwd=smoke, env=GO_ENV),
        ]

    def run_step(self) -> Step:
        return Step([str(BUILD / "go" / "smoke" / "smoke")])


class Php(Language):
    def compile_steps(self) -> list[Step]:
        files = [*sorted((self.client / "lib").rglob("*.php")), CLIENTS / "php" / "smoke.php"]
        return [Step(["php", "-l", str(f)]) for f in files]

    def run_step(self) -> Step:
        return Step(["php", str(CLIENTS / "php" / "smoke.php")], env={"MEMSY_PHP_CLIENT": str(self.client)})


class Ruby(Language):
    def compile_steps(self) -> list[Step]:
        files = [*sorted((self.client / "lib").rglob("*.rb")), CLIENTS / "ruby" / "smoke.rb"]
        check = "ARGV.each { |f| RubyVM::InstructionSequence.compile_file(f) }"  # ruby -c, in one process
        return [Step(["ruby", "-e", check, *map(str, files)])]

    def run_step(self) -> Step:
        return Step(["ruby", "-I", str(self.client / "lib"), str(CLIENTS / "ruby" / "smoke.rb")])


LANGUAGES: list[Language] = [
    TypeScript("typescript-fetch", "TypeScript (fetch)", {"node": "nodejs (Debian)"}),
    TypeScript("typescript-axios", "TypeScript (axios)", {"node": "nodejs (Debian)"}),
    Python("python", "Python (openapi-generator)", {}),
    Go("go", "Go", {"go": "golang-go (Debian)"}),
    Php(
        "php",
        "PHP",
        {
            "php": "php-cli (Debian)",
            "php-ext:mbstring": "php-mbstring (Debian)",
            "/usr/share/php/GuzzleHttp/autoload.php": "php-guzzlehttp-guzzle (Debian)",
        },
    ),
    Ruby("ruby", "Ruby", {"ruby": "ruby (Debian)", "ruby-lib:typhoeus": "ruby-typhoeus (Debian)"}),
]


def missing_tools(language: Language) -> list[str]:
    return [f"{tool} (install {package})" for tool, package in language.tools.items() if not _present(tool)]


def _present(tool: str) -> bool:
    """An executable on PATH, a file, a PHP extension (``php-ext:``) or a Ruby library (``ruby-lib:``)."""
    if tool.startswith("/"):
        return Path(tool).is_file()
    kind, _, name = tool.partition(":")
    if not name:
        return shutil.which(tool) is not None
    command = {
        "php-ext": ["php", "-r", f"exit(extension_loaded('{name}') ? 0 : 1);"],
        "ruby-lib": ["ruby", "-e", f"require '{name}'"],
    }
    try:
        return subprocess.run(command[kind], capture_output=True, timeout=60, check=False).returncode == 0
    except OSError:
        return False


def run(step: Step, extra_env: dict[str, str]) -> tuple[bool, str]:
    try:
        result = subprocess.run(
            step.argv,
            cwd=step.cwd,
            env={**os.environ, **extra_env, **step.env},
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def generate(languages: list[Language]) -> tuple[bool, str]:
    """Every client in one openapi-generator run (one JVM start), from openapi.yaml as it is, the way the README
    tells users to run the generator (the contract has no YAML aliases: openapi-generator's YAML reader refuses
    more than 50)."""
    for language in languages:
        shutil.rmtree(BUILD / language.folder, ignore_errors=True)
    BUILD.mkdir(parents=True, exist_ok=True)
    configs = []
    for language in languages:
        settings = yaml.safe_load((CLIENTS / language.folder / "generator.yaml").read_text(encoding="utf-8"))
        config = BUILD / f"{language.folder}.generator.yaml"
        config.write_text(yaml.safe_dump({**settings, "inputSpec": "openapi.yaml"}), encoding="utf-8")
        configs.append(str(config))
    return run(Step([str(GENERATOR), "batch", "--root-dir", str(ROOT), "--threads", "2", *configs]), {})


def error_examples() -> str:
    """The error body shapes the contract documents (ErrorResponse's examples), for the smokes to read."""
    contract = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return json.dumps(contract["components"]["schemas"]["ErrorResponse"]["examples"])


def tail(text: str, lines: int = 25) -> str:
    return "\n".join("    " + line for line in text.splitlines()[-lines:])


def main() -> int:
    for name in ("MEMSY_BASE_URL", "MEMSY_API_KEY"):
        if not os.environ.get(name):
            print(f"{name} is not set: run this under `memsy-local run -- ...` (make languages does)", file=sys.stderr)
            return 2
    selected = [lang for lang in LANGUAGES if not sys.argv[1:] or lang.folder in sys.argv[1:]]
    started = time.monotonic()
    generated, output = generate(selected)
    print(f"generated {len(selected)} clients with openapi-generator in {time.monotonic() - started:.1f} s")
    env = {"MEMSY_ERROR_EXAMPLES": error_examples()}
    passed = 0
    for language in selected:
        began = time.monotonic()
        problem = ""
        if not (language.client.is_dir() and generated):
            problem = "generation failed:\n" + tail(output)
        elif missing := missing_tools(language):
            problem = "missing toolchain: " + ", ".join(missing)
        else:
            for step in [*language.compile_steps(), language.run_step()]:
                ok, step_output = run(step, env)
                if not ok:
                    problem = f"`{' '.join(step.argv[:3])} ...` failed:\n" + tail(step_output)
                    break
        elapsed = time.monotonic() - began
        if problem:
            print(f"FAIL {language.title}: {problem}")
        else:
            passed += 1
            print(f"ok   {language.title}: generated, compiled and ran against memsy.local ({elapsed:.1f} s)")
    print(f"{passed}/{len(selected)} languages generated, compiled and run against memsy.local")
    return 0 if passed == len(selected) else 1


if __name__ == "__main__":
    sys.exit(main())
