from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_resource import ActorResource


T = TypeVar("T", bound="ActorListResponse")


@_attrs_define
class ActorListResponse:
    """One page of actors."""

    total: int
    """ Distinct actors after the `q` filter (a lower bound when `truncated`). """
    limit: int
    offset: int
    items: list[ActorResource] | Unset = UNSET
    truncated: bool | Unset = UNSET
    """ The server stopped at its row-scan cap; the page may miss actors and counts are low. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        limit = self.limit

        offset = self.offset

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "limit": limit,
                "offset": offset,
            }
        )
        if items is not UNSET:
            field_dict["items"] = items
        if truncated is not UNSET:
            field_dict["truncated"] = truncated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_resource import ActorResource  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        limit = d.pop("limit")

        offset = d.pop("offset")

        _items = d.pop("items", UNSET)
        items: list[ActorResource] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ActorResource.from_dict(items_item_data)

                items.append(items_item)

        truncated = d.pop("truncated", UNSET)

        actor_list_response = cls(
            total=total,
            limit=limit,
            offset=offset,
            items=items,
            truncated=truncated,
        )

        actor_list_response.additional_properties = d
        return actor_list_response

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
