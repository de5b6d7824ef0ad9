from ..types import NotRequired, TypedDict


class ConfigureS3Request(TypedDict):
    """IAM credentials and the bucket to ingest."""

    access_key_id: str
    secret_access_key: str
    """ The IAM secret. A secret in every log and message. """
    region: str
    bucket: str
    connector_id: NotRequired[str]
    """ Re-configure this S3 connector instead of creating one. """
