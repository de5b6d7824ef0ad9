from typing import Literal

EventKind = Literal["app_event", "assistant_message", "tool_result", "user_message"]

EVENT_KIND_VALUES: set[EventKind] = {
    "app_event",
    "assistant_message",
    "tool_result",
    "user_message",
}


def check_event_kind(value: str) -> EventKind:
    if value in EVENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENT_KIND_VALUES!r}")
