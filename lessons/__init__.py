"""The Python package behind the course *How muscles twitch*.

Submodules, from the bottom up:

- ``lessons.physiology``: pure numpy models (twitch, motor-unit pool, EMG, ...).
- ``lessons.content``: reads the course data in ``data/`` (references, causes, triage).
- ``lessons.quiz``: question banks, quiz widgets, progress and class results.
- ``lessons.sims``: ipywidgets controls wired to plotly figures, one app per experiment.

Importing ``lessons`` itself is cheap: submodules load when a lesson asks for them.
"""

from importlib import import_module
from types import ModuleType

__version__ = "0.1.0"

_SUBMODULES = ("content", "physiology", "quiz", "sims")


def __getattr__(name: str) -> ModuleType:
    # Lazy submodules keep `import lessons` fast (no plotly or numpy until needed).
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'lessons' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_SUBMODULES])
