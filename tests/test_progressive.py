"""The player's timeline window by window (tagging/progressive.py, docs/tagging.md "In the app"):
the plan of the parts, the order of arrival (each process's overview windows first), the stored
result equal to a fine batch's, cancellation leaving nothing running, and the main window drawing
the windows as they arrive and dropping them when another track is opened."""

from __future__ import annotations

import multiprocessing
import threading

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.features.track import first_sample
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.settings import Settings
from tmer_desktop.tagging import progressive
from tmer_desktop.tagging.runner import BatchTagger
from tmer_desktop.vocabulary import Timeline

from fixtures.music import BATTLE, SAD

SR = 44100


def _joined(path, *sources):
    """Real music: the demo clips one after another (all 44.1 kHz), as one FLAC."""
    parts = [sf.read(s, always_2d=True)[0].mean(axis=1) for s in sources]
    sf.write(path, np.concatenate(parts), SR, subtype="PCM_16")
    return path


@pytest.fixture(scope="module")
def track(tmp_path_factory):
    return _joined(tmp_path_factory.mktemp("music") / "sad_then_battle.flac", SAD, BATTLE)  # 89.4 s


# ------------------------------------------------------------------------------ the plan, fast
def test_plan_cuts_both_levels_into_balanced_parts():
    n = 231 * SR
    p = progressive.plan(n, 30.0, 5.0, 2)
    seconds = [s / SR for s in p.coarse]
    assert seconds == [0, 30, 60, 90, 120, 150, 180, 201]  # the overview, its last window at the end
    assert len(p.fine) == 41 and set(p.coarse) - set(p.fine) == {201 * SR}  # the fine plan ends at 200 s
    assert len(p.parts) == 2
    every = [s for part in p.parts for s in sorted(part.coarse + part.fine)]
    assert every == sorted(set(p.coarse) | set(p.fine))  # contiguous parts, each window once
    assert abs(len(p.parts[0].coarse + p.parts[0].fine) - len(p.parts[1].coarse + p.parts[1].fine)) <= 1
    assert all(part.coarse for part in p.parts)  # each process starts with overview windows
    # Windows the library holds cost nothing: the cut moves so that both parts compute as many.
    known = {s: () for s in p.fine[:20]}
    q = progressive.plan(n, 30.0, 5.0, 2, known)
    todo = [sum(1 for s in part.coarse + part.fine if s not in known) for part in q.parts]
    assert abs(todo[0] - todo[1]) <= 1 and todo[0] + todo[1] == len(p.fine) + 1 - 20
    # the coarse level's last window is computed even when the fine plan has none at that start
    r = progressive.plan(first_sample(76.0), 30.0, 5.0, 1)
    assert [s / SR for s in r.coarse] == [0, 30, 46] and 46 * SR not in r.fine
    assert progressive.expected_windows(76.0, 30.0, 5.0) == len(set(r.coarse) | set(r.fine)) == 11


def test_a_file_that_cannot_be_read_is_refused_with_its_reason(tmp_path):
    bad = tmp_path / "cover.mp3"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with LibraryStore.open(tmp_path / "lib.sqlite3") as store:
        job = progressive.ProgressiveTimeline(bad, store, Settings())
        with pytest.raises(Exception, match="PNG image"):
            job.run()
        assert job.processes == []


def test_the_windows_so_far_are_shown_in_time_order_and_decided_like_stored_ones():
    from tmer_desktop.analysis.outcome import WindowOutcome
    from tmer_desktop.ui.timeline import WindowSeries
    from tmer_desktop.ui.track_data import DecisionSettings, TrackView, computing_view

    empty = WindowSeries(np.zeros(0), np.zeros(0), np.zeros((0, 4)), [], np.zeros(0), [])
    base = TrackView(7, "/m/a.ogg", "a", "a.ogg", 95.0, None, None, None, None, (), None, 0.75, None, empty, [])

    def outcome(start, probs):
        return WindowOutcome(-1, start, 30.0, False, tuple(float(i) for i in range(50)), probs)

    arrived = [outcome(60.0, (0.1, 0.8, 0.05, 0.05)), outcome(0.0, (0.05, 0.05, 0.1, 0.8)),
               outcome(30.0, None),  # a silent window: drawn nowhere, like a stored one
               outcome(5.0, (0.05, 0.05, 0.5, 0.4))]
    view = computing_view(base, arrived, 14, DecisionSettings(threshold=0.75))
    assert view.computing == (4, 14) and view.timeline is None
    assert list(view.series.starts) == [0.0, 5.0, 60.0]
    assert view.series.labels == ["relaxed", "angry", "sad"]
    assert view.series.decisions == ["label", "top-2", "label"]
    assert [w.id for w in view.windows] == [-1, -1, -1] and view.windows[2].start == 60.0
    np.testing.assert_allclose(view.track_probs, [0.2 / 3, 0.9 / 3, 0.65 / 3, 1.25 / 3])  # the mean so far
    assert view.label == "relaxed" and view.decision == "review" and view.track_id == 7


# ------------------------------------------------------------------------------ processes, slow
def children_started_since(before: set[int]) -> list:
    """This process's children that were not running at `before` (earlier tests may have left
    pools of their own, e.g. joblib's loky workers, which are not this module's to judge)."""
    return [p for p in multiprocessing.active_children() if p.pid not in before]


def running_children() -> set[int]:
    return {p.pid for p in multiprocessing.active_children()}


@pytest.mark.slow  # two analysis processes over 89 s of music, then a fine batch of it
def test_windows_arrive_overview_first_and_the_result_equals_the_fine_batch(track, tmp_path, data_dir):
    arrived, stored = [], []
    before = running_children()
    with LibraryStore.open(tmp_path / "progressive.sqlite3") as store:
        job = progressive.ProgressiveTimeline(track, store, Settings())
        result = job.run(on_window=arrived.append, on_stored=lambda r: stored.append((r, len(arrived))))
        assert children_started_since(before) == [] and job.processes == []
        plan = job.plan
        # Every window once; in each process's part, its overview windows before any other.
        starts = [first_sample(w.start) for w in arrived]
        assert sorted(starts) == sorted(set(plan.coarse) | set(plan.fine))
        for part in plan.parts:
            order = [starts.index(s) for s in part.coarse], [starts.index(s) for s in part.fine]
            assert max(order[0]) < min(order[1], default=len(starts))
        # The overview was stored as soon as its windows were in, before the fine windows were all there.
        (coarse, at), = stored
        assert coarse.timeline == Timeline.COARSE and coarse.n_windows == len(plan.coarse) and at < len(arrived)
        assert result.timeline == Timeline.FINE and result.n_windows == len(plan.fine) == 13
        mine = store.windows_for_track(result.track_id)
        mine_p = store.predictions_for_track(result.track_id, level="all")
        assert store.track(result.track_id).timeline == Timeline.FINE
    with LibraryStore.open(tmp_path / "batch.sqlite3") as store:
        summary = BatchTagger([track], jobs=1, store=store, settings=Settings()).run()
        assert summary.done == 1
        tid = store.track_by_path(track).id
        batch = store.windows_for_track(tid)
        batch_p = store.predictions_for_track(tid, level="all")
    assert [w.start for w in mine] == [w.start for w in batch]
    np.testing.assert_allclose([w.features for w in mine], [w.features for w in batch], rtol=1e-9, atol=1e-12)
    assert [p.label for p in mine_p] == [p.label for p in batch_p]  # windows and the track
    np.testing.assert_allclose([p.confidence for p in mine_p], [p.confidence for p in batch_p], rtol=1e-9)


@pytest.mark.slow  # starts two analysis processes
def test_cancel_stops_the_processes_and_stores_nothing(track, tmp_path, data_dir):
    before = running_children()
    with LibraryStore.open(tmp_path / "lib.sqlite3") as store:
        job = progressive.ProgressiveTimeline(track, store, Settings())
        seen = []

        def on_window(w):
            seen.append(w)
            job.cancel()

        outcome = []
        runner = threading.Thread(target=lambda: outcome.append(job.run(on_window=on_window)))
        runner.start()
        runner.join(120)
        assert not runner.is_alive() and outcome == [None] and len(seen) >= 1
        assert children_started_since(before) == []
        row = store.track_by_path(track)
        assert row is None or row.timeline != Timeline.FINE


@pytest.mark.slow  # the main window with two analysis processes behind it
def test_player_draws_windows_as_they_arrive_and_another_track_cancels(track, tmp_path, data_dir, qtbot):
    from tmer_desktop.ui.main_window import MainWindow

    other = _joined(tmp_path / "battle.flac", BATTLE)
    before = running_children()
    store = LibraryStore.open(tmp_path / "lib.sqlite3")
    first = store.upsert_track(str(track), duration=sf.info(track).duration, title="first")
    second = store.upsert_track(str(other), duration=sf.info(other).duration, title="second")
    window = MainWindow(store, Settings(jobs=2))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
    shown = []
    original = window.player_view.refresh_decisions

    def refresh(view):
        original(view)
        shown.append((view.computing, len(view.series), view.timeline))

    window.player_view.refresh_decisions = refresh
    # A track with no analysis: its windows are drawn as they arrive, not correctable yet.
    window.show_track(first)
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert shown[0][0] is not None and shown[0][1] >= 1
    assert "Computing the timeline" in window.player_view.timeline_note.text()
    assert not any(b.isEnabled() for b in window.player_view.window_buttons)
    # Another track opened: the first one's processes end, nothing more is drawn for it.
    with qtbot.waitSignal(window.fineTimelineFinished, timeout=120000) as finished:
        window.show_track(second)
    assert finished.args == [second]
    qtbot.waitUntil(lambda: children_started_since(before) == [], timeout=10000)
    assert store.track(first).timeline != Timeline.FINE
    final = shown[-1]
    assert final[0] is None and final[2] == Timeline.FINE and final[1] == len(window.current_track.series) == 4
    assert window.current_track.track_id == second and all(b.isEnabled() for b in window.player_view.window_buttons)
    assert window.player_view.timeline_note.text() == "Detailed timeline."
    window.shutdown()
    store.close()
