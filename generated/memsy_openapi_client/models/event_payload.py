from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_kind import EventKind, check_event_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="EventPayload")


@_attrs_define
class EventPayload:
    """One conversation event to ingest."""

    actor_id: str
    """ Stable id of who the memory is about. Must contain a non-whitespace character. """
    session_id: str
    """ Conversation or thread grouping. Must contain a non-whitespace character. Ingest accepts any
    characters, but only ids in the searchable-id set (`A-Z a-z 0-9 _ - : . @ /`) can be used as a search
    scope later.
     """
    kind: EventKind
    """ What produced an event. A closed set on input. """
    content: str
    """ The event body (message text, tool output, ...). Must contain a non-whitespace character. """
    role_id: None | str | Unset = UNSET
    """ Role the event is attributed to; extraction uses that role's promotion prompt. Whitespace-only is stored as
    null. """
    team_id: None | str | Unset = UNSET
    """ Team the event is scoped to. Whitespace-only is stored as null. """
    ts: datetime.datetime | Unset = UNSET
    """ When the event happened; the server stamps "now" when omitted. Supply it when backfilling. """
    metadata: str | Unset = UNSET
    """ Application metadata as a JSON document serialised to text (not an object). Text that is not a JSON
    object is accepted and kept as `{"raw": "<text>"}`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_id = self.actor_id

        session_id = self.session_id

        kind: str = self.kind

        content = self.content

        role_id: None | str | Unset
        if isinstance(self.role_id, Unset):
            role_id = UNSET
        else:
            role_id = self.role_id

        team_id: None | str | Unset
        if isinstance(self.team_id, Unset):
            team_id = UNSET
        else:
            team_id = self.team_id

        ts: str | Unset = UNSET
        if not isinstance(self.ts, Unset):
            ts = self.ts.isoformat()

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_id": actor_id,
                "session_id": session_id,
                "kind": kind,
                "content": content,
            }
        )
        if role_id is not UNSET:
            field_dict["role_id"] = role_id
        if team_id is not UNSET:
            field_dict["team_id"] = team_id
        if ts is not UNSET:
            field_dict["ts"] = ts
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_id = d.pop("actor_id")

        session_id = d.pop("session_id")

        kind = check_event_kind(d.pop("kind"))

        content = d.pop("content")

        def _parse_role_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role_id = _parse_role_id(d.pop("role_id", UNSET))

        def _parse_team_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_id = _parse_team_id(d.pop("team_id", UNSET))

        _ts = d.pop("ts", UNSET)
        ts: datetime.datetime | Unset
        if isinstance(_ts, Unset):
            ts = UNSET
        else:
            ts = datetime.datetime.fromisoformat(_ts)

        metadata = d.pop("metadata", UNSET)

        event_payload = cls(
            actor_id=actor_id,
            session_id=session_id,
            kind=kind,
            content=content,
            role_id=role_id,
            team_id=team_id,
            ts=ts,
            metadata=metadata,
        )

        event_payload.additional_properties = d
        return event_payload

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
