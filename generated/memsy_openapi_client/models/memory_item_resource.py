from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.memory_item_resource_entity_refs_item import MemoryItemResourceEntityRefsItem
    from ..models.memory_item_resource_payload_type_0 import MemoryItemResourcePayloadType0
    from ..models.memory_scope import MemoryScope


T = TypeVar("T", bound="MemoryItemResource")


@_attrs_define
class MemoryItemResource:
    """A stored memory as the console shows it."""

    memory_id: str
    org_id: str
    scope: MemoryScope
    """ Where a memory lives. """
    type_: str | Unset = UNSET
    """ For example `preference`, `fact` (open vocabulary). """
    kind: str | Unset = UNSET
    """ For example `semantic`, `episodic` (open vocabulary). """
    memory_kind: str | Unset = UNSET
    """ Low-level kind classification. """
    status: str | Unset = UNSET
    """ `active`, `archived` or `decayed` (open vocabulary). """
    text: str | Unset = UNSET
    confidence: float | Unset = UNSET
    """ Extraction confidence, 0-1. """
    strength: float | Unset = UNSET
    """ Reinforcement strength, 0-5, default 1.0. Not a probability. """
    recall_count: int | Unset = UNSET
    decay_half_life_days: float | Unset = UNSET
    pinned: bool | Unset = UNSET
    """ Pinned memories never decay. """
    tags: list[str] | Unset = UNSET
    entity_refs: list[MemoryItemResourceEntityRefsItem] | Unset = UNSET
    source_event_ids: list[str] | Unset = UNSET
    source_urls: list[str] | Unset = UNSET
    summary: None | str | Unset = UNSET
    payload: MemoryItemResourcePayloadType0 | None | Unset = UNSET
    """ Raw extraction payload. """
    last_recalled_at: datetime.datetime | None | Unset = UNSET
    effective_from: datetime.datetime | None | Unset = UNSET
    effective_to: datetime.datetime | None | Unset = UNSET
    """ Null means open-ended. """
    observed_at: datetime.datetime | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.memory_item_resource_payload_type_0 import MemoryItemResourcePayloadType0  # noqa: PLC0415

        memory_id = self.memory_id

        org_id = self.org_id

        scope = self.scope.to_dict()

        type_ = self.type_

        kind = self.kind

        memory_kind = self.memory_kind

        status = self.status

        text = self.text

        confidence = self.confidence

        strength = self.strength

        recall_count = self.recall_count

        decay_half_life_days = self.decay_half_life_days

        pinned = self.pinned

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        entity_refs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entity_refs, Unset):
            entity_refs = []
            for entity_refs_item_data in self.entity_refs:
                entity_refs_item = entity_refs_item_data.to_dict()
                entity_refs.append(entity_refs_item)

        source_event_ids: list[str] | Unset = UNSET
        if not isinstance(self.source_event_ids, Unset):
            source_event_ids = self.source_event_ids

        source_urls: list[str] | Unset = UNSET
        if not isinstance(self.source_urls, Unset):
            source_urls = self.source_urls

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        payload: dict[str, Any] | None | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, MemoryItemResourcePayloadType0):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        last_recalled_at: None | str | Unset
        if isinstance(self.last_recalled_at, Unset):
            last_recalled_at = UNSET
        elif isinstance(self.last_recalled_at, datetime.datetime):
            last_recalled_at = self.last_recalled_at.isoformat()
        else:
            last_recalled_at = self.last_recalled_at

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.datetime):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        effective_to: None | str | Unset
        if isinstance(self.effective_to, Unset):
            effective_to = UNSET
        elif isinstance(self.effective_to, datetime.datetime):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        observed_at: None | str | Unset
        if isinstance(self.observed_at, Unset):
            observed_at = UNSET
        elif isinstance(self.observed_at, datetime.datetime):
            observed_at = self.observed_at.isoformat()
        else:
            observed_at = self.observed_at

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "memory_id": memory_id,
                "org_id": org_id,
                "scope": scope,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if memory_kind is not UNSET:
            field_dict["memory_kind"] = memory_kind
        if status is not UNSET:
            field_dict["status"] = status
        if text is not UNSET:
            field_dict["text"] = text
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if strength is not UNSET:
            field_dict["strength"] = strength
        if recall_count is not UNSET:
            field_dict["recall_count"] = recall_count
        if decay_half_life_days is not UNSET:
            field_dict["decay_half_life_days"] = decay_half_life_days
        if pinned is not UNSET:
            field_dict["pinned"] = pinned
        if tags is not UNSET:
            field_dict["tags"] = tags
        if entity_refs is not UNSET:
            field_dict["entity_refs"] = entity_refs
        if source_event_ids is not UNSET:
            field_dict["source_event_ids"] = source_event_ids
        if source_urls is not UNSET:
            field_dict["source_urls"] = source_urls
        if summary is not UNSET:
            field_dict["summary"] = summary
        if payload is not UNSET:
            field_dict["payload"] = payload
        if last_recalled_at is not UNSET:
            field_dict["last_recalled_at"] = last_recalled_at
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to
        if observed_at is not UNSET:
            field_dict["observed_at"] = observed_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.memory_item_resource_entity_refs_item import MemoryItemResourceEntityRefsItem  # noqa: PLC0415
        from ..models.memory_item_resource_payload_type_0 import MemoryItemResourcePayloadType0  # noqa: PLC0415
        from ..models.memory_scope import MemoryScope  # noqa: PLC0415

        d = dict(src_dict)
        memory_id = d.pop("memory_id")

        org_id = d.pop("org_id")

        scope = MemoryScope.from_dict(d.pop("scope"))

        type_ = d.pop("type", UNSET)

        kind = d.pop("kind", UNSET)

        memory_kind = d.pop("memory_kind", UNSET)

        status = d.pop("status", UNSET)

        text = d.pop("text", UNSET)

        confidence = d.pop("confidence", UNSET)

        strength = d.pop("strength", UNSET)

        recall_count = d.pop("recall_count", UNSET)

        decay_half_life_days = d.pop("decay_half_life_days", UNSET)

        pinned = d.pop("pinned", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _entity_refs = d.pop("entity_refs", UNSET)
        entity_refs: list[MemoryItemResourceEntityRefsItem] | Unset = UNSET
        if _entity_refs is not UNSET:
            entity_refs = []
            for entity_refs_item_data in _entity_refs:
                entity_refs_item = MemoryItemResourceEntityRefsItem.from_dict(entity_refs_item_data)

                entity_refs.append(entity_refs_item)

        source_event_ids = cast(list[str], d.pop("source_event_ids", UNSET))

        source_urls = cast(list[str], d.pop("source_urls", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_payload(data: object) -> MemoryItemResourcePayloadType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = MemoryItemResourcePayloadType0.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoryItemResourcePayloadType0 | None | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))

        def _parse_last_recalled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_recalled_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_recalled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_recalled_at = _parse_last_recalled_at(d.pop("last_recalled_at", UNSET))

        def _parse_effective_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.datetime.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

        def _parse_effective_to(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.datetime.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        effective_to = _parse_effective_to(d.pop("effective_to", UNSET))

        def _parse_observed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                observed_at_type_0 = datetime.datetime.fromisoformat(data)

                return observed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        observed_at = _parse_observed_at(d.pop("observed_at", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        memory_item_resource = cls(
            memory_id=memory_id,
            org_id=org_id,
            scope=scope,
            type_=type_,
            kind=kind,
            memory_kind=memory_kind,
            status=status,
            text=text,
            confidence=confidence,
            strength=strength,
            recall_count=recall_count,
            decay_half_life_days=decay_half_life_days,
            pinned=pinned,
            tags=tags,
            entity_refs=entity_refs,
            source_event_ids=source_event_ids,
            source_urls=source_urls,
            summary=summary,
            payload=payload,
            last_recalled_at=last_recalled_at,
            effective_from=effective_from,
            effective_to=effective_to,
            observed_at=observed_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        memory_item_resource.additional_properties = d
        return memory_item_resource

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
