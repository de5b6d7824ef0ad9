from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payment_method import PaymentMethod
    from ..models.upcoming_invoice import UpcomingInvoice


T = TypeVar("T", bound="BillingSummary")


@_attrs_define
class BillingSummary:
    """Seats and billing state."""

    tier: str
    purchased_seats: int
    assigned_seats: int
    available_seats: int
    stripe_customer_id: None | str | Unset = UNSET
    payment_method: None | PaymentMethod | Unset = UNSET
    upcoming_invoice: None | Unset | UpcomingInvoice = UNSET
    subscription_status: None | str | Unset = UNSET
    billing_contact: None | str | Unset = UNSET
    stripe_subscription_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.payment_method import PaymentMethod  # noqa: PLC0415
        from ..models.upcoming_invoice import UpcomingInvoice  # noqa: PLC0415

        tier = self.tier

        purchased_seats = self.purchased_seats

        assigned_seats = self.assigned_seats

        available_seats = self.available_seats

        stripe_customer_id: None | str | Unset
        if isinstance(self.stripe_customer_id, Unset):
            stripe_customer_id = UNSET
        else:
            stripe_customer_id = self.stripe_customer_id

        payment_method: dict[str, Any] | None | Unset
        if isinstance(self.payment_method, Unset):
            payment_method = UNSET
        elif isinstance(self.payment_method, PaymentMethod):
            payment_method = self.payment_method.to_dict()
        else:
            payment_method = self.payment_method

        upcoming_invoice: dict[str, Any] | None | Unset
        if isinstance(self.upcoming_invoice, Unset):
            upcoming_invoice = UNSET
        elif isinstance(self.upcoming_invoice, UpcomingInvoice):
            upcoming_invoice = self.upcoming_invoice.to_dict()
        else:
            upcoming_invoice = self.upcoming_invoice

        subscription_status: None | str | Unset
        if isinstance(self.subscription_status, Unset):
            subscription_status = UNSET
        else:
            subscription_status = self.subscription_status

        billing_contact: None | str | Unset
        if isinstance(self.billing_contact, Unset):
            billing_contact = UNSET
        else:
            billing_contact = self.billing_contact

        stripe_subscription_id: None | str | Unset
        if isinstance(self.stripe_subscription_id, Unset):
            stripe_subscription_id = UNSET
        else:
            stripe_subscription_id = self.stripe_subscription_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tier": tier,
                "purchased_seats": purchased_seats,
                "assigned_seats": assigned_seats,
                "available_seats": available_seats,
            }
        )
        if stripe_customer_id is not UNSET:
            field_dict["stripe_customer_id"] = stripe_customer_id
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if upcoming_invoice is not UNSET:
            field_dict["upcoming_invoice"] = upcoming_invoice
        if subscription_status is not UNSET:
            field_dict["subscription_status"] = subscription_status
        if billing_contact is not UNSET:
            field_dict["billing_contact"] = billing_contact
        if stripe_subscription_id is not UNSET:
            field_dict["stripe_subscription_id"] = stripe_subscription_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payment_method import PaymentMethod  # noqa: PLC0415
        from ..models.upcoming_invoice import UpcomingInvoice  # noqa: PLC0415

        d = dict(src_dict)
        tier = d.pop("tier")

        purchased_seats = d.pop("purchased_seats")

        assigned_seats = d.pop("assigned_seats")

        available_seats = d.pop("available_seats")

        def _parse_stripe_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_customer_id = _parse_stripe_customer_id(d.pop("stripe_customer_id", UNSET))

        def _parse_payment_method(data: object) -> None | PaymentMethod | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_method_type_0 = PaymentMethod.from_dict(data)

                return payment_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentMethod | Unset, data)

        payment_method = _parse_payment_method(d.pop("payment_method", UNSET))

        def _parse_upcoming_invoice(data: object) -> None | Unset | UpcomingInvoice:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                upcoming_invoice_type_0 = UpcomingInvoice.from_dict(data)

                return upcoming_invoice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpcomingInvoice, data)

        upcoming_invoice = _parse_upcoming_invoice(d.pop("upcoming_invoice", UNSET))

        def _parse_subscription_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription_status = _parse_subscription_status(d.pop("subscription_status", UNSET))

        def _parse_billing_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_contact = _parse_billing_contact(d.pop("billing_contact", UNSET))

        def _parse_stripe_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_subscription_id = _parse_stripe_subscription_id(d.pop("stripe_subscription_id", UNSET))

        billing_summary = cls(
            tier=tier,
            purchased_seats=purchased_seats,
            assigned_seats=assigned_seats,
            available_seats=available_seats,
            stripe_customer_id=stripe_customer_id,
            payment_method=payment_method,
            upcoming_invoice=upcoming_invoice,
            subscription_status=subscription_status,
            billing_contact=billing_contact,
            stripe_subscription_id=stripe_subscription_id,
        )

        billing_summary.additional_properties = d
        return billing_summary

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
