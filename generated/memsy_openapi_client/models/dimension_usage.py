from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DimensionUsage")


@_attrs_define
class DimensionUsage:
    """Consumption of one usage dimension."""

    dimension: str
    """ For example `api_calls`, `events_ingested` (open vocabulary). """
    used: int
    limit: int | None | Unset = UNSET
    overage_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension

        used = self.used

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        overage_rate: float | None | Unset
        if isinstance(self.overage_rate, Unset):
            overage_rate = UNSET
        else:
            overage_rate = self.overage_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dimension": dimension,
                "used": used,
            }
        )
        if limit is not UNSET:
            field_dict["limit"] = limit
        if overage_rate is not UNSET:
            field_dict["overage_rate"] = overage_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = d.pop("dimension")

        used = d.pop("used")

        def _parse_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        def _parse_overage_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        overage_rate = _parse_overage_rate(d.pop("overage_rate", UNSET))

        dimension_usage = cls(
            dimension=dimension,
            used=used,
            limit=limit,
            overage_rate=overage_rate,
        )

        dimension_usage.additional_properties = d
        return dimension_usage

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
