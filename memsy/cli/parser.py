"""The ``memsy`` argument parser. Global options work on either side of the command: the main parser holds their
defaults and each command's copy leaves the value alone unless the option is typed after the command."""

from __future__ import annotations

import argparse
import inspect
import math
from collections.abc import Callable, Iterable
from typing import Any

from memsy_openapi_client.models.actor_sort import ACTOR_SORT_VALUES
from memsy_openapi_client.models.connector_provider import CONNECTOR_PROVIDER_VALUES
from memsy_openapi_client.models.memory_sort import MEMORY_SORT_VALUES
from memsy_openapi_client.models.memory_status_filter import MEMORY_STATUS_FILTER_VALUES
from memsy_openapi_client.models.resource_type import RESOURCE_TYPE_VALUES

from .._version import __version__
from ..client import MemsyClient
from ..control_resources import ConnectorsResource
from ..resources import ActorsResource, MemoriesResource
from . import connectors
from .account import cmd_me, cmd_usage
from .browse import cmd_actors, cmd_health, cmd_memories, cmd_search
from .ingest import PROGRESS_THRESHOLD, cmd_ingest
from .status import cmd_status, cmd_wait

EPILOG = """\
configuration:
  MEMSY_API_KEY      the API key (msy_...); --api-key overrides it (the variable keeps it out of shell history)
  MEMSY_BASE_URL     the data plane, e.g. https://api.memsy.io/v1 (default: the Memsy service)
  MEMSY_CONTROL_URL  the control plane, e.g. https://api.memsy.io/api, for me, usage and connectors
                     (default: the host of MEMSY_BASE_URL)

exit codes:
  0 success, 2 usage or input error, 3 the API refused (or an id is unknown to wait),
  4 no answer (connection or timeout), 5 wait timed out, 130 interrupted, 141 output pipe closed

examples:
  memsy ingest history.jsonl | memsy wait -
  memsy search "window seat" --actor ada --sources
  memsy memories list --json | jq -r '.items[].memory_id'
  memsy connectors connect slack --wait
  memsy local run -- pytest
"""


def sdk_default(function: Callable[..., Any], name: str) -> Any:
    """A parameter's default in the SDK, so that the command line and the SDK never disagree."""
    return inspect.signature(function).parameters[name].default


def _seconds(text: str, *, zero_allowed: bool) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_allowed):
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds {'>= 0' if zero_allowed else 'above 0'}, got {text!r}"
        )
    return value


def positive_seconds(text: str) -> float:
    return _seconds(text, zero_allowed=False)


def non_negative_seconds(text: str) -> float:
    return _seconds(text, zero_allowed=True)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


def one_of(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


class _Refused(argparse.Action):
    """``--timeout-seconds``: it set the HTTP timeout, which next to ``wait --timeout`` read as the wait's limit.
    Refused with what to type instead, rather than silently meaning either."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: str | None = None) -> None:
        instead = "--http-timeout SECONDS (its new name) limits each HTTP request"
        if "--timeout" in parser._option_string_actions:  # wait, connectors connect
            instead = f"--timeout SECONDS is how long to wait; {instead}"
        parser.error(f"{option} is no longer accepted: {instead}")


def add_global_options(parser: argparse.ArgumentParser, *, on_command: bool) -> None:
    """The options every command takes. On a command their default is SUPPRESS: absent there, they keep the
    value the main parser gave them (its default, or what was typed before the command)."""
    group = parser.add_argument_group("global options (also accepted before the command)") if on_command else parser

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if on_command else value

    http_timeout = sdk_default(MemsyClient.__init__, "timeout")
    group.add_argument("--json", action="store_true", default=default(False), help="machine-readable JSON output")
    group.add_argument(
        "--base-url", default=default(None), metavar="URL", help="data-plane URL (default: MEMSY_BASE_URL)"
    )
    group.add_argument(
        "--control-url",
        default=default(None),
        metavar="URL",
        help="control-plane URL (default: MEMSY_CONTROL_URL, else the host of the base URL)",
    )
    group.add_argument(
        "--api-key", default=default(None), metavar="KEY", help="API key (default: MEMSY_API_KEY; prefer the variable)"
    )
    group.add_argument(
        "--http-timeout",
        type=positive_seconds,
        default=default(http_timeout),
        metavar="SECONDS",
        help=f"limit for each HTTP request (default: {http_timeout:g})",
    )
    group.add_argument(  # the first name of --http-timeout: on `wait` it read as the wait's limit, so refused
        "--timeout-seconds", nargs="?", action=_Refused, default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=default(0),
        help="show the SDK's retries on stderr (-vv: every request)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="memsy",
        description="Talk to Memsy (or memsy.local) from a terminal.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"memsy {__version__}")
    add_global_options(parser, on_command=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Any, help_text: str, description: str | None = None) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=description or help_text)
        p.set_defaults(handler=handler)
        add_global_options(p, on_command=True)
        return p

    command("health", cmd_health, "data-plane health")

    p = command(
        "ingest",
        cmd_ingest,
        "ingest events from a JSON Lines file",
        "Ingest events from a JSON Lines file (one event object per line; blank lines and # comments skipped). "
        "Every line is checked before anything is sent. The ids go to stdout, one per line; a summary to stderr, "
        f"with a progress bar for {PROGRESS_THRESHOLD} events or more when stderr is a terminal.",
    )
    p.add_argument("file", metavar="FILE", help="the JSON Lines file; - reads stdin")
    batch_size = sdk_default(MemsyClient.ingest_many, "batch_size")
    concurrency = sdk_default(MemsyClient.ingest_many, "concurrency")
    p.add_argument(
        "--batch-size",
        type=positive_int,
        default=batch_size,
        metavar="N",
        help="events per request (default: %(default)s)",
    )
    p.add_argument(
        "--concurrency",
        type=positive_int,
        default=concurrency,
        metavar="N",
        help="requests in flight at once (default: %(default)s)",
    )

    p = command("search", cmd_search, "search memories")
    p.add_argument("query", metavar="QUERY", help="what to look for, in plain words")
    p.add_argument("--actor", metavar="ACTOR_ID", help="only this actor's memories (default: the whole org)")
    p.add_argument(
        "--limit",
        type=int,
        default=sdk_default(MemsyClient.search, "limit"),
        metavar="N",
        help="at most N results (default: %(default)s)",
    )
    p.add_argument(
        "--threshold",
        type=float,
        default=sdk_default(MemsyClient.search, "threshold"),
        metavar="SCORE",
        help="leave out results scoring below SCORE (default: %(default)s)",
    )
    p.add_argument("--session", metavar="SESSION_ID", help="only this conversation (plus memories of none)")
    p.add_argument("--sources", action="store_true", help="show the events each memory came from")

    ids_help = "event ids, as memsy ingest prints them; - reads them from stdin"
    p = command("status", cmd_status, "processing status of events (ids unknown to the service are listed as such)")
    p.add_argument("ids", nargs="+", metavar="EVENT_ID", help=ids_help)
    p = command(
        "wait",
        cmd_wait,
        "wait until events are processed",
        "Wait until no event is pending. Ids the service does not know are reported at once, not waited on.",
    )
    p.add_argument("ids", nargs="+", metavar="EVENT_ID", help=ids_help)
    p.add_argument(
        "--timeout",
        type=non_negative_seconds,
        default=sdk_default(MemsyClient.wait_for, "timeout"),
        metavar="SECONDS",
        help="give up (exit code 5) after this long (default: %(default)s)",
    )
    p.add_argument(
        "--poll-interval",
        type=positive_seconds,
        default=sdk_default(MemsyClient.wait_for, "poll_interval"),
        metavar="SECONDS",
        help="time between two status checks (default: %(default)s)",
    )

    p = command("memories", cmd_memories, "browse memories: list, get MEMORY_ID, stats")
    p.add_argument("action", choices=("list", "get", "stats"), help="what to show")
    p.add_argument("memory_id", nargs="?", metavar="MEMORY_ID", help="the memory, for get")
    p.add_argument("--actor", metavar="ACTOR_ID", help="list: only this actor's memories")
    p.add_argument("--kind", help="list: only memories of this kind (kinds in use: memsy memories stats)")
    p.add_argument("--type", help="list: only memories of this type (types in use: memsy memories stats)")
    p.add_argument(
        "--status",
        choices=sorted(MEMORY_STATUS_FILTER_VALUES),
        metavar="STATUS",
        help=f"list: one of {one_of(MEMORY_STATUS_FILTER_VALUES)} (default: the service's default)",
    )
    p.add_argument(
        "--sort",
        choices=sorted(MEMORY_SORT_VALUES),
        default=sdk_default(MemoriesResource.list, "sort"),
        metavar="ORDER",
        help=f"list: one of {one_of(MEMORY_SORT_VALUES)} (default: %(default)s)",
    )
    p.add_argument("--search", metavar="TEXT", help="list: only memories whose text contains TEXT")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="list: page size (default: %(default)s)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="list: skip the first N (default: %(default)s)")

    p = command("actors", cmd_actors, "actors that have memories: list, get ACTOR_ID")
    p.add_argument("action", choices=("list", "get"), help="what to show")
    p.add_argument("actor_id", nargs="?", metavar="ACTOR_ID", help="the actor, for get")
    p.add_argument("--q", metavar="TEXT", help="list: only actors whose id contains TEXT")
    p.add_argument(
        "--sort",
        choices=sorted(ACTOR_SORT_VALUES),
        default=sdk_default(ActorsResource.list, "sort"),
        metavar="ORDER",
        help=f"list: one of {one_of(ACTOR_SORT_VALUES)} (default: %(default)s)",
    )
    p.add_argument("--limit", type=int, default=50, metavar="N", help="list: page size (default: %(default)s)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="list: skip the first N (default: %(default)s)")

    command("me", cmd_me, "who the API key belongs to (control plane)")
    command("usage", cmd_usage, "plan usage this period and the rate-limit window (control plane, org:admin)")
    add_connectors(sub)
    p = sub.add_parser(
        "local",
        help="run memsy.local: memsy local serve | run -- CMD | key create (memsy local --help)",
        add_help=False,
    )
    p.add_argument("local_args", nargs=argparse.REMAINDER)
    return parser


def add_connectors(sub: Any) -> None:
    """``memsy connectors ACTION ...``: one subcommand per action (handlers in :mod:`.connectors`)."""
    parser = sub.add_parser(
        "connectors",
        help="data sources ingested for the org: providers, list, get, connect, configure-s3, resources, select, "
        "sync, delete",
        description="Data sources whose content the service ingests for the organization (control plane):\n"
        "connect a provider, give consent in a browser at the link it prints, select what to ingest;\n"
        "the backfill turns that content into events, and memories appear as they are processed.",
        epilog="examples:\n  memsy connectors connect slack --wait\n  memsy connectors select ID C0GENERAL C0TRAVEL\n"
        "  memsy connectors resources ID --parent FOLDER_ID",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_global_options(parser, on_command=True)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        add_global_options(p, on_command=True)
        return p

    def connector_id(p: argparse.ArgumentParser) -> None:
        p.add_argument("connector_id", metavar="ID", help="the connector's id (memsy connectors list shows them)")

    action("providers", connectors.cmd_providers, "the providers the service offers, and who manages each")
    action("list", connectors.cmd_list, "the connectors you may see")
    connector_id(action("get", connectors.cmd_get, "one connector"))

    p = action("connect", connectors.cmd_connect, "start connecting a provider: prints the link to give consent at")
    p.add_argument(
        "provider",
        choices=sorted(CONNECTOR_PROVIDER_VALUES),
        metavar="PROVIDER",
        help=f"one of {one_of(CONNECTOR_PROVIDER_VALUES)} (s3 takes IAM credentials, not a consent link)",
    )
    p.add_argument("--wait", action="store_true", help="then wait until consent is given and list the resources")
    p.add_argument(
        "--timeout",
        type=non_negative_seconds,
        default=sdk_default(ConnectorsResource.wait_until_authorized, "timeout"),
        metavar="SECONDS",
        help="with --wait: give up (exit code 5) after this long (default: %(default)s)",
    )
    p.add_argument(
        "--poll-interval",
        type=positive_seconds,
        default=sdk_default(ConnectorsResource.wait_until_authorized, "poll_interval"),
        metavar="SECONDS",
        help="with --wait: time between two checks (default: %(default)s)",
    )

    p = action(
        "configure-s3",
        connectors.cmd_configure_s3,
        "connect (or, with --connector, re-configure) an S3 bucket with IAM credentials; the secret comes from "
        f"{connectors.SECRET_VARIABLE} or stdin, never from an argument",
    )
    p.add_argument("--bucket", required=True, help="the bucket to ingest")
    p.add_argument(
        "--access-key-id",
        metavar="KEY_ID",
        help=f"the IAM access key id (default: {connectors.ACCESS_KEY_VARIABLE})",
    )
    p.add_argument("--region", help=f"the bucket's region, e.g. eu-west-1 (default: {connectors.REGION_VARIABLE})")
    p.add_argument("--connector", metavar="ID", help="re-configure this S3 connector instead of adding one")

    p = action("resources", connectors.cmd_resources, "what a connector offers to select (the selected ones marked)")
    connector_id(p)
    p.add_argument("--parent", metavar="FOLDER_ID", help="list inside this folder (OneDrive)")
    p.add_argument("--repo", metavar="OWNER/NAME", help="list this repository's branches instead (GitHub)")

    p = action(
        "select",
        connectors.cmd_select,
        "choose what a connector ingests (the complete set: it replaces the selection) and start the backfill",
    )
    connector_id(p)
    p.add_argument(
        "external_ids", nargs="+", metavar="EXTERNAL_ID", help="the resources, as memsy connectors resources lists them"
    )
    p.add_argument(
        "--type",
        dest="resource_type",
        choices=sorted(RESOURCE_TYPE_VALUES),
        metavar="TYPE",
        help=f"their type, one of {one_of(RESOURCE_TYPE_VALUES)} (default: the type each is listed with; needed for "
        "what is not listed at the top, such as Google Drive files, OneDrive files in folders or GitHub branches)",
    )
    connector_id(action("sync", connectors.cmd_sync, "ingest what is new in the selected resources now"))
    connector_id(action("delete", connectors.cmd_delete, "disconnect and delete a connector (its memories stay)"))
