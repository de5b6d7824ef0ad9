from typing import Literal

ResourceType = Literal["branch", "bucket", "channel", "default_branch", "file", "folder", "repo", "workspace"]

RESOURCE_TYPE_VALUES: set[ResourceType] = {
    "branch",
    "bucket",
    "channel",
    "default_branch",
    "file",
    "folder",
    "repo",
    "workspace",
}


def check_resource_type(value: str) -> ResourceType:
    if value in RESOURCE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESOURCE_TYPE_VALUES!r}")
