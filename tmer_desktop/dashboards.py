"""The numbers behind the dashboards (no Qt): every chart is a pandas table, exportable as CSV.

    collect(store, *, training_csv=TRAINING_CSV, thresholds=DriftThresholds()) -> Dashboard
    Dashboard.tables() -> dict[chart id, DataFrame]; Dashboard.drift -> DriftReport
    write_table_csv(frame, path)                              # atomic
    library_drift(store, ...) -> DriftReport

Charts: emotion distributions by artist, album, genre, folder and session playlist
(tracks counted by their track-level label); the confidence histogram (window level, by
predicted label); and, from corrections, the confusion matrix and the reliability curve.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tmer_desktop.csvfile import write_frame_csv
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.exports import tracks_frame, windows_frame
from tmer_desktop.library.schema import EMOTIONS
from tmer_desktop.model.drift import DriftReport, DriftThresholds, assess_drift, reliability_table
from tmer_desktop.paths import TRAINING_CSV
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

# Group names of the tables (also their CSV rows); marked, so that a chart shows them translated.
UNKNOWN = QT_TRANSLATE_NOOP("Dashboards", "(unknown)")
OTHER = QT_TRANSLATE_NOOP("Dashboards", "(other)")
MAX_GROUPS = 20  # more groups than this are summed into "(other)": a chart stays readable
CONFIDENCE_EDGES = np.round(np.arange(0.25, 1.0001, 0.05), 2)  # a 4-class top probability is ≥ 0.25

# Chart id -> title (marked: the dashboard shows it in the interface language).
CHARTS: dict[str, str] = {
    "by_artist": QT_TRANSLATE_NOOP("Dashboards", "Emotions by artist"),
    "by_album": QT_TRANSLATE_NOOP("Dashboards", "Emotions by album"),
    "by_genre": QT_TRANSLATE_NOOP("Dashboards", "Emotions by genre"),
    "by_folder": QT_TRANSLATE_NOOP("Dashboards", "Emotions by folder"),
    "by_session": QT_TRANSLATE_NOOP("Dashboards", "Emotions by session playlist"),
    "confidence": QT_TRANSLATE_NOOP("Dashboards", "Confidence histogram"),
    "confusion": QT_TRANSLATE_NOOP("Dashboards", "Confusion matrix (corrections)"),
    "reliability": QT_TRANSLATE_NOOP("Dashboards", "Reliability curve (corrections)"),
    "drift": QT_TRANSLATE_NOOP("Dashboards", "Difference from the training music"),
}


@dataclass
class Dashboard:
    by_artist: pd.DataFrame
    by_album: pd.DataFrame
    by_genre: pd.DataFrame
    by_folder: pd.DataFrame
    by_session: pd.DataFrame
    confidence: pd.DataFrame
    confusion: pd.DataFrame
    reliability: pd.DataFrame
    drift: DriftReport
    n_tracks: int = 0
    n_corrections: int = 0
    notes: list[str] = field(default_factory=list)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "by_artist": self.by_artist,
            "by_album": self.by_album,
            "by_genre": self.by_genre,
            "by_folder": self.by_folder,
            "by_session": self.by_session,
            "confidence": self.confidence,
            "confusion": self.confusion,
            "reliability": self.reliability,
            "drift": drift_table(self.drift),
        }


# --------------------------------------------------------------------------- distributions
def distribution(labels: pd.Series, groups: pd.Series, *, max_groups: int = MAX_GROUPS) -> pd.DataFrame:
    """Tracks per group and emotion: one row per group (most tracks first), a column per emotion + total."""
    frame = pd.DataFrame({"group": groups.fillna(str(UNKNOWN)).astype(str), "label": labels})
    frame = frame[frame["label"].isin(EMOTIONS)]
    frame.loc[frame["group"].str.strip() == "", "group"] = str(UNKNOWN)
    counts = pd.crosstab(frame["group"], frame["label"]).reindex(columns=list(EMOTIONS), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values(["total"], ascending=False, kind="stable")
    if len(counts) > max_groups:
        head, tail = counts.iloc[: max_groups - 1], counts.iloc[max_groups - 1 :]
        counts = pd.concat([head, tail.sum().to_frame(str(OTHER)).T])
    counts.index.name = "group"
    return counts.astype("int64")


def session_distribution(store, track_labels: dict[int, str]) -> pd.DataFrame:
    rows = []
    for session in store.sessions():
        name = f"{session.title} (#{session.id})"
        for item in store.session_items(session.id):
            rows.append((name, track_labels.get(item.track_id)))
    frame = pd.DataFrame(rows, columns=["group", "label"])
    return distribution(frame["label"], frame["group"])


def confidence_histogram(confidence: pd.Series, labels: pd.Series) -> pd.DataFrame:
    """Counts per confidence bin (low, high] and predicted emotion."""
    edges = CONFIDENCE_EDGES
    values = confidence.to_numpy(dtype=np.float64, na_value=np.nan)
    keep = np.isfinite(values)
    index = np.clip(np.searchsorted(edges, values[keep], side="left") - 1, 0, len(edges) - 2)
    table = pd.DataFrame(0, index=range(len(edges) - 1), columns=list(EMOTIONS), dtype="int64")
    for b, label in zip(index, labels.to_numpy()[keep]):
        if label in EMOTIONS:
            table.loc[b, label] += 1
    table.insert(0, "high", edges[1:])
    table.insert(0, "low", edges[:-1])
    table["total"] = table[list(EMOTIONS)].sum(axis=1)
    return table


# --------------------------------------------------------------------------- corrections
def confusion_table(feedback) -> pd.DataFrame:
    """Rows: the true label (confirmed or corrected); columns: what the model predicted."""
    table = pd.DataFrame(0, index=list(EMOTIONS), columns=list(EMOTIONS), dtype="int64")
    for row in feedback:
        if row.true_label in EMOTIONS and row.predicted_label in EMOTIONS:
            table.loc[row.true_label, row.predicted_label] += 1
    table.index.name = "true \\ predicted"
    return table


def reliability_frame(feedback, bins: int = 10) -> pd.DataFrame:
    usable = [r for r in feedback if r.confidence is not None]
    table = reliability_table(
        np.array([r.confidence for r in usable], dtype=np.float64),
        np.array([r.is_correct for r in usable], dtype=bool),
        bins,
    )
    return pd.DataFrame(
        [(b.low, b.high, b.count, b.mean_confidence, b.accuracy) for b in table],
        columns=["low", "high", "count", "mean_confidence", "accuracy"],
    )


def active_model_version(store) -> str | None:
    """The version string the active model's predictions carry (the shipped model has its own)."""
    active = store.active_model()
    if active is None:
        return None
    return active.metrics.get("model_version") or active.version


def live_feedback(store) -> list:
    """Corrections on the active model's predictions; all corrections when no model is registered."""
    return store.feedback_rows(model_version=active_model_version(store))


# --------------------------------------------------------------------------- drift
def library_windows(store) -> tuple[np.ndarray, float]:
    """All analysis windows' features (FEATURE_NAMES order) and the effective number of windows.

    Overlapping windows repeat the same audio; a track counts as its covered time divided
    by the window length (non-overlapping equivalents), never less than one.
    """
    order = [store.feature_names().index(name) for name in FEATURE_NAMES]
    blocks, effective = [], 0.0
    for summary in store.tracks():
        windows = store.windows_for_track(summary.id)
        if not windows:
            continue
        blocks.append(np.array([w.features for w in windows], dtype=np.float64)[:, order])
        length = max(w.duration for w in windows)
        covered = max(w.start + w.duration for w in windows) - min(w.start for w in windows)
        effective += max(1.0, covered / length) if length > 0 else 1.0
    if not blocks:
        return np.empty((0, len(FEATURE_NAMES))), 0.0
    return np.vstack(blocks), effective


def training_matrix(training_csv: str | os.PathLike = TRAINING_CSV) -> np.ndarray:
    from tmer_desktop.model.data import load_labelled_csv

    return load_labelled_csv(training_csv).X.loc[:, list(FEATURE_NAMES)].to_numpy(dtype=np.float64)


def baseline_low_confidence(store, threshold: float) -> float | None:
    """The active model's own low-confidence share on cross-validation, if its metrics say."""
    active = store.active_model()
    metrics = active.metrics if active else {}
    value = metrics.get("low_confidence_share")
    if value is None and metrics.get("auto_share") is not None:
        value = 1.0 - float(metrics["auto_share"])
    return float(value) if value is not None else None


def library_drift(
    store,
    *,
    training_csv: str | os.PathLike = TRAINING_CSV,
    thresholds: DriftThresholds = DriftThresholds(),
    windows: pd.DataFrame | None = None,
    feedback: list | None = None,
) -> DriftReport:
    library, effective = library_windows(store)
    if windows is None:
        windows = windows_frame(store)
    feedback = live_feedback(store) if feedback is None else feedback
    with_confidence = [r for r in feedback if r.confidence is not None]
    return assess_drift(
        training_matrix(training_csv),
        library,
        FEATURE_NAMES,
        effective_windows=effective,
        confidences=windows["confidence"].dropna().to_numpy(dtype=np.float64),
        baseline_low_confidence_share=baseline_low_confidence(store, thresholds.low_confidence),
        correction_confidence=np.array([r.confidence for r in with_confidence], dtype=np.float64),
        correction_correct=np.array([r.is_correct for r in with_confidence], dtype=bool),
        thresholds=thresholds,
    )


def drift_table(report: DriftReport) -> pd.DataFrame:
    return pd.DataFrame(
        [(f.name, f.psi, f.threshold, f.shifted, f.library_nan_share) for f in report.features],
        columns=["feature", "psi", "threshold", "shifted", "library_nan_share"],
    )


# --------------------------------------------------------------------------- all at once
def collect(
    store,
    *,
    training_csv: str | os.PathLike = TRAINING_CSV,
    thresholds: DriftThresholds = DriftThresholds(),
) -> Dashboard:
    tracks = tracks_frame(store)
    windows = windows_frame(store)
    feedback = live_feedback(store)
    folders = tracks["path"].map(lambda p: os.path.dirname(p) if isinstance(p, str) else None)
    labels = tracks["label"]
    track_labels = {
        s.id: s.label for s in store.tracks() if s.label is not None
    }
    return Dashboard(
        by_artist=distribution(labels, tracks["artist"]),
        by_album=distribution(labels, tracks["album"]),
        by_genre=distribution(labels, tracks["genre"]),
        by_folder=distribution(labels, folders),
        by_session=session_distribution(store, track_labels),
        confidence=(
            confidence_histogram(windows["confidence"], windows["label"])
            if windows["confidence"].notna().any()
            else confidence_histogram(tracks["confidence"], tracks["label"])  # track-level predictions only
        ),
        confusion=confusion_table(feedback),
        reliability=reliability_frame(feedback, thresholds.reliability_bins),
        drift=library_drift(
            store, training_csv=training_csv, thresholds=thresholds, windows=windows, feedback=feedback
        ),
        n_tracks=len(tracks),
        n_corrections=len(feedback),
    )


def write_table_csv(frame: pd.DataFrame, path: str | os.PathLike) -> int:
    """One chart's table as CSV (atomic, spreadsheet-safe: group names are artists, albums,
    folders); the index is written when it names the rows."""
    return write_frame_csv(frame, path, index=frame.index.name is not None)
