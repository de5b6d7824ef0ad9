"""What one API call is before it is sent (:class:`Call`), the per-call options a caller may add to it, and the
small readers of answers that are not a model. No I/O here: the clients of :mod:`memsy._core` run calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._model import ResourceList

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")
R = TypeVar("R")


@dataclass(slots=True)
class Call(Generic[T]):
    """One request to make: its operation, the keyword arguments of ``httpx.Client.request`` (method, url,
    params, json), the reader of its answer, and whether repeating it cannot do harm."""

    operation: str
    request: dict[str, Any]
    read: Callable[[Any], T]
    retry_safe: bool = False
    """Reads, updates, and the POSTs the overlay marks (ingest thanks to server dedup, search, status)."""

    @property
    def name(self) -> str:
        return self.operation


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """Per-call options (openai-python's names): they change this one request only."""

    timeout: float | httpx.Timeout | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None


def request_options(
    timeout: float | httpx.Timeout | None,
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, Any] | None,
    extra_body: Mapping[str, Any] | None = None,
) -> RequestOptions | None:
    """The options of a method call, or None when it has none (the common case costs one comparison)."""
    if timeout is None and extra_headers is None and extra_query is None and extra_body is None:
        return None
    return RequestOptions(timeout, extra_headers, extra_query, extra_body)


def _unset_if_none(value: Any) -> Any:
    from memsy_openapi_client.types import UNSET

    return UNSET if value is None else value


def _nothing(_: Any) -> None:
    return None


def _listed(read: Callable[[Any], R]) -> Callable[[Any], ResourceList[R]]:
    """The reader of a bare JSON array of models."""

    def parse(body: Any) -> ResourceList[R]:
        if type(body) is not list:
            raise TypeError(f"expected a JSON array, got {type(body).__name__}")
        return ResourceList([read(item) for item in body])

    return parse


def _unwrap_records(name: str) -> Callable[[Any], ResourceList[dict[str, Any]]]:
    """The reader of a body whose one property is a list of free-form records (an empty answer is none)."""

    def parse(body: Any) -> ResourceList[dict[str, Any]]:
        if body is None:
            return ResourceList()
        if type(body) is not dict:
            raise TypeError(f"expected a JSON object, got {type(body).__name__}")
        records = body[name]
        return ResourceList([r for r in records if type(r) is dict] if type(records) is list else [])

    return parse


def _unwrap_bool(name: str) -> Callable[[Any], bool]:
    def parse(body: Any) -> bool:
        if type(body) is not dict:
            raise TypeError(f"expected a JSON object, got {type(body).__name__}")
        return body.get(name) is True

    return parse
