from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_response_statuses_type_0 import StatusResponseStatusesType0


T = TypeVar("T", bound="StatusResponse")


@_attrs_define
class StatusResponse:
    """Processing state of the queried ids. **camelCase on the wire.** `total` is the number of ids queried.
    `statuses` maps each id to its state (`pending`, `completed`, `failed`, or `unknown` for an id the server
    does not know; open vocabulary). `unknownIds` lists ids the server does not know.

    """

    completed_ids: list[str]
    """ Extracted, embedded and indexed; searchable. """
    failed_ids: list[str]
    """ Extraction failed; these will never become memories. """
    pending_ids: list[str]
    """ Queued or in progress. """
    total: int
    statuses: None | StatusResponseStatusesType0 | Unset = UNSET
    """ Per-id state. """
    unknown_ids: list[str] | Unset = UNSET
    """ Ids the server does not know. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.status_response_statuses_type_0 import StatusResponseStatusesType0  # noqa: PLC0415

        completed_ids = self.completed_ids

        failed_ids = self.failed_ids

        pending_ids = self.pending_ids

        total = self.total

        statuses: dict[str, Any] | None | Unset
        if isinstance(self.statuses, Unset):
            statuses = UNSET
        elif isinstance(self.statuses, StatusResponseStatusesType0):
            statuses = self.statuses.to_dict()
        else:
            statuses = self.statuses

        unknown_ids: list[str] | Unset = UNSET
        if not isinstance(self.unknown_ids, Unset):
            unknown_ids = self.unknown_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completedIds": completed_ids,
                "failedIds": failed_ids,
                "pendingIds": pending_ids,
                "total": total,
            }
        )
        if statuses is not UNSET:
            field_dict["statuses"] = statuses
        if unknown_ids is not UNSET:
            field_dict["unknownIds"] = unknown_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_response_statuses_type_0 import StatusResponseStatusesType0  # noqa: PLC0415

        d = dict(src_dict)
        completed_ids = cast(list[str], d.pop("completedIds"))

        failed_ids = cast(list[str], d.pop("failedIds"))

        pending_ids = cast(list[str], d.pop("pendingIds"))

        total = d.pop("total")

        def _parse_statuses(data: object) -> None | StatusResponseStatusesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                statuses_type_0 = StatusResponseStatusesType0.from_dict(data)

                return statuses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusResponseStatusesType0 | Unset, data)

        statuses = _parse_statuses(d.pop("statuses", UNSET))

        unknown_ids = cast(list[str], d.pop("unknownIds", UNSET))

        status_response = cls(
            completed_ids=completed_ids,
            failed_ids=failed_ids,
            pending_ids=pending_ids,
            total=total,
            statuses=statuses,
            unknown_ids=unknown_ids,
        )

        status_response.additional_properties = d
        return status_response

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
