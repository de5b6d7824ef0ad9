from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SourceEvent")


@_attrs_define
class SourceEvent:
    """An event a memory was extracted from."""

    event_id: str
    kind: str
    """ The event's kind (an `EventKind` value; open vocabulary in responses). """
    content: str
    ts: datetime.datetime | None | Unset = UNSET
    """ ISO-8601 timestamp. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        kind = self.kind

        content = self.content

        ts: None | str | Unset
        if isinstance(self.ts, Unset):
            ts = UNSET
        elif isinstance(self.ts, datetime.datetime):
            ts = self.ts.isoformat()
        else:
            ts = self.ts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "kind": kind,
                "content": content,
            }
        )
        if ts is not UNSET:
            field_dict["ts"] = ts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        kind = d.pop("kind")

        content = d.pop("content")

        def _parse_ts(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ts_type_0 = datetime.datetime.fromisoformat(data)

                return ts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ts = _parse_ts(d.pop("ts", UNSET))

        source_event = cls(
            event_id=event_id,
            kind=kind,
            content=content,
            ts=ts,
        )

        source_event.additional_properties = d
        return source_event

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
