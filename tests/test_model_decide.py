"""The decision rule (label / top-2 / review) and track-level aggregation."""

import numpy as np
import pytest

from tmer_desktop.model.decide import (
    DEFAULT_THRESHOLD,
    DEFAULT_TOP2_THRESHOLD,
    aggregate,
    decide,
    decide_all,
    decide_many,
)


def test_defaults_are_documented_values():
    assert DEFAULT_THRESHOLD == 0.75 and DEFAULT_TOP2_THRESHOLD == 0.90


def test_confident_clip_gets_its_label():
    d = decide([0.05, 0.80, 0.10, 0.05])
    assert (d.label, d.decision, d.labels) == ("sad", "label", ("sad",))
    assert d.confidence == pytest.approx(0.80)


def test_threshold_is_inclusive():
    assert decide([0.75, 0.25, 0.0, 0.0]).decision == "label"
    assert decide([0.7499, 0.2501, 0.0, 0.0]).decision == "top-2"


def test_two_convincing_candidates_give_top2_best_first():
    d = decide([0.30, 0.05, 0.05, 0.60])
    assert d.decision == "top-2" and d.labels == ("relaxed", "happy") and d.label == "relaxed"


def test_uncertain_clip_goes_to_review():
    d = decide([0.40, 0.35, 0.15, 0.10])
    assert d.decision == "review" and d.labels == ("happy",) and d.confidence == pytest.approx(0.40)


def test_thresholds_are_configurable():
    probs = [0.40, 0.35, 0.15, 0.10]
    assert decide(probs, top2_threshold=0.75).decision == "top-2"
    assert decide(probs, threshold=0.4).decision == "label"
    with pytest.raises(ValueError, match="top2_threshold"):
        decide(probs, top2_threshold=1.5)
    with pytest.raises(ValueError, match="threshold"):
        decide(probs, threshold=0)


def test_ties_resolve_in_class_order():
    d = decide([0.25, 0.25, 0.25, 0.25])
    assert d.label == "happy" and d.decision == "review"
    d = decide([0.0, 0.45, 0.45, 0.10])
    assert d.decision == "top-2" and d.labels == ("sad", "angry")


def test_vectorised_rule_matches_the_single_clip_rule():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.full(4, 0.6), size=300)
    many = decide_many(probs)
    singles = [decide(p) for p in probs]
    assert [s.decision for s in singles] == many["decision"].tolist()
    assert [s.label for s in singles] == [["happy", "sad", "angry", "relaxed"][i] for i in many["label_index"]]
    assert decide_all(probs) == singles
    assert set(many["decision"]) == {"label", "top-2", "review"}  # the sample exercises all branches


@pytest.mark.parametrize(
    "bad, message",
    [
        (np.zeros((0, 4)), "empty"),
        ([0.5, 0.5], "4 columns"),
        ([0.5, 0.6, 0.0, 0.0], "sum to 1"),
        ([np.nan, 0.5, 0.5, 0.0], "finite"),
        ([-0.1, 0.6, 0.5, 0.0], "non-negative"),
    ],
)
def test_invalid_probabilities_are_refused(bad, message):
    with pytest.raises(ValueError, match=message):
        decide_many(bad)


def test_rounded_probabilities_are_accepted():
    d = decide([0.7502, 0.1333, 0.0833, 0.0333])  # sums to 1.0001, as read back from a 4-decimal CSV
    assert d.decision == "label" and d.confidence == pytest.approx(0.7502 / 1.0001)


def test_decide_takes_one_vector_only():
    with pytest.raises(ValueError, match="decide_all"):
        decide(np.full((2, 4), 0.25))


def test_mean_aggregation_averages_windows():
    w = np.array([[0.8, 0.1, 0.05, 0.05], [0.2, 0.6, 0.1, 0.1]])
    np.testing.assert_allclose(aggregate(w), [0.5, 0.35, 0.075, 0.075])


def test_majority_aggregation_gives_vote_shares():
    w = np.array([[0.55, 0.45, 0, 0], [0.55, 0.45, 0, 0], [0.0, 1.0, 0, 0]])
    np.testing.assert_allclose(aggregate(w, method="majority"), [2 / 3, 1 / 3, 0, 0])
    # the mean would have chosen sad; the vote chooses happy
    assert aggregate(w).argmax() == 1 and aggregate(w, method="majority").argmax() == 0


def test_majority_tie_is_broken_by_mean_probability():
    w = np.array([[0.55, 0.45, 0, 0], [0.05, 0.95, 0, 0]])  # one vote each; sad has the higher mean
    shares = aggregate(w, method="majority")
    assert shares.argmax() == 1 and shares.sum() == pytest.approx(1.0)
    assert shares[0] == pytest.approx(0.5, abs=1e-5) and shares[1] == pytest.approx(0.5, abs=1e-5)


def test_single_window_track_is_that_window():
    w = np.array([[0.1, 0.2, 0.3, 0.4]])
    np.testing.assert_allclose(aggregate(w), w[0])
    np.testing.assert_allclose(aggregate(w, method="majority"), [0, 0, 0, 1])


def test_span_restricts_the_windows():
    w = np.array([[1.0, 0, 0, 0], [0, 1.0, 0, 0], [0, 0, 1.0, 0]])
    np.testing.assert_allclose(aggregate(w, span=(1, 3)), [0, 0.5, 0.5, 0])
    np.testing.assert_allclose(aggregate(w, span=slice(2, None)), [0, 0, 1, 0])
    with pytest.raises(ValueError, match="selects no windows"):
        aggregate(w, span=(5, 9))


def test_aggregation_errors_are_clear():
    with pytest.raises(ValueError, match="empty"):
        aggregate(np.zeros((0, 4)))
    with pytest.raises(ValueError, match="unknown aggregation"):
        aggregate(np.full((1, 4), 0.25), method="median")
