"""The course's own controls: a slider and a radio group that assistive technology can name.

ipywidgets' slider is a noUiSlider whose ``role="slider"`` handle has no accessible name
(ipywidgets#2650, still so in 8.1.9), and its radio buttons do not share a ``name``, so each
option is a tab stop of its own. These anywidgets wrap native ``<input>`` elements instead:
the browser gives them their name (``<label for>``), their keyboard (arrows, Page Up/Down,
Home, End) and one tab stop per radio group. The JavaScript ships inline: no build step, no
network at run time. They sit in the figure layer so simulations and quizzes can both use them.
"""

from lessons.controls.keys import KeyScope
from lessons.controls.radio import RadioGroup
from lessons.controls.slider import CourseSlider, IntCourseSlider, unit_of

__all__ = ["CourseSlider", "IntCourseSlider", "KeyScope", "RadioGroup", "unit_of"]
