"""``python -m memsy.local`` is ``memsy-local`` (``serve`` when no command is given); :func:`command` is that
command's entry point."""

import sys

from .extra import missing_extra


def command() -> int:
    """memsy.local's command line, or, when the ``local`` extra is not installed, how to install it (exit code 2)."""
    try:
        from .cli import main
    except ModuleNotFoundError as error:
        message = missing_extra(error, "memsy.local")
        if message is None:
            raise
        print(f"memsy-local: {message}", file=sys.stderr)
        return 2
    return main()


if __name__ == "__main__":
    sys.exit(command())
