"""A damaged library says so and gives the user's work back. Real libraries are built through the
store (corrections, sessions, a model version, and analyses around them), closed, then damaged
for real: garbage over a page, a destroyed header, a truncated file. The real `tmer` commands run
in subprocesses; `tmer library recover` reads the moved-aside file and merges the work back."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_feedback_fixtures import fill_library, quick_model, training_table

from tmer_desktop import paths
from tmer_desktop.library import recover as rec
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.corrections import read_feedback_csv

from conftest import REPO_ROOT

PAGE = 4096  # SQLite's default page size, which the library keeps
USER_WORK = ("sqlite_schema", "meta", "feedback", "feedback_track", "sessions", "session_items",
             "sqlite_autoindex_session_items_1", "session_items_track", "models", "sqlite_autoindex_models_1",
             "models_one_active")
ANALYSES = ("windows", "predictions", "sqlite_autoindex_windows_1", "predictions_track", "predictions_model",
            "sqlite_stat1")
LABELS = ("sad", "relaxed", "angry")


# ---------------------------------------------------------------- building and damaging
def build_library(data: Path, *, long_text: bool = False) -> dict:
    """A closed library at data/library.sqlite3 with 3 corrections, 1 session (2 with long_text),
    an active model version v001, and analyses before and after them. long_text makes every
    correction and session fill a page of its own (real notes can be that long)."""
    table = training_table()
    filler = " " + "la " * 1000 if long_text else ""
    path = data / "library.sqlite3"
    with LibraryStore.open(path) as store:
        first = fill_library(store, table.iloc[:30], model=quick_model())
        windows = [w for tid in first[:2] for w in store.windows_for_track(tid)][:3]
        for i, (window, label) in enumerate(zip(windows, LABELS)):
            store.add_feedback(features=window.features, is_correct=False, track_id=window.track_id,
                               window_id=window.id, predicted_label="happy", confidence=0.5 + i / 10,
                               corrected_label=label, note=f"heard in session {i + 1}{filler}",
                               model_version="test-model")
        store.save_session("Monday, calm", [first[0], first[3]], client_pseudonym="C-7",
                           notes="start low" + filler, start_mood="sad")
        if long_text:
            store.save_session("Thursday, lift", [first[5]], notes="second" + filler)
        (paths.model_store_dir() / "v001").mkdir(parents=True)
        store.register_model("v001", "v001", metrics={"macro_f1": 0.8}, activate=True)
        fill_library(store, table.iloc[30:180], model=quick_model(), artists=("Deniz", "Ece", "Fikret"))
        expected = {
            "feedback": store.feedback_rows(),
            "tracks": {f.track_id: store.track(f.track_id) for f in store.feedback_rows()},
            "sessions": [(s.title, s.notes, s.client_pseudonym, [i.path for i in store.session_items(s.id)])
                         for s in sorted(store.sessions(), key=lambda s: s.id)],
        }
    assert not path.with_name(path.name + "-wal").exists()  # everything is in the main file
    return expected


def page_owners(path: Path) -> dict[int, str]:
    """Page number -> the table or index it belongs to (SQLite's dbstat, on the intact file)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return {int(n): name for n, name in conn.execute("SELECT pageno, name FROM dbstat")}
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to tell which page holds what")
    finally:
        conn.close()


def leaves(path: Path, table: str) -> list[int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [n for (n,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    finally:
        conn.close()


def overwrite_page(path: Path, pageno: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek((pageno - 1) * PAGE)
        fh.write(random.Random(pageno).randbytes(PAGE))


def truncate_after_user_work(library: Path) -> int:
    """Cut the file just after the last page of the user's work and of the tracks it refers to;
    returns how many pages (all of analyses) were cut off."""
    owners = page_owners(library)
    cut = max(n for n, name in owners.items() if name in (*USER_WORK, "tracks")) + 1
    total = library.stat().st_size // PAGE
    assert all(owners.get(n) in (*ANALYSES, "tracks_content_hash", None) for n in range(cut + 1, total + 1))
    os.truncate(library, cut * PAGE)
    return total - cut


def moved_file(data: Path) -> Path:
    (moved,) = [p for p in data.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    return moved


def fingerprint(moved: Path) -> dict[str, str]:
    """The damaged file and everything beside it of its name: recover must change none of it."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in moved.parent.iterdir()
            if p.name.startswith(moved.name)}


def tmer(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(data.parent / "cache")}
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", *map(str, args)], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def assert_moved_notice(result: subprocess.CompletedProcess, command: str, data: Path) -> Path:
    moved = moved_file(data)
    assert f"tmer {command}: The library database {data / 'library.sqlite3'} was damaged" in result.stderr
    assert f"It was moved to {moved} and a new, empty library was created." in result.stderr
    assert f"tmer library recover {moved}" in result.stderr
    return moved


def assert_corrections_back(store: LibraryStore, expected: dict, keep=(0, 1, 2)) -> None:
    """The recovered corrections are the originals (time stamp, features, labels, note, model
    version, path, start), linked to a track with the original's content hash and tags."""
    got = store.feedback_rows()
    want = [expected["feedback"][i] for i in keep]
    assert len(got) == len(want)
    for new, old in zip(got, want):
        for name in ("created_at", "features", "predicted_label", "corrected_label", "is_correct", "confidence",
                     "note", "model_version", "track_path", "start", "duration"):
            assert getattr(new, name) == getattr(old, name), name
        track, before = store.track(new.track_id), expected["tracks"][old.track_id]
        assert (track.path, track.content_hash, track.title, track.artist) == (
            before.path, before.content_hash, before.title, before.artist)
        assert track.analysed_at is None  # no analysis: the next tagging analyses it


def sessions_of(store: LibraryStore) -> list[tuple]:
    return [(s.title, s.notes, s.client_pseudonym, [i.path for i in store.session_items(s.id)])
            for s in sorted(store.sessions(), key=lambda s: s.id)]


# ---------------------------------------------------------------- garbage over a page
def test_export_refuses_an_empty_library_and_recover_brings_every_correction_back(data_dir, tmp_path):
    expected = build_library(data_dir)
    library = data_dir / "library.sqlite3"
    out = tmp_path / "corrections.csv"
    healthy = tmer(data_dir, "export-feedback", "--out", out)
    assert healthy.returncode == 0 and "wrote 3 correction(s)" in healthy.stdout, healthy.stderr
    exported = out.read_bytes()

    owners = page_owners(library)
    analysis_pages = sorted(n for n, name in owners.items() if name == "windows")
    overwrite_page(library, analysis_pages[len(analysis_pages) // 2])  # a page of analyses mid-file

    refused = tmer(data_dir, "export-feedback", "--out", out)
    assert refused.returncode == 1, refused.stderr
    moved = assert_moved_notice(refused, "export-feedback", data_dir)
    assert "malformed" in refused.stderr and f"nothing was written to {out}" in refused.stderr
    assert out.read_bytes() == exported  # the user's export is untouched
    # Run again: the library is now the new, empty one, moved by the earlier run: still refused.
    again = tmer(data_dir, "export-feedback", "--out", out)
    assert again.returncode == 1 and f"moved aside to {moved}" in again.stderr
    assert out.read_bytes() == exported

    before = fingerprint(moved)
    recovered = tmer(data_dir, "library", "recover", moved)
    assert recovered.returncode == 0, recovered.stderr
    assert "3 of 3 corrections, 1 of 1 sessions, 1 of 1 model versions recovered\n" in recovered.stdout
    assert "  corrections: 3 of 3 recovered; 3 added" in recovered.stdout
    (backup,) = [p for p in data_dir.iterdir() if ".bak-recover-" in p.name]
    assert f"its copy from before: {backup}" in recovered.stdout
    assert fingerprint(moved) == before  # read, never written
    with LibraryStore.open(backup) as copy:  # the copy is the library as it was: empty
        assert copy.feedback_rows() == [] and copy.sessions() == []

    with LibraryStore.open(library) as store:
        assert_corrections_back(store, expected)
        assert sessions_of(store) == expected["sessions"]
        assert store.active_model().version == "v001"

    # Twice: nothing is added the second time, and no copy is left for a change that did not happen.
    second = tmer(data_dir, "library", "recover", moved)
    assert second.returncode == 0, second.stderr
    assert "  corrections: 3 of 3 recovered; 0 added, 3 already in the library" in second.stdout
    assert "nothing new to add" in second.stdout
    assert len([p for p in data_dir.iterdir() if ".bak-recover-" in p.name]) == 1
    with LibraryStore.open(library) as store:
        assert len(store.feedback_rows()) == 3 and len(store.sessions()) == 1 and len(store.models()) == 1

    exported_again = tmer(data_dir, "export-feedback", "--out", out)
    assert exported_again.returncode == 0 and "wrote 3 correction(s)" in exported_again.stdout
    records = read_feedback_csv(out)
    for record, old in zip(records, expected["feedback"]):
        track = expected["tracks"][old.track_id]
        assert (record.label, record.features, record.created_at, record.track_hash, record.title) == (
            old.corrected_label, old.features, old.created_at, track.content_hash, track.title)


# ---------------------------------------------------------------- a destroyed header
def test_tag_says_a_library_with_a_destroyed_header_was_moved_and_recover_rebuilds_the_header(data_dir, tmp_path):
    expected = build_library(data_dir)
    library = data_dir / "library.sqlite3"
    with open(library, "r+b") as fh:
        fh.write(random.Random(1).randbytes(100))  # the 100-byte header: SQLite no longer knows the file
    empty = tmp_path / "music" / "empty.wav"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    tagged = tmer(data_dir, "tag", empty, "--out", tmp_path / "results.csv")
    assert tagged.returncode == 1, tagged.stderr  # the empty file failed (its row says so); the library opened
    moved = assert_moved_notice(tagged, "tag", data_dir)
    assert "(it is not an SQLite database)" in tagged.stderr

    dry = tmer(data_dir, "library", "recover", "--dry-run", moved)
    assert dry.returncode == 0, dry.stderr
    assert f"read from {moved} (its header was rebuilt)" in dry.stdout
    assert "corrections: 3 of 3 recovered; 3 would be added" in dry.stdout
    assert "dry run: nothing was written" in dry.stdout
    with LibraryStore.open(library) as store:
        assert store.feedback_rows() == []
    assert not [p for p in data_dir.iterdir() if ".bak-recover-" in p.name]

    recovered = tmer(data_dir, "library", "recover", moved)
    assert recovered.returncode == 0, recovered.stderr
    assert "3 of 3 corrections, 1 of 1 sessions, 1 of 1 model versions recovered" in recovered.stdout
    with LibraryStore.open(library) as store:
        assert_corrections_back(store, expected)
        assert sessions_of(store) == expected["sessions"]


@pytest.mark.parametrize("listener", [True, False], ids=["on_notice", "logged"])
def test_the_batch_tagger_reports_the_moved_library_to_its_caller_and_prints_nothing(
        data_dir, tmp_path, capsys, caplog, listener):
    from tmer_desktop.settings import Settings
    from tmer_desktop.tagging.runner import BatchTagger

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "library.sqlite3").write_bytes(b"not a database, " * 64)
    empty = tmp_path / "music" / "empty.wav"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    heard: list[str] = []
    tagger = BatchTagger([empty], jobs=1, settings=Settings())
    summary = tagger.run(on_notice=heard.append if listener else None)
    assert summary.failed == 1  # the empty file; the library opened (a new one)
    moved = moved_file(data_dir)
    notices = heard if listener else [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any(f"tmer library recover {moved}" in notice for notice in notices), notices
    assert not listener or not [r for r in caplog.records if "tmer library recover" in r.getMessage()]
    assert capsys.readouterr() == ("", "")  # the domain says it to its caller; only commands print


# ---------------------------------------------------------------- a truncated file
def test_a_truncated_library_named_directly_is_moved_aside_and_recovered(data_dir):
    expected = build_library(data_dir)
    library = data_dir / "library.sqlite3"
    assert truncate_after_user_work(library) >= 5  # a real loss: the last pages of analyses are gone

    # `tmer library recover` on the damaged library itself: opening it moves it aside, then it is read.
    recovered = tmer(data_dir, "library", "recover", library)
    assert recovered.returncode == 0, recovered.stderr
    moved = assert_moved_notice(recovered, "library recover", data_dir)
    assert "was damaged (database disk image is malformed)" in recovered.stderr  # not "not an SQLite database"
    assert f"read from {moved}\n" in recovered.stdout
    assert "3 of 3 corrections, 1 of 1 sessions, 1 of 1 model versions recovered" in recovered.stdout
    with LibraryStore.open(library) as store:
        assert_corrections_back(store, expected)
        assert sessions_of(store) == expected["sessions"]


# ---------------------------------------------------------------- part of the work lost
def test_what_could_not_be_read_is_counted_and_the_rest_recovered(data_dir):
    expected = build_library(data_dir, long_text=True)
    library = data_dir / "library.sqlite3"
    feedback, sessions = leaves(library, "feedback"), leaves(library, "sessions")
    assert len(feedback) == 3 and len(sessions) == 2  # one page each: the damage takes exactly one
    overwrite_page(library, feedback[1])  # the second correction
    overwrite_page(library, sessions[0])  # the first session
    with LibraryStore.open(library) as store:
        moved = store.moved_aside
        assert moved is not None and store.feedback_rows() == []

    recovered = tmer(data_dir, "library", "recover", moved)
    assert recovered.returncode == 0, recovered.stderr  # something came back
    assert ("2 of 3 corrections, 1 of 2 sessions, 1 of 1 model versions recovered; "
            "1 correction unreadable; 1 session unreadable\n") in recovered.stdout
    assert "  corrections: 2 of 3 recovered, 1 unreadable; 2 added" in recovered.stdout
    with LibraryStore.open(library) as store:
        assert_corrections_back(store, expected, keep=(0, 2))
        assert sessions_of(store) == expected["sessions"][1:]

    second = tmer(data_dir, "library", "recover", moved)
    assert second.returncode == 0 and "2 of 3 recovered, 1 unreadable; 0 added, 2 already" in second.stdout
    with LibraryStore.open(library) as store:
        assert len(store.feedback_rows()) == 2 and len(store.sessions()) == 1


def test_a_damaged_table_end_without_its_index_says_more_may_be_lost(data_dir):
    build_library(data_dir, long_text=True)
    library = data_dir / "library.sqlite3"
    owners = page_owners(library)
    overwrite_page(library, leaves(library, "feedback")[-1])  # the last correction
    (index_page,) = [n for n, name in owners.items() if name == "feedback_track"]
    overwrite_page(library, index_page)  # and the index that listed every correction
    with LibraryStore.open(library) as store:
        report = rec.recover(store.moved_aside, store)
    corrections = report.kinds["corrections"]
    assert (corrections.read, corrections.added, corrections.more_unknown) == (2, 2, True)
    assert report.summary().startswith("2 of 2+ corrections")
    assert "more may be lost where the file is damaged" in report.summary()
    assert report.exit_code == 0


# ---------------------------------------------------------------- committed work still in the log
def test_work_still_in_the_write_ahead_log_is_recovered_and_nothing_is_written_beside_the_file(data_dir, tmp_path):
    build_library(data_dir)
    library = data_dir / "library.sqlite3"
    analysis_page = max(n for n, name in page_owners(library).items() if name == "windows")
    store = LibraryStore.open(library)
    try:
        with store.transaction() as conn:
            conn.execute("PRAGMA wal_autocheckpoint = 0")  # the new correction stays in the log
        window = store.windows_for_track(store.tracks()[0].id)[0]
        store.add_feedback(features=window.features, is_correct=True, track_id=window.track_id,
                           window_id=window.id, predicted_label="relaxed", note="in the log only")
        # The app dies here: the file and its log as they are on disk.
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for suffix in ("", "-wal"):
            (crashed / f"library.sqlite3.corrupt-x{suffix}").write_bytes(
                library.with_name(library.name + suffix).read_bytes())
    finally:
        store.close()
    damaged = crashed / "library.sqlite3.corrupt-x"
    assert (crashed / "library.sqlite3.corrupt-x-wal").stat().st_size > 0
    overwrite_page(damaged, analysis_page)
    before = fingerprint(damaged)

    salvage = rec.read_damaged(damaged)
    notes = [r["note"] for r in salvage.tables["feedback"].rows]
    assert len(notes) == 4 and notes[-1] == "in the log only"
    assert fingerprint(damaged) == before  # no -shm, no checkpoint: nothing beside it changed


# ---------------------------------------------------------------- what cannot be recovered
def test_unreadable_files_and_usage_errors_have_their_exit_codes(data_dir, tmp_path):
    junk = tmp_path / "library.sqlite3.corrupt-junk"
    junk.write_bytes(random.Random(7).randbytes(64 * 1024))
    unreadable = tmer(data_dir, "library", "recover", junk)
    assert unreadable.returncode == 1
    assert f"tmer library recover: {junk}: nothing can be read from this file" in unreadable.stderr

    missing = tmer(data_dir, "library", "recover", tmp_path / "nowhere.sqlite3")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert not (data_dir / "library.sqlite3").exists()  # a usage error makes no library
    folder = tmer(data_dir, "library", "recover", tmp_path)
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    assert tmer(data_dir, "library", "recover").returncode == 2  # argparse: FILE is required
    assert tmer(data_dir, "library").returncode == 2

    with LibraryStore.open(data_dir / "library.sqlite3"):
        pass
    itself = tmer(data_dir, "library", "recover", data_dir / "library.sqlite3")
    assert itself.returncode == 2 and "this is the library in use" in itself.stderr


# ---------------------------------------------------------------- the main window
def test_main_window_shows_the_notice_and_recovers_off_the_gui_thread(data_dir, qtbot, screenshot_dir, language):
    pytest.importorskip("pytestqt")
    from test_ui_app import close_window, make_window

    expected = build_library(data_dir)
    library = data_dir / "library.sqlite3"
    truncate_after_user_work(library)
    window = make_window(library)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.library_loaded, timeout=30_000)
        notice = window.library_notice
        moved = window.store.moved_aside
        assert notice.isVisible() and notice.recover_button.isVisible()
        assert f"It was moved to {moved}" in notice.text.text() and "Recover brings back" in notice.text.text()
        window.grab().save(str(screenshot_dir / "library_damaged_en.png"))
        language("es")
        assert "Se movió a" in notice.text.text() and notice.recover_button.text() == "Recuperar"
        window.grab().save(str(screenshot_dir / "library_damaged_es.png"))
        language("en")

        with qtbot.waitSignal(window.recoveryFinished, timeout=60_000) as finished:
            notice.recover_button.click()
        report = finished.args[0]
        assert isinstance(report, rec.RecoveryReport) and report.added == 5
        assert not notice.recover_button.isVisible()
        text = notice.text.text()
        assert f"Recovered from {moved}: corrections: 3 of 3 recovered, 3 added;" in text
        assert f"A copy of the library from before was kept at {report.backup}." in text
        assert_corrections_back(window.store, expected)
        qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=30_000)  # the linked tracks
        window.grab().save(str(screenshot_dir / "library_recovered_en.png"))
        language("es")
        assert "Recuperado de" in notice.text.text()
        window.grab().save(str(screenshot_dir / "library_recovered_es.png"))
        language("en")
    finally:
        close_window(window)


def test_main_window_says_what_went_wrong_when_nothing_can_be_recovered(data_dir, tmp_path, qtbot):
    pytest.importorskip("pytestqt")
    from test_ui_app import close_window, make_window

    junk = tmp_path / "library.sqlite3.corrupt-junk"
    junk.write_bytes(random.Random(3).randbytes(20_000))
    window = make_window(data_dir / "library.sqlite3")
    try:
        notice = window.library_notice
        assert notice.isHidden()  # a sound library: nothing to say
        with qtbot.waitSignal(window.recoveryFinished, timeout=60_000) as finished:
            window.recover_from(str(junk))  # as File → Recover from a damaged library… does
        assert isinstance(finished.args[0], rec.UnreadableLibrary)
        assert not notice.isHidden() and not notice.recover_button.isHidden()  # it may be tried again
        assert notice.text.text().startswith(f"Nothing was recovered from {junk}: {junk}: nothing can be read")
        assert window.store.feedback_rows() == []
    finally:
        close_window(window)


# ---------------------------------------------------------------- every command says so
def test_playlist_says_the_library_was_moved_aside_too(data_dir, tmp_path):
    data_dir.mkdir()
    (data_dir / "library.sqlite3").write_bytes(random.Random(5).randbytes(8192))
    result = tmer(data_dir, "playlist", "--from", "sad", "--to", "relaxed", "--minutes", "10",
                  "--out", tmp_path / "session.m3u8")
    assert result.returncode == 2  # nothing tagged to build from, as in any empty library
    assert_moved_notice(result, "playlist", data_dir)
