from typing import Literal

ActorSort = Literal["actor_id_asc", "first_memory_asc", "first_memory_desc", "last_memory_desc"]

ACTOR_SORT_VALUES: set[ActorSort] = {
    "actor_id_asc",
    "first_memory_asc",
    "first_memory_desc",
    "last_memory_desc",
}


def check_actor_sort(value: str) -> ActorSort:
    if value in ACTOR_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTOR_SORT_VALUES!r}")
