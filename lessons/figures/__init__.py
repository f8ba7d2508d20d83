"""The course's figure layer: everything plotly-specific that views and quizzes share.

- ``course_figure``: :class:`CourseFigure`, the live figure every app and dashboard uses
  (one message per update, named traces, the course template);
- ``plotly_code``: plotly's 5 MB widget code sent to the page once per kernel;
- ``theme``: the registered plotly template and the palette of meanings;
- ``picture``: PNG pictures for rasters of thousands of ticks;
- ``decimate``: long traces thinned for the screen without losing a peak.

It sits between the views (``lessons.sims``, ``lessons.quiz``) and the models
(``lessons.physiology``, ``lessons.content``); the import-linter contract in ``pyproject.toml``
keeps it there.
"""

from lessons.figures.course_figure import PLOTLY_CONFIG, CourseFigure
from lessons.figures.theme import COLOURS, OKABE_ITO, TEMPLATE_NAME

__all__ = ["COLOURS", "OKABE_ITO", "PLOTLY_CONFIG", "TEMPLATE_NAME", "CourseFigure"]
