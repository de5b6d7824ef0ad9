"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


class Response(Generic[T]):
    """A response from an endpoint.

    ``parsed`` (the body as the documented model) is built on first access: a caller that reads ``content``
    itself does not pay for parsing it twice. (memsy-python template override; see generator-templates/.)
    """

    __slots__ = ("status_code", "content", "headers", "_parse", "_parsed")

    def __init__(
        self,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parse: Callable[[], T | None],
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self._parse: Callable[[], T | None] | None = parse
        self._parsed: T | None = None

    @property
    def parsed(self) -> T | None:
        if self._parse is not None:
            self._parsed, self._parse = self._parse(), None
        return self._parsed

    def __repr__(self) -> str:
        return f"Response(status_code={self.status_code!r}, content={len(self.content)} bytes)"


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
