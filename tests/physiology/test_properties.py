"""Properties of the whole public physiology API, over inputs drawn by hypothesis.

- Inside the documented ranges: no NaN, no infinity, no negative force, and either a result
  within the memory budget or a refusal that names a parameter.
- Outside them (text, booleans, None, NaN, infinities, containers where numbers belong): a
  ValueError whose message starts with the parameter's name.
"""

from __future__ import annotations

import math
import tracemalloc
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.physiology import (
    MotorUnitPool,
    _budget,
    cramp,
    emg_audio,
    emg_from_spikes,
    evoked_force,
    excitability,
    fasciculation,
    fibrillation,
    fibrillation_emg,
    force_frequency_curve,
    force_gain,
    force_sources,
    force_velocity,
    length_tension,
    motor_unit_potential,
    muscle_cross_section,
    muscle_power,
    needle_emg,
    paired_pulses,
    pulse_train,
    shortening_velocity,
    steady_mean_force,
    surface_emg,
    sustained_stimulation,
    twitch_force,
)

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
POOL = MotorUnitPool(n_units=20)
SMALL_SPIKES = [np.array([0.01, 0.2]), np.array([0.05])]


def _finite_non_negative(values: np.ndarray) -> None:
    array = np.asarray(values, dtype=float)
    assert np.all(np.isfinite(array)), "NaN or infinity"
    assert np.all(array >= 0.0), f"negative value {array.min()}"


def _within_budget_or_refused(call: Callable[[], object]) -> object | None:
    """The result, run under tracemalloc and held to the budget; None when refused by name."""
    tracemalloc.start()
    try:
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    except ValueError as error:
        assert "allowed range" in str(error) and "=" in str(error).split(" ")[0], error
        return None
    finally:
        tracemalloc.stop()
    assert peak <= _budget.MEMORY_BUDGET
    return result


# -- valid inputs --------------------------------------------------------------------------------
contraction_times = st.floats(1e-3, 1.0)


@SETTINGS
@given(
    st.lists(st.floats(-1e308, 1e308), min_size=1, max_size=50),
    st.floats(0.0, 1e12),
    contraction_times,
)
def test_twitch_force_is_finite_and_never_negative(times, peak, contraction):
    _finite_non_negative(twitch_force(times, peak, contraction))


@SETTINGS
@given(
    contraction_times,
    st.lists(st.floats(1e-300, 1e308), min_size=1, max_size=20),
)
def test_the_force_gain_is_finite_and_never_negative(contraction, intervals):
    with np.errstate(over="raise", invalid="raise"):
        _finite_non_negative(force_gain(contraction, intervals))


@SETTINGS
@given(st.lists(st.floats(1e-6, 500.0), min_size=1, max_size=20), st.floats(0, 1e12))
def test_steady_forces_are_finite_and_never_negative(rates, peak):
    _finite_non_negative(steady_mean_force(rates, peak))
    _finite_non_negative(force_frequency_curve(rates, peak).relative_force)


@SETTINGS
@given(
    st.lists(st.floats(0.0, 600.0), max_size=30),
    st.floats(0.01, 600.0),
    st.floats(1e-6, 0.01),
    contraction_times,
    st.floats(0.0, 0.1),
)
def test_evoked_force_is_finite_non_negative_and_within_budget(
    stimuli, duration, dt, contraction, latency
):
    step = min(dt, contraction / 4)
    response = _within_budget_or_refused(
        lambda: evoked_force(stimuli, duration, step, 1.0, contraction, latency)
    )
    if response is not None:
        _finite_non_negative(response.force)


@SETTINGS
@given(
    st.integers(1, 200),
    st.one_of(st.floats(0.0, 1.0), st.just("ramp")),
    st.floats(0.05, 600.0),
    st.floats(1e-4, 0.01),
    st.integers(0, 2**32),
)
def test_pool_force_is_finite_non_negative_and_within_budget(units, drive, duration, dt, seed):
    pool = MotorUnitPool(n_units=units)
    step = min(dt, float(pool.contraction_times.min()))
    if drive == "ramp":
        samples = math.floor(duration / step + 1e-9) + 1
        drive = np.linspace(0.0, 1.0, samples) if samples <= 2_000_000 else 0.5
    activity = _within_budget_or_refused(lambda: pool.simulate(drive, duration, step, seed))
    if activity is not None:
        _finite_non_negative(activity.force)
        _finite_non_negative(activity.unit_force)
        for times in activity.spike_times:
            assert np.all((times >= 0) & (times <= duration))


@SETTINGS
@given(
    st.lists(st.lists(st.floats(0.0, 1e308), max_size=5), min_size=20, max_size=20),
    st.floats(0.01, 100.0),
)
def test_pool_force_of_any_spike_times_is_finite_and_never_negative(trains, duration):
    result = _within_budget_or_refused(lambda: POOL.force(trains, duration))
    if result is not None:
        _finite_non_negative(result[1])


@SETTINGS
@given(st.floats(0.0, 5e-6), st.floats(0.0, 1.0), st.floats(0.05, 2.0))
def test_mechanics_stay_between_zero_and_one(length, velocity, curvature):
    for value in (
        length_tension(length),
        force_velocity(velocity, curvature),
        shortening_velocity(velocity, curvature),
        muscle_power(velocity, curvature),
    ):
        _finite_non_negative(value)
        assert np.all(value <= 1.0 + 1e-12)


@SETTINGS
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=10))
def test_force_sources_are_finite_and_never_negative(drives):
    sources = force_sources.force_sources(POOL, drives)
    for value in (sources.total_force, sources.recruitment_force, sources.rate_coding_force):
        _finite_non_negative(np.round(value, 9))


@SETTINGS
@given(st.floats(0.1, 600.0), st.floats(0.01, 1.0), st.integers(0, 2**32))
def test_spontaneous_discharges_fall_inside_the_window(duration, cv, seed):
    activities = [
        fasciculation(duration, rate=1.0, seed=seed),
        fibrillation(duration, seed=seed),
        _within_budget_or_refused(lambda: cramp(duration, {"soleus": 40}, cv, seed)),
    ]
    for activity in filter(None, activities):
        for times in activity.spike_times:
            assert np.all((times >= 0) & (times < duration + 1e-9))
            assert np.all(np.diff(times) >= 0)


@SETTINGS
@given(st.floats(0.01, 600.0), st.floats(1e-4, 1.0), st.floats(1e-7, 0.01), st.integers(0, 99))
def test_membrane_noise_is_finite_and_within_budget(duration, correlation, step, seed):
    step = min(step, correlation / 4)  # the step must resolve the correlation time
    noise = _within_budget_or_refused(
        lambda: excitability.membrane_noise(duration, 0.002, correlation, step, seed)
    )
    if noise is not None:
        assert np.all(np.isfinite(noise))


@SETTINGS
@given(st.floats(0.01, 120.0), st.sampled_from([10_000.0, 100_000.0]), st.integers(0, 9))
def test_emg_is_finite_and_within_budget(duration, rate, seed):
    for make in (
        lambda: needle_emg(SMALL_SPIKES, duration, rate, noise_rms=1e-5, seed=seed),
        lambda: surface_emg(SMALL_SPIKES, duration, [1.0, 2.0], rate, seed=seed),
        lambda: fibrillation_emg(SMALL_SPIKES, duration, rate, seed=seed),
    ):
        emg = _within_budget_or_refused(make)
        if emg is not None:
            assert np.all(np.isfinite(emg.voltage))
            if emg.voltage.size / rate <= 30.0:
                sound, _ = emg_audio(emg.voltage, rate)
                assert np.all(np.abs(sound) <= 1.0)


@SETTINGS
@given(st.integers(50, 50_000), st.floats(2.0, 1000.0), st.floats(1.0, 50.0))
def test_cross_sections_fit_the_budget_or_are_refused_by_name(points, per_unit, overlap):
    section = _within_budget_or_refused(
        lambda: muscle_cross_section("hand", points, per_unit, overlap)
    )
    if section is not None:
        assert section.unit.max() < section.n_units


@SETTINGS
@given(st.integers(1, 2000), st.floats(0.1, 3600.0), st.floats(0.001, 1.0))
def test_fatigue_is_finite_non_negative_or_refused_by_name(units, duration, step):
    try:
        course = _within_budget_or_refused(
            lambda: sustained_stimulation(20.0, duration, MotorUnitPool(n_units=units), step)
        )
    except ValueError as error:  # too many loop steps: refused by the step's name
        assert str(error).startswith("step="), error
        return
    if course is not None:
        _finite_non_negative(course.force)
        _finite_non_negative(course.capacity)


# -- invalid inputs ------------------------------------------------------------------------------
NOT_A_NUMBER = st.one_of(
    st.text(max_size=4),
    st.booleans(),
    st.none(),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.lists(st.text(max_size=2), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), min_size=1, max_size=2),
)

#: (function, valid keyword arguments, parameters that must refuse what is not a number).
CALLS: list[tuple[Callable[..., object], dict[str, object], tuple[str, ...]]] = [
    (twitch_force, {"t": [0.1]}, ("t", "peak_force", "contraction_time")),
    (force_gain, {"contraction_time": 0.05, "isi": 0.02}, ("contraction_time", "isi")),
    (pulse_train, {"frequency": 10.0, "duration": 1.0}, ("frequency", "duration", "start")),
    (paired_pulses, {"interval": 0.1}, ("interval", "start")),
    (
        evoked_force,
        {"stimulus_times": [0.0], "duration": 0.5},
        ("stimulus_times", "duration", "dt", "peak_force", "contraction_time", "latent_period"),
    ),
    (steady_mean_force, {"frequency": 10.0}, ("frequency", "peak_force", "contraction_time")),
    (force_frequency_curve, {"frequencies": [10.0]}, ("frequencies",)),
    (MotorUnitPool, {}, ("n_units", "recruitment_range", "force_range", "min_rate", "isi_cv")),
    (POOL.simulate, {"drive": 0.5, "duration": 0.2}, ("drive", "duration", "dt", "seed")),
    (POOL.discharge_times, {"drive": 0.5, "duration": 0.2}, ("drive", "duration", "seed")),
    (POOL.rates, {"drive": 0.5}, ("drive",)),
    (POOL.force, {"spike_times": [[0.1]] * 20, "duration": 0.2}, ("duration", "dt")),
    (
        sustained_stimulation,
        {"frequency": 20.0, "duration": 1.0},
        ("frequency", "duration", "step"),
    ),
    (fasciculation, {"duration": 1.0}, ("duration", "unit", "rate", "seed")),
    (fibrillation, {"duration": 1.0}, ("duration", "rate", "fibre", "seed")),
    (cramp, {"duration": 1.0}, ("duration", "isi_cv", "seed")),
    (excitability.discharge_rate, {"margin": 0.005}, ("margin", "noise_sd", "correlation_time")),
    (
        excitability.membrane_noise,
        {"duration": 0.1},
        ("duration", "noise_sd", "correlation_time", "step", "seed"),
    ),
    (excitability.spontaneous_firing, {"duration": 0.1}, ("duration", "margin", "seed")),
    (excitability.threshold_margin, {}, ("healthy_margin",)),
    (motor_unit_potential, {}, ("sampling_rate", "duration", "amplitude")),
    (
        emg_from_spikes,
        {"spike_times": SMALL_SPIKES, "duration": 0.1, "waveform": motor_unit_potential()},
        ("spike_times", "duration", "waveform", "noise_rms", "seed"),
    ),
    (needle_emg, {"spike_times": SMALL_SPIKES, "duration": 0.1}, ("spike_times", "seed")),
    (surface_emg, {"spike_times": SMALL_SPIKES, "duration": 0.1}, ("amplitude", "seed")),
    (emg_audio, {"signal": [0.0, 1.0], "sampling_rate": 8000.0}, ("signal", "sampling_rate")),
    (length_tension, {"sarcomere_length": 2e-6}, ("sarcomere_length",)),
    (force_velocity, {"velocity": 0.5}, ("velocity", "curvature")),
    (shortening_velocity, {"load": 0.5}, ("load", "curvature")),
    (muscle_power, {"velocity": 0.5}, ("velocity",)),
    (
        muscle_cross_section,
        {"n_points": 100},
        ("region", "n_points", "points_per_unit", "territory_overlap", "seed"),
    ),
]
CASES = [(function, valid, name) for function, valid, names in CALLS for name in names]


@pytest.mark.parametrize(
    "function, valid, name",
    CASES,
    ids=[f"{getattr(f, '__qualname__', f)}-{name}" for f, _, name in CASES],
)
@settings(max_examples=12, deadline=None)
@given(bad=NOT_A_NUMBER)
def test_a_value_that_is_not_a_number_is_refused_by_the_parameters_name(function, valid, name, bad):
    if function is force_gain and name == "isi" and bad == math.inf:
        # An infinite interval is a documented input: the first discharge of a train, gain 1.
        assert force_gain(**{**valid, name: bad}) == 1.0
        return
    with pytest.raises(ValueError) as error:
        function(**{**valid, name: bad})
    assert str(error.value).startswith(name), str(error.value)
