"""``python -m memsy.local`` is ``memsy-local`` (``serve`` when no command is given); :func:`command` is that
command's entry point."""

import sys

from .extra import MissingExtra, command_line


def command() -> int:
    """memsy.local's command line, or, when the ``local`` extra is not installed, how to install it (exit code 2)."""
    try:
        main = command_line()
    except MissingExtra as missing:
        print(f"memsy-local: {missing}", file=sys.stderr)
        return 2
    return main()


if __name__ == "__main__":
    sys.exit(command())
