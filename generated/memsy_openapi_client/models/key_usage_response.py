from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.key_usage_response_usage_item import KeyUsageResponseUsageItem


T = TypeVar("T", bound="KeyUsageResponse")


@_attrs_define
class KeyUsageResponse:
    """Usage records of one key; the record shape is not fixed."""

    usage: list[KeyUsageResponseUsageItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        usage = []
        for usage_item_data in self.usage:
            usage_item = usage_item_data.to_dict()
            usage.append(usage_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "usage": usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_usage_response_usage_item import KeyUsageResponseUsageItem  # noqa: PLC0415

        d = dict(src_dict)
        usage = []
        _usage = d.pop("usage")
        for usage_item_data in _usage:
            usage_item = KeyUsageResponseUsageItem.from_dict(usage_item_data)

            usage.append(usage_item)

        key_usage_response = cls(
            usage=usage,
        )

        key_usage_response.additional_properties = d
        return key_usage_response

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
