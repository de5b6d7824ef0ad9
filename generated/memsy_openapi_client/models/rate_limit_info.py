from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateLimitInfo")


@_attrs_define
class RateLimitInfo:
    """The rate-limit window of the `api_calls` dimension as the `X-RateLimit-*` response headers report it,
    gathered into one object. Never a body: each property is read from the header its `x-memsy-header` names,
    and is absent when that header is absent or cannot be parsed.

    """

    limit: int | Unset = UNSET
    """ Limit of the `api_calls` dimension for the current window. """
    remaining: int | Unset = UNSET
    """ Calls remaining in the current window, clamped at 0. """
    reset: int | Unset = UNSET
    """ Unix time (seconds, UTC) at which the current window ends. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        remaining = self.remaining

        reset = self.reset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if limit is not UNSET:
            field_dict["limit"] = limit
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if reset is not UNSET:
            field_dict["reset"] = reset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit", UNSET)

        remaining = d.pop("remaining", UNSET)

        reset = d.pop("reset", UNSET)

        rate_limit_info = cls(
            limit=limit,
            remaining=remaining,
            reset=reset,
        )

        rate_limit_info.additional_properties = d
        return rate_limit_info

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
