from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.memory_stats_response_by_kind import MemoryStatsResponseByKind
    from ..models.memory_stats_response_by_status import MemoryStatsResponseByStatus
    from ..models.memory_stats_response_by_type import MemoryStatsResponseByType
    from ..models.memory_stats_response_confidence_buckets_type_0_item import (
        MemoryStatsResponseConfidenceBucketsType0Item,
    )
    from ..models.memory_stats_response_date_range_type_0 import MemoryStatsResponseDateRangeType0
    from ..models.memory_stats_response_top_entities_item import MemoryStatsResponseTopEntitiesItem


T = TypeVar("T", bound="MemoryStatsResponse")


@_attrs_define
class MemoryStatsResponse:
    """Aggregates over the org's memories."""

    total: int
    total_memories: int
    active_memories: int
    avg_confidence: float
    avg_strength: float
    by_type: MemoryStatsResponseByType | Unset = UNSET
    by_kind: MemoryStatsResponseByKind | Unset = UNSET
    by_status: MemoryStatsResponseByStatus | Unset = UNSET
    top_entities: list[MemoryStatsResponseTopEntitiesItem] | Unset = UNSET
    confidence_buckets: list[MemoryStatsResponseConfidenceBucketsType0Item] | None | Unset = UNSET
    date_range: MemoryStatsResponseDateRangeType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.memory_stats_response_date_range_type_0 import MemoryStatsResponseDateRangeType0  # noqa: PLC0415

        total = self.total

        total_memories = self.total_memories

        active_memories = self.active_memories

        avg_confidence = self.avg_confidence

        avg_strength = self.avg_strength

        by_type: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_type, Unset):
            by_type = self.by_type.to_dict()

        by_kind: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_kind, Unset):
            by_kind = self.by_kind.to_dict()

        by_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_status, Unset):
            by_status = self.by_status.to_dict()

        top_entities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.top_entities, Unset):
            top_entities = []
            for top_entities_item_data in self.top_entities:
                top_entities_item = top_entities_item_data.to_dict()
                top_entities.append(top_entities_item)

        confidence_buckets: list[dict[str, Any]] | None | Unset
        if isinstance(self.confidence_buckets, Unset):
            confidence_buckets = UNSET
        elif isinstance(self.confidence_buckets, list):
            confidence_buckets = []
            for confidence_buckets_type_0_item_data in self.confidence_buckets:
                confidence_buckets_type_0_item = confidence_buckets_type_0_item_data.to_dict()
                confidence_buckets.append(confidence_buckets_type_0_item)

        else:
            confidence_buckets = self.confidence_buckets

        date_range: dict[str, Any] | None | Unset
        if isinstance(self.date_range, Unset):
            date_range = UNSET
        elif isinstance(self.date_range, MemoryStatsResponseDateRangeType0):
            date_range = self.date_range.to_dict()
        else:
            date_range = self.date_range

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "total_memories": total_memories,
                "active_memories": active_memories,
                "avg_confidence": avg_confidence,
                "avg_strength": avg_strength,
            }
        )
        if by_type is not UNSET:
            field_dict["by_type"] = by_type
        if by_kind is not UNSET:
            field_dict["by_kind"] = by_kind
        if by_status is not UNSET:
            field_dict["by_status"] = by_status
        if top_entities is not UNSET:
            field_dict["top_entities"] = top_entities
        if confidence_buckets is not UNSET:
            field_dict["confidence_buckets"] = confidence_buckets
        if date_range is not UNSET:
            field_dict["date_range"] = date_range

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.memory_stats_response_by_kind import MemoryStatsResponseByKind  # noqa: PLC0415
        from ..models.memory_stats_response_by_status import MemoryStatsResponseByStatus  # noqa: PLC0415
        from ..models.memory_stats_response_by_type import MemoryStatsResponseByType  # noqa: PLC0415
        from ..models.memory_stats_response_confidence_buckets_type_0_item import (
            MemoryStatsResponseConfidenceBucketsType0Item,  # noqa: PLC0415
        )
        from ..models.memory_stats_response_date_range_type_0 import MemoryStatsResponseDateRangeType0  # noqa: PLC0415
        from ..models.memory_stats_response_top_entities_item import MemoryStatsResponseTopEntitiesItem  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        total_memories = d.pop("total_memories")

        active_memories = d.pop("active_memories")

        avg_confidence = d.pop("avg_confidence")

        avg_strength = d.pop("avg_strength")

        _by_type = d.pop("by_type", UNSET)
        by_type: MemoryStatsResponseByType | Unset
        if isinstance(_by_type, Unset):
            by_type = UNSET
        else:
            by_type = MemoryStatsResponseByType.from_dict(_by_type)

        _by_kind = d.pop("by_kind", UNSET)
        by_kind: MemoryStatsResponseByKind | Unset
        if isinstance(_by_kind, Unset):
            by_kind = UNSET
        else:
            by_kind = MemoryStatsResponseByKind.from_dict(_by_kind)

        _by_status = d.pop("by_status", UNSET)
        by_status: MemoryStatsResponseByStatus | Unset
        if isinstance(_by_status, Unset):
            by_status = UNSET
        else:
            by_status = MemoryStatsResponseByStatus.from_dict(_by_status)

        _top_entities = d.pop("top_entities", UNSET)
        top_entities: list[MemoryStatsResponseTopEntitiesItem] | Unset = UNSET
        if _top_entities is not UNSET:
            top_entities = []
            for top_entities_item_data in _top_entities:
                top_entities_item = MemoryStatsResponseTopEntitiesItem.from_dict(top_entities_item_data)

                top_entities.append(top_entities_item)

        def _parse_confidence_buckets(
            data: object,
        ) -> list[MemoryStatsResponseConfidenceBucketsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                confidence_buckets_type_0 = []
                _confidence_buckets_type_0 = data
                for confidence_buckets_type_0_item_data in _confidence_buckets_type_0:
                    confidence_buckets_type_0_item = MemoryStatsResponseConfidenceBucketsType0Item.from_dict(
                        confidence_buckets_type_0_item_data
                    )

                    confidence_buckets_type_0.append(confidence_buckets_type_0_item)

                return confidence_buckets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MemoryStatsResponseConfidenceBucketsType0Item] | None | Unset, data)

        confidence_buckets = _parse_confidence_buckets(d.pop("confidence_buckets", UNSET))

        def _parse_date_range(data: object) -> MemoryStatsResponseDateRangeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                date_range_type_0 = MemoryStatsResponseDateRangeType0.from_dict(data)

                return date_range_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoryStatsResponseDateRangeType0 | None | Unset, data)

        date_range = _parse_date_range(d.pop("date_range", UNSET))

        memory_stats_response = cls(
            total=total,
            total_memories=total_memories,
            active_memories=active_memories,
            avg_confidence=avg_confidence,
            avg_strength=avg_strength,
            by_type=by_type,
            by_kind=by_kind,
            by_status=by_status,
            top_entities=top_entities,
            confidence_buckets=confidence_buckets,
            date_range=date_range,
        )

        memory_stats_response.additional_properties = d
        return memory_stats_response

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
