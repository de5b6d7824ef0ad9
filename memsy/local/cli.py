"""The ``memsy-local`` command line (also ``python -m memsy.local`` and ``memsy local``).

``serve`` runs memsy.local until interrupted, ``run -- CMD`` runs one command against a server of its own, and
``key create`` adds an API key to a database file.
"""

from __future__ import annotations

import argparse
import inspect
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import fields
from typing import Any, TextIO

from memsy_openapi_client.models.key_scope import KEY_SCOPE_VALUES
from uvicorn.config import LOG_LEVELS

from .._version import __version__
from .app import LocalConfig, Plan
from .server import LocalMemsy

SERVE_PORT = 8787  # a fixed port for `serve`, so that exported URLs stay valid across restarts
EXIT_USAGE = 2
EXIT_NOT_EXECUTABLE, EXIT_NOT_FOUND = 126, 127  # what a shell answers for the same mistakes
EXIT_INTERRUPTED = 130  # 128 + SIGINT
STOP_SECONDS = 5.0  # `serve` waits this long for requests in flight to finish when asked to stop


def _default(cls: type, name: str) -> Any:
    """A dataclass field's default, so that help texts show the server's real defaults."""
    return next(f.default for f in fields(cls) if f.name == name)


def _add_server_options(parser: argparse.ArgumentParser, default_port: int) -> None:
    parser.add_argument(
        "--port", type=int, default=default_port, help="port on 127.0.0.1; 0 picks a free one (default: %(default)s)"
    )
    parser.add_argument(
        "--db", default=":memory:", help="SQLite file to keep data in; ':memory:' keeps nothing (default: %(default)s)"
    )
    parser.add_argument(
        "--api-key",
        default=None,
        metavar="KEY",
        help="the admin key to accept (default: a generated one, printed at start)",
    )
    parser.add_argument(
        "--plan", default=_default(Plan, "name"), help="plan name reported in X-Plan and /api/me (default: %(default)s)"
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=_default(Plan, "requests_per_window"),
        metavar="N",
        help="requests per window before a 429 (default: %(default)s)",
    )
    parser.add_argument(
        "--window",
        type=float,
        default=_default(Plan, "window_seconds"),
        metavar="SECONDS",
        help="length of the rate-limit window (default: %(default)s)",
    )
    parser.add_argument(
        "--processing-delay",
        type=float,
        default=_default(LocalConfig, "processing_delay"),
        metavar="SECONDS",
        help="time between an ingest and the extraction of its events (default: %(default)s)",
    )
    parser.add_argument("--billing", action="store_true", help="answer the billing routes instead of 403")
    parser.add_argument(
        "--log-level",
        default="warning",
        choices=list(LOG_LEVELS),
        help="uvicorn's log level (default: %(default)s)",
    )


def _server_from(args: argparse.Namespace) -> LocalMemsy:
    config = LocalConfig(
        plan=Plan(name=args.plan, requests_per_window=args.rate_limit, window_seconds=args.window),
        processing_delay=args.processing_delay,
        billing_enabled=args.billing,
    )
    return LocalMemsy(port=args.port, db=args.db, config=config, api_key=args.api_key, log_level=args.log_level)


def _environment(server: LocalMemsy) -> dict[str, str]:
    """The variables that point the SDK and the ``memsy`` command at ``server``."""
    return {
        "MEMSY_BASE_URL": server.data_url,
        "MEMSY_CONTROL_URL": server.control_url,
        "MEMSY_API_KEY": server.api_key,
    }


def export_lines(environment: dict[str, str]) -> list[str]:
    """``export NAME=VALUE`` lines a POSIX shell can paste or ``source``."""
    return [f"export {name}={shlex.quote(value)}" for name, value in environment.items()]


def build_parser(prog: str = "memsy-local") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="A local Memsy for development and tests (not for production traffic). Without a command: serve.",
        epilog=(
            "examples:\n"
            f"  {prog} serve --db memsy.db              paste the export lines it prints into another shell\n"
            f"  {prog} serve --env > memsy.env &        then: . ./memsy.env\n"
            f"  {prog} run -- pytest tests/             a server on a free port for one command\n"
            f"  {prog} key create --db memsy.db --org org_other"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"memsy-local {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    serve = sub.add_parser(
        "serve",
        help="serve both planes on 127.0.0.1 until interrupted",
        description=(
            "Serve both planes of the API on 127.0.0.1 until interrupted (Ctrl-C or SIGTERM). Requests in flight "
            f"then get {STOP_SECONDS:g} seconds to finish; a second Ctrl-C stops without waiting for them."
        ),
    )
    _add_server_options(serve, SERVE_PORT)
    serve.add_argument(
        "--env",
        action="store_true",
        help="print only the export lines on stdout (the banner goes to stderr), e.g. to redirect into a file",
    )
    run = sub.add_parser(
        "run",
        help="run one command against a server on a free port, then stop",
        description=(
            "Start a server on a free port, run CMD with MEMSY_BASE_URL, MEMSY_CONTROL_URL and MEMSY_API_KEY set, "
            "stop the server, and exit with CMD's exit code."
        ),
        usage=f"{prog} run [options] -- CMD [ARG ...]",
    )
    _add_server_options(run, 0)
    run.add_argument("cmd", nargs=argparse.REMAINDER, help="the command to run, after --")
    key = sub.add_parser("key", help="API keys of a database file", description="API keys of a database file.")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    create = key_sub.add_parser(
        "create",
        help="create a key and print it",
        description=(
            "Create an API key of any org in a database file and print it (the only time it is shown). "
            "A server serving the same file accepts it at once."
        ),
    )
    create.add_argument("--db", required=True, help="the SQLite file a server uses (memsy-local serve --db FILE)")
    create.add_argument("--org", required=True, metavar="ORG_ID", help="the org the key belongs to")
    default_scopes = inspect.signature(LocalMemsy.create_key).parameters["scopes"].default
    create.add_argument(
        "--scopes",
        type=_scope_list,
        default=tuple(default_scopes),
        metavar="SCOPE,...",
        help=f"comma-separated, of {', '.join(sorted(KEY_SCOPE_VALUES))} (default: {','.join(default_scopes)})",
    )
    create.add_argument("--admin", action="store_true", help="an org:admin key (control plane, key management)")
    create.add_argument("--seat", action="store_true", help="assign the key's user a seat (console events)")
    return parser


def _scope_list(text: str) -> tuple[str, ...]:
    scopes = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in scopes if s not in KEY_SCOPE_VALUES]
    if not scopes or unknown:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give scopes separated by commas, each one of {', '.join(sorted(KEY_SCOPE_VALUES))}"
        )
    return scopes


def main(argv: Sequence[str] | None = None, *, prog: str = "memsy-local") -> int:
    """``memsy-local serve`` / ``run -- CMD`` / ``key create``; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(prog)
    try:
        args = parser.parse_args(arguments or ["serve"])
    except SystemExit as exit_:  # --help, --version, or a usage error argparse has already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        if args.command == "run":
            return _run(args, prog)
        if args.command == "key":
            return _create_key(args, prog)
        return _serve(args, prog)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _serve(args: argparse.Namespace, prog: str) -> int:
    # Ctrl-C and SIGTERM just set an event, from before the server starts to after it stopped: a KeyboardInterrupt
    # could land anywhere in between (inside Event.wait CPython then raises "release unlocked lock"), and would
    # leave the server running. A signal during the stop gives up waiting for it.
    stop, hurry = threading.Event(), threading.Event()

    def on_signal(number: int, frame: object) -> None:
        (hurry if stop.is_set() else stop).set()

    on_main_thread = threading.current_thread() is threading.main_thread()  # only there can signals be handled
    previous: dict[signal.Signals, Any] = {}
    try:
        for number in (signal.SIGINT, signal.SIGTERM) if on_main_thread else ():
            if signal.getsignal(number) is not signal.SIG_IGN:  # e.g. SIGINT of `serve &` in a script stays ignored
                previous[number] = signal.signal(number, on_signal)
        return _serve_until(stop, hurry, args, prog)
    finally:
        for signalled, handler in previous.items():
            signal.signal(signalled, handler)


def _serve_until(stop: threading.Event, hurry: threading.Event, args: argparse.Namespace, prog: str) -> int:
    server = _server_from(args)
    try:
        try:
            server.start()
        except RuntimeError as exc:
            print(f"{prog}: {exc}; is the port in use? choose another with --port", file=sys.stderr)
            return 1
        if not stop.is_set():  # interrupted while starting: nothing to announce
            banner = sys.stderr if args.env else sys.stdout
            _print_banner(server, args.db, banner)
            if args.env:
                print("\n".join(export_lines(_environment(server))), flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        stopped = _stop_within(server, STOP_SECONDS, hurry)
    if stopped:
        return 0
    if hurry.is_set():
        print(f"{prog}: stopped at a second signal, without waiting for the requests in flight", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(
        f"{prog}: the server did not stop within {STOP_SECONDS:g} seconds (requests still in flight); "
        "stopped without them",
        file=sys.stderr,
    )
    return 1


def _stop_within(server: LocalMemsy, seconds: float, hurry: threading.Event) -> bool:
    """Stop ``server``, waiting at most ``seconds`` (or until ``hurry`` is set): requests still running (a slow
    one, a stuck client) are left behind, on daemon threads that end with the process. True if it stopped."""
    stopper = threading.Thread(target=server.stop, name="memsy-local-stop", daemon=True)
    stopper.start()
    deadline = time.monotonic() + seconds
    while stopper.is_alive() and not hurry.is_set() and time.monotonic() < deadline:
        stopper.join(0.05)
    return not stopper.is_alive()


def _print_banner(server: LocalMemsy, db: str, out: TextIO) -> None:
    storage = "in memory, nothing is kept" if db == ":memory:" else db
    lines = [
        f"memsy.local: a local Memsy for development and tests, not production (storage: {storage}); "
        "to use it, paste into a shell:",
        *export_lines(_environment(server)),
    ]
    print("\n".join(lines), file=out, flush=True)


def _run(args: argparse.Namespace, prog: str) -> int:
    command = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not command:
        print(f"{prog} run: give the command to run after --, e.g. {prog} run -- pytest", file=sys.stderr)
        return EXIT_USAGE
    with _server_from(args) as server:
        try:
            code = subprocess.call(command, env={**os.environ, **_environment(server)})
        except FileNotFoundError:
            print(f"{prog} run: {command[0]}: command not found", file=sys.stderr)
            return EXIT_NOT_FOUND
        except PermissionError:
            print(f"{prog} run: {command[0]}: permission denied (not executable)", file=sys.stderr)
            return EXIT_NOT_EXECUTABLE
        except OSError as exc:
            print(f"{prog} run: {command[0]}: cannot run it: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_NOT_EXECUTABLE
    return code if code >= 0 else 128 - code  # killed by signal N: 128 + N, as a shell reports it


def _create_key(args: argparse.Namespace, prog: str) -> int:
    if args.db == ":memory:":
        print(f"{prog} key create: --db must be a file; an in-memory database ends with this command", file=sys.stderr)
        return EXIT_USAGE
    server = LocalMemsy(db=args.db)
    try:
        # org_id= arrives with the memsy.local branch; the ignore (and its unused-ignore) goes once both are merged
        raw = server.create_key(org_id=args.org, scopes=args.scopes, admin=args.admin, seat=args.seat)
    finally:
        server.stop()
    print(raw)
    return 0
