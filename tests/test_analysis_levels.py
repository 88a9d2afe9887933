"""The two levels of analysis (docs/tagging.md, "Two levels of analysis"): `tmer tag --coarse` stores
the coarse timeline, a default batch and the player add the fine one reusing the coarse windows, resume
skips what is current at the level asked for, and a library of the previous schema keeps its
fine timelines as fine."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from tmer_desktop.analysis.outcome import extractor_version
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.track import first_sample
from tmer_desktop.library import db
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.tagging import persist
from tmer_desktop.vocabulary import FailureKind, Timeline

from fixtures.music import CALM, SAD, excerpt

MODEL = "m-test"
PROBS = {"p_happy": 0.1, "p_sad": 0.7, "p_angry": 0.1, "p_relaxed": 0.1, "label": "sad",
         "confidence": 0.7, "decision": "review"}


def _key(level: Timeline, hop: float = 5.0, model: str = MODEL) -> persist.AnalysisKey:
    return persist.AnalysisKey(30.0, hop, extractor_version(), model, level)


def _stored(store: LibraryStore, path: str, *, hop: float, timeline: str | None, starts, content_hash="ab12",
            error=None, kind=None) -> int:
    track_id = store.upsert_track(path, content_hash=content_hash, window_s=30.0, hop_s=hop,
                                  extractor_version=extractor_version(), timeline=timeline, error=error,
                                  error_kind=kind)
    if error is None:
        store.replace_windows(track_id, [
            {"idx": i, "start": s, "duration": 30.0, "short": False, "features": np.full(50, float(i))}
            for i, s in enumerate(starts)])
        store.add_predictions(track_id, MODEL, [PROBS])
    return track_id


# ------------------------------------------------------------------------------ resume, fast
def test_resume_skips_what_is_current_at_the_level_asked_for(tmp_path):
    with LibraryStore.open(tmp_path / "lib.sqlite3") as store:
        _stored(store, "/m/coarse.ogg", hop=30.0, timeline=Timeline.COARSE, starts=[0, 30, 60])
        _stored(store, "/m/fine.ogg", hop=5.0, timeline=Timeline.FINE, starts=[0, 5, 10, 15], content_hash="cd34")
        _stored(store, "/m/broken.ogg", hop=30.0, timeline=None, starts=[], content_hash="ef56",
                error="not audio", kind=FailureKind.PERMANENT)
        coarse, fine = _key(Timeline.COARSE), _key(Timeline.FINE)
        # a coarse timeline serves a coarse run only
        assert persist.find_current(store, "/m/coarse.ogg", "ab12", coarse).n_windows == 3
        assert persist.find_current(store, "/m/coarse.ogg", "ab12", fine) is None
        # a fine timeline serves both, but a fine run only at its own hop
        assert persist.find_current(store, "/m/fine.ogg", "cd34", coarse).n_windows == 4
        assert persist.find_current(store, "/m/fine.ogg", "cd34", fine).n_windows == 4
        assert persist.find_current(store, "/m/fine.ogg", "cd34", _key(Timeline.FINE, hop=10.0)) is None
        # other bytes, another model: analyse again
        assert persist.find_current(store, "/m/fine.ogg", "ffff", coarse) is None
        assert persist.find_current(store, "/m/fine.ogg", "cd34", _key(Timeline.COARSE, model="m-other")) is None
        # a file that is broken stays broken at any level
        for key in (coarse, fine):
            assert persist.find_current(store, "/m/broken.ogg", "ef56", key).error == "not audio"
        # the coarse windows are handed to the fine run, by first sample at 44.1 kHz
        known = persist.known_windows(store, "/m/coarse.ogg", "ab12", fine)
        assert sorted(known) == [0, first_sample(30.0), first_sample(60.0)]
        assert known[first_sample(30.0)] == (1.0,) * 50
        # ... also for a copy of the bytes under another path, never for other bytes
        assert len(persist.known_windows(store, "/m/elsewhere.ogg", "cd34", fine)) == 4
        assert persist.known_windows(store, "/m/coarse.ogg", "9999", fine) == {}
        assert persist.known_windows(store, "/m/broken.ogg", "ef56", fine) == {}


def test_a_library_of_the_previous_schema_migrates_and_keeps_its_fine_timelines(tmp_path):
    path = tmp_path / "lib.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, path, target=5)
    blob = np.zeros(len(FEATURE_NAMES)).tobytes()
    rows = {"/m/fine.ogg": (30.0, 5.0, None), "/m/hop30.ogg": (30.0, 30.0, None),
            "/m/broken.ogg": (30.0, 5.0, "not audio"), "/m/new.ogg": (None, None, None)}
    with conn:
        for p, (window, hop, error) in rows.items():
            conn.execute("INSERT INTO tracks (path, content_hash, window_s, hop_s, extractor_version, error, "
                         "added_at) VALUES (?, 'ab12', ?, ?, ?, ?, 'then')", (p, window, hop, extractor_version(),
                                                                             error))
        for track_id in (1, 2):
            conn.execute("INSERT INTO windows (track_id, idx, start, duration, short, features) "
                         "VALUES (?, 0, 0, 30, 0, ?)", (track_id, blob))
    conn.close()
    with LibraryStore.open(path) as store:
        (notice,) = store.open_messages
        timelines = {p: store.track_by_path(p).timeline for p in rows}
        fine_id = store.track_by_path("/m/fine.ogg").id
        store.add_predictions(fine_id, MODEL, [PROBS])
        # the old library's fine timeline is current for a coarse batch and for a fine one
        for level in (Timeline.COARSE, Timeline.FINE):
            assert persist.find_current(store, "/m/fine.ogg", "ab12", _key(level)) is not None
        with pytest.raises(Exception, match="timeline"):
            store.upsert_track("/m/fine.ogg", timeline="medium")
    assert timelines == {"/m/fine.ogg": "fine", "/m/hop30.ogg": "coarse", "/m/broken.ogg": None, "/m/new.ogg": None}
    (backup,) = [p for p in tmp_path.iterdir() if p.name.startswith("lib.sqlite3.bak-v5-")]
    assert str(backup) in notice and "from version 5 to 6" in notice
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 5
    assert "timeline" not in [r[1] for r in old.execute("PRAGMA table_info(tracks)")]
    old.close()


# ------------------------------------------------------------------------------ real batches
@pytest.mark.slow
def test_a_batch_stores_the_coarse_level_and_fine_adds_the_fine_one_reusing_it(tmp_path, data_dir, capsys):
    from tmer_desktop.commands.tag import tag_command
    from tmer_desktop.features.windows import analyse_file
    from tmer_desktop.settings import Settings
    from tmer_desktop.tagging.runner import BatchTagger

    root = tmp_path / "music"
    calm = excerpt(CALM, root / "calm.wav", 0, 45)  # coarse: windows at 0 and 15 s; fine: 0, 5, 10, 15
    sad = excerpt(SAD, root / "sad.ogg", 0, 32)  # at most 2.5 s past one window: the levels are the same
    out, windows_csv = tmp_path / "results.csv", tmp_path / "windows.csv"
    assert tag_command([str(root)], out=str(out), windows_out=str(windows_csv), jobs=1, fine=False) == 0
    assert "coarse timeline" in capsys.readouterr().err
    per_window = pd.read_csv(windows_csv)
    assert list(per_window[per_window["path"] == str(calm)]["start"]) == [0.0, 15.0]
    with LibraryStore.open() as store:
        calm_row, sad_row = store.track_by_path(calm), store.track_by_path(sad)
        assert (calm_row.timeline, calm_row.hop_s) == ("coarse", 30.0)
        assert (sad_row.timeline, sad_row.hop_s) == ("fine", 5.0)  # nothing finer to make
        coarse_features = {w.start: w.features for w in store.windows_for_track(calm_row.id)}

    def run(**kwargs):
        results = []
        BatchTagger([root], jobs=1, settings=Settings(), **kwargs).run(on_result=results.append)
        return {r.path: r for r in results}

    again = run(fine=False)  # coarse again: everything is current
    assert all(r.skipped for r in again.values())
    fine = run()  # the default: the fine timeline
    assert not fine[str(calm)].skipped and fine[str(sad)].skipped
    assert fine[str(calm)].timeline == "fine" and fine[str(calm)].n_windows == 4
    assert fine[str(calm)].reused_windows == 2  # the coarse windows were not analysed again
    with LibraryStore.open() as store:
        row = store.track_by_path(calm)
        assert (row.timeline, row.hop_s) == ("fine", 5.0)
        stored = {w.start: w.features for w in store.windows_for_track(row.id)}
    assert sorted(stored) == [0.0, 5.0, 10.0, 15.0]
    assert all(stored[s] == coarse_features[s] for s in coarse_features)
    # the reused windows are what a fine analysis from scratch computes
    scratch = analyse_file(calm, 30.0, 5.0, use_cache=False)
    for w in scratch.windows:
        ours = np.array(stored[w.start])
        theirs = np.array([w.values[n] for n in FEATURE_NAMES])
        assert np.allclose(ours, theirs, rtol=1e-9, atol=1e-12, equal_nan=True)
    # both levels are now current
    assert all(r.skipped for r in run(fine=False).values()) and all(r.skipped for r in run().values())


@pytest.mark.slow
def test_the_player_shows_the_coarse_timeline_at_once_then_the_fine_one(tmp_path, data_dir, qtbot):
    pytest.importorskip("pytestqt")
    from tmer_desktop.settings import Settings
    from tmer_desktop.tagging.runner import BatchTagger
    from tmer_desktop.ui.library_model import COL_DURATION
    from tmer_desktop.ui.main_window import MainWindow

    calm = excerpt(CALM, tmp_path / "music" / "calm.wav", 0, 45)
    store = LibraryStore.open()
    try:
        BatchTagger([calm], jobs=1, settings=Settings(), store=store, fine=False).run()
        track_id = store.track_by_path(calm).id
        window = MainWindow(store, Settings(jobs=1))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
        model = window.library.model
        assert "detailed" not in model.data(model.index(0, COL_DURATION))
        with qtbot.waitSignal(window.trackShown, timeout=5000):
            window.show_track(track_id)
        player = window.player_view
        # at once: the overview (coarse) timeline, and a note that the detailed one is coming
        assert list(player.track.series.starts) == [0.0, 15.0] and player.timeline_state == "computing"
        assert "being computed" in player.timeline_note.text()
        with qtbot.waitSignal(window.fineTimelineFinished, timeout=180000):
            pass
        assert list(player.track.series.starts) == [0.0, 5.0, 10.0, 15.0]
        assert window.current_track.timeline == "fine" and player.timeline_note.text() == "Detailed timeline."
        assert store.track_by_path(calm).timeline == "fine"
        assert "detailed" in model.data(model.index(0, COL_DURATION))
        # opening it again starts no background work
        window.show_track(track_id)
        assert window._fine_task is None and player.timeline_state == ""
        window.shutdown()
    finally:
        store.close()
