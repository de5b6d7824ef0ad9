"""The low-level Memsy API package: typed, sans-I/O request builders (api/) and request-body models (models/),
generated from openapi.yaml. The memsy SDK sends what the builders return."""
