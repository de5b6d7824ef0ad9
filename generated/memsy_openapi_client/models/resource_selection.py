from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resource_type import ResourceType, check_resource_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourceSelection")


@_attrs_define
class ResourceSelection:
    """One resource to select. Its type is required (no provider's type is assumed)."""

    external_id: str
    """ The resource's `external_id`. """
    resource_type: ResourceType
    """ Kinds of resource that can be selected (closed on input). """
    name: str | Unset = UNSET
    """ A label, for display. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        resource_type: str = self.resource_type

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_id": external_id,
                "resource_type": resource_type,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_id = d.pop("external_id")

        resource_type = check_resource_type(d.pop("resource_type"))

        name = d.pop("name", UNSET)

        resource_selection = cls(
            external_id=external_id,
            resource_type=resource_type,
            name=name,
        )

        resource_selection.additional_properties = d
        return resource_selection

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
