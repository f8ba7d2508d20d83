"""Losing motor units and collateral sprouting on the Fuglevand pool.

Sources: survivors grow by one common factor (Rafuse, Gordon & Orozco 1992, J Neurophysiol
68:1261-1276), up to 8-fold (Cashman, Siegel & Antel 1987); weakness becomes clinically
apparent only when more than half of a muscle's motor neurons are lost (Sharrard 1955, as
summarised by Cashman et al. 1987). The tolerance on "force kept" is stated here: 10 %.
"""

from __future__ import annotations

import numpy as np
import pytest

from lessons.physiology.pool import MotorUnitPool
from lessons.physiology.reinnervation import (
    DEFAULT_SPROUTING_LIMIT,
    MAX_CURVE_POINTS,
    MEAN_INNERVATION_NUMBER,
    NORMAL_PHASES,
    WEAKNESS_LOSS_FRACTION,
    compensated_loss,
    force_after_loss,
    loss_order,
    muap_scaling,
    normal_fibres,
    reinnervate,
    reinnervated_potential,
)

#: Force counts as kept while it stays within 10 % of normal.
FORCE_TOLERANCE = 0.10
SEEDS = range(12)
LOSSES = np.round(np.arange(0.0, 1.0001, 0.05), 2)


def test_units_have_whole_fibre_counts_proportional_to_force_with_the_sourced_mean():
    pool = MotorUnitPool()
    fibres = normal_fibres(pool)
    assert fibres.dtype.kind == "i" and np.all(fibres >= 1)
    assert fibres.mean() == pytest.approx(MEAN_INNERVATION_NUMBER, rel=0.01)
    np.testing.assert_allclose(fibres / fibres[-1], pool.peak_forces / pool.peak_forces[-1], 0.01)


@pytest.mark.parametrize("seed", SEEDS)
def test_total_fibres_are_kept_up_to_the_sprouting_limit_and_capped_beyond(seed):
    for loss in LOSSES:
        result = reinnervate(loss, seed=seed)
        normal = result.normal_fibres
        caps = np.floor(normal * DEFAULT_SPROUTING_LIMIT + 1e-9)
        assert np.all(result.fibres <= caps)  # no unit beyond its limit
        assert np.all(result.fibres[~result.surviving] == 0)
        room = caps[result.surviving].sum()
        if room >= result.total_normal:
            assert result.total_kept == result.total_normal  # every orphan adopted
        else:
            assert result.total_kept == room  # every survivor at its limit, the rest lost
        if loss <= 0.75:  # well inside 1 - 1/8 = 0.875: always conserved
            assert result.total_kept == result.total_normal


def test_survivors_all_grow_by_one_factor():
    result = reinnervate(0.6, seed=3)
    expected = result.total_normal / result.normal_fibres[result.surviving].sum()
    # Whole fibres: each unit within one fibre of the common factor.
    kept = result.surviving
    deviation = np.abs(result.fibres[kept] - expected * result.normal_fibres[kept])
    assert np.all(deviation < 1.0)


def test_a_larger_loss_includes_the_smaller_one():
    order = loss_order(120, seed=5)
    assert sorted(order) == list(range(120))
    small, large = reinnervate(0.3, seed=5), reinnervate(0.6, seed=5)
    assert np.all(large.surviving <= small.surviving)
    assert small.units_lost == 36 and large.units_lost == 72


@pytest.mark.parametrize("seed", SEEDS)
def test_force_stays_within_tolerance_until_half_the_units_are_lost(seed):
    for loss in LOSSES[LOSSES <= WEAKNESS_LOSS_FRACTION]:
        assert reinnervate(loss, seed=seed).maximal_force == pytest.approx(1.0, abs=FORCE_TOLERANCE)


def test_force_falls_once_the_sprouts_can_grow_no_more():
    # Past 1 - 1/8 = 87.5 % of units lost the survivors cannot adopt every orphan. Which units
    # survive matters (a few large survivors hold more fibres), so the fall is checked across
    # seeds: below the tolerance at 90 % for most, far below it at 95 % for all.
    assert compensated_loss() == pytest.approx(0.875)
    curves = np.array([force_after_loss(LOSSES, seed=seed) for seed in SEEDS])
    at = {loss: curves[:, i] for i, loss in enumerate(LOSSES)}
    assert np.median(at[0.9]) < 1.0 - FORCE_TOLERANCE
    assert np.all(at[0.95] < 0.6)
    assert np.all(at[0.95] < at[0.5] - 0.3)
    assert np.all(at[1.0] == 0.0)


def test_without_sprouting_force_falls_with_the_first_losses():
    assert reinnervate(0.5, sprouting_limit=1.0).maximal_force < 1.0 - FORCE_TOLERANCE
    assert reinnervate(0.5, sprouting_limit=1.0).kept_fraction < 0.9
    assert compensated_loss(1.0) == 0.0 and compensated_loss(2.0) == 0.5


def test_surviving_units_potentials_grow_larger_longer_and_more_complex_as_loss_grows():
    results = [reinnervate(loss) for loss in (0.0, 0.25, 0.5, 0.75, 0.9)]
    amplitude = [r.muap_amplitude.mean() for r in results]
    duration = [r.muap_duration.mean() for r in results]
    phases = [r.muap_phases.mean() for r in results]
    assert amplitude[0] == duration[0] == 1.0 and phases[0] == NORMAL_PHASES
    assert np.all(np.diff(amplitude) > 0) and np.all(np.diff(duration) > 0)
    assert np.all(np.diff(phases) >= 0) and phases[3] > 4  # polyphasic: more than 4 phases
    assert amplitude[-1] == pytest.approx(DEFAULT_SPROUTING_LIMIT)


def test_the_drawn_potential_of_a_grown_unit_is_larger_longer_and_has_more_turns():
    normal, grown = reinnervated_potential(1.0), reinnervated_potential(4.0)
    assert grown.peak_to_peak > 3 * normal.peak_to_peak
    assert grown.duration > 1.5 * normal.duration

    def turns(voltage: np.ndarray) -> int:
        slope = np.sign(np.diff(voltage))
        slope = slope[slope != 0]
        return int(np.count_nonzero(np.diff(slope)))

    assert turns(grown.voltage) > turns(normal.voltage)
    _, duration, phases = muap_scaling(np.array([1.0, 2.0, 8.0]))
    np.testing.assert_allclose(duration, np.sqrt([1.0, 2.0, 8.0]))
    assert list(phases) == [3, 5, 9]


def test_every_unit_lost_leaves_no_force_and_no_potentials():
    result = reinnervate(1.0)
    assert result.maximal_force == 0.0 and result.total_kept == 0
    assert result.growth.size == 0 and result.muap_phases.size == 0


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: reinnervate(-0.1), "loss_fraction"),
        (lambda: reinnervate(1.5), "loss_fraction"),
        (lambda: reinnervate("0.5"), "loss_fraction"),
        (lambda: reinnervate(0.5, sprouting_limit=0.5), "sprouting_limit"),
        (lambda: reinnervate(0.5, sprouting_limit=np.inf), "sprouting_limit"),
        (lambda: reinnervate(0.5, pool="pool"), "pool"),
        (lambda: reinnervate(0.5, seed=-2), "seed"),
        (lambda: force_after_loss(np.zeros(MAX_CURVE_POINTS + 1)), "loss_fractions"),
        (lambda: force_after_loss(np.zeros((2, 2))), "loss_fractions"),
        (lambda: force_after_loss([0.1, 1.2]), "loss_fractions"),
        (lambda: reinnervated_potential(0.5), "growth"),
        (lambda: compensated_loss(0.0), "sprouting_limit"),
        (lambda: loss_order(0), "n_units"),
        (lambda: muap_scaling(np.array([-1.0])), "growth"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        call()
