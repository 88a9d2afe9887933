"""Library table model and filters, the timeline widget and the player, on real audio."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pytestqt")

from tmer_desktop.audio.decode import load  # noqa: E402
from tmer_desktop.audio.playback import Player, output_unavailable_reason  # noqa: E402
from tmer_desktop.ui.library_model import TableRow, TrackFilterProxy, TrackTableModel  # noqa: E402
from tmer_desktop.ui.timeline import TimelineWidget, WindowSeries, envelope  # noqa: E402

from fixtures.music import SAD  # noqa: E402


def _rows():
    return [
        TableRow(1, "/m/a.ogg", "Battle", "Wesnoth team", "Wesnoth", 120.0, "angry", 0.91, "label"),
        TableRow(2, "/m/b.ogg", "Lament", "Wesnoth team", "Wesnoth", 80.0, "sad", 0.55, "review"),
        TableRow(3, "/m/c.ogg", "Calm race", "K. Schroeder", "ETR", 200.0, "relaxed", 0.7, "top-2"),
        TableRow(None, "/m/broken.mp3", error="/m/broken.mp3: empty file (0 bytes)"),
    ]


def test_table_filters_search_and_sort(qtbot):
    model = TrackTableModel()
    proxy = TrackFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(_rows())
    assert proxy.rowCount() == 4
    proxy.set_emotion("sad")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Lament"]
    proxy.set_emotion(None)
    proxy.set_decision("error")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["broken"]
    assert proxy.index(0, 7).data() == "/m/broken.mp3: empty file (0 bytes)"
    proxy.set_decision(None)
    proxy.set_search("schroeder")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Calm race"]
    proxy.set_search("")
    proxy.sort(5)  # confidence, numerically; the failed row (no confidence) first
    assert [proxy.index(r, 5).data() for r in range(4)] == ["", "55%", "70%", "91%"]
    proxy.sort(3)
    assert [proxy.index(r, 3).data() for r in range(4)] == ["", "1:20", "2:00", "3:20"]


def test_upsert_updates_in_place(qtbot):
    model = TrackTableModel()
    model.set_rows(_rows()[:2])
    model.upsert(TableRow(2, "/m/b.ogg", "Lament", emotion="sad", confidence=0.8, decision="label"))
    assert model.rowCount() == 2
    assert model.index(1, 6).data() == "Sure"  # the decision in words (the row keeps "label")
    model.upsert(TableRow(5, "/m/new.ogg", "New"))
    assert model.rowCount() == 3


def _series(n, hop=5.0, win=30.0):
    probs = np.array([[0.8, 0.1, 0.05, 0.05], [0.2, 0.5, 0.2, 0.1], [0.1, 0.05, 0.05, 0.8]])[np.arange(n) % 3]
    labels = [("happy", "sad", "angry", "relaxed")[i] for i in probs.argmax(1)]
    conf = probs.max(1)
    return WindowSeries(np.arange(n) * hop, np.full(n, win), probs, labels, conf,
                        ["label" if c >= 0.75 else "review" for c in conf], list(range(n)))


def test_band_edges_cover_the_track_once():
    s = _series(4)
    edges = s.band_edges(47.0)
    assert edges[0] == 0.0 and edges[-1] == 47.0
    assert np.all(np.diff(edges) > 0) and len(edges) == 5
    assert s.index_at(0.0, 47.0) == 0 and s.index_at(46.9, 47.0) == 3
    assert s.index_at(float(s.centres[2]), 47.0) == 2


def test_envelope_keeps_peaks():
    x = np.zeros(44100)
    x[1234] = 0.9
    x[40000] = -0.8
    t, lo, hi = envelope(x, 44100, bins=100)
    assert len(t) == 100 and hi.max() == pytest.approx(0.9) and lo.min() == pytest.approx(-0.8)


def test_timeline_one_band_per_window_and_click_seeks(qtbot):
    samples, sr = load(SAD, 0, 40)
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(900, 400)
    w.show()
    s = _series(3)
    w.set_waveform(samples, sr)
    w.set_series(s, len(samples) / sr, 0.75)
    assert w.smoothed and len(w.band_items) == len(w.segments) <= 3  # stretches of mood by default
    w.set_smoothed(False)
    assert w.raw_button.isChecked() and not w.smoothed
    assert len(w.band_items) == 3
    # A real change of mood: one band per stretch and a dashed line on the waveform where they meet.
    probs = np.array([[0.1, 0.8, 0.05, 0.05]] * 6 + [[0.8, 0.1, 0.05, 0.05]] * 6)
    change = WindowSeries(np.arange(12) * 5.0, np.full(12, 30.0), probs,
                          ["sad"] * 6 + ["happy"] * 6, probs.max(1), ["label"] * 12, list(range(12)))
    w.set_smoothed(True)
    w.set_series(change, 85.0, 0.75)
    assert [(s.label, len(s)) for s in w.segments] == [("sad", 6), ("happy", 6)] and len(w.band_items) == 2
    assert [line.value() for line in w.boundary_items] == [pytest.approx(42.5)]
    assert w.band_items[0].rect().right() == pytest.approx(42.5)
    w.set_series(s, len(samples) / sr, 0.75)
    assert len(w.review_items) == s.decisions.count("review") == 1
    assert w.band_items[0].brush().color().name().lower() == "#e69f00"  # happy, Okabe–Ito orange
    w.set_cursor(12.5)
    assert w.cursor_position == pytest.approx(12.5)
    qtbot.waitExposed(w)
    # A click in the middle of the probability plot asks to seek to about the middle.
    plot = w.prob_plot
    scene_point = plot.vb.mapViewToScene(plot.vb.viewRect().center())
    view_point = w.view.mapFromScene(scene_point)
    with qtbot.waitSignal(w.seekRequested, timeout=2000) as blocker:
        from PySide6.QtCore import Qt
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point)
    assert blocker.args[0] == pytest.approx(len(samples) / sr / 2, abs=1.5)


def test_player_without_output_device_keeps_position(tmp_path):
    y, sr = load(SAD, 0, 5)
    player = Player()
    player.load(y, sr)
    assert player.duration == pytest.approx(5.0, abs=0.01)
    player.seek(2.5)
    assert player.position == pytest.approx(2.5, abs=1e-3)
    player.seek(99)
    assert player.position == pytest.approx(player.duration)
    reason = output_unavailable_reason()
    if reason is not None:  # this machine: no PortAudio device
        assert not player.available
        with pytest.raises(RuntimeError, match="Playback unavailable"):
            player.play()


def test_dropping_files_asks_to_tag_them(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from tmer_desktop.ui.library_view import LibraryView

    view = LibraryView()
    qtbot.addWidget(view)
    folder = tmp_path / "dropped"
    folder.mkdir()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(tmp_path / "gone.wav")),
                  QUrl("https://example.org/x.mp3")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(view.pathsDropped, timeout=1000) as blocker:
        view.dropEvent(event)
    assert blocker.args[0] == [str(folder)]  # missing files and remote URLs are left out


def test_progress_row_shows_count_eta_and_cancel(qtbot):
    from tmer_desktop.ui.library_view import LibraryView

    view = LibraryView()
    qtbot.addWidget(view)
    view.show()
    view.batch_started(10)
    assert view.progress_row.isVisible() and not view.open_button.isEnabled()
    view.batch_progress(4, 10, failed=1, skipped=2, eta=75)
    assert view.progress_bar.value() == 4 and view.progress_bar.maximum() == 10
    assert view.progress_label.text() == "4 of 10 · 1 failed · 2 unchanged · ETA 1:15"
    with qtbot.waitSignal(view.cancelRequested, timeout=1000):
        view.cancel_button.click()
    assert view.cancel_button.text() == "Cancelling…" and not view.cancel_button.isEnabled()
    view.batch_finished("done")
    assert not view.progress_row.isVisible() and view.open_button.isEnabled()
