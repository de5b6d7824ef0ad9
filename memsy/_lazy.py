"""Modules loaded on first use, so that building a client stays cheap: the generated response models and request
builders load when the first call needs them, not when ``memsy`` is imported.

A :class:`LazyModule` is a stand-in bound to a global name of the importing module. The first attribute read
imports the real module and puts it in the stand-in's place in those globals, so every later read is a plain
global lookup: the cost is paid once, by the first call. A package's public names load the same way
(:func:`lazy_names`: the ``__getattr__`` of ``memsy`` and of ``memsy.local``).
"""

from __future__ import annotations

from collections.abc import Callable
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


def lazy_names(
    package: str,
    namespace: dict[str, Any],
    exports: dict[str, str],
    *,
    explain_missing: Callable[[ModuleNotFoundError, str], str | None] = lambda error, what: None,
) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``exports`` maps a module (relative to ``package``) to its public names, space-separated. Returns the names,
    sorted, and the package's ``__getattr__`` (a name is imported on first access, then kept in ``namespace``, the
    package's globals) and ``__dir__`` (its ``__all__``). ``explain_missing(error, name)``: what to say when a
    name's import finds a module missing (how to install it), or None to let the error through as it is."""
    where = {name: module for module, names in exports.items() for name in names.split()}

    def get(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        try:
            loaded = import_module(module, package)
        except ModuleNotFoundError as error:
            message = explain_missing(error, f"{package}.{name}")
            if message is None:
                raise
            raise ModuleNotFoundError(message, name=error.name) from error
        value = getattr(loaded, name)
        namespace[name] = value
        return value

    def listed() -> list[str]:
        return sorted(namespace["__all__"])

    return sorted(where), get, listed
