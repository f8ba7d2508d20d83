"""Where the course data lives.

In a source checkout (and an editable install, as `make` and Binder use) the data is the
repository's ``data/`` folder, which instructors edit. A wheel carries a copy inside the
package as ``lessons/_data``. ``LESSONS_DATA_DIR`` overrides both, for a course fork that
keeps its own data elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding ``quizzes/``, ``references.yaml`` and the other course tables."""
    override = os.environ.get("LESSONS_DATA_DIR")
    if override:
        path = Path(override).expanduser()
        if not path.is_dir():
            raise FileNotFoundError(f"LESSONS_DATA_DIR={override!r} is not a folder")
        return path
    for candidate in (_PACKAGE_DIR.parent / "data", _PACKAGE_DIR / "_data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"No course data found next to {_PACKAGE_DIR}; set LESSONS_DATA_DIR to the data folder"
    )


def data_file(*parts: str) -> Path:
    """A path inside the data folder, e.g. ``data_file("quizzes", "01_motor_units.yaml")``."""
    return data_dir().joinpath(*parts)
