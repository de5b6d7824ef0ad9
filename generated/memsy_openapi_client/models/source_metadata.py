from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.source_metadata_metadata import SourceMetadataMetadata


T = TypeVar("T", bound="SourceMetadata")


@_attrs_define
class SourceMetadata:
    """User metadata of one originating event: `metadata` when the event's metadata text was a JSON object,
    otherwise `raw` with the original text.

    """

    event_id: str
    metadata: SourceMetadataMetadata | Unset = UNSET
    raw: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        raw = self.raw

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if raw is not UNSET:
            field_dict["raw"] = raw

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_metadata_metadata import SourceMetadataMetadata  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("event_id")

        _metadata = d.pop("metadata", UNSET)
        metadata: SourceMetadataMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = SourceMetadataMetadata.from_dict(_metadata)

        raw = d.pop("raw", UNSET)

        source_metadata = cls(
            event_id=event_id,
            metadata=metadata,
            raw=raw,
        )

        source_metadata.additional_properties = d
        return source_metadata

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
