from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsageInfo")


@_attrs_define
class UsageInfo:
    """Plan consumption as the `X-Usage-*` and `X-Plan` response headers report it, gathered into one object for
    clients and docs. It is never a body: each property is read from the response header its `x-memsy-header`
    names (the header component of the same name documents it), and is absent when that header is absent or
    cannot be parsed.

    """

    api_calls: int | Unset = UNSET
    """ API calls used this billing period. """
    api_calls_limit: int | Unset = UNSET
    """ API calls allowed this billing period. """
    events_ingested: int | Unset = UNSET
    """ Events ingested this billing period. """
    events_ingested_limit: int | Unset = UNSET
    """ Events allowed this billing period. """
    memory_stored: int | Unset = UNSET
    """ Memories currently stored. """
    memory_stored_limit: int | Unset = UNSET
    """ Memories the plan may store. """
    llm_tokens: int | Unset = UNSET
    """ LLM tokens consumed by extraction this billing period. """
    llm_tokens_limit: int | Unset = UNSET
    """ LLM tokens allowed this billing period. """
    search_queries: int | Unset = UNSET
    """ Search queries issued this billing period. """
    search_queries_limit: int | Unset = UNSET
    """ Search queries allowed this billing period. """
    plan: str | Unset = UNSET
    """ Plan name, for example `free` or `pro` (open vocabulary). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_calls = self.api_calls

        api_calls_limit = self.api_calls_limit

        events_ingested = self.events_ingested

        events_ingested_limit = self.events_ingested_limit

        memory_stored = self.memory_stored

        memory_stored_limit = self.memory_stored_limit

        llm_tokens = self.llm_tokens

        llm_tokens_limit = self.llm_tokens_limit

        search_queries = self.search_queries

        search_queries_limit = self.search_queries_limit

        plan = self.plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_calls is not UNSET:
            field_dict["api_calls"] = api_calls
        if api_calls_limit is not UNSET:
            field_dict["api_calls_limit"] = api_calls_limit
        if events_ingested is not UNSET:
            field_dict["events_ingested"] = events_ingested
        if events_ingested_limit is not UNSET:
            field_dict["events_ingested_limit"] = events_ingested_limit
        if memory_stored is not UNSET:
            field_dict["memory_stored"] = memory_stored
        if memory_stored_limit is not UNSET:
            field_dict["memory_stored_limit"] = memory_stored_limit
        if llm_tokens is not UNSET:
            field_dict["llm_tokens"] = llm_tokens
        if llm_tokens_limit is not UNSET:
            field_dict["llm_tokens_limit"] = llm_tokens_limit
        if search_queries is not UNSET:
            field_dict["search_queries"] = search_queries
        if search_queries_limit is not UNSET:
            field_dict["search_queries_limit"] = search_queries_limit
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_calls = d.pop("api_calls", UNSET)

        api_calls_limit = d.pop("api_calls_limit", UNSET)

        events_ingested = d.pop("events_ingested", UNSET)

        events_ingested_limit = d.pop("events_ingested_limit", UNSET)

        memory_stored = d.pop("memory_stored", UNSET)

        memory_stored_limit = d.pop("memory_stored_limit", UNSET)

        llm_tokens = d.pop("llm_tokens", UNSET)

        llm_tokens_limit = d.pop("llm_tokens_limit", UNSET)

        search_queries = d.pop("search_queries", UNSET)

        search_queries_limit = d.pop("search_queries_limit", UNSET)

        plan = d.pop("plan", UNSET)

        usage_info = cls(
            api_calls=api_calls,
            api_calls_limit=api_calls_limit,
            events_ingested=events_ingested,
            events_ingested_limit=events_ingested_limit,
            memory_stored=memory_stored,
            memory_stored_limit=memory_stored_limit,
            llm_tokens=llm_tokens,
            llm_tokens_limit=llm_tokens_limit,
            search_queries=search_queries,
            search_queries_limit=search_queries_limit,
            plan=plan,
        )

        usage_info.additional_properties = d
        return usage_info

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
