"""Every CSV the app writes goes through here: text cells are made safe for spreadsheets.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
and track titles, artists and paths come from files the user did not write: a title
`=HYPERLINK("http://x","y")` would be a live link in a shared export. So a *text* cell starting
with one of those characters gets a leading apostrophe (OWASP's advice for CSV injection; a
spreadsheet shows the rest as plain text). Numbers are never touched: a cell that is a plain
decimal number ("-0.5", "+3", "1e-05") is a number to a spreadsheet, not a formula, so numeric
columns stay numeric even when written as pre-formatted text.

The prefix is reversible: a text that already starts with apostrophes followed by a trigger
character gets one more, and `restore_text` takes exactly one off, so a reader (the feedback
CSV is read back for retraining) gets every text back exactly.

    safe_cell(value) -> value          # str: neutralised if needed; anything else unchanged
    restore_text(text) -> str          # the inverse, for reading a file written here back
    SafeCsvWriter(fh, **fmtparams)     # csv.writer whose rows go through safe_cell
    safe_frame(frame) -> DataFrame     # text columns, text index and header neutralised
    write_frame_csv(frame, path, *, index=False)   # atomic (tmer_desktop.atomic), UTF-8

Parquet exports are typed columns no spreadsheet evaluates, and are written unchanged.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from tmer_desktop.atomic import atomic_output

# OWASP's list: what spreadsheets (Excel, LibreOffice, Google Sheets) start a formula with.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_PREFIX = re.compile(r"'*[=+\-@\t\r]")
_PREFIXED = re.compile(r"'+[=+\-@\t\r]")
# A plain decimal number: what a spreadsheet reads as a number, never as a formula.
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value):
    """A text cell a spreadsheet cannot run; non-text values (numbers, None) are returned as they are."""
    if isinstance(value, str) and _NEEDS_PREFIX.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_text(text: str) -> str:
    """The text `safe_cell` was given: one apostrophe before a trigger character is taken off."""
    return text[1:] if _PREFIXED.match(text) else text


class SafeCsvWriter:
    """csv.writer with every text cell passed through safe_cell (header included)."""

    def __init__(self, fh, **fmtparams):
        self._writer = csv.writer(fh, **fmtparams)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def _safe_labels(labels: pd.Index) -> pd.Index:
    return labels.map(safe_cell) if labels.dtype == object or pd.api.types.is_string_dtype(labels) else labels


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns (object/string dtype), text index and column names are neutralised;
    numeric, boolean and date columns are left as they are."""
    out = frame.copy()
    for i in range(len(frame.columns)):
        series = frame.iloc[:, i]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out.isetitem(i, series.map(safe_cell, na_action="ignore"))
    out.columns = _safe_labels(out.columns)
    out.index = _safe_labels(out.index)
    return out


def write_frame_csv(frame: pd.DataFrame, path: str | os.PathLike, *, index: bool = False) -> int:
    """Write a frame atomically as a spreadsheet-safe UTF-8 CSV; returns the row count."""
    with atomic_output(Path(path)) as tmp:
        safe_frame(frame).to_csv(tmp, index=index, encoding="utf-8")
    return len(frame)
