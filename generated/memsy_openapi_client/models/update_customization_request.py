from ..types import NotRequired, TypedDict


class UpdateCustomizationRequest(TypedDict):
    """Partial update of an org, role or team record; absent fields are unchanged."""

    name: NotRequired[str]
    focus: NotRequired[str]
    promotion_prompt: NotRequired[str]
