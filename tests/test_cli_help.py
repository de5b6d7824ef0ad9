"""Help that answers the questions (issue 13, point 8): every option explained, with its default and its allowed
values; no reStructuredText; one timeout name per meaning; `memsy local --help` only lists what applies."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from memsy_openapi_client.models.actor_sort import ACTOR_SORT_VALUES
from memsy_openapi_client.models.memory_sort import MEMORY_SORT_VALUES
from memsy_openapi_client.models.memory_status_filter import MEMORY_STATUS_FILTER_VALUES

from memsy.cli import build_parser
from memsy.local.cli import build_parser as build_local_parser

from .cli_harness import memsy, memsy_local


def parsers(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """A parser and every (sub)command parser under it."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                yield from parsers(sub, f"{name} {command}")


def options(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        if action.help != argparse.SUPPRESS and not isinstance(
            action, (argparse._HelpAction, argparse._SubParsersAction)
        ):
            yield action


def test_every_option_has_help_and_says_its_default() -> None:
    for root, name in ((build_parser(), "memsy"), (build_local_parser(), "memsy-local")):
        for command, parser in parsers(root, name):
            if command == "memsy local":  # a doorway to memsy-local, whose parser is checked on its own
                continue
            for action in options(parser):
                label = f"{command} {'/'.join(action.option_strings) or action.dest}"
                assert action.help, f"{label} has no help"
                assert "``" not in action.help and "`" not in action.help, f"{label}: markup in the help"
                default = action.default
                if action.option_strings and default not in (None, False, 0, argparse.SUPPRESS, ()):
                    assert "default" in action.help, f"{label} does not say its default {default!r}"
                if action.choices and action.option_strings:
                    assert all(str(c) in action.help for c in action.choices) or action.metavar is None, label


def test_memories_and_ingest_help_through_the_command() -> None:
    result = memsy(None, "memories", "--help")
    assert result.code == 0
    text = " ".join(result.out.split())  # argparse wraps lines
    for value in (*MEMORY_SORT_VALUES, *MEMORY_STATUS_FILTER_VALUES):
        assert value in text
    assert "(default: observed_at_desc)" in text and "--limit N list: page size (default: 20)" in text
    assert "--kind KIND" in text and "--type TYPE" in text and "memsy memories stats" in text
    assert all(value in " ".join(memsy(None, "actors", "--help").out.split()) for value in ACTOR_SORT_VALUES)

    ingest = " ".join(memsy(None, "ingest", "--help").out.split())
    assert "events per request (default: 100)" in ingest and "requests in flight at once (default: 4)" in ingest


def test_the_main_help_is_plain_text_with_configuration_and_exit_codes() -> None:
    result = memsy(None, "--help")
    assert result.code == 0 and "``" not in result.out
    for text in ("MEMSY_API_KEY", "MEMSY_BASE_URL", "exit codes:", "141 output pipe closed", "--version"):
        assert text in result.out


def test_wait_has_one_timeout_and_the_http_timeout_is_named_apart() -> None:
    text = memsy(None, "wait", "--help").out
    assert re.search(r"--timeout SECONDS\s+give up", text)
    assert "--http-timeout SECONDS" in text and "--timeout-seconds" not in text


def test_memsy_local_help_lists_only_what_applies() -> None:
    local = memsy(None, "local", "--help")
    assert local.code == 0 and local.out.startswith("usage: memsy local")
    for absent in ("--json", "--base-url", "--control-url", "--http-timeout"):
        assert absent not in local.out
    for present in ("serve", "run", "key"):
        assert present in local.out
    serve = " ".join(memsy(None, "local", "serve", "--help").out.split())
    assert "(default: 8787)" in serve and "--json" not in serve


def test_memsy_local_help_shows_defaults() -> None:
    serve = " ".join(memsy_local("serve", "--help").out.split())
    for default in ("(default: 8787)", "(default: :memory:)", "(default: free)", "(default: 6000)", "(default: 60.0)"):
        assert default in serve
    run = " ".join(memsy_local("run", "--help").out.split())
    assert "0 picks a free one (default: 0)" in run
    key = " ".join(memsy_local("key", "create", "--help").out.split())
    assert "(default: read,write)" in key and "--org ORG_ID" in key
