from typing import Literal

MemorySort = Literal["confidence_desc", "created_at_desc", "observed_at_asc", "observed_at_desc", "strength_desc"]

MEMORY_SORT_VALUES: set[MemorySort] = {
    "confidence_desc",
    "created_at_desc",
    "observed_at_asc",
    "observed_at_desc",
    "strength_desc",
}


def check_memory_sort(value: str) -> MemorySort:
    if value in MEMORY_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEMORY_SORT_VALUES!r}")
