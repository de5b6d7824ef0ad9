from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.health_response_components_type_0 import HealthResponseComponentsType0


T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
    """Liveness of a plane."""

    status: str
    """ `ok` when healthy (open vocabulary). """
    version: str | Unset = UNSET
    billing_enabled: bool | None | Unset = UNSET
    """ Whether billing is configured (control plane). """
    components: HealthResponseComponentsType0 | None | Unset = UNSET
    """ Per-component status. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.health_response_components_type_0 import HealthResponseComponentsType0  # noqa: PLC0415

        status = self.status

        version = self.version

        billing_enabled: bool | None | Unset
        if isinstance(self.billing_enabled, Unset):
            billing_enabled = UNSET
        else:
            billing_enabled = self.billing_enabled

        components: dict[str, Any] | None | Unset
        if isinstance(self.components, Unset):
            components = UNSET
        elif isinstance(self.components, HealthResponseComponentsType0):
            components = self.components.to_dict()
        else:
            components = self.components

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if billing_enabled is not UNSET:
            field_dict["billing_enabled"] = billing_enabled
        if components is not UNSET:
            field_dict["components"] = components

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_response_components_type_0 import HealthResponseComponentsType0  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        version = d.pop("version", UNSET)

        def _parse_billing_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        billing_enabled = _parse_billing_enabled(d.pop("billing_enabled", UNSET))

        def _parse_components(data: object) -> HealthResponseComponentsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                components_type_0 = HealthResponseComponentsType0.from_dict(data)

                return components_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthResponseComponentsType0 | None | Unset, data)

        components = _parse_components(d.pop("components", UNSET))

        health_response = cls(
            status=status,
            version=version,
            billing_enabled=billing_enabled,
            components=components,
        )

        health_response.additional_properties = d
        return health_response

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
