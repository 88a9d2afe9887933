"""Batch tagging end to end on real music clips mixed with broken files: worker processes,
crash and hang isolation, resumption, cancellation, library contents, file tags, outputs."""

import math
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import mutagen
import numpy as np
import pandas as pd
import pytest
import soundfile as sf

from tmer_desktop.analysis.outcome import extractor_version
from tmer_desktop.commands.tag import tag_command
from tmer_desktop.hashing import file_sha256
from tmer_desktop.library import db
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.settings import Settings
from tmer_desktop.tagging import report
from tmer_desktop.tagging.runner import BatchTagger
from tmer_desktop.vocabulary import FailureKind

from conftest import REPO_ROOT
from fixtures.broken.corpus import make_broken_files
from fixtures.music import BATCAVE, CALM, CITY_BLUES, MADEIRA, SAD, SAD_HEAD, copy_tags, excerpt

pytestmark = pytest.mark.slow  # batches in worker processes, a crash, a hang, a CLI interrupted: ~1 min

EMOTIONS = ("happy", "sad", "angry", "relaxed")
DECISIONS = ("label", "top-2", "review")
# Short windows keep the tests fast; the behaviour does not depend on the length.
WINDOW, HOP = 6.0, 3.0


def _clips(root: Path) -> dict[str, Path]:
    sad = excerpt(SAD, root / "album" / "sad.ogg", 10, 9)
    copy_tags(SAD_HEAD, sad)  # the original track's tags
    return {  # 44.1 kHz Vorbis, 22.05 kHz mono FLAC, 48 kHz WAV
        "sad": sad,
        "machine": excerpt(CITY_BLUES, root / "album" / "machine.flac", 20, 7),
        "calm": excerpt(CALM, root / "calm.wav", 0, 7),
    }


def _tagger(paths, store, **kwargs):
    kwargs.setdefault("jobs", 2)
    return BatchTagger(paths, window=WINDOW, hop=HOP, store=store, settings=Settings(), **kwargs)


def _run(tagger):
    results, progress = [], []
    summary = tagger.run(on_result=results.append, on_progress=progress.append)
    return summary, {r.path: r for r in results}, progress


# --------------------------------------------------------------------------- one mixed batch
@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed") / "music"
    files = _clips(root)
    files["short"] = excerpt(BATCAVE, root / "short_intro.ogg", 0, 3)
    (root / "copies").mkdir()
    files["copy"] = root / "copies" / "sad_again.ogg"
    shutil.copy(files["sad"], files["copy"])
    files["noext"] = root / "calm_without_extension"
    shutil.copy(files["calm"], files["noext"])
    files["crash"] = excerpt(MADEIRA, root / "crash_trigger.wav", 10, 2)
    files["hang"] = excerpt(MADEIRA, root / "hang_trigger.wav", 20, 2)
    (root / "notes.txt").write_text("liner notes")
    (root / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100))
    expected_errors = make_broken_files(root / "broken", files["calm"])
    os.symlink(root, root / "copies" / "loop")
    store = LibraryStore.open(tmp_path_factory.mktemp("lib") / "library.sqlite3")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TMER_TEST_WORKER_CRASH", "crash_trigger")  # test-only hooks: SIGSEGV on this file,
        mp.setenv("TMER_TEST_WORKER_HANG", "hang_trigger")  # and sleep forever on that one
        # The timeout is far above the second or so a clip takes (10x even on a loaded machine);
        # the other worker goes on with the batch meanwhile.
        summary, results, progress = _run(_tagger([root], store, timeout_per_file=12))
    yield {"root": root, "files": files, "expected": expected_errors, "store": store,
           "summary": summary, "results": results, "progress": progress}
    store.close()


def test_every_candidate_gets_exactly_one_row(mixed):
    root, results, summary = mixed["root"], mixed["results"], mixed["summary"]
    expected_paths = {str(p) for p in mixed["files"].values()}
    expected_paths |= {str(root / "broken" / name) for name in mixed["expected"]}
    expected_paths.add(str(root / "copies" / "loop"))
    assert set(results) == expected_paths
    assert summary.non_audio == 2  # notes.txt, cover.jpg: skipped and counted, no row
    assert summary.total == len(expected_paths)
    assert summary.done + summary.failed + summary.skipped == summary.total
    assert summary.skipped == 0 and not summary.cancelled


def test_good_files_are_tagged_with_consistent_numbers(mixed):
    results, files = mixed["results"], mixed["files"]
    for key in ("sad", "machine", "calm", "short", "copy", "noext"):
        r = results[str(files[key])]
        assert r.error is None, (key, r.error)
        assert r.label in EMOTIONS and r.decision in DECISIONS
        assert math.isclose(sum(r.probs.values()), 1.0, abs_tol=1e-6)
        assert r.confidence == pytest.approx(r.probs[r.label])
        assert r.track_id is not None and not r.skipped
    assert results[str(files["sad"])].n_windows == 2  # 9 s in 6 s windows every 3 s
    assert results[str(files["short"])].short and results[str(files["short"])].n_windows == 1
    assert not results[str(files["calm"])].short


def test_copies_share_one_analysis_but_keep_their_own_rows(mixed):
    results, files = mixed["results"], mixed["files"]
    a, b = results[str(files["sad"])], results[str(files["copy"])]
    assert a.probs == b.probs and a.n_windows == b.n_windows and a.track_id != b.track_id
    assert results[str(files["noext"])].probs == results[str(files["calm"])].probs


def test_broken_files_become_error_rows_with_reasons(mixed):
    results, root = mixed["results"], mixed["root"]
    for name, words in mixed["expected"].items():
        r = results[str(root / "broken" / name)]
        assert r.error is not None, name
        for word in words:
            assert word in r.error, (name, r.error)
    tagged_with_warning = results[str(root / "broken" / "cut_short.wav")]
    assert tagged_with_warning.label in EMOTIONS and tagged_with_warning.short
    crashed = results[str(mixed["files"]["crash"])]
    assert "crashed (SIGSEGV)" in crashed.error and crashed.label is None
    hung = results[str(mixed["files"]["hang"])]
    assert "timed out after" in hung.error and hung.label is None
    loop = results[str(root / "copies" / "loop")]
    assert "symbolic link loop" in loop.error


def test_each_failure_is_stored_with_its_kind(mixed):
    """A process that crashed or hung may not next time: transient. A broken file stays broken."""
    store, root, files = mixed["store"], mixed["root"], mixed["files"]
    for key in ("crash", "hang"):
        row = store.track_by_path(files[key])
        assert row.error and row.error_kind is FailureKind.TRANSIENT, key
    for name in mixed["expected"]:
        row = store.track_by_path(root / "broken" / name)
        if name == "cut_short.wav":  # tagged, with a warning that is not stored as a failure
            assert (row.error, row.error_kind) == (None, None)
        else:
            assert row.error and row.error_kind is FailureKind.PERMANENT, (name, row.error, row.error_kind)
    assert store.track_by_path(files["sad"]).error_kind is None


def test_library_holds_tracks_metadata_windows_and_predictions(mixed):
    store, results, files = mixed["store"], mixed["results"], mixed["files"]
    sad = results[str(files["sad"])]
    track = store.track_by_path(files["sad"])
    assert (track.artist, track.title, track.album, track.year) == (
        "Tyler Johnson", "Sad", "The Battle for Wesnoth OST", 2010)
    assert track.content_hash == file_sha256(files["sad"]) and track.error is None
    assert (track.window_s, track.hop_s) == (WINDOW, HOP)
    windows = store.windows_for_track(track.id)
    assert len(windows) == sad.n_windows and all(len(w.features) == 50 for w in windows)
    version = store.predictions_for_track(track.id, level="track")[0].model_version
    by_window = store.predictions_for_track(track.id, model_version=version, level="window")
    assert len(by_window) == len(windows)
    (overall,) = store.predictions_for_track(track.id, model_version=version, level="track")
    assert (overall.label, overall.decision) == (sad.label, sad.decision)
    assert overall.probabilities == pytest.approx(sad.probs)
    failed = store.track_by_path(mixed["root"] / "broken" / "silence.wav")
    assert failed.error and "silent" in failed.error and store.windows_for_track(failed.id) == []


def test_progress_counts_up_to_the_total(mixed):
    progress, summary = mixed["progress"], mixed["summary"]
    done = [p.done for p in progress]
    assert done == sorted(done) and done[-1] == summary.total
    assert progress[-1].failed == summary.failed
    assert all(p.total == summary.total for p in progress)


# --------------------------------------------------------------------------- resume, force
def test_an_old_librarys_crashed_track_is_retried_and_its_broken_file_is_not(tmp_path):
    """A library of schema version 4 knew a retry only from the English start of the error; once
    upgraded (with a backup) a batch still tries the crashed file again and skips the broken one."""
    crashed = excerpt(CALM, tmp_path / "music" / "crashed.wav", 0, 7)
    broken = excerpt(CITY_BLUES, tmp_path / "music" / "broken.flac", 20, 7)  # good audio: a retry would tag it
    path = tmp_path / "data" / "library.sqlite3"
    path.parent.mkdir()
    conn = db.connect(path)
    db.migrate(conn, path, target=4)
    crash_text = ("the analysis process crashed (SIGSEGV) on this file; the file may be damaged or trigger a "
                  "decoder bug")
    broken_text = "not a recognised audio format (the file is a PNG image)"
    with conn:
        for file, error in ((crashed, crash_text), (broken, broken_text)):
            conn.execute(
                "INSERT INTO tracks (path, content_hash, error, added_at, analysed_at, window_s, hop_s, "
                "extractor_version) VALUES (?, ?, ?, 'then', 'then', ?, ?, ?)",
                (str(file), file_sha256(file), error, WINDOW, HOP, extractor_version()))
    conn.close()

    store = LibraryStore.open(path)
    try:
        assert [p.name.startswith("library.sqlite3.bak-v4-") for p in path.parent.iterdir()].count(True) == 1
        assert store.track_by_path(crashed).error_kind is FailureKind.TRANSIENT
        assert store.track_by_path(broken).error_kind is FailureKind.PERMANENT
        summary, results, _ = _run(_tagger([crashed, broken], store, jobs=1))
        assert (summary.done, summary.skipped, summary.failed) == (1, 1, 0)
        again = results[str(crashed)]
        assert again.label in EMOTIONS and not again.skipped and again.error is None
        row = store.track_by_path(crashed)
        assert (row.error, row.error_kind) == (None, None) and store.windows_for_track(row.id)
        kept = results[str(broken)]
        assert kept.skipped and kept.label is None and str(kept.error) == broken_text
        assert store.windows_for_track(store.track_by_path(broken).id) == []
    finally:
        store.close()


def test_second_run_skips_unchanged_files_and_redoes_changed_ones(tmp_path):
    root = tmp_path / "music"
    files = _clips(root)
    store = LibraryStore.open(tmp_path / "library.sqlite3")
    first, results1, _ = _run(_tagger([root], store, jobs=1))
    assert (first.done, first.skipped) == (3, 0)

    again, results2, _ = _run(_tagger([root], store))
    assert (again.done, again.skipped, again.failed) == (0, 3, 0)
    for path, r in results2.items():
        assert r.skipped and r.label == results1[path].label and r.probs == pytest.approx(results1[path].probs)

    excerpt(CALM, files["calm"], 20, 7)  # new content, same path
    changed, results3, _ = _run(_tagger([root], store, jobs=1))
    assert (changed.done, changed.skipped) == (1, 2)
    assert not results3[str(files["calm"])].skipped
    assert store.track_by_path(files["calm"]).content_hash == file_sha256(files["calm"])

    stamp = store.track_by_path(files["sad"]).analysed_at
    forced, _, _ = _run(_tagger([files["sad"]], store, force=True, jobs=1))  # current, but forced
    assert (forced.done, forced.skipped) == (1, 0)
    assert store.track_by_path(files["sad"]).analysed_at > stamp
    store.close()


# --------------------------------------------------------------------------- cancel
def test_cancel_keeps_finished_results_and_a_rerun_does_the_rest(tmp_path, monkeypatch):
    root = tmp_path / "music"
    files = _clips(root)
    store = LibraryStore.open(tmp_path / "library.sqlite3")
    monkeypatch.setenv("TMER_TEST_WORKER_DELAY", "1.0")  # test-only hook: slow each file down
    tagger = _tagger([root], store, jobs=1)
    finished = []

    def on_result(r):
        finished.append(r)
        tagger.cancel()

    summary = tagger.run(on_result=on_result)
    assert summary.cancelled and len(finished) == 1 and summary.done == 1
    first = finished[0]
    assert store.track_by_path(first.path).analysed_at is not None
    assert all(store.track_by_path(p) is None for p in map(str, files.values()) if p != first.path)

    monkeypatch.delenv("TMER_TEST_WORKER_DELAY")
    rest, results, _ = _run(_tagger([root], store, jobs=1))
    assert (rest.done, rest.skipped) == (2, 1) and results[first.path].skipped
    store.close()


# --------------------------------------------------------------------------- the CLI
def _write_settings(data_dir: Path, **values) -> None:
    import json

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(json.dumps({"window_s": WINDOW, "hop_s": HOP, **values}))


def test_cli_interrupted_by_sigint_keeps_results_and_resumes(tmp_path):
    root = tmp_path / "music"
    files = _clips(root)
    excerpt(BATCAVE, root / "zz_last.ogg", 0, 7)
    data = tmp_path / "data"
    _write_settings(data, jobs=1)
    out = tmp_path / "results.csv"
    env = {**os.environ, "TMER_DATA_DIR": str(data), "TMER_TEST_WORKER_DELAY": "1.5"}
    env.pop("TMER_CACHE_DIR", None)  # beside the data dir
    cmd = [sys.executable, "-m", "tmer_desktop.cli", "tag", str(root), "--out", str(out)]
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.monotonic() + 240
    for line in proc.stderr:
        lines.append(line)
        if line.strip().startswith("tagged:"):
            proc.send_signal(signal.SIGINT)
            break
        assert time.monotonic() < deadline, "no result within the time limit"
    lines += proc.stderr.readlines()
    assert proc.wait(timeout=60) == 130, "".join(lines)
    assert any("interrupted" in line for line in lines)
    assert sum("stopping; finished results are kept" in line for line in lines) == 1, "".join(lines)

    rows = pd.read_csv(out)
    assert list(rows.columns) == report.RESULT_COLUMNS
    assert 1 <= len(rows) < 4 and rows["error"].isna().all()
    with LibraryStore.open(data / "library.sqlite3") as store:
        for path in rows["path"]:
            assert store.track_by_path(path).analysed_at is not None
        assert sum(store.track_by_path(p) is not None for p in map(str, files.values())) + (
            store.track_by_path(root / "zz_last.ogg") is not None) == len(rows)

    env.pop("TMER_TEST_WORKER_DELAY")
    done = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows2 = pd.read_csv(out)
    assert len(rows2) == 4 and rows2["label"].isin(EMOTIONS).all()
    assert done.stderr.count("up to date:") == len(rows)
    assert done.stderr.count("tagged:") == 4 - len(rows)


def test_cli_parquet_results_and_window_rows(tmp_path, data_dir):
    root = tmp_path / "music"
    files = _clips(root)
    _write_settings(data_dir)
    out, windows = tmp_path / "results.parquet", tmp_path / "windows.csv"
    assert tag_command([str(root)], out=str(out), windows_out=str(windows), jobs=2) == 0
    rows = pd.read_parquet(out)
    assert list(rows.columns) == report.RESULT_COLUMNS and len(rows) == 3
    assert rows["label"].isin(EMOTIONS).all() and rows["error"].isna().all()
    assert str(rows["n_windows"].dtype) == "Int64" and str(rows["confidence"].dtype) == "float64"
    per_window = pd.read_csv(windows)
    assert list(per_window.columns) == report.WINDOW_COLUMNS
    assert len(per_window) == rows["n_windows"].sum()
    sad = per_window[per_window["path"] == str(files["sad"])]
    assert list(sad["start"]) == [0.0, HOP] and sad["label"].isin(EMOTIONS).all()
    assert per_window["_RMSenergy_Mean"].gt(0).all()


def test_cli_usage_errors_return_2(tmp_path, data_dir, capsys):
    assert tag_command([str(tmp_path)], out=str(tmp_path / "results.txt")) == 2
    assert "csv or .parquet" in capsys.readouterr().err
    assert tag_command([str(tmp_path)], out=str(tmp_path / "missing" / "r.csv")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert tag_command([str(tmp_path)], out=str(tmp_path / "r.csv"), jobs=0) == 2
    assert not data_dir.exists() or not (data_dir / "library.sqlite3").exists()


# --------------------------------------------------------------------------- --write-tags
def test_write_tags_then_rerun_skips_and_keeps_audio(tmp_path):
    root = tmp_path / "music"
    files = _clips(root)
    del files["calm"]
    (root / "calm.wav").unlink()
    before = {k: sf.read(p)[0] for k, p in files.items()}
    store = LibraryStore.open(tmp_path / "library.sqlite3")
    summary, results, _ = _run(_tagger([root], store, write_tags=True, jobs=1))
    assert summary.done == 2
    for key, path in files.items():
        r = results[str(path)]
        tags = mutagen.File(path).tags
        assert tags["TMER_EMOTION"] == [r.label]
        assert tags["TMER_CONFIDENCE"] == [f"{r.confidence:.3f}"]
        assert {c.key for c in r.tag_changes} >= {"TMER_EMOTION", "TMER_MODEL_VERSION"}
        assert np.array_equal(sf.read(path)[0], before[key])
        assert store.track_by_path(path).content_hash == file_sha256(path)  # still current
    assert mutagen.File(files["sad"]).tags["ARTIST"] == ["Tyler Johnson"]
    mtimes = {p: p.stat().st_mtime_ns for p in files.values()}
    again, results2, _ = _run(_tagger([root], store, write_tags=True))
    assert again.skipped == 2 and all(r.tag_changes == [] for r in results2.values())
    assert {p: p.stat().st_mtime_ns for p in files.values()} == mtimes
    store.close()


def test_dry_run_lists_tag_changes_and_writes_nothing(tmp_path, data_dir, capsys):
    root = tmp_path / "music"
    files = _clips(root)
    _write_settings(data_dir)
    snapshot = {p: p.read_bytes() for p in files.values()}
    out = tmp_path / "results.csv"
    assert tag_command([str(root)], out=str(out), write_tags=True, dry_run=True, jobs=1) == 0
    captured = capsys.readouterr()
    assert captured.out.count("TMER_EMOTION") == 3 and "would set" in captured.out
    assert "nothing was written" in captured.err
    assert {p: p.read_bytes() for p in files.values()} == snapshot
    assert not out.exists()
    assert not (data_dir / "library.sqlite3").exists()
