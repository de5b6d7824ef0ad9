from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActorResource")


@_attrs_define
class ActorResource:
    """An actor, derived from its memories."""

    actor_id: str
    first_memory_at: datetime.datetime | None | Unset = UNSET
    """ Earliest `created_at` among the actor's surviving memories (not a creation time). """
    last_memory_at: datetime.datetime | None | Unset = UNSET
    """ Latest `created_at` among the actor's memories; reads do not advance it. """
    memory_count: int | Unset = UNSET
    active_memory_count: int | Unset = UNSET
    scope_levels: list[str] | Unset = UNSET
    """ Scope levels of the actor's memories (open vocabulary, see `MemoryScope.level`). """
    role_ids: list[str] | Unset = UNSET
    team_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_id = self.actor_id

        first_memory_at: None | str | Unset
        if isinstance(self.first_memory_at, Unset):
            first_memory_at = UNSET
        elif isinstance(self.first_memory_at, datetime.datetime):
            first_memory_at = self.first_memory_at.isoformat()
        else:
            first_memory_at = self.first_memory_at

        last_memory_at: None | str | Unset
        if isinstance(self.last_memory_at, Unset):
            last_memory_at = UNSET
        elif isinstance(self.last_memory_at, datetime.datetime):
            last_memory_at = self.last_memory_at.isoformat()
        else:
            last_memory_at = self.last_memory_at

        memory_count = self.memory_count

        active_memory_count = self.active_memory_count

        scope_levels: list[str] | Unset = UNSET
        if not isinstance(self.scope_levels, Unset):
            scope_levels = self.scope_levels

        role_ids: list[str] | Unset = UNSET
        if not isinstance(self.role_ids, Unset):
            role_ids = self.role_ids

        team_ids: list[str] | Unset = UNSET
        if not isinstance(self.team_ids, Unset):
            team_ids = self.team_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_id": actor_id,
            }
        )
        if first_memory_at is not UNSET:
            field_dict["first_memory_at"] = first_memory_at
        if last_memory_at is not UNSET:
            field_dict["last_memory_at"] = last_memory_at
        if memory_count is not UNSET:
            field_dict["memory_count"] = memory_count
        if active_memory_count is not UNSET:
            field_dict["active_memory_count"] = active_memory_count
        if scope_levels is not UNSET:
            field_dict["scope_levels"] = scope_levels
        if role_ids is not UNSET:
            field_dict["role_ids"] = role_ids
        if team_ids is not UNSET:
            field_dict["team_ids"] = team_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_id = d.pop("actor_id")

        def _parse_first_memory_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_memory_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_memory_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        first_memory_at = _parse_first_memory_at(d.pop("first_memory_at", UNSET))

        def _parse_last_memory_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_memory_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_memory_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_memory_at = _parse_last_memory_at(d.pop("last_memory_at", UNSET))

        memory_count = d.pop("memory_count", UNSET)

        active_memory_count = d.pop("active_memory_count", UNSET)

        scope_levels = cast(list[str], d.pop("scope_levels", UNSET))

        role_ids = cast(list[str], d.pop("role_ids", UNSET))

        team_ids = cast(list[str], d.pop("team_ids", UNSET))

        actor_resource = cls(
            actor_id=actor_id,
            first_memory_at=first_memory_at,
            last_memory_at=last_memory_at,
            memory_count=memory_count,
            active_memory_count=active_memory_count,
            scope_levels=scope_levels,
            role_ids=role_ids,
            team_ids=team_ids,
        )

        actor_resource.additional_properties = d
        return actor_resource

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
