from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """One invoice."""

    id: str
    amount_due: int
    """ Minor currency units. """
    amount_paid: int
    """ Minor currency units. """
    currency: str
    status: str
    """ For example `paid`, `open` (open vocabulary). """
    created: int | str
    """ Unix time (seconds), sent as an integer or as a string of digits. """
    hosted_invoice_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount_due = self.amount_due

        amount_paid = self.amount_paid

        currency = self.currency

        status = self.status

        created: int | str
        created = self.created

        hosted_invoice_url: None | str | Unset
        if isinstance(self.hosted_invoice_url, Unset):
            hosted_invoice_url = UNSET
        else:
            hosted_invoice_url = self.hosted_invoice_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "amount_due": amount_due,
                "amount_paid": amount_paid,
                "currency": currency,
                "status": status,
                "created": created,
            }
        )
        if hosted_invoice_url is not UNSET:
            field_dict["hosted_invoice_url"] = hosted_invoice_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        amount_due = d.pop("amount_due")

        amount_paid = d.pop("amount_paid")

        currency = d.pop("currency")

        status = d.pop("status")

        def _parse_created(data: object) -> int | str:
            return cast(int | str, data)

        created = _parse_created(d.pop("created"))

        def _parse_hosted_invoice_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hosted_invoice_url = _parse_hosted_invoice_url(d.pop("hosted_invoice_url", UNSET))

        invoice = cls(
            id=id,
            amount_due=amount_due,
            amount_paid=amount_paid,
            currency=currency,
            status=status,
            created=created,
            hosted_invoice_url=hosted_invoice_url,
        )

        invoice.additional_properties = d
        return invoice

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
