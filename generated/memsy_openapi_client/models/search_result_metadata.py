from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_result_metadata_entities_item import SearchResultMetadataEntitiesItem
    from ..models.source_event import SourceEvent
    from ..models.source_metadata import SourceMetadata


T = TypeVar("T", bound="SearchResultMetadata")


@_attrs_define
class SearchResultMetadata:
    """Open bag of server-attached fields. Every key is optional and new keys may appear."""

    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    entities: list[SearchResultMetadataEntitiesItem] | Unset = UNSET
    kind: str | Unset = UNSET
    """ Memory kind, for example `semantic`, `episodic` (open vocabulary). """
    type_: str | Unset = UNSET
    """ Memory type, for example `preference`, `fact` (open vocabulary). """
    strength: float | Unset = UNSET
    """ Reinforcement, 0-5, starts at 1.0, grows on recall, decays when unused. Not a probability. """
    confidence: float | Unset = UNSET
    """ Extraction confidence, 0-1. """
    observed_at: datetime.datetime | Unset = UNSET
    """ ISO-8601 timestamp. """
    actor_id: str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    """ Conversation the memory belongs to; null or absent when it belongs to none. """
    source_event_ids: list[str] | Unset = UNSET
    source_events: list[SourceEvent] | Unset = UNSET
    """ Originating events; present when `include_source_events` was true. """
    source_metadata: list[SourceMetadata] | Unset = UNSET
    """ User metadata of the originating events, at most 5 entries. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        summary = self.summary

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        entities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entities, Unset):
            entities = []
            for entities_item_data in self.entities:
                entities_item = entities_item_data.to_dict()
                entities.append(entities_item)

        kind = self.kind

        type_ = self.type_

        strength = self.strength

        confidence = self.confidence

        observed_at: str | Unset = UNSET
        if not isinstance(self.observed_at, Unset):
            observed_at = self.observed_at.isoformat()

        actor_id = self.actor_id

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        source_event_ids: list[str] | Unset = UNSET
        if not isinstance(self.source_event_ids, Unset):
            source_event_ids = self.source_event_ids

        source_events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.source_events, Unset):
            source_events = []
            for source_events_item_data in self.source_events:
                source_events_item = source_events_item_data.to_dict()
                source_events.append(source_events_item)

        source_metadata: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.source_metadata, Unset):
            source_metadata = []
            for source_metadata_item_data in self.source_metadata:
                source_metadata_item = source_metadata_item_data.to_dict()
                source_metadata.append(source_metadata_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if tags is not UNSET:
            field_dict["tags"] = tags
        if entities is not UNSET:
            field_dict["entities"] = entities
        if kind is not UNSET:
            field_dict["kind"] = kind
        if type_ is not UNSET:
            field_dict["type"] = type_
        if strength is not UNSET:
            field_dict["strength"] = strength
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if observed_at is not UNSET:
            field_dict["observed_at"] = observed_at
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if source_event_ids is not UNSET:
            field_dict["source_event_ids"] = source_event_ids
        if source_events is not UNSET:
            field_dict["source_events"] = source_events
        if source_metadata is not UNSET:
            field_dict["source_metadata"] = source_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_result_metadata_entities_item import SearchResultMetadataEntitiesItem  # noqa: PLC0415
        from ..models.source_event import SourceEvent  # noqa: PLC0415
        from ..models.source_metadata import SourceMetadata  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _entities = d.pop("entities", UNSET)
        entities: list[SearchResultMetadataEntitiesItem] | Unset = UNSET
        if _entities is not UNSET:
            entities = []
            for entities_item_data in _entities:
                entities_item = SearchResultMetadataEntitiesItem.from_dict(entities_item_data)

                entities.append(entities_item)

        kind = d.pop("kind", UNSET)

        type_ = d.pop("type", UNSET)

        strength = d.pop("strength", UNSET)

        confidence = d.pop("confidence", UNSET)

        _observed_at = d.pop("observed_at", UNSET)
        observed_at: datetime.datetime | Unset
        if isinstance(_observed_at, Unset):
            observed_at = UNSET
        else:
            observed_at = datetime.datetime.fromisoformat(_observed_at)

        actor_id = d.pop("actor_id", UNSET)

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        source_event_ids = cast(list[str], d.pop("source_event_ids", UNSET))

        _source_events = d.pop("source_events", UNSET)
        source_events: list[SourceEvent] | Unset = UNSET
        if _source_events is not UNSET:
            source_events = []
            for source_events_item_data in _source_events:
                source_events_item = SourceEvent.from_dict(source_events_item_data)

                source_events.append(source_events_item)

        _source_metadata = d.pop("source_metadata", UNSET)
        source_metadata: list[SourceMetadata] | Unset = UNSET
        if _source_metadata is not UNSET:
            source_metadata = []
            for source_metadata_item_data in _source_metadata:
                source_metadata_item = SourceMetadata.from_dict(source_metadata_item_data)

                source_metadata.append(source_metadata_item)

        search_result_metadata = cls(
            title=title,
            summary=summary,
            tags=tags,
            entities=entities,
            kind=kind,
            type_=type_,
            strength=strength,
            confidence=confidence,
            observed_at=observed_at,
            actor_id=actor_id,
            session_id=session_id,
            source_event_ids=source_event_ids,
            source_events=source_events,
            source_metadata=source_metadata,
        )

        search_result_metadata.additional_properties = d
        return search_result_metadata

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
