"""``main``: parse, run the command, and turn every failure into a message and an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from typing import TextIO

from .context import Context, sdk_log
from .errors import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, UsageError, describe
from .local import run_local
from .parser import build_parser


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code."""
    out, err, stdin = out or sys.stdout, err or sys.stderr, stdin or sys.stdin
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["local"]:  # memsy-local has its own options, --help included
            return _local(arguments[1:], err)
        try:
            with redirect_stdout(out), redirect_stderr(err):  # --help, --version and usage errors
                args = build_parser().parse_args(arguments)
        except SystemExit as exit_:
            return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
        if args.command == "local":
            return _local(args.local_args, err)
        ctx = Context(args, out, err, stdin)
        try:
            with sdk_log(err, ctx.verbosity):
                code = int(args.handler(ctx))
        except Exception as exc:
            message, code = describe(exc, ctx)
            out.flush()
            print(message, file=err)
        out.flush()
        return code
    except KeyboardInterrupt:
        print("memsy: interrupted", file=err)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `memsy ... | head`: the reader has all it wanted
        _discard_further_output(out)
        return EXIT_BROKEN_PIPE


def _local(arguments: list[str], err: TextIO) -> int:
    """``memsy local ...``: memsy-local's command line, or why it cannot run (memsy.local not installed)."""
    try:
        return run_local(arguments)
    except UsageError as error:
        print(f"memsy: {error}", file=err)
        return EXIT_USAGE


def _discard_further_output(stream: TextIO) -> None:
    """Point the closed stream's descriptor at /dev/null, so that the interpreter's final flush of what is still
    buffered does not fail again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not backed by a descriptor (an in-memory stream)
        pass
