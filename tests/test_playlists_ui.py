"""SessionBuilderView offscreen (pytest-qt): build, edit, save, export, and a screenshot."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from test_playlists import fill_library  # noqa: E402

from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.playlists.m3u import read_m3u8  # noqa: E402
from tmer_desktop.ui.session_view import SessionBuilderView  # noqa: E402


@pytest.fixture
def store(data_dir):
    with LibraryStore.open() as s:
        yield s


def _set_combo(combo, value):
    index = combo.findData(value)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_widget_builds_edits_saves_and_exports(qtbot, store, tmp_path, screenshot_dir):
    music = tmp_path / "music"
    music.mkdir()
    fill_library(store, music, n=60, seed=11)
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    _set_combo(view.start_combo, "sad")
    _set_combo(view.goal_combo, "relaxed")
    view.minutes_spin.setValue(30)
    view.title_edit.setText("Week 3 — evening")
    view.pseudonym_edit.setText("Client K")
    view.notes_edit.setPlainText("prefers instrumental music")
    qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)

    plan = view.plan
    assert plan is not None and view.slot_list.count() == len(plan) >= 5
    assert "of the way to relaxed" in view.slot_list.item(0).text()
    assert len(view.track_points.data) == len(plan)
    xs, _ = view.path_curve.getData()
    assert xs[0] == pytest.approx(-1.0) and xs[-1] == pytest.approx(1.0)

    # Lock by ticking the box, then re-plan: the locked track stays.
    locked_id = plan.slots[2].track_id
    view.slot_list.item(2).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: view.plan.slots[2].locked)
    view.replan()
    assert locked_id in view.plan.track_ids

    # Reorder through the list's model, as a drag does.
    before = view.plan.track_ids
    model = view.slot_list.model()
    model.moveRow(model.index(0, 0).parent(), 0, model.index(0, 0).parent(), 3)
    qtbot.waitUntil(lambda: view.plan.track_ids != before)
    assert sorted(view.plan.track_ids) == sorted(before)
    assert [view.slot_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.slot_list.count())] \
        == view.plan.track_ids

    # Suggestions for the selected slot, then replace with the first one.
    view.slot_list.setCurrentRow(1)
    assert view.suggest_combo.count() > 0 and view.replace_button.isEnabled()
    suggested = view.suggest_combo.itemData(0)
    qtbot.mouseClick(view.replace_button, Qt.MouseButton.LeftButton)
    assert view.plan.slots[1].track_id == suggested

    # Add a track from the library before the selected slot (a "must include" by hand).
    view.slot_list.setCurrentRow(2)
    extra = next(view.add_combo.itemData(i) for i in range(view.add_combo.count())
                 if view.add_combo.itemData(i) not in view.plan.track_ids)
    view.add_combo.setCurrentIndex(view.add_combo.findData(extra))
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.plan.track_ids[2] == extra and view.plan.slots[2].source == "user"

    n = len(view.plan)
    view.slot_list.setCurrentRow(0)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert len(view.plan) == view.slot_list.count() == n - 1

    with qtbot.waitSignal(view.sessionSaved) as saved:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    row = store.session(saved.args[0])
    assert row.title == "Week 3 — evening" and row.client_pseudonym == "Client K" and row.n_items == n - 1

    out = tmp_path / "s.m3u8"
    assert view.export_m3u8_to(str(out), relative=True)
    assert [e.path for e in read_m3u8(out)] == [s.candidate.path for s in view.plan.slots]
    assert view.export_csv_to(str(tmp_path / "s.csv"))

    # Reopen the saved session in a fresh view, from its list of saved sessions.
    other = SessionBuilderView(store)
    qtbot.addWidget(other)
    assert other.saved_combo.count() == 1 and "Client K" in other.saved_combo.itemText(0)
    qtbot.mouseClick(other.open_button, Qt.MouseButton.LeftButton)
    assert other.session_id == saved.args[0]
    assert other.plan.track_ids == view.plan.track_ids and other.pseudonym_edit.text() == "Client K"

    view.slot_list.setCurrentRow(3)
    assert view.grab().save(str(screenshot_dir / "session_builder.png"))


def test_widget_genre_filter_limits_the_session(qtbot, store, tmp_path):
    fill_library(store, tmp_path, n=40, seed=5)
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    view.genre_edit.setText(" Folk ")
    assert view.build()
    assert view.plan.slots and all(s.candidate.genre == "folk" for s in view.plan.slots)


def test_widget_on_an_empty_library_shows_the_reason(qtbot, store):
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    assert not view.build()
    assert "No analysed tracks" in view.status_label.text() and "tmer" not in view.status_label.text()
    assert not view.save_button.isEnabled() and view.plan is None
