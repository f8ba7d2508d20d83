"""Every simulation app of the course, found by looking, so no list can go stale.

An app is a public function of a ``lessons.sims`` module whose return type is a
``SimulationApp`` (or a subclass) and that needs no arguments. A subpackage of ``lessons.sims``
(one lesson's apps split over several modules) is walked too, and its apps are keyed by the
subpackage's name, as if it were one module (``"recruitment.ramp_explorer"``), so the keys do
not change when a module becomes a package. The tests move every control of every app; the
benchmarks time them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable, Iterator
from types import ModuleType

from lessons.sims.app import SimulationApp

_NOT_APP_MODULES = {"app", "catalogue"}


def _is_app(function: Callable) -> bool:
    signature = inspect.signature(function)
    returns = typing.get_type_hints(function).get("return")
    returns_app = isinstance(returns, type) and issubclass(returns, SimulationApp)
    needs_nothing = all(
        parameter.default is not inspect.Parameter.empty
        or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
        for parameter in signature.parameters.values()
    )
    return returns_app and needs_nothing


def _modules(module: ModuleType) -> Iterator[ModuleType]:
    """The module itself and, for a package, every public module inside it."""
    yield module
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), f"{module.__name__}."):
        if not info.name.rsplit(".", 1)[-1].startswith("_"):
            yield importlib.import_module(info.name)


def simulation_apps() -> dict[str, Callable[[], SimulationApp]]:
    """``{"module.function": factory}`` for every app in ``lessons.sims``, sorted by name."""
    import lessons.sims

    found: dict[str, Callable[[], SimulationApp]] = {}
    for module_info in pkgutil.iter_modules(lessons.sims.__path__):
        if module_info.name.startswith("_") or module_info.name in _NOT_APP_MODULES:
            continue
        top = importlib.import_module(f"lessons.sims.{module_info.name}")
        for module in _modules(top):
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if name.startswith("_") or function.__module__ != module.__name__:
                    continue
                if _is_app(function):
                    key = f"{module_info.name}.{name}"
                    if key in found and found[key] is not function:
                        raise RuntimeError(f"two apps of lessons.sims are both called {key!r}")
                    found[key] = function
    return dict(sorted(found.items()))
