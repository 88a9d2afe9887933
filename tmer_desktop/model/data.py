"""Loading labelled feature tables (the training CSV, feedback rows) into model-ready arrays."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from tmer_desktop.errors import FileError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import EMOTIONS

CLASSES: tuple[str, ...] = EMOTIONS
# The dataset spells "relaxed" as "relax"; accept both, and any letter case.
_LABEL_ALIASES = {"relax": "relaxed"}
LABEL_COLUMN_CANDIDATES = ("Class", "label", "corrected_label")
MAX_CSV_BYTES = 200 * 1024 * 1024


class DataError(FileError):
    """A labelled feature table is unusable; the message names the file and the reason."""


@dataclass(frozen=True)
class LabelledData:
    X: pd.DataFrame  # FEATURE_NAMES columns, float64, NaN allowed
    y: np.ndarray  # int class indices into CLASSES
    groups: np.ndarray  # rows with identical features and label share a group

    def __len__(self) -> int:
        return len(self.y)


def normalise_label(value: object) -> str | None:
    text = str(value).strip().lower()
    text = _LABEL_ALIASES.get(text, text)
    return text if text in CLASSES else None


def row_keys(X, y=None, *, decimals: int | None = 9) -> np.ndarray:
    """One integer per row, numbered in order of first appearance; rows share one when their
    features are equal (rounded to `decimals` places, None: exactly; NaN equals NaN) and, when
    `y` is given, their labels too. The one way the model side recognises duplicate rows."""
    values = np.asarray(X, dtype=np.float64)
    if decimals is not None:
        values = np.round(values, decimals)
    values = np.nan_to_num(values, nan=np.inf, posinf=np.inf, neginf=-np.inf)  # NaN = NaN
    if y is not None:
        values = np.column_stack([values, np.asarray(y, dtype=np.float64)])
    if len(values) == 0:
        return np.empty(0, dtype=np.int64)
    _, first, inverse = np.unique(values, axis=0, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    return rank[inverse.reshape(-1)]


def duplicate_groups(X: pd.DataFrame, y: np.ndarray) -> np.ndarray:
    """Group id per row; duplicates (same features to 9 decimals, which makes the CSV's 3-decimal
    duplicates match even after a float round trip, and the same label) share one id."""
    return row_keys(X, y)


def _first_row(mask) -> int:
    """The 1-based data row (the line after the header is row 1) of the first True in mask."""
    return int(np.flatnonzero(np.asarray(mask))[0]) + 1


def _numeric_features(table: pd.DataFrame, source: str) -> pd.DataFrame:
    """The feature columns as float64; a value that is not a number is named by column and row."""
    columns = {}
    for name in FEATURE_NAMES:
        raw = table[name]
        values = pd.to_numeric(raw, errors="coerce")
        bad = values.isna().to_numpy() & raw.notna().to_numpy()
        if bad.any():
            row = _first_row(bad)
            raise DataError(source, QT_TRANSLATE_NOOP(
                "Model", "the value {value} in column {column}, data row {row}, is not a number")
                .format(value=repr(raw.iloc[row - 1]), column=name, row=row))
        columns[name] = values.astype(np.float64).to_numpy()
    X = pd.DataFrame(columns, columns=list(FEATURE_NAMES))
    infinite = np.isinf(X.to_numpy())
    if infinite.any():
        rows, cols = np.nonzero(infinite)
        raise DataError(source, QT_TRANSLATE_NOOP(
            "Model", "the value in column {column}, data row {row}, is infinite")
            .format(column=FEATURE_NAMES[int(cols[0])], row=int(rows[0]) + 1))
    return X


def frame_from_table(table: pd.DataFrame, source: str) -> LabelledData:
    """Validate a labelled table (50 feature columns + a label column) and convert it."""
    missing = [name for name in FEATURE_NAMES if name not in table.columns]
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise DataError(source, QT_TRANSLATE_NOOP("Model", "missing {count} feature column(s): {columns}")
                        .format(count=len(missing), columns=shown))
    label_col = next((c for c in LABEL_COLUMN_CANDIDATES if c in table.columns), None)
    if label_col is None:
        raise DataError(source, QT_TRANSLATE_NOOP("Model", "no label column (expected one of {columns})")
                        .format(columns=", ".join(LABEL_COLUMN_CANDIDATES)))
    if len(table) == 0:
        raise DataError(source, QT_TRANSLATE_NOOP("Model", "no data rows"))
    labels = table[label_col].map(normalise_label)
    bad = labels.isna()
    if bad.any():
        row = _first_row(bad)
        raise DataError(source, QT_TRANSLATE_NOOP(
            "Model", "{count} row(s) with an unknown label (first: {first}, data row {row}); "
                     "expected one of {labels} (or 'relax')")
            .format(count=int(bad.sum()), first=repr(table[label_col].iloc[row - 1]), row=row,
                    labels=", ".join(CLASSES)))
    X = _numeric_features(table, source)
    all_nan = X.isna().all(axis=1)
    if all_nan.any():
        raise DataError(source, QT_TRANSLATE_NOOP(
            "Model", "{count} row(s) have no feature values at all (first: data row {row})")
            .format(count=int(all_nan.sum()), row=_first_row(all_nan)))
    y = labels.map(CLASSES.index).to_numpy(dtype=np.int64)
    if "group" in table.columns:
        # Windows of one recording overlap: keep them together (the feedback export's `group`).
        groups = pd.factorize(table["group"].astype(str).to_numpy())[0].astype(np.int64)
        return LabelledData(X=X, y=y, groups=groups)
    return LabelledData(X=X, y=y, groups=duplicate_groups(X, y))


def load_labelled_csv(path: str | os.PathLike) -> LabelledData:
    """Read a labelled feature CSV (the training data or exported feedback) with clear errors."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError(path, QT_TRANSLATE_NOOP("Model", "cannot read the file ({detail})")
                        .format(detail=exc.strerror or str(exc))) from None
    if size == 0:
        raise DataError(path, QT_TRANSLATE_NOOP("Model", "the file is empty"))
    if size > MAX_CSV_BYTES:
        raise DataError(path, QT_TRANSLATE_NOOP("Model", "the file is too large ({size:.0f} MB) for a feature table")
                        .format(size=size / 1e6))
    try:
        table = pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, OSError) as exc:
        raise DataError(path, QT_TRANSLATE_NOOP("Model", "not a readable CSV file ({detail})")
                        .format(detail=str(exc))) from None
    return frame_from_table(table, str(path))


def combine(first: LabelledData, second: LabelledData) -> LabelledData:
    """Rows of both tables; group ids stay distinct, and a second-table row identical to a
    first-table row joins that row's group (so it cannot sit on the other side of a split)."""
    X = pd.concat([first.X, second.X], ignore_index=True)
    y = np.concatenate([first.y, second.y])
    offset = int(first.groups.max()) + 1 if len(first.groups) else 0
    groups = np.concatenate([first.groups, second.groups + offset])
    dup = duplicate_groups(X, y)
    for d in np.unique(dup[len(first.y):]):
        members = np.flatnonzero(dup == d)
        if members[0] < len(first.y):  # an exact copy of a first-table row: merge the groups
            groups[np.isin(groups, groups[members])] = groups[members[0]]
    return LabelledData(X=X, y=y, groups=groups)
