"""The three action potentials of lesson 04: sizes and durations from the literature.

Needle MUAPs 5-15 ms, a few hundred microvolts to a few millivolts (Daube & Rubin 2009, Muscle
Nerve 39:244); fibrillation potentials 1-5 ms, 20-200 microvolts (Davalos & Kushlaf 2023).
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.potentials import (
    POTENTIALS,
    WAVEFORM_RATE,
    potential_kind,
    potential_waveforms,
    relative_voltage,
)


def test_three_potentials_finely_sampled():
    waveforms = potential_waveforms()
    assert tuple(waveforms) == POTENTIALS
    for waveform in waveforms.values():
        assert waveform.sampling_rate == WAVEFORM_RATE


def test_needle_muap_and_fibre_potential_have_literature_sizes():
    waveforms = potential_waveforms()
    needle, fibre = waveforms["needle"], waveforms["fibre"]
    assert 5e-3 <= needle.duration <= 15e-3
    assert 200e-6 <= needle.peak_to_peak <= 5e-3
    assert 1e-3 <= fibre.duration <= 5e-3
    assert 20e-6 <= fibre.peak_to_peak <= 200e-6
    assert fibre.peak_to_peak < waveforms["surface"].peak_to_peak < needle.peak_to_peak


def test_relative_voltage_gives_every_potential_the_same_span():
    for waveform in potential_waveforms().values():
        relative = relative_voltage(waveform)
        assert np.ptp(relative) == pytest.approx(100.0)
        np.testing.assert_allclose(relative * waveform.peak_to_peak / 100.0, waveform.voltage)


def test_unknown_potential_is_refused_by_name():
    assert potential_kind("fibre") == "fibre"
    with pytest.raises(ValueError, match="kind must be one of"):
        potential_kind("tremor")
