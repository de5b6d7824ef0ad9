from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpcomingInvoice")


@_attrs_define
class UpcomingInvoice:
    """The next invoice."""

    amount_due: int
    """ Minor currency units. """
    currency: str
    period_end: int
    """ Unix time (seconds). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_due = self.amount_due

        currency = self.currency

        period_end = self.period_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_due": amount_due,
                "currency": currency,
                "period_end": period_end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_due = d.pop("amount_due")

        currency = d.pop("currency")

        period_end = d.pop("period_end")

        upcoming_invoice = cls(
            amount_due=amount_due,
            currency=currency,
            period_end=period_end,
        )

        upcoming_invoice.additional_properties = d
        return upcoming_invoice

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
