"""The views of lesson 05's calf, behind the apps of ``lessons.sims.twitch_or_cramp``.

- ``screen``: an event's force and EMG thinned for the figure, and its EMG as a WAV file;
- ``text``: the readouts and the comparison table (HTML);
- ``explorer_figure`` and ``explorer``: the twitch-or-cramp explorer's figure and controls;
- ``sizes_figure`` and ``sizes``: the size-and-duration figure and controls.

The numbers all come from ``lessons.physiology.calf*``; these modules only draw them.
"""
