from typing import Literal

EventSort = Literal["ts_asc", "ts_desc"]

EVENT_SORT_VALUES: set[EventSort] = {
    "ts_asc",
    "ts_desc",
}


def check_event_sort(value: str) -> EventSort:
    if value in EVENT_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENT_SORT_VALUES!r}")
