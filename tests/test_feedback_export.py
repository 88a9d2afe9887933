"""Feedback export: the retraining schema, atomic writes, exact round trip, clear errors on bad CSVs."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from test_feedback_fixtures import add_corrections, fill_library, library, quick_model, training_table  # noqa: F401

from tmer_desktop.analysis.corrections import export_feedback, feedback_records
from tmer_desktop.cli import main as tmer
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.errors import WriteError
from tmer_desktop.model.corrections import (
    COLUMNS,
    FeedbackFormatError,
    read_feedback_csv,
    write_feedback_csv,
)
from tmer_desktop.model.corrections import (
    training_table as feedback_training_table,
)


@pytest.fixture
def corrected_library(library):  # noqa: F811
    table = training_table()
    rows = table.iloc[::20].reset_index(drop=True)  # 20 real rows of all four classes
    fill_library(library, rows, model=quick_model())
    # The truth for each window is the dataset's label of the row it came from.
    truth = {}
    for summary in library.tracks():
        for w in library.windows_for_track(summary.id):
            match = (rows[list(FEATURE_NAMES)].to_numpy() == np.array(w.features)).all(axis=1)
            truth[w.id] = rows.loc[match, "label"].iloc[0]
    n = add_corrections(library, truth)
    # One "wrong, but I don't know what it is" verdict, and one with a NaN feature.
    first = library.windows_for_track(library.tracks()[0].id)[0]
    nan_features = list(first.features)
    nan_features[FEATURE_NAMES.index("_Spectralcentroid_Mean")] = math.nan
    library.add_feedback(features=nan_features, is_correct=False, predicted_label="sad", confidence=0.4)
    return library, n + 1


def _same(a, b):
    """Record equality where NaN features count as equal."""
    assert a.__class__ is b.__class__
    for name in a.__dataclass_fields__:
        x, y = getattr(a, name), getattr(b, name)
        if name == "features":
            np.testing.assert_array_equal(np.array(x), np.array(y))
        else:
            assert x == y, name


def test_export_round_trips_exactly(corrected_library, tmp_path):
    store, n = corrected_library
    out = tmp_path / "feedback.csv"
    assert export_feedback(out, store=store) == n
    records = feedback_records(store)
    back = read_feedback_csv(out)
    assert len(back) == n
    for a, b in zip(records, back):
        _same(a, b)
    # Writing what was read gives the same bytes again.
    again = tmp_path / "again.csv"
    write_feedback_csv(back, again)
    assert again.read_bytes() == out.read_bytes()


def test_export_schema_columns_and_values(corrected_library, tmp_path):
    store, n = corrected_library
    out = tmp_path / "feedback.csv"
    export_feedback(out, store=store)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0].keys()) == COLUMNS
    assert {r["is_correct"] for r in rows} == {"0", "1"}
    fb = store.feedback_rows()
    for row, original in zip(rows, fb):
        assert int(row["feedback_id"]) == original.id
        assert row["predicted_label"] == (original.predicted_label or "")
        assert row["label"] == (original.true_label or "")
        assert row["created_at"] == original.created_at
        assert float(row["_Tempo_Mean"]) == original.features[FEATURE_NAMES.index("_Tempo_Mean")]
    tracked = [r for r in rows if r["track_id"]]
    assert all(r["track_path"].startswith("/music/") and r["file_name"].endswith(".ogg") for r in tracked)
    assert all(r["artist"] and r["track_hash"] for r in tracked)
    # The NaN feature is an empty cell; the unlabeled verdict has no label.
    assert rows[-1]["_Spectralcentroid_Mean"] == "" and rows[-1]["label"] == ""


def test_anonymised_export_drops_paths_names_and_notes(corrected_library, tmp_path):
    store, _ = corrected_library
    out = tmp_path / "shared.csv"
    export_feedback(out, store=store, anonymise=True)
    text = out.read_text(encoding="utf-8")
    assert "/music/" not in text and ".ogg" not in text and "session 3" not in text and "Track 1" not in text
    back = read_feedback_csv(out)
    assert all(r.track_path is None and r.file_name is None and r.note is None for r in back)
    assert any(r.artist for r in back)  # non-identifying metadata stays


def test_cli_export_uses_the_user_library(corrected_library, tmp_path, capsys):
    store, n = corrected_library
    out = tmp_path / "cli.csv"
    assert tmer(["export-feedback", "--out", str(out)]) == 0
    assert f"wrote {n} correction(s)" in capsys.readouterr().out
    assert len(read_feedback_csv(out)) == n


def test_export_is_atomic_on_failure(corrected_library, tmp_path):
    store, _ = corrected_library
    out = tmp_path / "feedback.csv"
    out.write_text("previous export\n")
    with pytest.raises(WriteError, match=r"x\.csv: the folder does not exist"):
        export_feedback(tmp_path / "missing-folder" / "x.csv", store=store)
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(WriteError, match="dir.csv: the target is a folder"):
        export_feedback(tmp_path / "dir.csv", store=store)

    def failing_midway():
        records = feedback_records(store)
        yield from records[:3]
        raise RuntimeError("the library went away")

    with pytest.raises(RuntimeError):
        write_feedback_csv(failing_midway(), out)
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_training_view_keeps_only_labelled_rows(corrected_library, tmp_path):
    store, n = corrected_library
    out = tmp_path / "feedback.csv"
    export_feedback(out, store=store)
    table = feedback_training_table(read_feedback_csv(out))
    assert len(table) == n - 1
    assert set(table["label"]) <= {"happy", "sad", "angry", "relaxed"}
    assert list(table.columns[2:]) == list(FEATURE_NAMES)


# --------------------------------------------------------------------------- bad input
@pytest.fixture
def good_csv(corrected_library, tmp_path):
    store, _ = corrected_library
    out = tmp_path / "good.csv"
    export_feedback(out, store=store)
    return out


def _rewrite(path, edit):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    edit(rows)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def test_empty_file_is_named(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FeedbackFormatError, match=r"empty\.csv: the file is empty"):
        read_feedback_csv(empty)


def test_header_only_file(good_csv):
    lines = good_csv.read_text().splitlines()
    good_csv.write_text(lines[0] + "\n")
    with pytest.raises(FeedbackFormatError, match="good.csv: has a header but no correction rows"):
        read_feedback_csv(good_csv)


def test_missing_columns_are_listed(good_csv):
    def drop(rows):
        at = rows[0].index("_Tempo_Mean")
        for row in rows:
            del row[at]

    _rewrite(good_csv, drop)
    with pytest.raises(FeedbackFormatError, match=r"good.csv: missing 1 required column\(s\): _Tempo_Mean"):
        read_feedback_csv(good_csv)


def test_non_numeric_feature_names_row_and_column(good_csv):
    def spoil(rows):
        rows[3][rows[0].index("_MFCC_Mean_4")] = "loud"

    _rewrite(good_csv, spoil)
    with pytest.raises(FeedbackFormatError,
                       match=r"good.csv: row 3 \(line 4\), column '_MFCC_Mean_4': 'loud' is not a number"):
        read_feedback_csv(good_csv)


def test_unknown_label_names_row_and_column(good_csv):
    def spoil(rows):
        rows[2][rows[0].index("predicted_label")] = "melancholic"

    _rewrite(good_csv, spoil)
    with pytest.raises(FeedbackFormatError,
                       match=r"row 2 \(line 3\), column 'predicted_label': unknown label 'melancholic'"):
        read_feedback_csv(good_csv)


def test_contradictory_verdict_is_refused(good_csv):
    def spoil(rows):
        header = rows[0]
        row = next(r for r in rows[1:] if r[header.index("is_correct")] == "1")
        predicted = row[header.index("predicted_label")]
        row[header.index("corrected_label")] = "angry" if predicted != "angry" else "sad"

    _rewrite(good_csv, spoil)
    with pytest.raises(FeedbackFormatError, match="marked correct but corrects"):
        read_feedback_csv(good_csv)


def test_ragged_row_and_non_text_file(good_csv, tmp_path):
    with open(good_csv, "a", encoding="utf-8") as fh:
        fh.write("1,2,3\n")
    with pytest.raises(FeedbackFormatError, match=r"has 3 cells, the header has 71"):
        read_feedback_csv(good_csv)
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00")
    with pytest.raises(FeedbackFormatError, match="image.csv: not a UTF-8 text file"):
        read_feedback_csv(binary)
    with pytest.raises(FeedbackFormatError, match="nothing-here.csv: cannot read"):
        read_feedback_csv(tmp_path / "nothing-here.csv")


def test_confidence_out_of_range(good_csv):
    def spoil(rows):
        rows[1][rows[0].index("confidence")] = "1.5"

    _rewrite(good_csv, spoil)
    with pytest.raises(FeedbackFormatError, match=r"row 1 \(line 2\), column 'confidence': '1.5' is outside 0.0..1.0"):
        read_feedback_csv(good_csv)


def test_a_hand_made_file_with_only_the_required_columns_reads(tmp_path):
    table = training_table().iloc[[0, 150, 300]]
    hand = table[list(FEATURE_NAMES)].copy()
    hand.insert(0, "corrected_label", ["", "Relax", ""])
    hand.insert(0, "is_correct", ["true", "no", "1"])
    hand.insert(0, "predicted_label", ["sad", "happy", "angry"])
    path = tmp_path / "hand.csv"
    hand.to_csv(path, index=False)
    records = read_feedback_csv(path)
    assert [r.label for r in records] == ["sad", "relaxed", "angry"]
    assert records[0].feedback_id is None and records[0].clip_id == "feedback-1"
    np.testing.assert_array_equal(np.array(records[2].features), table.iloc[2][list(FEATURE_NAMES)].to_numpy(float))
