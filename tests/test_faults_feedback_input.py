"""The feedback CSV reader on huge and hostile files: refused early, in seconds and bounded
memory, with a message naming the file and the reason; a large valid file reads quickly and exactly.

Each hostile file is generated here, in tmp_path. Time and peak memory are measured in a fresh
Python process (ru_maxrss of that process, imports included), so one test's allocations cannot
hide another's. The bounds are loose (a shared two-core machine): the old reader took 19 s on the
1 MB line, never finished the 10 MB one, and used 4-6 GB on a million rows.
"""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
import time

import numpy as np
import pytest
from test_feedback_fixtures import training_table

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model.corrections import (
    MAX_FEEDBACK_COLUMNS,
    MAX_FEEDBACK_LINE_CHARS,
    MAX_FEEDBACK_ROWS,
    FeedbackFormatError,
    FeedbackRecord,
    read_feedback_csv,
    write_feedback_csv,
)

SECONDS = 5.0
PEAK_MB = 400  # a bare interpreter with pandas imported is ~100 MB of it

# Peak memory is VmHWM: ru_maxrss would keep the high-water mark of the pytest process across exec.
_MEASURE = """
import json, sys, time
from tmer_desktop.model.corrections import FeedbackFormatError, read_feedback_csv
start = time.perf_counter()
try:
    rows, error = len(read_feedback_csv(sys.argv[1])), None
except FeedbackFormatError as exc:
    rows, error = None, str(exc)
seconds = time.perf_counter() - start
with open("/proc/self/status") as fh:
    peak_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "rows": rows, "error": error, "peak_mb": peak_kb / 1024}))
"""


def _read_in_fresh_process(path) -> dict:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _garbage_line(path, size: int) -> None:
    """`size` bytes of letters and commas, no line break: thousands of header cells on one line."""
    alphabet = b"abcdefghijklmnopqrstuvwxyz,"
    table = bytes(alphabet[i % len(alphabet)] for i in range(256))
    path.write_bytes(os.urandom(size).translate(table))


def _short_rows(path, n: int) -> None:
    """Valid-looking rows with only the required columns and one-digit values (about 107 bytes each)."""
    header = "predicted_label,is_correct,corrected_label," + ",".join(FEATURE_NAMES) + "\n"
    row = "sad,1,," + ",".join(["1"] * len(FEATURE_NAMES)) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for start in range(0, n, 10_000):
            fh.write(row * min(10_000, n - start))


@pytest.mark.parametrize("megabytes", [1, 10])
def test_one_huge_garbage_line_is_refused_at_once(tmp_path, megabytes):
    path = tmp_path / f"garbage{megabytes}.csv"
    _garbage_line(path, megabytes * 1_000_000)
    seen = _read_in_fresh_process(path)
    assert seen["error"] == (f"{path}: line 1: a row longer than {MAX_FEEDBACK_LINE_CHARS} characters; "
                             "not a feedback CSV (a correction row has 1,000 to 2,000)")
    assert seen["seconds"] < SECONDS and seen["peak_mb"] < PEAK_MB


def test_a_header_of_many_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    n = 15_000  # 100 kB: within the line limit, so the column limit is what refuses it
    path.write_text(",".join(f"c{i}" for i in range(n)) + "\n" + ",".join(["1"] * n) + "\n")
    started = time.perf_counter()
    with pytest.raises(FeedbackFormatError) as caught:
        read_feedback_csv(path)
    assert str(caught.value) == f"{path}: the header has {n} columns; a feedback CSV has at most {MAX_FEEDBACK_COLUMNS}"
    assert time.perf_counter() - started < SECONDS


def test_duplicated_columns_are_found_in_linear_time(tmp_path):
    # Within every limit, and all duplicates: the old check counted each name in the whole header.
    names = [f"c{i % 250}" for i in range(MAX_FEEDBACK_COLUMNS)]
    path = tmp_path / "twice.csv"
    path.write_text(",".join(names) + "\n")
    with pytest.raises(FeedbackFormatError, match=r"twice\.csv: duplicated column\(s\): c0, c1, c10, c100, "):
        read_feedback_csv(path)


def test_a_million_rows_are_refused_by_size_at_once(tmp_path):
    path = tmp_path / "million.csv"
    _short_rows(path, 1_000_000)
    seen = _read_in_fresh_process(path)
    assert seen["error"] == f"{path}: the file is too large (107 MB); a feedback CSV may have at most 40 MB"
    assert seen["seconds"] < SECONDS and seen["peak_mb"] < PEAK_MB


def test_rows_beyond_the_limit_are_refused_and_the_limit_itself_reads(tmp_path):
    over = tmp_path / "over.csv"
    _short_rows(over, MAX_FEEDBACK_ROWS + 1)  # 2 MB: within the size limit, so the row limit refuses it
    seen = _read_in_fresh_process(over)
    assert seen["error"] == (f"{over}: more than {MAX_FEEDBACK_ROWS} rows, the most a feedback CSV "
                             "may hold (is this a file from 'tmer export-feedback'?)")
    assert seen["seconds"] < SECONDS and seen["peak_mb"] < PEAK_MB
    at_limit = tmp_path / "at_limit.csv"
    _short_rows(at_limit, MAX_FEEDBACK_ROWS)
    seen = _read_in_fresh_process(at_limit)
    assert seen["rows"] == MAX_FEEDBACK_ROWS and seen["error"] is None
    assert seen["seconds"] < SECONDS and seen["peak_mb"] < PEAK_MB


@pytest.mark.parametrize("blank", ["\n", ",\n"])
def test_a_flood_of_blank_lines_is_refused_at_the_row_limit(tmp_path, blank):
    path = tmp_path / "blank.csv"
    _short_rows(path, 1)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(blank * 15_000_000)  # 15-30 MB: within the size limit; skipping them took 6-20 s
    seen = _read_in_fresh_process(path)
    assert seen["error"] == (f"{path}: more than {MAX_FEEDBACK_ROWS} rows, the most a feedback CSV "
                             "may hold (is this a file from 'tmer export-feedback'?)")
    assert seen["seconds"] < SECONDS and seen["peak_mb"] < PEAK_MB


def test_a_row_spread_over_many_lines_by_a_quoted_field_is_bounded(tmp_path):
    path = tmp_path / "long_note.csv"
    _short_rows(path, 1)
    note = ("x" * 999 + "\n") * 300  # 300 kB in one quoted cell, no line longer than 1 kB
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('sad,1,"' + note + '",' + ",".join(["1"] * 49) + "\n")
    with pytest.raises(FeedbackFormatError,
                       match=rf"long_note\.csv: line \d+: a row longer than {MAX_FEEDBACK_LINE_CHARS}"):
        read_feedback_csv(path)


def test_a_bad_byte_far_into_the_file_is_named_by_its_offset(tmp_path):
    path = tmp_path / "latin1.csv"
    _short_rows(path, 2000)  # 214 kB: the bad byte lies beyond the reader's first chunks
    data = path.read_bytes()
    offset = len(data) - 30
    path.write_bytes(data[:offset] + b"\xe9" + data[offset + 1:])
    with pytest.raises(FeedbackFormatError, match=rf"latin1\.csv: not a UTF-8 text file \(byte {offset} is invalid\)"):
        read_feedback_csv(path)


def test_a_bom_and_windows_line_ends_still_read(tmp_path):
    path = tmp_path / "excel.csv"
    _short_rows(path, 3)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    records = read_feedback_csv(path)
    assert [r.label for r in records] == ["sad"] * 3 and records[2].features == (1.0,) * len(FEATURE_NAMES)


def _records(n: int) -> list[FeedbackRecord]:
    """n corrections like a real library's: windows of 3 per recording, features at full precision."""
    table = training_table()
    features = table[list(FEATURE_NAMES)].to_numpy(np.float64)
    rng = random.Random(3)
    records = []
    for i in range(n):
        row = i % len(table)
        values = tuple(v * (1 + rng.gauss(0, 0.05)) for v in features[row])  # 17 significant digits
        label = table["label"].iloc[row]
        wrong = i % 4 == 0
        predicted = "happy" if wrong and label != "happy" else ("sad" if wrong else label)
        records.append(FeedbackRecord(
            feedback_id=i + 1, clip_id=f"{i // 3:016x}@{30.0 * (i % 3):.3f}", track_id=i // 3 + 1, window_id=i + 1,
            track_hash=f"{i // 3:064x}", track_path=f"/music/Artist {i % 7}/track{i // 3}.flac",
            file_name=f"track{i // 3}.flac", start=30.0 * (i % 3), duration=30.0, predicted_label=predicted,
            confidence=0.5 + (i % 50) / 100, is_correct=not wrong, corrected_label=label if wrong else None,
            note="heard in session 3" if i % 5 == 0 else None, created_at="2026-11-28T10:00:00+00:00",
            model_version="bundled", artist=f"Artist {i % 7}", album="Album", title=f"Track {i // 3}",
            genre="folk", features=values,
        ))
    return records


def test_ten_thousand_real_looking_rows_read_quickly_and_exactly(tmp_path):
    records = _records(10_000)
    path = tmp_path / "big.csv"
    assert write_feedback_csv(records, path) == len(records)
    started = time.perf_counter()
    back = read_feedback_csv(path)
    assert time.perf_counter() - started < 10.0  # measured: 0.45 s (the old reader: about 1 s)
    assert back == records  # every field, every feature bit for bit (no NaN among them)
    assert not any(math.isnan(v) for r in back for v in r.features)
