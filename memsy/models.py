"""Public models of the Memsy SDK: what you pass in and what you get back.

The models are generated from the contract (:mod:`memsy._generated.models`): snake_case attributes, the contract's
descriptions as docstrings. Each response model also carries:

* ``usage`` / ``rate_limit`` / ``request_id``: read from the headers of the response it came from (``None`` when
  the server did not send them);
* ``extra``: properties the server sent that this SDK version does not know yet (forward compatibility);
* ``to_dict()`` / ``to_json()``: plain data, keyed by attribute name.
"""

from __future__ import annotations

from ._generated import models as _generated
from ._generated.models import *  # noqa: F403  (every model of the contract: its generated __all__)
from ._generated.models import __all__ as _generated_models
from ._model import Model as Model  # the base of every model (not a name users import)
from ._model import ResourceList

# memsy 0.3.5's names of two models (the same classes).
EventItemResponse = _generated.EventItem
MemoryScopeInfo = _generated.MemoryScope

__all__ = ["EventItemResponse", "MemoryScopeInfo", "ResourceList", *_generated_models]
