from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProInterestRequest")


@_attrs_define
class ProInterestRequest:
    """Who is interested in the Pro plan."""

    email: str
    name: str
    company: str | Unset = UNSET
    use_case: str | Unset = UNSET
    notes: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        company = self.company

        use_case = self.use_case

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "name": name,
            }
        )
        if company is not UNSET:
            field_dict["company"] = company
        if use_case is not UNSET:
            field_dict["use_case"] = use_case
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        company = d.pop("company", UNSET)

        use_case = d.pop("use_case", UNSET)

        notes = d.pop("notes", UNSET)

        pro_interest_request = cls(
            email=email,
            name=name,
            company=company,
            use_case=use_case,
            notes=notes,
        )

        pro_interest_request.additional_properties = d
        return pro_interest_request

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
