"""A lesson's kernel loads only what it needs: no slow optional imports at start-up.

Speed itself is measured by the benchmarks (``make bench``); this checks the causes found
there, which a harmless-looking import could bring back: scipy.signal (about 1 s of CPU)
and jsonschema's optional rfc3987_syntax parser (about 1.4 s), both once paid by every lesson.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import lessons
before = sorted(name for name in ("numpy", "plotly", "ipywidgets") if name in sys.modules)
import lessons.sims, lessons.quiz, lessons.display, lessons.physiology
import plotly.graph_objects as go
go.FigureWidget()
print(json.dumps({
    "after_import_lessons": before,
    "scipy": any(name == "scipy" or name.startswith("scipy.") for name in sys.modules),
    "rfc3987_syntax": sys.modules.get("rfc3987_syntax") is not None,
}))
"""


def test_a_lesson_kernel_imports_neither_scipy_nor_the_rfc3987_parser():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["after_import_lessons"] == [], "import lessons must stay lazy"
    assert loaded["scipy"] is False
    assert loaded["rfc3987_syntax"] is False


def test_notebook_validation_still_works_without_the_parser():
    import nbformat

    import lessons  # noqa: F401  (applies the import guard)

    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell("1 + 1"))
    nbformat.validate(notebook)
