from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.team_resource_prompt_meta_type_0 import TeamResourcePromptMetaType0


T = TypeVar("T", bound="TeamResource")


@_attrs_define
class TeamResource:
    """A team customization record."""

    org_id: str
    team_id: str
    """ Assigned by the server. """
    name: str
    focus: str
    promotion_prompt: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    prompt_meta: None | TeamResourcePromptMetaType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.team_resource_prompt_meta_type_0 import TeamResourcePromptMetaType0  # noqa: PLC0415

        org_id = self.org_id

        team_id = self.team_id

        name = self.name

        focus = self.focus

        promotion_prompt = self.promotion_prompt

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        prompt_meta: dict[str, Any] | None | Unset
        if isinstance(self.prompt_meta, Unset):
            prompt_meta = UNSET
        elif isinstance(self.prompt_meta, TeamResourcePromptMetaType0):
            prompt_meta = self.prompt_meta.to_dict()
        else:
            prompt_meta = self.prompt_meta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "name": name,
                "focus": focus,
                "promotion_prompt": promotion_prompt,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if prompt_meta is not UNSET:
            field_dict["prompt_meta"] = prompt_meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.team_resource_prompt_meta_type_0 import TeamResourcePromptMetaType0  # noqa: PLC0415

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        name = d.pop("name")

        focus = d.pop("focus")

        promotion_prompt = d.pop("promotion_prompt")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_prompt_meta(data: object) -> None | TeamResourcePromptMetaType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_meta_type_0 = TeamResourcePromptMetaType0.from_dict(data)

                return prompt_meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TeamResourcePromptMetaType0 | Unset, data)

        prompt_meta = _parse_prompt_meta(d.pop("prompt_meta", UNSET))

        team_resource = cls(
            org_id=org_id,
            team_id=team_id,
            name=name,
            focus=focus,
            promotion_prompt=promotion_prompt,
            created_at=created_at,
            updated_at=updated_at,
            prompt_meta=prompt_meta,
        )

        team_resource.additional_properties = d
        return team_resource

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
