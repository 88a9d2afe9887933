"""Every CSV the app writes is safe to open in a spreadsheet (tmer_desktop/csvfile.py).

A real library is tagged by `tmer tag` from real music whose tags say title
`=HYPERLINK("http://x","y")`, artist `+cmd`, album `@SUM(1)`, genre `-2+3`; then each export is
written for real and read back as text: no cell may start with a formula character unless it is
a plain number, the hostile texts appear with their apostrophe, and numeric columns hold numbers
(negative features included: "-0.5" is a number, never prefixed).
"""

from __future__ import annotations

import csv
import json
import math
import re

import mutagen
import pandas as pd
import pytest

from tmer_desktop import dashboards
from tmer_desktop.analysis.corrections import export_feedback
from tmer_desktop.cli import main as tmer
from tmer_desktop.commands.tag import tag_command
from tmer_desktop.csvfile import restore_text, safe_cell, safe_frame
from tmer_desktop.library import exports
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.corrections import read_feedback_csv
from tmer_desktop.playlists.candidates import load_candidates
from tmer_desktop.playlists.sessions import export_csv, load_plan
from tmer_desktop.tagging import report

from fixtures.music import CALM, SAD, excerpt

HOSTILE = {"title": '=HYPERLINK("http://x","y")', "artist": "+cmd", "album": "@SUM(1)", "genre": "-2+3"}
NOTE = "=1+2 heard in session"
SESSION_TITLE = "@Week 3"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
WINDOW, HOP = 6.0, 3.0  # short windows: several per clip, seconds of work


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    root = tmp_path_factory.mktemp("safe-exports")
    music = root / "music"
    files = [
        excerpt(SAD, music / "@SUM(1).flac", 10, 9),
        excerpt(CALM, music / "calm.flac", 5, 9),
    ]
    for path in files:
        audio = mutagen.File(path)
        if audio.tags is None:
            audio.add_tags()
        for key, value in HOSTILE.items():
            audio.tags[key.upper()] = [value]
        audio.save()
    data = root / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"window_s": WINDOW, "hop_s": HOP}))
    results, windows = root / "results.csv", root / "windows.csv"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TMER_DATA_DIR", str(data))
        mp.setenv("TMER_CACHE_DIR", str(root / "cache"))
        assert tag_command([str(music)], out=str(results), windows_out=str(windows), jobs=1) == 0
        with LibraryStore.open() as store:
            ids = []
            for summary in store.tracks():
                ids.append(summary.id)
                for i, p in enumerate(store.predictions_for_track(summary.id, level="window")):
                    window = next(w for w in store.windows_for_track(summary.id) if w.id == p.window_id)
                    other = "angry" if p.label != "angry" else "sad"
                    store.add_feedback(features=window.features, is_correct=i % 2 == 0, track_id=summary.id,
                                       window_id=p.window_id, predicted_label=p.label, confidence=p.confidence,
                                       corrected_label=None if i % 2 == 0 else other, note=NOTE,
                                       model_version=p.model_version)
            store.save_session(SESSION_TITLE, ids, goal="relaxed", start_mood="sad")
            yield {"store": store, "music": music, "files": files, "results": results, "windows": windows}


def _rows(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _assert_safe(rows: list[dict[str, str]], numeric: list[str]) -> None:
    """No cell a spreadsheet would run; every numeric column's cells are numbers (or empty)."""
    assert rows
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(TRIGGERS) or NUMBER.fullmatch(cell), (column, cell)
            assert not column.startswith(TRIGGERS), column
        for column in numeric:
            if row[column]:
                assert math.isfinite(float(row[column])), (column, row[column])


def _assert_hostile_neutralised(rows: list[dict[str, str]], columns=("title", "artist", "album", "genre")) -> None:
    for column in columns:
        assert {r[column] for r in rows} == {"'" + HOSTILE[column]}, column


def _numeric(rows, columns) -> list[float]:
    return [float(r[c]) for r in rows for c in columns if r[c]]


# --------------------------------------------------------------------------- the rule
def test_text_cells_get_an_apostrophe_numbers_and_other_values_do_not():
    assert safe_cell(HOSTILE["title"]) == "'" + HOSTILE["title"]
    assert [safe_cell(v) for v in ("+cmd", "@SUM(1)", "-2+3", "\tx", "\rx")] == [
        "'+cmd", "'@SUM(1)", "'-2+3", "'\tx", "'\rx"]
    for number in ("-0.5", "+3", "-1e-05", "-12", "0.25"):
        assert safe_cell(number) == number  # a spreadsheet reads a number, not a formula
    for value in (-0.5, 3, None, True, "Track 1", "", "/music/a.flac"):
        assert safe_cell(value) == value


@pytest.mark.parametrize("text", ["=x", "'=x", "''+1", "-5", "'-5", "'abc", "'", "plain", "", "@", "\tTab", "-2+3"])
def test_the_prefix_is_undone_exactly(text):
    assert restore_text(safe_cell(text)) == text


def test_a_frame_keeps_its_numeric_columns_numeric():
    frame = pd.DataFrame({"title": ["=1+1", "ok"], "score": [-0.5, 2.0], "n": pd.array([-3, None], dtype="Int64")})
    frame.index = pd.Index(["+a", "b"], name="group")
    safe = safe_frame(frame)
    assert list(safe["title"]) == ["'=1+1", "ok"] and list(safe.index) == ["'+a", "b"]
    assert safe["score"].tolist() == [-0.5, 2.0] and str(safe["n"].dtype) == "Int64"
    assert frame["title"].iloc[0] == "=1+1"  # the caller's frame is untouched


# --------------------------------------------------------------------------- every export
def test_feedback_export_neutralises_text_and_reads_back_exactly(tagged, tmp_path):
    store = tagged["store"]
    out = tmp_path / "feedback.csv"
    n = export_feedback(out, store=store)
    rows = _rows(out)
    assert len(rows) == n > 0
    features = [c for c in rows[0] if c.startswith("_")]
    _assert_safe(rows, ["feedback_id", "track_id", "window_id", "start", "duration", "confidence", *features])
    _assert_hostile_neutralised(rows)
    assert {r["note"] for r in rows} == {"'" + NOTE}
    assert any(v < 0 for v in _numeric(rows, features))  # negative features written as plain numbers
    back = read_feedback_csv(out)  # a retrain reads it: the texts come back as they were
    assert {(r.title, r.artist, r.album, r.genre, r.note) for r in back} == {(*HOSTILE.values(), NOTE)}
    assert [r.track_path for r in back] == [r["track_path"] for r in rows]


def test_anonymised_feedback_export_is_safe_too(tagged, tmp_path):
    out = tmp_path / "shared.csv"
    export_feedback(out, store=tagged["store"], anonymise=True)
    rows = _rows(out)
    features = [c for c in rows[0] if c.startswith("_")]
    _assert_safe(rows, ["confidence", *features])
    _assert_hostile_neutralised(rows, ("artist", "album", "genre"))
    assert {r["title"] for r in rows} == {""} and {r["note"] for r in rows} == {""}
    assert {(r.artist, r.album, r.genre) for r in read_feedback_csv(out)} == {tuple(list(HOSTILE.values())[1:])}


def test_library_exports_of_tracks_and_windows(tagged, tmp_path):
    store = tagged["store"]
    tracks, windows = tmp_path / "tracks.csv", tmp_path / "windows.csv"
    assert exports.export_tracks(store, tracks) == 2
    rows = _rows(tracks)
    numeric = ["confidence", "p_happy", "p_sad", "p_angry", "p_relaxed", "n_windows", "duration", "sample_rate"]
    _assert_safe(rows, numeric)
    _assert_hostile_neutralised(rows)
    typed = pd.read_csv(tracks)
    assert all(pd.api.types.is_numeric_dtype(typed[c]) for c in numeric)
    assert exports.export_windows(store, windows) > 2
    _assert_safe(_rows(windows), ["window", "start", "duration", "confidence", "p_happy", "p_relaxed"])
    # Parquet is typed, no spreadsheet runs it: the text is kept as it is.
    parquet = tmp_path / "tracks.parquet"
    exports.export_tracks(store, parquet)
    assert set(pd.read_parquet(parquet)["title"]) == {HOSTILE["title"]}


def test_tag_results_and_windows_of_tmer_tag(tagged):
    results = _rows(tagged["results"])
    assert [r["path"] for r in results] == sorted(str(p) for p in tagged["files"])  # absolute: never a formula
    _assert_safe(results, ["confidence", "p_happy", "p_sad", "p_angry", "p_relaxed", "n_windows"])
    assert list(results[0]) == report.RESULT_COLUMNS
    windows = _rows(tagged["windows"])
    features = [c for c in windows[0] if c.startswith("_")]
    _assert_safe(windows, ["start", "duration", "confidence", *features])
    negative = [v for v in _numeric(windows, features) if v < 0]
    assert negative  # e.g. MFCC means: written "-1.23", read back as numbers
    assert all(pd.api.types.is_float_dtype(pd.read_csv(tagged["windows"])[c]) for c in features)


def test_session_csv(tagged, tmp_path):
    store = tagged["store"]
    session = store.sessions()[0]
    _, plan = load_plan(store, session.id, load_candidates(store))
    out = tmp_path / "session.csv"
    assert export_csv(plan, out) == 2
    rows = _rows(out)
    _assert_safe(rows, ["position", "track_id", "duration_s", "confidence", "valence", "arousal", "progress"])
    _assert_hostile_neutralised(rows, ("title", "artist"))


def test_dashboard_tables(tagged, tmp_path):
    board = dashboards.collect(tagged["store"])
    tables = board.tables()
    for chart, column, hostile in (("by_artist", "group", HOSTILE["artist"]), ("by_album", "group", HOSTILE["album"]),
                                   ("by_genre", "group", HOSTILE["genre"]),
                                   ("by_session", "group", f"{SESSION_TITLE} (#1)")):
        out = tmp_path / f"{chart}.csv"
        dashboards.write_table_csv(tables[chart], out)
        rows = _rows(out)
        _assert_safe(rows, ["happy", "sad", "angry", "relaxed", "total"])
        assert [r[column] for r in rows] == ["'" + hostile]
        assert int(rows[0]["total"]) == 2


def test_cli_features_csv_on_stdout(tagged, monkeypatch, capsys):
    monkeypatch.chdir(tagged["music"])
    assert tmer(["features", "@SUM(1).flac", "--csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [r["path"] for r in rows] == ["'@SUM(1).flac"]  # the name as given: relative, a formula without the '
    features = [c for c in rows[0] if c.startswith("_")]
    _assert_safe(rows, features)
    assert any(v < 0 for v in _numeric(rows, features))
