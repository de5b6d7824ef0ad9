"""Contains some shared types for properties"""

import sys
from typing import Literal

if sys.version_info >= (3, 11):
    from typing import NotRequired, TypedDict
else:  # pragma: no cover
    from typing_extensions import NotRequired, TypedDict


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

__all__ = ["UNSET", "NotRequired", "TypedDict", "Unset"]
