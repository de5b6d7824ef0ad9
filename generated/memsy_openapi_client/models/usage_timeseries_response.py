from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.timeseries_point import TimeseriesPoint


T = TypeVar("T", bound="UsageTimeseriesResponse")


@_attrs_define
class UsageTimeseriesResponse:
    """A usage time series."""

    org_id: str
    granularity: str
    """ `daily` or `hourly` (open vocabulary in responses). """
    data: list[TimeseriesPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        granularity = self.granularity

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "granularity": granularity,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeseries_point import TimeseriesPoint  # noqa: PLC0415

        d = dict(src_dict)
        org_id = d.pop("org_id")

        granularity = d.pop("granularity")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = TimeseriesPoint.from_dict(data_item_data)

            data.append(data_item)

        usage_timeseries_response = cls(
            org_id=org_id,
            granularity=granularity,
            data=data,
        )

        usage_timeseries_response.additional_properties = d
        return usage_timeseries_response

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
