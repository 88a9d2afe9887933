"""The corrections CSV: the model's format for training data from a user's verdicts.

One row per correction (a window or track the user confirmed or corrected; docs/feedback.md
documents every column). The 50 features travel with each row, so a retrain needs neither the
audio nor the library. Writing is atomic; reading validates everything within fixed limits and
names the file, the row and the column of the first problem. Where the records come from (the
library, for one) is not this module's business: see tmer_desktop.analysis.corrections.

    FeedbackRecord                                                  # one correction
    write_feedback_csv(records, out) -> int                         # rows written
    read_feedback_csv(path) -> list[FeedbackRecord]                 # FeedbackFormatError
    anonymised(record) -> FeedbackRecord                            # PRIVATE_COLUMNS emptied
    training_table(records) -> pandas.DataFrame                     # label + 50 features
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import operator
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from tmer_desktop.atomic import atomic_output
from tmer_desktop.csvfile import SafeCsvWriter, restore_text
from tmer_desktop.errors import TmerError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.vocabulary import EMOTIONS

SCHEMA_VERSION = 1

# Limits of a feedback CSV read back (retraining, the model store). A therapist gives at most a
# few thousand corrections (one per 30 s window heard and judged: 5,000 are 40 hours of
# listening); an exported row is about 1.2 kB (50 features at full precision). The limits leave
# four times that room, and stop where a retrain stops being practical (its time grows with the
# rows: 10,000 corrections took 8.6 min, docs/feedback.md); a mistaken or hostile file (a
# database dump, one huge line, a million rows) is refused in about a second, not minutes and GBs.
MAX_FEEDBACK_ROWS = 20_000  # rows of the file, blank lines included
MAX_FEEDBACK_BYTES = 40 * 1000 * 1000  # 20,000 rows of up to 2 kB (long paths and notes)
MAX_FEEDBACK_COLUMNS = 500  # the schema has 71; room for a spreadsheet's extra columns
# A real row has 1-2 kB, a long note included; csv's own limit of one cell is the same 128 KiB.
MAX_FEEDBACK_LINE_CHARS = 128 * 1024

# Descriptive columns first, then the 50 features in dataset order.
META_COLUMNS: tuple[str, ...] = (
    "feedback_id", "clip_id", "track_id", "window_id", "track_hash", "track_path", "file_name",
    "start", "duration", "predicted_label", "confidence", "is_correct", "corrected_label",
    "label", "note", "created_at", "model_version", "artist", "album", "title", "genre",
)
COLUMNS: tuple[str, ...] = (*META_COLUMNS, *FEATURE_NAMES)
# A file without these cannot be trained on; the other descriptive columns are optional.
REQUIRED_COLUMNS: tuple[str, ...] = ("predicted_label", "is_correct", "corrected_label", *FEATURE_NAMES)
# Emptied by anonymise: they can identify a client's files or carry a therapist's free text.
PRIVATE_COLUMNS: tuple[str, ...] = ("track_path", "file_name", "title", "note")

_LABEL_ALIASES = {"relax": "relaxed"}
_TRUE = {"1", "true", "yes", "correct"}
_FALSE = {"0", "false", "no", "incorrect"}


class FeedbackFormatError(TmerError):
    """A feedback CSV is unusable; the message names the file (and row/column) and the reason."""


@dataclass(frozen=True)
class FeedbackRecord:
    """One correction as it appears in the CSV (None = empty cell; NaN features = empty cell)."""

    feedback_id: int | None
    clip_id: str
    track_id: int | None
    window_id: int | None
    track_hash: str | None
    track_path: str | None
    file_name: str | None
    start: float | None
    duration: float | None
    predicted_label: str | None
    confidence: float | None
    is_correct: bool
    corrected_label: str | None
    note: str | None
    created_at: str | None
    model_version: str | None
    artist: str | None
    album: str | None
    title: str | None
    genre: str | None
    features: tuple[float, ...]

    @property
    def label(self) -> str | None:
        """What a retrain learns: the confirmed prediction or the correction (None: unknown)."""
        return self.predicted_label if self.is_correct else self.corrected_label

    @property
    def group(self) -> str:
        """Rows from the same recording share a group (their windows overlap; never split them)."""
        if self.track_hash:
            return f"hash:{self.track_hash}"
        if self.track_id is not None:
            return f"track:{self.track_id}"
        return f"clip:{self.clip_id}"


# --------------------------------------------------------------------------- writing
def make_clip_id(track_hash: str | None, track_id: int | None, start: float | None, feedback_id: int) -> str:
    """A stable id of the clip: the recording (content hash, else library id) and the start."""
    if start is None:
        return f"feedback-{feedback_id}"
    where = f"{start:.3f}"
    if track_hash:
        return f"{track_hash[:16]}@{where}"
    if track_id is not None:
        return f"track-{track_id}@{where}"
    return f"feedback-{feedback_id}@{where}"


def anonymised(record: FeedbackRecord) -> FeedbackRecord:
    """The record without what can identify a client's files or carry a therapist's free text."""
    cleared: dict[str, Any] = dict.fromkeys(PRIVATE_COLUMNS)  # every private column is optional
    return replace(record, **cleared)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        # repr() is the shortest text that reads back as the same double; NaN is an empty cell.
        return "" if math.isnan(value) else repr(value)
    return str(value)


def _row_cells(record: FeedbackRecord) -> list[str]:
    meta = [getattr(record, name) for name in META_COLUMNS]
    return [_cell(v) for v in meta] + [_cell(float(v)) for v in record.features]


def write_feedback_csv(records: Iterable[FeedbackRecord], out: str | os.PathLike) -> int:
    """Write records atomically (UTF-8, header + one row per record); returns the row count."""
    buffer = io.StringIO()
    # Titles, paths and notes come from tags and users: no formula for a spreadsheet (tmer_desktop/csvfile.py);
    # numbers pass unchanged, and the reader restores every text exactly.
    writer = SafeCsvWriter(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow(_row_cells(record))
        count += 1
    with atomic_output(out) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(buffer.getvalue())
            fh.flush()
    return count


# --------------------------------------------------------------------------- reading
class _RowReader:
    """Parses the cells of one data row; every error names file, row (1 = first data row) and column."""

    def __init__(self, source: str, row_number: int, cells: dict[str, str],
                 feature_cells: Sequence[str] | None = None):
        self.source = source
        self.row_number = row_number
        self.cells = cells
        self.feature_cells = feature_cells  # the 50 feature cells in FEATURE_NAMES order, if picked already

    def fail(self, column: str, reason: str) -> FeedbackFormatError:
        return FeedbackFormatError(QT_TRANSLATE_NOOP(
            "Feedback", "{path}: row {row} (line {line}), column '{column}': {reason}"
        ).format(path=self.source, row=self.row_number, line=self.row_number + 1, column=column, reason=reason))

    def text(self, column: str) -> str | None:
        value = self.cells.get(column, "")
        return value if value != "" else None

    def string(self, column: str) -> str | None:
        """A text column as the exporter was given it (its spreadsheet-safety prefix taken off)."""
        value = self.text(column)
        return None if value is None else restore_text(value)

    def integer(self, column: str) -> int | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return int(value)
        except ValueError:
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is not a whole number")
                            .format(value=repr(value))) from None

    def number(self, column: str, *, low: float | None = None, high: float | None = None) -> float | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is not a number")
                            .format(value=repr(value))) from None
        if not math.isfinite(number):
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is not a finite number")
                            .format(value=repr(value)))
        too_low = low is not None and number < low
        too_high = high is not None and number > high
        if (too_low or too_high) and low is not None and high is not None:
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is outside {low}..{high}")
                            .format(value=repr(value), low=low, high=high))
        if too_low:
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is below the minimum of {low}")
                            .format(value=repr(value), low=low))
        if too_high:
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is above the maximum of {high}")
                            .format(value=repr(value), high=high))
        return number

    def label(self, column: str) -> str | None:
        value = self.text(column)
        if value is None:
            return None
        name = value.strip().lower()
        name = _LABEL_ALIASES.get(name, name)
        if name not in EMOTIONS:
            raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "unknown label {value}; expected one of {labels}")
                            .format(value=repr(value), labels=", ".join(EMOTIONS)))
        return name

    def flag(self, column: str) -> bool:
        value = (self.text(column) or "").strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise self.fail(column, QT_TRANSLATE_NOOP("Feedback", "{value} is not 1/0 (true/false)")
                        .format(value=repr(self.cells.get(column, ""))))

    def features(self) -> tuple[float, ...]:
        cells = self.feature_cells
        if cells is None:
            cells = [self.cells.get(name, "") for name in FEATURE_NAMES]
        empty = cells.count("")
        try:
            # Fast path for a good row (the reading's main cost): every non-empty cell a finite
            # number, not all empty. Anything else takes the slow path, which names the cell.
            values = tuple(map(float, cells)) if not empty else tuple([float(c) if c else math.nan for c in cells])
            if empty < len(cells) and sum(map(math.isfinite, values)) == len(cells) - empty:
                return values
        except ValueError:
            pass
        return self._checked_features()

    def _checked_features(self) -> tuple[float, ...]:
        """The slow path: finds the first bad cell and names it."""
        values = []
        for name in FEATURE_NAMES:
            value = self.text(name)
            if value is None:
                values.append(math.nan)  # MIRtoolbox's NaN (e.g. the centroid of silence)
                continue
            number = self.number(name)
            values.append(math.nan if number is None else number)
        if all(math.isnan(v) for v in values):
            raise self.fail(FEATURE_NAMES[0], QT_TRANSLATE_NOOP("Feedback", "all {count} feature values are empty")
                            .format(count=len(FEATURE_NAMES)))
        return tuple(values)


def _parse_row(reader: _RowReader) -> FeedbackRecord:
    predicted = reader.label("predicted_label")
    corrected = reader.label("corrected_label")
    is_correct = reader.flag("is_correct")
    if is_correct and corrected is not None and corrected != predicted:
        raise reader.fail("corrected_label", QT_TRANSLATE_NOOP(
            "Feedback", "the row is marked correct but corrects {predicted} to {corrected}"
        ).format(predicted=repr(predicted), corrected=repr(corrected)))
    if not is_correct and corrected is not None and corrected == predicted:
        raise reader.fail("corrected_label", QT_TRANSLATE_NOOP(
            "Feedback", "the row is marked incorrect but confirms {predicted}"
        ).format(predicted=repr(predicted)))
    truth = predicted if is_correct else corrected
    stated = reader.label("label")
    if stated is not None and stated != truth:
        raise reader.fail("label", QT_TRANSLATE_NOOP(
            "Feedback", "{stated} disagrees with is_correct/predicted_label/corrected_label ({truth})"
        ).format(stated=repr(stated), truth=repr(truth)))
    feedback_id = reader.integer("feedback_id")
    track_id = reader.integer("track_id")
    start = reader.number("start", low=0.0)
    track_hash = reader.string("track_hash")
    return FeedbackRecord(
        feedback_id=feedback_id,
        clip_id=reader.string("clip_id") or make_clip_id(track_hash, track_id, start, reader.row_number),
        track_id=track_id,
        window_id=reader.integer("window_id"),
        track_hash=track_hash,
        track_path=reader.string("track_path"),
        file_name=reader.string("file_name"),
        start=start,
        duration=reader.number("duration", low=0.0),
        predicted_label=predicted,
        confidence=reader.number("confidence", low=0.0, high=1.0),
        is_correct=is_correct,
        corrected_label=corrected,
        note=reader.string("note"),
        created_at=reader.string("created_at"),
        model_version=reader.string("model_version"),
        artist=reader.string("artist"),
        album=reader.string("album"),
        title=reader.string("title"),
        genre=reader.string("genre"),
        features=reader.features(),
    )


def read_feedback_csv(path: str | os.PathLike) -> list[FeedbackRecord]:
    """Read and validate a feedback CSV written by `write_feedback_csv` (`tmer export-feedback`), or by
    hand with the same columns.

    One pass over the file, line by line, every check linear; the limits above are checked as
    the file is read, so a huge or hostile file is refused early, in bounded memory.
    """
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise FeedbackFormatError(QT_TRANSLATE_NOOP("Feedback", "{path}: is a folder, not a feedback CSV file")
                                  .format(path=source))
    try:
        with open(path, "rb") as raw:
            size = os.fstat(raw.fileno()).st_size
            if size == 0:
                raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                    "Feedback", "{path}: the file is empty (expected a header and correction rows)"
                ).format(path=source))
            if size > MAX_FEEDBACK_BYTES:
                raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                    "Feedback", "{path}: the file is too large ({megabytes:.0f} MB); a feedback CSV may have "
                                "at most {limit:.0f} MB"
                ).format(path=source, megabytes=size / 1e6, limit=MAX_FEEDBACK_BYTES / 1e6))
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            try:
                return _read_rows(source, _BoundedLines(text, source))
            except UnicodeDecodeError:
                raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                    "Feedback", "{path}: not a UTF-8 text file (byte {offset} is invalid)"
                ).format(path=source, offset=_first_invalid_byte(path))) from None
    except OSError as exc:
        raise _cannot_read(source, exc) from None


class _BoundedLines:
    """The file's lines for csv.reader; refuses NUL bytes and a row longer than
    MAX_FEEDBACK_LINE_CHARS, even one a quoted field spreads over many lines (the reader calls
    row_done() after each row). readline's own limit keeps one huge line out of memory."""

    def __init__(self, text: io.TextIOBase, source: str):
        self.text = text
        self.source = source
        self.line = 0
        self.row_chars = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_FEEDBACK_LINE_CHARS + 1)
        if not line:
            raise StopIteration
        self.line += 1
        self.row_chars += len(line)
        if self.row_chars > MAX_FEEDBACK_LINE_CHARS:
            raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                "Feedback", "{path}: line {line}: a row longer than {limit} characters; not a feedback CSV "
                            "(a correction row has 1,000 to 2,000)"
            ).format(path=self.source, line=self.line, limit=MAX_FEEDBACK_LINE_CHARS))
        if "\x00" in line:
            raise FeedbackFormatError(QT_TRANSLATE_NOOP("Feedback", "{path}: contains NUL bytes; not a CSV text file")
                                      .format(path=self.source))
        return line

    def row_done(self) -> None:
        self.row_chars = 0


def _read_rows(source: str, lines: _BoundedLines) -> list[FeedbackRecord]:
    rows = csv.reader(lines)
    try:
        header = next(rows, None)
        lines.row_done()
        if not header or all(not h.strip() for h in header):
            raise FeedbackFormatError(QT_TRANSLATE_NOOP("Feedback", "{path}: no header row").format(path=source))
        if len(header) > MAX_FEEDBACK_COLUMNS:
            raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                "Feedback", "{path}: the header has {count} columns; a feedback CSV has at most {limit}"
            ).format(path=source, count=len(header), limit=MAX_FEEDBACK_COLUMNS))
        header = [h.strip() for h in header]
        duplicated = sorted(h for h, n in Counter(header).items() if n > 1)
        if duplicated:
            raise FeedbackFormatError(QT_TRANSLATE_NOOP("Feedback", "{path}: duplicated column(s): {columns}")
                                      .format(path=source, columns=", ".join(duplicated)))
        present = set(header)
        missing = [c for c in REQUIRED_COLUMNS if c not in present]
        if missing:
            shown = ", ".join(missing[:6]) + (" …" if len(missing) > 6 else "")
            raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                "Feedback",
                "{path}: missing {count} required column(s): {columns} "
                "(is this a file from 'tmer export-feedback'?)",
            ).format(path=source, count=len(missing), columns=shown))
        pick_features = operator.itemgetter(*(header.index(name) for name in FEATURE_NAMES))
        records = []
        for number, cells in enumerate(rows, start=1):
            lines.row_done()
            if number > MAX_FEEDBACK_ROWS:  # blank rows count too: a file of blank lines is no cheaper
                raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                    "Feedback", "{path}: more than {limit} rows, the most a feedback CSV may hold "
                                "(is this a file from 'tmer export-feedback'?)"
                ).format(path=source, limit=MAX_FEEDBACK_ROWS))
            if not cells or all(not c.strip() for c in cells):
                continue  # a blank line (e.g. a trailing newline added by an editor)
            if len(cells) != len(header):
                raise FeedbackFormatError(QT_TRANSLATE_NOOP(
                    "Feedback", "{path}: row {row} (line {line}) has {cells} cells, the header has {columns}"
                ).format(path=source, row=number, line=lines.line, cells=len(cells), columns=len(header)))
            records.append(_parse_row(_RowReader(source, number, dict(zip(header, cells)), pick_features(cells))))
    except csv.Error as exc:
        raise FeedbackFormatError(QT_TRANSLATE_NOOP(
            "Feedback", "{path}: not a valid CSV file (line {line}: {detail})"
        ).format(path=source, line=lines.line, detail=str(exc))) from None
    if not records:
        raise FeedbackFormatError(QT_TRANSLATE_NOOP("Feedback", "{path}: has a header but no correction rows")
                                  .format(path=source))
    return records


def _first_invalid_byte(path: Path) -> int:
    """Offset of the first byte that is not UTF-8 (only on the error path: a second, chunked pass)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 16):
            held = len(decoder.getstate()[0])  # bytes of a character begun in the previous chunk
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset - held + exc.start
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return offset - len(decoder.getstate()[0]) + exc.start
    return offset


def _cannot_read(source: str, exc: OSError) -> FeedbackFormatError:
    return FeedbackFormatError(QT_TRANSLATE_NOOP("Feedback", "{path}: cannot read the feedback file ({detail})")
                               .format(path=source, detail=exc.strerror or str(exc)))


# --------------------------------------------------------------------------- training view
def training_table(records: Sequence[FeedbackRecord]) -> pd.DataFrame:
    """Rows with a known label, as a table the model's loader accepts (`label` + 50 features).

    Verdicts "wrong, but I don't know what it is" have no label and teach nothing; they are
    left out here (they still count in live accuracy). A `group` column keeps windows of one
    recording together for splitting.
    """
    usable = [r for r in records if r.label is not None]
    table = pd.DataFrame([r.features for r in usable], columns=list(FEATURE_NAMES), dtype="float64")
    table.insert(0, "label", [r.label for r in usable])
    table.insert(1, "group", [r.group for r in usable])
    return table
