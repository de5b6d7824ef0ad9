from ..types import NotRequired, TypedDict


class ProInterestRequest(TypedDict):
    """Who is interested in the Pro plan."""

    email: str
    name: str
    company: NotRequired[str]
    use_case: NotRequired[str]
    notes: NotRequired[str]
