from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeResponse")


@_attrs_define
class MeResponse:
    """The calling key's identity."""

    customer_id: str
    email: str
    tier: str
    """ Plan, for example `free` or `pro` (open vocabulary). """
    is_superadmin: bool
    org_id: str
    is_billing_admin: bool
    user_id: None | str | Unset = UNSET
    org_role: None | str | Unset = UNSET
    """ For example `org:admin` (open vocabulary). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        email = self.email

        tier = self.tier

        is_superadmin = self.is_superadmin

        org_id = self.org_id

        is_billing_admin = self.is_billing_admin

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        org_role: None | str | Unset
        if isinstance(self.org_role, Unset):
            org_role = UNSET
        else:
            org_role = self.org_role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "email": email,
                "tier": tier,
                "is_superadmin": is_superadmin,
                "org_id": org_id,
                "is_billing_admin": is_billing_admin,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if org_role is not UNSET:
            field_dict["org_role"] = org_role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        email = d.pop("email")

        tier = d.pop("tier")

        is_superadmin = d.pop("is_superadmin")

        org_id = d.pop("org_id")

        is_billing_admin = d.pop("is_billing_admin")

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_org_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_role = _parse_org_role(d.pop("org_role", UNSET))

        me_response = cls(
            customer_id=customer_id,
            email=email,
            tier=tier,
            is_superadmin=is_superadmin,
            org_id=org_id,
            is_billing_admin=is_billing_admin,
            user_id=user_id,
            org_role=org_role,
        )

        me_response.additional_properties = d
        return me_response

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
