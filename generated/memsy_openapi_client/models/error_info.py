from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorInfo")


@_attrs_define
class ErrorInfo:
    """Code, message and code-specific fields nested under `detail`: `{"detail": {"error": "...", ...}}`."""

    error: str
    """ Machine-readable error code (open vocabulary: new codes may appear). Known codes: `org_id_not_allowed`
    (400), `feature_not_available`, `seat_required`, `org_limit_reached`, `key_limit_reached`,
    `billing_not_enabled`, `wrong_scope`, `insufficient_scope`, `admin_required` (403), `seat_limit_reached`
    (409), `usage_limit_exceeded` (429).
     """
    message: str | Unset = UNSET
    feature: str | Unset = UNSET
    """ `feature_not_available`: the feature the plan lacks. """
    current_tier: str | Unset = UNSET
    """ `feature_not_available`: the caller's plan. """
    upgrade_url: str | Unset = UNSET
    """ `feature_not_available`, `usage_limit_exceeded`: where to upgrade. """
    limit: int | Unset = UNSET
    """ `org_limit_reached`, `key_limit_reached`, `usage_limit_exceeded`: the plan's allowance. """
    current: int | Unset = UNSET
    """ `org_limit_reached`, `key_limit_reached`, `usage_limit_exceeded`: the amount in use. """
    dimension: str | Unset = UNSET
    """ `usage_limit_exceeded`: the exhausted usage dimension. """
    interest_path: str | Unset = UNSET
    """ `billing_not_enabled`: control-plane path to express interest in a paid plan. """
    required_scope: str | Unset = UNSET
    """ `wrong_scope` / `insufficient_scope`: the scope the route needs. """
    scope: str | Unset = UNSET
    """ Older spelling of `required_scope`. """
    purchased_seats: int | Unset = UNSET
    """ `seat_limit_reached`. """
    assigned_seats: int | Unset = UNSET
    """ `seat_limit_reached`. """
    pending_invites: int | Unset = UNSET
    """ `seat_limit_reached`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        feature = self.feature

        current_tier = self.current_tier

        upgrade_url = self.upgrade_url

        limit = self.limit

        current = self.current

        dimension = self.dimension

        interest_path = self.interest_path

        required_scope = self.required_scope

        scope = self.scope

        purchased_seats = self.purchased_seats

        assigned_seats = self.assigned_seats

        pending_invites = self.pending_invites

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if feature is not UNSET:
            field_dict["feature"] = feature
        if current_tier is not UNSET:
            field_dict["current_tier"] = current_tier
        if upgrade_url is not UNSET:
            field_dict["upgrade_url"] = upgrade_url
        if limit is not UNSET:
            field_dict["limit"] = limit
        if current is not UNSET:
            field_dict["current"] = current
        if dimension is not UNSET:
            field_dict["dimension"] = dimension
        if interest_path is not UNSET:
            field_dict["interest_path"] = interest_path
        if required_scope is not UNSET:
            field_dict["required_scope"] = required_scope
        if scope is not UNSET:
            field_dict["scope"] = scope
        if purchased_seats is not UNSET:
            field_dict["purchased_seats"] = purchased_seats
        if assigned_seats is not UNSET:
            field_dict["assigned_seats"] = assigned_seats
        if pending_invites is not UNSET:
            field_dict["pending_invites"] = pending_invites

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message", UNSET)

        feature = d.pop("feature", UNSET)

        current_tier = d.pop("current_tier", UNSET)

        upgrade_url = d.pop("upgrade_url", UNSET)

        limit = d.pop("limit", UNSET)

        current = d.pop("current", UNSET)

        dimension = d.pop("dimension", UNSET)

        interest_path = d.pop("interest_path", UNSET)

        required_scope = d.pop("required_scope", UNSET)

        scope = d.pop("scope", UNSET)

        purchased_seats = d.pop("purchased_seats", UNSET)

        assigned_seats = d.pop("assigned_seats", UNSET)

        pending_invites = d.pop("pending_invites", UNSET)

        error_info = cls(
            error=error,
            message=message,
            feature=feature,
            current_tier=current_tier,
            upgrade_url=upgrade_url,
            limit=limit,
            current=current,
            dimension=dimension,
            interest_path=interest_path,
            required_scope=required_scope,
            scope=scope,
            purchased_seats=purchased_seats,
            assigned_seats=assigned_seats,
            pending_invites=pending_invites,
        )

        error_info.additional_properties = d
        return error_info

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
