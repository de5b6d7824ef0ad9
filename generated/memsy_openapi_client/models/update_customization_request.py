from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateCustomizationRequest")


@_attrs_define
class UpdateCustomizationRequest:
    """Partial update of an org, role or team record; absent fields are unchanged."""

    name: str | Unset = UNSET
    focus: str | Unset = UNSET
    promotion_prompt: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        focus = self.focus

        promotion_prompt = self.promotion_prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if focus is not UNSET:
            field_dict["focus"] = focus
        if promotion_prompt is not UNSET:
            field_dict["promotion_prompt"] = promotion_prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        focus = d.pop("focus", UNSET)

        promotion_prompt = d.pop("promotion_prompt", UNSET)

        update_customization_request = cls(
            name=name,
            focus=focus,
            promotion_prompt=promotion_prompt,
        )

        update_customization_request.additional_properties = d
        return update_customization_request

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
