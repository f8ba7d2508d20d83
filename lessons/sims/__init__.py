"""Interactive simulations: ipywidgets controls wired to plotly figures, one app per experiment.

Each app builds its figure once and, when a control moves, recomputes the model and updates
the traces in place inside ``figure.batch_update()``. A notebook cell shows one with a call
such as ``sims.twitch_explorer()``.
"""

from lessons.sims.welcome import twitch_explorer

__all__ = ["twitch_explorer"]
