"""Every simulation app of the course, found by looking, so no list can go stale.

An app is a public function of a ``lessons.sims`` module whose return type is a
``SimulationApp`` (or a subclass) and that needs no arguments. The tests move every control of
every app; the benchmarks time them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable

from lessons.sims.app import SimulationApp

_NOT_APP_MODULES = {"app", "catalogue"}


def simulation_apps() -> dict[str, Callable[[], SimulationApp]]:
    """``{"module.function": factory}`` for every app in ``lessons.sims``, sorted by name."""
    import lessons.sims

    found: dict[str, Callable[[], SimulationApp]] = {}
    for module_info in pkgutil.iter_modules(lessons.sims.__path__):
        if module_info.name.startswith("_") or module_info.name in _NOT_APP_MODULES:
            continue
        module = importlib.import_module(f"lessons.sims.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            signature = inspect.signature(function)
            returns = typing.get_type_hints(function).get("return")
            returns_app = isinstance(returns, type) and issubclass(returns, SimulationApp)
            needs_nothing = all(
                parameter.default is not inspect.Parameter.empty
                or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
                for parameter in signature.parameters.values()
            )
            if returns_app and needs_nothing:
                found[f"{module_info.name}.{name}"] = function
    return dict(sorted(found.items()))
