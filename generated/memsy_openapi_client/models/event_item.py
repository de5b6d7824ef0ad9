from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_item_metadata_type_0 import EventItemMetadataType0


T = TypeVar("T", bound="EventItem")


@_attrs_define
class EventItem:
    """An ingested event as the console shows it. `metadata` is an object here (a string on ingest)."""

    event_id: str
    org_id: str
    actor_id: str
    kind: str
    """ An `EventKind` value (open vocabulary in responses). """
    content: str
    ts: datetime.datetime
    """ ISO-8601 timestamp. """
    session_id: None | str | Unset = UNSET
    metadata: EventItemMetadataType0 | None | Unset = UNSET
    """ Parsed metadata; text that was not a JSON object is kept as `{"raw": "<text>"}`. """
    ingested_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_item_metadata_type_0 import EventItemMetadataType0  # noqa: PLC0415

        event_id = self.event_id

        org_id = self.org_id

        actor_id = self.actor_id

        kind = self.kind

        content = self.content

        ts = self.ts.isoformat()

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, EventItemMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        ingested_at: None | str | Unset
        if isinstance(self.ingested_at, Unset):
            ingested_at = UNSET
        elif isinstance(self.ingested_at, datetime.datetime):
            ingested_at = self.ingested_at.isoformat()
        else:
            ingested_at = self.ingested_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "org_id": org_id,
                "actor_id": actor_id,
                "kind": kind,
                "content": content,
                "ts": ts,
            }
        )
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if ingested_at is not UNSET:
            field_dict["ingested_at"] = ingested_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_item_metadata_type_0 import EventItemMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("event_id")

        org_id = d.pop("org_id")

        actor_id = d.pop("actor_id")

        kind = d.pop("kind")

        content = d.pop("content")

        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_metadata(data: object) -> EventItemMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = EventItemMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventItemMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_ingested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ingested_at_type_0 = datetime.datetime.fromisoformat(data)

                return ingested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ingested_at = _parse_ingested_at(d.pop("ingested_at", UNSET))

        event_item = cls(
            event_id=event_id,
            org_id=org_id,
            actor_id=actor_id,
            kind=kind,
            content=content,
            ts=ts,
            session_id=session_id,
            metadata=metadata,
            ingested_at=ingested_at,
        )

        event_item.additional_properties = d
        return event_item

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
