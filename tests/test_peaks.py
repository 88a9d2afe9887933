"""The mirpeaks port: hand-worked cases of the contrast scan and its options."""

import numpy as np
import pytest

from tmer_desktop.features.peaks import find_peaks, find_peaks_matrix, peak_indices_rows

# normalised by its max (3): 0 .33 .17 .32 .07 1 0 .83 .87 0
CURVE = np.array([0, 1, 0.5, 0.95, 0.2, 3, 0, 2.5, 2.6, 0.0])


def test_default_contrast_keeps_peaks_separated_by_deep_valleys_highest_first():
    p = find_peaks(CURVE)
    assert p.index.tolist() == [5, 8, 1, 3]
    assert p.value.tolist() == [3, 2.6, 1, 0.95]  # un-normalised data


def test_high_contrast_merges_shallow_neighbours():
    # .33 and .32 are separated by a .17 valley (depth < .3): the scan keeps walking to 3
    p = find_peaks(CURVE, contrast=0.3, order="abscissa")
    assert p.index.tolist() == [5, 8]


def test_plateau_then_higher_peak_moves_the_current_peak():
    # 7 is not a local maximum (8 is higher), so only 8 can be the peak of that hill
    assert 7 not in find_peaks(CURVE, contrast=0.01).index


def test_borders_are_candidates_unless_nobegin_or_noend():
    y = np.array([1.0, 0, 0.5, 0])
    assert sorted(find_peaks(y).index.tolist()) == [0, 2]
    assert find_peaks(y, nobegin=True).index.tolist() == [2]
    y2 = np.array([0, 0.5, 0, 1.0])
    assert sorted(find_peaks(y2).index.tolist()) == [1, 3]
    assert find_peaks(y2, noend=True).index.tolist() == [1]


def test_valleys():
    y = np.array([1.0, 0, 1, 0.2, 1])
    p = find_peaks(y, valleys=True, order="abscissa")
    assert p.index.tolist() == [1, 3]
    assert p.value.tolist() == [0, 0.2]


def test_threshold_on_normalised_amplitude():
    y = np.array([0, 1.0, 0, 0.3, 0])
    assert find_peaks(y, threshold=0.5).index.tolist() == [1]
    assert sorted(find_peaks(y).index.tolist()) == [1, 3]


def test_flat_or_empty_curve_has_no_peaks():
    assert len(find_peaks(np.zeros(10))) == 0
    assert len(find_peaks(np.zeros(0))) == 0
    assert len(find_peaks(np.full(5, np.nan))) == 0


def test_total_keeps_the_highest_and_order_abscissa_sorts_positions():
    p = find_peaks(CURVE, total=2)
    assert p.index.tolist() == [5, 8]
    p = find_peaks(CURVE, total=3, order="abscissa")
    assert p.index.tolist() == [1, 5, 8]


def test_global_normalisation_spans_all_columns_local_does_not():
    loud = np.array([0, 1.0, 0, 1.0, 0])
    quiet = 0.05 * np.array([0, 1.0, 0, 0.5, 0])
    Y = np.column_stack([loud, quiet])
    glob = find_peaks_matrix(Y)
    assert sorted(glob[0].index.tolist()) == [1, 3]
    assert len(glob[1]) == 0  # below the contrast once normalised by the loud column
    loc = find_peaks_matrix(Y, normalize="local")
    assert sorted(loc[1].index.tolist()) == [1, 3]


def test_quadratic_interpolation_recovers_a_parabola_vertex():
    x = np.arange(6) * 10.0
    y = -((np.arange(6) - 2.3) ** 2)
    p = find_peaks(y, x=x, interpolate=True)
    assert p.index.tolist() == [2]
    assert p.position.tolist() == [20.0]
    assert p.precise_position[0] == pytest.approx(23.0, abs=1e-12)
    assert p.precise_value[0] == pytest.approx(0.0, abs=1e-12)


def test_interpolation_is_skipped_at_the_edges():
    y = np.array([5.0, 1, 0, 1, 4])
    p = find_peaks(y, interpolate=True, order="abscissa")
    assert p.index.tolist() == [0, 4]
    assert p.precise_position.tolist() == [0.0, 4.0]
    assert p.precise_value.tolist() == [5.0, 4.0]


def test_fast_row_path_matches_the_general_one():
    rng = np.random.default_rng(3)
    rows = rng.random((7, 50)) ** 3
    idx, r = peak_indices_rows(rows, contrast=0.05)
    general = find_peaks_matrix(rows.T, contrast=0.05, order="abscissa")
    for k in range(7):
        assert idx[r == k].tolist() == general[k].index.tolist()


def test_bad_option_is_refused():
    with pytest.raises(ValueError, match="normalize"):
        find_peaks(CURVE, normalize="perframe")


def test_fast_row_path_flat_and_nan_inputs():
    idx, r = peak_indices_rows(np.zeros((3, 10)), contrast=0.01)
    assert idx.size == 0 and r.size == 0
    rows = np.array([[0, 1.0, 0, np.nan, 0.5, 0]])
    idx, _ = peak_indices_rows(rows, contrast=0.1)
    assert idx.tolist() == find_peaks(rows[0], contrast=0.1, order="abscissa").index.tolist()
