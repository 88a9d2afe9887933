"""Is the user's library still the kind of music the model learnt from? (pure numpy/scipy)

Three signals, each with a documented threshold (docs/feedback.md, "Drift"):

1. Population stability index (PSI) of every feature: library windows against the training
   data, in bins cut at the training data's deciles (plus one bin for NaN).
       PSI = sum_b (a_b - e_b) * ln(a_b / e_b)
   with e = training share, a = library share per bin (add-½ smoothing, so an empty bin is
   finite). Usual reading: < 0.10 stable, 0.10-0.25 moderate, > 0.25 a real shift.
   PSI of two samples of the SAME distribution is not 0: it is about chi²(k-1) * (1/n + 1/m).
   A small library would therefore "drift" by chance alone, so a feature counts as shifted
   only above max(0.25, the 99th percentile of that noise). Overlapping windows of one track
   are not independent: callers pass an effective sample size (non-overlapping windows).
2. Share of low-confidence predictions (max probability < 0.75, the decision threshold),
   compared with the share the model had on its own cross-validation when known.
3. From corrections: live accuracy and expected calibration error (ECE) of the confidence.

An alert is raised when at least `min_shifted_features` features shift, or the
low-confidence share or the live accuracy / ECE pass their thresholds; each alert suggests
retraining with the corrections.

The alerts, notes and suggestion are marked messages (translatable.py): English as written here
for the CLI and logs, and the dashboard shows them in the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tmer_desktop.translatable import QT_TRANSLATE_NOOP, joined
from tmer_desktop.vocabulary import DEFAULT_THRESHOLD

PSI_BINS = 10


@dataclass(frozen=True)
class DriftThresholds:
    psi_shifted: float = 0.25  # a feature with PSI above this (and above noise) has shifted
    psi_noise_quantile: float = 0.99  # how sure we want to be that a shift is not chance
    min_shifted_features: int = 5  # alert when at least this many of the 50 features shift
    min_effective_windows: int = 30  # fewer non-overlapping windows: too little to judge
    low_confidence: float = DEFAULT_THRESHOLD  # a prediction below this confidence is "low"
    low_confidence_share: float = 0.50  # alert above this share (when no baseline is known)
    low_confidence_excess: float = 0.20  # ... or above the model's own CV share + this
    min_corrections: int = 20  # fewer corrections: no accuracy/calibration verdict
    live_accuracy: float = 0.70  # alert below (deployment bar 0.80 minus ten points)
    live_ece: float = 0.15  # alert above
    reliability_bins: int = 10


@dataclass(frozen=True)
class FeatureShift:
    name: str
    psi: float
    threshold: float  # the bar this feature had to pass (0.25 or the noise level if higher)
    shifted: bool
    library_nan_share: float


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float  # NaN when the bin is empty
    accuracy: float  # NaN when the bin is empty


@dataclass
class DriftReport:
    thresholds: DriftThresholds
    n_windows: int = 0
    effective_windows: float = 0.0
    features: list[FeatureShift] = field(default_factory=list)
    n_predictions: int = 0
    low_confidence_share: float | None = None
    baseline_low_confidence_share: float | None = None
    n_corrections: int = 0
    live_accuracy: float | None = None
    live_ece: float | None = None
    reliability: list[ReliabilityBin] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def shifted_features(self) -> list[FeatureShift]:
        return [f for f in self.features if f.shifted]

    @property
    def alert(self) -> bool:
        return bool(self.alerts)

    @property
    def suggestion(self) -> str:
        if not self.alerts:
            return QT_TRANSLATE_NOOP("Drift", "No drift detected; the model matches this library.")
        return QT_TRANSLATE_NOOP(
            "Drift", "The model may not suit this library. Correct a few predictions of the affected "
                     "tracks, then retrain with the corrections (tmer train --feedback)."
        )


def bin_edges(train_column: np.ndarray, bins: int = PSI_BINS) -> np.ndarray:
    """Inner bin edges at the training quantiles (ties collapse: a point mass is one bin)."""
    finite = train_column[np.isfinite(train_column)]
    if finite.size == 0:
        return np.empty(0)
    return np.unique(np.quantile(finite, np.linspace(0, 1, bins + 1)[1:-1]))


def _shares(column: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Smoothed share per bin: len(edges)+1 value bins, then one NaN bin."""
    counts = np.zeros(len(edges) + 2)
    finite = np.isfinite(column)
    np.add.at(counts, np.searchsorted(edges, column[finite], side="right"), 1)
    counts[-1] = np.count_nonzero(~finite)
    return (counts + 0.5) / (counts.sum() + 0.5 * len(counts))


def psi(train_column: np.ndarray, library_column: np.ndarray, bins: int = PSI_BINS) -> tuple[float, int]:
    """PSI of one feature and the number of bins that took part (for the noise level)."""
    train_column = np.asarray(train_column, dtype=np.float64)
    library_column = np.asarray(library_column, dtype=np.float64)
    edges = bin_edges(train_column, bins)
    expected = _shares(train_column, edges)
    actual = _shares(library_column, edges)
    used = len(expected) - (0 if np.isnan(library_column).any() or np.isnan(train_column).any() else 1)
    return float(np.sum((actual - expected) * np.log(actual / expected))), used


def noise_level(n_bins: int, n_train: float, n_library: float, quantile: float = 0.99) -> float:
    """PSI that two samples of one distribution exceed with probability 1 - quantile."""
    from scipy.stats import chi2  # scipy.stats costs ~0.8 s to import: only when drift is assessed

    return float(chi2.ppf(quantile, max(n_bins - 1, 1)) * (1.0 / n_train + 1.0 / n_library))


def feature_shifts(
    train: np.ndarray,
    library: np.ndarray,
    names: tuple[str, ...] | list[str],
    *,
    effective_windows: float | None = None,
    thresholds: DriftThresholds = DriftThresholds(),
) -> list[FeatureShift]:
    train = np.asarray(train, dtype=np.float64)
    library = np.asarray(library, dtype=np.float64)
    n_library = effective_windows if effective_windows is not None else len(library)
    shifts = []
    for j, name in enumerate(names):
        value, used = psi(train[:, j], library[:, j])
        bar = max(thresholds.psi_shifted, noise_level(used, len(train), n_library, thresholds.psi_noise_quantile))
        shifts.append(
            FeatureShift(
                name=name,
                psi=value,
                threshold=bar,
                shifted=value > bar,
                library_nan_share=float(np.isnan(library[:, j]).mean()) if len(library) else 0.0,
            )
        )
    return shifts


def reliability_table(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[ReliabilityBin]:
    """Equal-width confidence bins (low, high]: how often a prediction this confident was right."""
    confidence = np.asarray(confidence, dtype=np.float64)
    correct = np.asarray(correct, dtype=bool)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, bins - 1)
    table = []
    for b in range(bins):
        mask = index == b
        n = int(mask.sum())
        table.append(
            ReliabilityBin(
                low=float(edges[b]),
                high=float(edges[b + 1]),
                count=n,
                mean_confidence=float(confidence[mask].mean()) if n else float("nan"),
                accuracy=float(correct[mask].mean()) if n else float("nan"),
            )
        )
    return table


def ece_from_table(table: list[ReliabilityBin]) -> float | None:
    total = sum(b.count for b in table)
    if total == 0:
        return None
    return float(sum(b.count * abs(b.accuracy - b.mean_confidence) for b in table if b.count) / total)


def assess_drift(
    train: np.ndarray,
    library: np.ndarray,
    names: tuple[str, ...] | list[str],
    *,
    effective_windows: float | None = None,
    confidences: np.ndarray | None = None,
    baseline_low_confidence_share: float | None = None,
    correction_confidence: np.ndarray | None = None,
    correction_correct: np.ndarray | None = None,
    thresholds: DriftThresholds = DriftThresholds(),
) -> DriftReport:
    """Every drift signal at once; see the module docstring for the rules."""
    t = thresholds
    library = np.asarray(library, dtype=np.float64).reshape(-1, len(names))
    report = DriftReport(thresholds=t, n_windows=len(library))
    report.effective_windows = float(effective_windows if effective_windows is not None else len(library))

    if report.effective_windows < t.min_effective_windows:
        windows = round(report.effective_windows)
        if windows == 1:
            note = QT_TRANSLATE_NOOP("Drift", "Comparing this music with the music the model learnt from needs "
                                              "{needed} independent half-minutes; so far there is {windows}.")
        else:
            note = QT_TRANSLATE_NOOP("Drift", "Comparing this music with the music the model learnt from needs "
                                              "{needed} independent half-minutes; so far there are {windows}.")
        report.notes.append(note.format(windows=windows, needed=t.min_effective_windows))
    else:
        report.features = feature_shifts(
            train, library, names, effective_windows=report.effective_windows, thresholds=t
        )
        shifted = report.shifted_features
        if len(shifted) >= t.min_shifted_features:
            # "A 1.20, B 0.90": each feature's PSI in the reader's number format
            worst = joined([QT_TRANSLATE_NOOP("Drift", "{feature} {psi:.2f}")
                            .format(feature=f.name.strip("_"), psi=f.psi)
                            for f in sorted(shifted, key=lambda f: -f.psi)[:3]],
                           QT_TRANSLATE_NOOP("Drift", "{list}, {item}"))
            report.alerts.append(
                QT_TRANSLATE_NOOP("Drift", "This music sounds unlike the music the model learnt from in {shifted} "
                                           "of {total} measurements (shift above {bar}; largest: {worst}).")
                .format(shifted=len(shifted), total=len(names), bar=t.psi_shifted, worst=worst)
            )

    if confidences is not None and len(confidences):
        confidences = np.asarray(confidences, dtype=np.float64)
        report.n_predictions = len(confidences)
        share = float(np.mean(confidences < t.low_confidence))
        report.low_confidence_share = share
        report.baseline_low_confidence_share = baseline_low_confidence_share
        bar = (
            min(1.0, baseline_low_confidence_share + t.low_confidence_excess)
            if baseline_low_confidence_share is not None
            else t.low_confidence_share
        )
        if share > bar:
            report.alerts.append(
                QT_TRANSLATE_NOOP("Drift", "The model is unsure about {share:.0f}% of the music (confidence below "
                                           "{low:.2f}; expected at most {bar:.0f}%).")
                .format(share=100.0 * share, low=t.low_confidence, bar=100.0 * bar)
            )

    if correction_correct is not None and len(correction_correct):
        correct = np.asarray(correction_correct, dtype=bool)
        report.n_corrections = len(correct)
        report.live_accuracy = float(correct.mean())
        if correction_confidence is not None:
            conf = np.asarray(correction_confidence, dtype=np.float64)
            known = np.isfinite(conf)
            report.reliability = reliability_table(conf[known], correct[known], t.reliability_bins)
            report.live_ece = ece_from_table(report.reliability)
        if report.n_corrections < t.min_corrections:
            if report.n_corrections == 1:
                note = QT_TRANSLATE_NOOP(
                    "Drift", "Telling how often the model is right on this music needs {needed} "
                             "corrections; so far there is {count}.")
            else:
                note = QT_TRANSLATE_NOOP(
                    "Drift", "Telling how often the model is right on this music needs {needed} "
                             "corrections; so far there are {count}.")
            report.notes.append(note.format(count=report.n_corrections, needed=t.min_corrections))
        else:
            if report.live_accuracy < t.live_accuracy:
                report.alerts.append(
                    QT_TRANSLATE_NOOP("Drift", "Your {count} corrections say the model was right {accuracy:.0f}% "
                                               "of the time (expected at least {bar:.0f}%).")
                    .format(count=report.n_corrections, accuracy=100.0 * report.live_accuracy,
                            bar=100.0 * t.live_accuracy)
                )
            if report.live_ece is not None and report.live_ece > t.live_ece:
                report.alerts.append(
                    QT_TRANSLATE_NOOP("Drift", "On your corrections the confidence shown does not match how often "
                                               "the model is right (calibration error {ece:.2f}, expected at most "
                                               "{bar:.2f}).")
                    .format(ece=report.live_ece, bar=t.live_ece)
                )
    return report
