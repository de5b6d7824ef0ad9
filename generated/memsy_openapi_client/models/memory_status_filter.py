from typing import Literal

MemoryStatusFilter = Literal["active", "archived", "decayed"]

MEMORY_STATUS_FILTER_VALUES: set[MemoryStatusFilter] = {
    "active",
    "archived",
    "decayed",
}


def check_memory_status_filter(value: str) -> MemoryStatusFilter:
    if value in MEMORY_STATUS_FILTER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEMORY_STATUS_FILTER_VALUES!r}")
