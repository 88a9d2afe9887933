"""Accessibility: the emotion palette under colour-vision deficiencies, keyboard reach and names
in every view, a visible focus, and emotion curves told apart without colour.

The colour checks simulate protanopia, deuteranopia and tritanopia with the matrices of Machado,
Oliveira & Fernandes (2009, severity 1.0, applied in linear RGB) and measure CIEDE2000 (Sharma,
Wu & Dalal 2005) in CIELAB (D65). The views are the real main window on a real library
(test_ui_track.lament_library), offscreen; Tab is pressed as a user would.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAccessible, QColor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLabel, QTabBar, QWidget  # noqa: E402
from test_ui_track import lament_library, open_window  # noqa: E402

from tmer_desktop.settings import Settings  # noqa: E402
from tmer_desktop.ui import palette  # noqa: E402
from tmer_desktop.vocabulary import EMOTIONS  # noqa: E402

# -- colour-vision deficiency ------------------------------------------------------------------
MACHADO_2009 = {  # severity 1.0, linear RGB → linear RGB
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
VISIONS = {"normal": np.eye(3), **{k: np.array(m) for k, m in MACHADO_2009.items()}}
# Measured on the Okabe–Ito palette: the closest pairs are sad/relaxed under tritanopia (12.4) and
# happy/angry under deuteranopia (12.5) — apart, but not by much, hence the line styles and markers.
MIN_DELTA_E_PAIRS = 12.0
MIN_DELTA_E_BACKGROUND = 25.0
SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
D65 = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    srgb = np.array([c.redF(), c.greenF(), c.blueF()])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(linear: np.ndarray) -> np.ndarray:
    t = SRGB_TO_XYZ @ np.clip(linear, 0.0, 1.0) / D65
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1, lab2) -> float:
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_bar ** 7 / (c_bar ** 7 + 25.0 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p, h2p = np.degrees(np.arctan2(b1, a1p)) % 360, np.degrees(np.arctan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * np.cos(np.radians(h_bar - 30)) + 0.24 * np.cos(np.radians(2 * h_bar))
         + 0.32 * np.cos(np.radians(3 * h_bar + 6)) - 0.20 * np.cos(np.radians(4 * h_bar - 63)))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / np.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    r_t = -np.sin(np.radians(60 * np.exp(-(((h_bar - 275) / 25) ** 2)))) * 2 * np.sqrt(
        cp_bar ** 7 / (cp_bar ** 7 + 25.0 ** 7))
    return float(np.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)))


def seen_as(hex_colour: str, vision: str) -> np.ndarray:
    return lab(VISIONS[vision] @ linear_rgb(hex_colour))


def test_ciede2000_and_the_simulation_are_right():
    # Sharma et al.'s published test pairs (1, 7, 17 and 25 of their table).
    for lab1, lab2, expected in (((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
                                 ((50, 0, 0), (50, -1, 2), 2.3669),
                                 ((50, 2.5, 0), (73, 25, -18), 27.1492),
                                 ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644)):
        assert ciede2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)
    assert seen_as("#FFFFFF", "normal") == pytest.approx([100, 0, 0], abs=0.01)
    # Each simulation keeps white and black (Machado's rows sum to 1) ...
    for vision in MACHADO_2009:
        assert seen_as("#FFFFFF", vision) == pytest.approx([100, 0, 0], abs=0.2)
    # ... and merges the pair each deficiency is known to confuse, which normal vision keeps apart.
    red, green = "#D62728", "#8C8C00"
    assert ciede2000(seen_as(red, "normal"), seen_as(green, "normal")) > 30
    assert ciede2000(seen_as(red, "deuteranopia"), seen_as(green, "deuteranopia")) < 10
    blue, green_blue = "#3366CC", "#22AA99"
    assert ciede2000(seen_as(blue, "tritanopia"), seen_as(green_blue, "tritanopia")) < ciede2000(
        seen_as(blue, "normal"), seen_as(green_blue, "normal")) / 2


@pytest.mark.parametrize("vision", list(VISIONS))
def test_emotion_colours_stay_apart_under_colour_vision_deficiency(vision):
    colours = {emo: seen_as(palette.emotion_hex(emo), vision) for emo in EMOTIONS}
    background = seen_as(palette.BACKGROUND_HEX, vision)
    for a, b in itertools.combinations(EMOTIONS, 2):
        distance = ciede2000(colours[a], colours[b])
        assert distance >= MIN_DELTA_E_PAIRS, f"{a} and {b} look alike under {vision}: ΔE00 {distance:.1f}"
    for emo in EMOTIONS:
        distance = ciede2000(colours[emo], background)
        assert distance >= MIN_DELTA_E_BACKGROUND, f"{emo} fades into the background under {vision}: {distance:.1f}"
    # The focus ring stands out from the background and from every emotion colour too.
    ring = seen_as(palette.FOCUS_HEX, vision)
    assert ciede2000(ring, background) >= MIN_DELTA_E_BACKGROUND
    assert min(ciede2000(ring, colours[emo]) for emo in EMOTIONS) >= MIN_DELTA_E_PAIRS


# -- keyboard and screen readers ----------------------------------------------------------------
def focusable(root: QWidget) -> list[QWidget]:
    """The controls Tab should reach under `root`: visible, enabled, accepting Tab focus, not
    delegating their focus to another widget (a view's viewport, a tab widget's bar)."""
    return [w for w in [root, *root.findChildren(QWidget)]
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None and not w.isWindow()]


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces as the control's name."""
    if widget.accessibleName():
        return widget.accessibleName()
    buddies = [label.text() for label in widget.window().findChildren(QLabel) if label.buddy() is widget]
    if isinstance(widget, (QComboBox, QAbstractSpinBox)):
        # On Linux Qt reports a combo box's current item as its name: only a real name counts.
        return buddies[0] if buddies else ""
    if isinstance(widget, QTabBar):
        return widget.tabText(widget.currentIndex())
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def tab_round(window: QWidget, start: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from `start` until the focus comes back to it; the widgets visited in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start
    visited = []
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is start:
            return visited
        visited.append(current)
    raise AssertionError(f"Tab never came back to {start!r}; stuck on {visited[-3:]}")


def activate(qtbot, window: QWidget) -> None:
    """Make `window` the active window (keyboard focus goes only to an active window)."""
    window.show()
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''} in {type(widget.parentWidget()).__name__}"


def check_view(window: QWidget, root: QWidget) -> list[QWidget]:
    """Every control under `root` has a name and is reached by Tab; returns the controls."""
    controls = focusable(root)
    assert controls, f"no control to reach in {root!r}"
    nameless = [describe(w) for w in controls if not spoken_name(w).strip()]
    assert not nameless, f"controls without an accessible name: {nameless}"
    visited = tab_round(window, controls[0])
    missed = [describe(w) for w in controls if w is not controls[0] and w not in visited]
    assert not missed, f"Tab never reaches: {missed}"
    return controls


@pytest.fixture
def library(data_dir, tmp_path):
    built = lament_library(data_dir, tmp_path)
    yield built
    built["store"].close()


def player_window(library, qtbot):
    window = open_window(library, qtbot)
    activate(qtbot, window)
    row = next(r for r in window.library.model.rows() if r.track_id == library["track_id"])
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(row)
    window.player_view.seek(20.0)
    return window


def test_every_view_is_named_and_reached_by_tab(library, qtbot):
    window = player_window(library, qtbot)
    # The player first: tabbing into the library's table selects a row, which may show another track.
    views = {"player": window.player_view, "library": window.library, "review": window.review,
             "sessions": window.sessions, "dashboard": window.dashboard, "record": window.record_view}
    reached = {}
    for name, view in views.items():
        window.tabs.setCurrentWidget(view)
        qtbot.waitUntil(view.isVisible)
        if name == "review":
            qtbot.waitUntil(lambda: window.review.model.rowCount() > 0, timeout=10000)
        reached[name] = check_view(window, view)
    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.tabs.setCurrentWidget(window.dashboard.models)
    reached["models"] = check_view(window, window.dashboard.models)
    # The controls a user needs most are among them (a check that could not pass on an empty view).
    pv = window.player_view
    assert {pv.slider, pv.timeline.view, *pv.window_buttons, *pv.track_buttons} <= set(reached["player"])
    assert window.library.table in reached["library"] and window.review.table in reached["review"]
    assert window.sessions.notes_edit in reached["sessions"] and window.sessions.chart in reached["sessions"]
    # The main tabs: Ctrl+1…6, said in each tab's tooltip.
    assert [a.shortcut().toString() for a in window.view_actions] == [f"Ctrl+{i}" for i in range(1, 7)]
    assert all(f"Ctrl+{i + 1}" in window.tabs.tabToolTip(i) for i in range(window.tabs.count()))


def test_charts_have_names_and_say_what_they_show(library, qtbot):
    window = player_window(library, qtbot)
    timeline = window.player_view.timeline
    assert timeline.view.accessibleName() == "Emotion timeline"
    # The smoothed stretches in words: sad then relaxed, changing at 0:22.
    assert timeline.view.accessibleDescription().startswith("Sad from 0:00 to 0:22; Relaxed from 0:22 to 0:40")
    record = window.record_view
    assert record.meter.accessibleName() == "Input level" and record.scroll_plot.accessibleName() == "Live waveform"
    assert record.timeline.view.accessibleDescription() == "No analysis to show yet."
    assert window.sessions.chart.accessibleName() and "triangle angry" in window.sessions.chart.accessibleDescription()
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.data is not None, timeout=20000)
    window.dashboard.show_chart("confidence")
    assert window.dashboard.plot.accessibleName() == "Confidence histogram (windows)"
    for chart in (window.player_view.explanations.window_chart, window.player_view.explanations.track_chart):
        assert chart.plot.accessibleName() == chart.title() and chart.plot.accessibleDescription()


def test_keyboard_seeks_and_never_gets_trapped(library, qtbot):
    window = player_window(library, qtbot)
    pv = window.player_view
    pv.slider.setFocus(Qt.FocusReason.TabFocusReason)
    before = pv.timeline.cursor_position
    QTest.keyClick(pv.slider, Qt.Key.Key_Right)  # 5 s on
    assert pv.timeline.cursor_position == pytest.approx(before + 5.0)
    QTest.keyClick(pv.slider, Qt.Key.Key_Home)
    assert pv.timeline.cursor_position == 0.0 and pv.current_window == 0
    # Tab leaves the tables and the notes field instead of moving between cells or typing a tab.
    for widget in (window.library.table, window.review.table, window.sessions.notes_edit):
        window.tabs.setCurrentWidget(_view_of(window, widget))
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not widget, describe(widget)
    assert window.sessions.notes_edit.toPlainText() == ""


def _view_of(window, widget: QWidget) -> QWidget:
    """The main tab that holds `widget`."""
    for i in range(window.tabs.count()):
        if window.tabs.widget(i).isAncestorOf(widget):
            return window.tabs.widget(i)
    raise LookupError(widget)


def test_settings_dialog_and_first_run_are_named_and_reached(data_dir, qtbot):
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.ui.main_window import MainWindow
    from tmer_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    controls = check_view(dialog, dialog)
    assert len(controls) >= 8  # six fields, OK and Cancel
    # The start view of a first run: an empty library offering the demo.
    data_dir.mkdir(parents=True, exist_ok=True)
    with LibraryStore.open(data_dir / "library.sqlite3") as store:
        window = MainWindow(store, Settings(jobs=1))
        qtbot.addWidget(window)
        activate(qtbot, window)
        qtbot.waitUntil(lambda: window.library_loaded, timeout=10000)
        assert window.library.demo_button in check_view(window, window.library)
        window.close()


def test_the_focus_ring_follows_the_keyboard_not_the_mouse(data_dir, qtbot):
    from tmer_desktop.ui.focus import FocusRing, install_focus_ring
    from tmer_desktop.ui.settings_dialog import SettingsDialog

    tracker = install_focus_ring(QApplication.instance())
    assert install_focus_ring(QApplication.instance()) is tracker  # one per application
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.threshold.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(dialog.threshold, Qt.Key.Key_Tab)
    assert tracker.widget is dialog.top2_threshold is QApplication.focusWidget()
    ring = tracker.ring
    assert isinstance(ring, FocusRing) and ring.isVisible()
    # Drawn outside the control, all round it, in the focus colour.
    around = dialog.top2_threshold.geometry()
    assert ring.geometry().contains(around) and ring.geometry() != around
    image = dialog.grab().toImage()
    edge = ring.geometry().topLeft() + ring.rect().center() - ring.rect().topLeft()
    top_middle = image.pixelColor(edge.x(), ring.geometry().top() + 1)
    assert top_middle.name().upper() == palette.FOCUS_HEX.upper() or ciede2000(
        lab(linear_rgb(top_middle.name())), lab(linear_rgb(palette.FOCUS_HEX))) < 10
    # A click moves the focus without a ring.
    QTest.mouseClick(dialog.hop, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is dialog.hop and tracker.widget is None
    # A window that opens after a click shows no ring ...
    second = SettingsDialog(Settings())
    qtbot.addWidget(second)
    activate(qtbot, second)
    assert QApplication.focusWidget() is not None and tracker.widget is None
    # ... until a key is pressed in it.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert tracker.widget is QApplication.focusWidget()


# -- emotions without colour ---------------------------------------------------------------------
def curve_style(curve) -> tuple:
    pen = curve.opts["pen"]
    return pen.style(), curve.opts["symbol"]


def test_each_emotion_has_its_own_line_marker_and_fill():
    assert len({palette.LINE_STYLES[e] for e in EMOTIONS}) == len(EMOTIONS)
    assert len({palette.SYMBOLS[e] for e in EMOTIONS}) == len(EMOTIONS)
    assert len({palette.FILL_PATTERNS[e] for e in EMOTIONS}) == len(EMOTIONS)
    for emo in EMOTIONS:
        assert palette.emotion_pen(emo).style() == palette.LINE_STYLES[emo]
        assert palette.emotion_pattern(emo).style() == palette.FILL_PATTERNS[emo]


def test_timeline_curves_and_legend_differ_without_colour(qtbot):
    from tmer_desktop.ui.timeline import TimelineWidget

    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    styles = {emo: curve_style(timeline.prob_curves[emo]) for emo in EMOTIONS}
    assert len(set(styles.values())) == len(EMOTIONS)
    assert all(style == (palette.LINE_STYLES[emo], palette.SYMBOLS[emo]) for emo, style in styles.items())
    # The legend shows the same curves (so the same dash and marker) in the same order.
    assert [sample.item for sample, _label in timeline.legend.items[:len(EMOTIONS)]] == [
        timeline.prob_curves[emo] for emo in EMOTIONS]


def test_dashboard_bars_and_sessions_points_differ_without_colour(library, qtbot):
    window = open_window(library, qtbot)
    dashboard = window.dashboard
    window.tabs.setCurrentWidget(dashboard)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20000)
    for chart in ("confidence", "by_artist"):
        dashboard.show_chart(chart)
        patterns = {emo: item.opts["brush"].style() for emo, item in dashboard.patterns.items()}
        assert patterns == {emo: palette.FILL_PATTERNS[emo] for emo in EMOTIONS}, chart
        samples = [sample for sample, _label in dashboard.legend.items]
        assert [s.pattern for s in samples] == [dashboard.patterns[emo] for emo in EMOTIONS], chart
    # Sessions: each track's point has its emotion's marker.
    sessions = window.sessions
    window.tabs.setCurrentWidget(sessions)
    sessions.minutes_spin.setValue(1)
    assert sessions.build()
    symbols = [str(point["symbol"]) for point in sessions.track_points.data]
    assert symbols and symbols == [palette.SYMBOLS[slot.candidate.label] for slot in sessions.plan.slots]
