"""How lesson 07 shows the four levels of care: a colour, a marker shape and a short name each.

Colours run in the order of triage scales (green for the least urgent, through orange, to
deep red for an emergency): three from the course's palette (``lessons.figures.theme.PALETTE``:
Okabe-Ito's green and its darker orange and vermillion) and a wine red from Paul Tol's
colour-blind-safe palette for the emergency level. Every place that uses them also writes the
level's name, so colour is never the only cue.
"""

from __future__ import annotations

from lessons.figures.theme import PALETTE

#: Colour of each level of care, least to most urgent (Okabe & Ito 2008; Wong 2011; darker
#: orange and vermillion for contrast on white, see ``lessons.figures.theme.PALETTE``).
LEVEL_COLOURS = {
    "self-care": PALETTE["bluish_green"],
    "see a doctor soon": PALETTE["orange"],
    "urgent same day": PALETTE["vermillion"],
    "emergency": "#882255",  # Tol's "wine" (Tol 2021, SRON/EPS/TN/09-002)
}

#: Marker shape of each level, for figures that must not rely on colour alone.
LEVEL_SYMBOLS = {
    "self-care": "circle",
    "see a doctor soon": "square",
    "urgent same day": "triangle-up",
    "emergency": "diamond",
}

#: Short names for figure axes (the rule table's labels are longer).
LEVEL_SHORT_NAMES = {
    "self-care": "Self-care",
    "see a doctor soon": "See a doctor soon",
    "urgent same day": "Urgent, same day",
    "emergency": "Emergency",
}
