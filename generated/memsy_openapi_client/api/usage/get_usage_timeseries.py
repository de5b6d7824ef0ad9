import datetime
from typing import Any

from ...models.granularity import Granularity
from ...types import UNSET, Unset

METHOD = "GET"
PATH = "/api/usage/timeseries"


def build_request(
    *,
    dimension: str | Unset = UNSET,
    granularity: Granularity | Unset = UNSET,
    period_start: datetime.date | Unset = UNSET,
    period_end: datetime.date | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` for operation get_usage_timeseries."""
    params: dict[str, Any] = {}

    params["dimension"] = dimension

    json_granularity: str | Unset = UNSET
    if not isinstance(granularity, Unset):
        json_granularity = granularity

    params["granularity"] = json_granularity

    json_period_start: str | Unset = UNSET
    if not isinstance(period_start, Unset):
        json_period_start = period_start.isoformat()
    params["period_start"] = json_period_start

    json_period_end: str | Unset = UNSET
    if not isinstance(period_end, Unset):
        json_period_end = period_end.isoformat()
    params["period_end"] = json_period_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": METHOD,
        "url": PATH,
        "params": params,
    }

    return _kwargs
