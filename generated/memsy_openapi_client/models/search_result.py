from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_result_metadata import SearchResultMetadata


T = TypeVar("T", bound="SearchResult")


@_attrs_define
class SearchResult:
    """One memory matching the query."""

    id: str
    """ Memory id. """
    content: str
    """ Memory text. """
    score: float
    """ Relevance; higher is closer. Scale depends on the plan; not comparable across queries. """
    metadata: None | SearchResultMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.search_result_metadata import SearchResultMetadata  # noqa: PLC0415

        id = self.id

        content = self.content

        score = self.score

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SearchResultMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "content": content,
                "score": score,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_result_metadata import SearchResultMetadata  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        content = d.pop("content")

        score = d.pop("score")

        def _parse_metadata(data: object) -> None | SearchResultMetadata | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = SearchResultMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchResultMetadata | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        search_result = cls(
            id=id,
            content=content,
            score=score,
            metadata=metadata,
        )

        search_result.additional_properties = d
        return search_result

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
