from typing import Literal

KeyScope = Literal["read", "write"]

KEY_SCOPE_VALUES: set[KeyScope] = {
    "read",
    "write",
}


def check_key_scope(value: str) -> KeyScope:
    if value in KEY_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KEY_SCOPE_VALUES!r}")
