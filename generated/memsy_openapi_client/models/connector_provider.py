from typing import Literal

ConnectorProvider = Literal["github", "google_drive", "notion", "onedrive", "s3", "slack"]

CONNECTOR_PROVIDER_VALUES: set[ConnectorProvider] = {
    "github",
    "google_drive",
    "notion",
    "onedrive",
    "s3",
    "slack",
}


def check_connector_provider(value: str) -> ConnectorProvider:
    if value in CONNECTOR_PROVIDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECTOR_PROVIDER_VALUES!r}")
