"""The Python package behind the course *How muscles twitch*.

Submodules, from the bottom up:

- ``lessons.physiology``: pure numpy models (twitch, motor-unit pool, EMG, ...).
- ``lessons.content``: reads the course data in ``data/`` (references, causes, triage).
- ``lessons.quiz``: question banks, quiz widgets, progress and class results.
- ``lessons.sims``: ipywidgets controls wired to plotly figures, one app per experiment.

Importing ``lessons`` itself is cheap: submodules load when a lesson asks for them.
"""

import sys
from importlib import import_module
from types import ModuleType

__version__ = "0.1.0"

_SUBMODULES = ("content", "physiology", "quiz", "sims")

# plotly imports nbformat, which imports jsonschema, which tries the optional package
# rfc3987_syntax; that one builds a parser when imported, about 1.4 s of CPU in every lesson's
# kernel, only to check "iri" strings that nothing in a lesson validates. Marking it absent
# (unless something already imported it) makes jsonschema skip that check.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def __getattr__(name: str) -> ModuleType:
    # Lazy submodules keep `import lessons` fast (no plotly or numpy until needed).
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'lessons' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_SUBMODULES])
