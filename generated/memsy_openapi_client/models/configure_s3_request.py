from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfigureS3Request")


@_attrs_define
class ConfigureS3Request:
    """IAM credentials and the bucket to ingest."""

    access_key_id: str
    secret_access_key: str
    """ The IAM secret. A secret in every log and message. """
    region: str
    bucket: str
    connector_id: str | Unset = UNSET
    """ Re-configure this S3 connector instead of creating one. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_key_id = self.access_key_id

        secret_access_key = self.secret_access_key

        region = self.region

        bucket = self.bucket

        connector_id = self.connector_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_key_id": access_key_id,
                "secret_access_key": secret_access_key,
                "region": region,
                "bucket": bucket,
            }
        )
        if connector_id is not UNSET:
            field_dict["connector_id"] = connector_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_key_id = d.pop("access_key_id")

        secret_access_key = d.pop("secret_access_key")

        region = d.pop("region")

        bucket = d.pop("bucket")

        connector_id = d.pop("connector_id", UNSET)

        configure_s3_request = cls(
            access_key_id=access_key_id,
            secret_access_key=secret_access_key,
            region=region,
            bucket=bucket,
            connector_id=connector_id,
        )

        configure_s3_request.additional_properties = d
        return configure_s3_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
