from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchRequest")


@_attrs_define
class SearchRequest:
    """A search. `limit`, `threshold` and `include_source_events` take their defaults when omitted."""

    query: str
    """ Natural-language query. """
    limit: int | Unset = 10
    """ Maximum number of results; the server may return fewer. """
    threshold: float | Unset = 0.0
    """ Minimum score; 0 disables the filter. """
    include_source_events: bool | Unset = False
    """ Embed the originating events in `metadata.source_events`. """
    actor_id: str | Unset = UNSET
    """ Only this actor's memories (plus promoted ones via `role_ids` / `team_ids`). Omit for an org-wide search.
    """
    role_ids: list[str] | Unset = UNSET
    """ Roles whose promoted memories may also be recalled. """
    team_ids: list[str] | Unset = UNSET
    """ Teams whose promoted memories may also be recalled. """
    session_id: str | Unset = UNSET
    """ An id usable as a search scope; the empty string means "unset". """
    exclude_session_id: str | Unset = UNSET
    """ An id usable as a search scope; the empty string means "unset". """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        limit = self.limit

        threshold = self.threshold

        include_source_events = self.include_source_events

        actor_id = self.actor_id

        role_ids: list[str] | Unset = UNSET
        if not isinstance(self.role_ids, Unset):
            role_ids = self.role_ids

        team_ids: list[str] | Unset = UNSET
        if not isinstance(self.team_ids, Unset):
            team_ids = self.team_ids

        session_id = self.session_id

        exclude_session_id = self.exclude_session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
            }
        )
        if limit is not UNSET:
            field_dict["limit"] = limit
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if include_source_events is not UNSET:
            field_dict["include_source_events"] = include_source_events
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if role_ids is not UNSET:
            field_dict["role_ids"] = role_ids
        if team_ids is not UNSET:
            field_dict["team_ids"] = team_ids
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if exclude_session_id is not UNSET:
            field_dict["exclude_session_id"] = exclude_session_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query = d.pop("query")

        limit = d.pop("limit", UNSET)

        threshold = d.pop("threshold", UNSET)

        include_source_events = d.pop("include_source_events", UNSET)

        actor_id = d.pop("actor_id", UNSET)

        role_ids = cast(list[str], d.pop("role_ids", UNSET))

        team_ids = cast(list[str], d.pop("team_ids", UNSET))

        session_id = d.pop("session_id", UNSET)

        exclude_session_id = d.pop("exclude_session_id", UNSET)

        search_request = cls(
            query=query,
            limit=limit,
            threshold=threshold,
            include_source_events=include_source_events,
            actor_id=actor_id,
            role_ids=role_ids,
            team_ids=team_ids,
            session_id=session_id,
            exclude_session_id=exclude_session_id,
        )

        search_request.additional_properties = d
        return search_request

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
