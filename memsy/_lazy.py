"""Modules loaded on first use, so that building a client stays cheap: the generated response models and request
builders load when the first call needs them, not when ``memsy`` is imported.

A :class:`LazyModule` is a stand-in bound to a global name of the importing module. The first attribute read
imports the real module and puts it in the stand-in's place in those globals, so every later read is a plain
global lookup: the cost is paid once, by the first call.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Any


class LazyModule:
    __slots__ = ("_alias", "_module", "_namespace")

    def __init__(self, module: str, namespace: dict[str, Any], alias: str) -> None:
        self._module = module
        self._namespace = namespace
        self._alias = alias

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in LazyModule.__slots__:  # copy, pickle, introspection: not the module's
            raise AttributeError(name)
        real = import_module(self._module)
        self._namespace[self._alias] = real
        return getattr(real, name)

    def __repr__(self) -> str:
        return f"<module {self._module!r}, loaded on first use>"


def reexport(namespace: dict[str, Any], module: ModuleType) -> None:
    """Bind in ``namespace`` the names of ``module.__all__`` that ``module`` has loaded; the others (the models)
    resolve on first use, through the ``__getattr__`` the importer takes from ``module``. A plain ``import *``
    would resolve, and so load, them all."""
    loaded = vars(module)
    namespace.update((name, loaded[name]) for name in module.__all__ if name in loaded)
