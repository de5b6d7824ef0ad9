"""Error answers of memsy.local, in the service's envelope shapes (see the contract's ErrorResponse and
ValidationErrorResponse)."""

from __future__ import annotations

from functools import cache
from typing import Any

from .contract import load_contract

MAX_ECHO = 200
"""Characters of a client's value an error message may quote; longer values are cut (a 10 MB value in must not
mean a 10 MB error out)."""
MAX_VALIDATION_ENTRIES = 50
"""Validation entries reported per request; the rest are summarised in one last entry."""

NOT_FOUND = {"detail": "Not Found"}


class ApiError(Exception):
    """An error answer, with the body in one of the service's envelope shapes."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def detail(status: int, message: str) -> ApiError:
    return ApiError(status, {"detail": message})


def coded(status: int, code: str, message: str, **extra: Any) -> ApiError:
    return ApiError(status, {"detail": {"error": code, "message": message, **extra}})


def entry(loc: list[Any], message: str, kind: str = "value_error") -> dict[str, Any]:
    """One validation entry (FastAPI's shape); the message is cut to :data:`MAX_ECHO` characters."""
    return {"loc": loc, "msg": truncate(message), "type": kind}


def invalid(loc: list[Any], message: str, kind: str = "value_error") -> ApiError:
    return ApiError(422, {"detail": [entry(loc, message, kind)]})


def validation_failed(entries: list[dict[str, Any]]) -> ApiError:
    if len(entries) > MAX_VALIDATION_ENTRIES:
        more = len(entries) - MAX_VALIDATION_ENTRIES
        entries = [*entries[:MAX_VALIDATION_ENTRIES], entry([], f"... and {more} more problems", "too_many_errors")]
    return ApiError(422, {"detail": entries})


def insufficient_scope(scope: str, message: str | None = None) -> ApiError:
    return ApiError(
        403,
        {
            "error": "insufficient_scope",
            "detail": message or f"API key missing '{scope}' scope",
            "required_scope": scope,
        },
    )


def truncate(text: str, limit: int = MAX_ECHO) -> str:
    return text if len(text) <= limit else text[:limit] + f"... ({len(text) - limit} more characters)"


@cache
def _contract_codes() -> dict[str, int]:
    codes = load_contract()["components"]["schemas"]["ErrorCode"]["x-memsy-codes"]
    return {entry["code"]: entry["status"] for entry in codes}


def documented(code: str, message: str, **extra: Any) -> ApiError:
    """An error with one of the contract's codes, at the status the contract gives it (``x-memsy-codes``)."""
    return coded(_contract_codes()[code], code, message, **extra)
