"""What memsy.local needs beyond the SDK: the ``local`` extra (``pip install "memsy[local]"``), and what to tell a
user who has not installed it, wherever memsy.local is first reached (a name of ``memsy.local``, the
``memsy-local`` command, ``memsy local``)."""

from __future__ import annotations

from collections.abc import Callable

INSTALL = 'pip install "memsy[local]"'
EXTRA_MODULES = {
    "uvicorn": "uvicorn",
    "httptools": "httptools",
    "uvloop": "uvloop",
    "openapi_core": "openapi-core",
    "jsonschema_rs": "jsonschema-rs",
    "yaml": "pyyaml",
}
"""The top-level modules of the extra's packages (``tests/test_local_extra.py`` checks them against the extra in
``pyproject.toml``), with the package that installs each."""


def missing_extra(error: ModuleNotFoundError, what: str) -> str | None:
    """What to tell a user when ``what`` could not be imported because a package of the extra is missing; None when
    the missing module is anything else (memsy's own, or the standard library's: a bug or a broken install, which
    installing the extra would not mend)."""
    package = EXTRA_MODULES.get((error.name or "").partition(".")[0])
    if package is None:
        return None
    return f"{what} needs {package}, which is not installed: {INSTALL}"


class MissingExtra(Exception):
    """memsy.local's command line cannot run: a package of the extra is missing (the message says which, and how to
    install it)."""


def command_line() -> Callable[..., int]:
    """memsy.local's command line (``memsy.local.cli.main``), for ``memsy-local`` and ``memsy local``; raises
    :class:`MissingExtra` when the extra is not installed, and any other missing module as it is."""
    try:
        from .cli import main
    except ModuleNotFoundError as error:
        message = missing_extra(error, "memsy.local")
        if message is None:
            raise
        raise MissingExtra(message) from None
    return main
