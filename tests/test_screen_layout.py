"""Every view in English, Spanish and Turkish at 1280×800 and 1920×1080: no text clipped or
overlapping where Qt can tell.

One main window per language on a small library built through the real store API (six real
demo clips, their windows real rows of the training CSV, one failed file, a few corrections),
resized to each size. Each view is checked by `layout_problems`, which names the view, the
language, the size, the widget and its text:

* a QLabel without word wrap whose text needs more width than it has;
* a button, check box or radio button whose text needs more width than it has;
* a table header section narrower than its header text;
* a horizontal scroll bar on a form or dialog (a QScrollArea or the Settings dialog);
* sibling widgets of one layout whose geometries overlap;
* pyqtgraph: text items and legend entries overlapping each other or falling outside their
  plot, and a plotted line running through a text item.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPointF, QRectF  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QScrollArea,
    QTableView,
    QToolButton,
    QWidget,
)

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402
from tmer_desktop.settings import Settings  # noqa: E402
from tmer_desktop.ui.library_model import COL_ALBUM, COL_ERROR  # noqa: E402
from tmer_desktop.ui.start_view import build_session_plan, select_view  # noqa: E402

from fixtures.music import BATTLE, CALM, MADEIRA, SAD  # noqa: E402

LANGUAGES = ("en", "es", "tr")
SIZES = ((1280, 800), (1920, 1080))
EMOTION_ORDER = ("happy", "sad", "angry", "relaxed")
TRACKS = (  # file, title, artist, album, window probabilities (happy, sad, angry, relaxed)
    (SAD, "Lament", "Wesnoth team", "The Battle for Wesnoth 1.16 soundtrack",
     [(0.05, 0.85, 0.05, 0.05), (0.04, 0.52, 0.04, 0.40), (0.05, 0.10, 0.05, 0.80), (0.05, 0.2, 0.05, 0.7)]),
    (CALM, "Calm race", "Extreme Tux Racer team", "Extreme Tux Racer",
     [(0.10, 0.10, 0.05, 0.75), (0.10, 0.15, 0.05, 0.70), (0.2, 0.1, 0.1, 0.6), (0.3, 0.1, 0.1, 0.5)]),
    (BATTLE, "Epic battle", "Wesnoth team", "The Battle for Wesnoth 1.16 soundtrack",
     [(0.10, 0.05, 0.80, 0.05), (0.30, 0.05, 0.60, 0.05), (0.35, 0.05, 0.55, 0.05), (0.1, 0.1, 0.7, 0.1)]),
    (MADEIRA, "Madeira stew", "X-Moto team", "X-Moto",
     [(0.80, 0.05, 0.10, 0.05), (0.70, 0.05, 0.20, 0.05), (0.60, 0.1, 0.2, 0.1), (0.5, 0.1, 0.3, 0.1)]),
)


def build_library(data_dir, tmp_path) -> dict:
    """Four real clips with stored windows and track predictions, a failed file, two corrections."""
    features = pd.read_csv(TRAINING_CSV).loc[:, list(FEATURE_NAMES)].to_numpy(float)
    store = LibraryStore.open(data_dir / "library.sqlite3")
    ids = []
    for k, (source, title, artist, album, probs) in enumerate(TRACKS):
        clip = tmp_path / f"{source.stem}.wav"
        data, sr = sf.read(str(source), frames=44100 * 45, dtype="float32")
        sf.write(str(clip), data, sr)
        tid = store.upsert_track(clip, duration=len(data) / sr, title=title, artist=artist, album=album,
                                 sample_rate=sr, channels=2)
        rows = features[100 * k:100 * k + len(probs)]
        store.replace_windows(tid, [{"idx": i, "start": 5.0 * i, "duration": 30.0, "short": False,
                                     "features": rows[i]} for i in range(len(probs))])
        mean = np.mean(probs, axis=0)
        preds = [dict(window_idx=i, p_happy=p[0], p_sad=p[1], p_angry=p[2], p_relaxed=p[3],
                      label=EMOTION_ORDER[int(np.argmax(p))], confidence=max(p),
                      decision="label" if max(p) >= 0.75 else "top-2") for i, p in enumerate(probs)]
        preds.append(dict(p_happy=mean[0], p_sad=mean[1], p_angry=mean[2], p_relaxed=mean[3],
                          label=EMOTION_ORDER[int(np.argmax(mean))], confidence=float(mean.max()),
                          decision="label" if mean.max() >= 0.75 else "review"))
        store.add_predictions(tid, "test-model-1", preds)
        ids.append(tid)
    store.upsert_track(tmp_path / "Session notes from the Tuesday group.mp3",
                       error="not an audio file: the content looks like a PNG image, not music; "
                             "rename it or remove it from the folder")
    return {"store": store, "ids": ids}


# --------------------------------------------------------------------------- the checks
def _text(widget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return text.replace("\n", " ")[:60]


def _visible_widgets(root: QWidget):
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisibleTo(root) and widget.width() > 0:
            yield widget


def _inside_item_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _layout_widgets(layout):
    """The widgets a layout places, nested layouts included."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from _layout_widgets(item.layout())


def widget_problems(root: QWidget) -> list[str]:
    problems = []
    for w in _visible_widgets(root):
        name = f"{type(w).__name__} {w.objectName() or ''}".strip()
        if isinstance(w, QLabel) and "tmer " in w.text():
            problems.append(f"{name} '{_text(w)}' tells the user to type a command")
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and not _inside_item_view(w):
            if w.sizeHint().width() > w.width() + 1:
                problems.append(f"{name} '{_text(w)}' clipped: needs {w.sizeHint().width()} px, has {w.width()}")
        elif isinstance(w, QAbstractButton) and w.text() and not isinstance(w, QToolButton) \
                and not _inside_item_view(w):
            if w.sizeHint().width() > w.width() + 1:
                problems.append(f"{name} '{_text(w)}' clipped: needs {w.sizeHint().width()} px, has {w.width()}")
        if isinstance(w, QTableView) and w.horizontalHeader().isVisible():
            header, model = w.horizontalHeader(), w.model()
            metrics = header.fontMetrics()
            for col in range(header.count()):
                if header.isSectionHidden(col) or header.sectionSize(col) == 0:
                    continue
                text = str(model.headerData(col, header.orientation()) or "")
                needs = metrics.horizontalAdvance(text) + 8  # the style's margins
                if needs > header.sectionSize(col) + 1:
                    problems.append(f"{name}: header '{text}' clipped: needs {needs} px, has "
                                    f"{header.sectionSize(col)}")
        if isinstance(w, QAbstractScrollArea) and w.horizontalScrollBar().isVisible() \
                and (isinstance(w, QScrollArea) or isinstance(w.window(), QDialog)
                     or isinstance(w, QTableView)):
            problems.append(f"{name}: a horizontal scroll bar is shown (content {w.horizontalScrollBar().maximum()}"
                            f" px wider than the view)")
        layout = w.layout()
        if layout is not None:
            placed = [c for c in _layout_widgets(layout) if c.isVisibleTo(root) and c.width() > 0]
            for a, b in itertools.combinations(placed, 2):
                overlap = a.geometry().intersected(b.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    problems.append(f"{type(a).__name__} '{_text(a)}' overlaps {type(b).__name__} '{_text(b)}'")
    return problems


def _scene_rect(item) -> QRectF:
    return item.mapRectToScene(item.boundingRect())


def _texts_of(plot_item: pg.PlotItem):
    """(description, scene rect) of every visible text item in a plot and its legend's labels."""
    texts = []
    for item in plot_item.vb.addedItems + [c for i in plot_item.vb.addedItems for c in i.childItems()]:
        if isinstance(item, pg.TextItem) and item.isVisible() and item.toPlainText().strip():
            texts.append((f"text '{item.toPlainText()}'", _scene_rect(item)))
    return texts


def _legend_rects(legend) -> list[tuple[str, QRectF]]:
    if legend is None or not legend.isVisible():
        return []
    return [(f"legend '{label.text}'", _scene_rect(label).united(_scene_rect(sample)))
            for sample, label in legend.items if label.isVisible() and label.text]


def _crosses(curve, rect: QRectF, vb) -> bool:
    """Whether a plotted line passes through `rect` (scene coordinates), sampled densely."""
    xs, ys = curve.getData() if hasattr(curve, "getData") else (None, None)
    if xs is None or len(xs) < 2 or not curve.isVisible():
        return False
    inner = rect.adjusted(2, 2, -2, -2)
    for (x0, y0), (x1, y1) in zip(zip(xs[:-1], ys[:-1]), zip(xs[1:], ys[1:])):
        if not np.all(np.isfinite([x0, y0, x1, y1])):
            continue
        a, b = vb.mapViewToScene(QPointF(x0, y0)), vb.mapViewToScene(QPointF(x1, y1))
        steps = int(max(abs(b.x() - a.x()), abs(b.y() - a.y())) / 2) + 2
        for t in np.linspace(0.0, 1.0, steps):
            if inner.contains(QPointF(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()))):
                return True
    return False


def plot_problems(root: QWidget) -> list[str]:
    problems = []
    views = root.findChildren(pg.GraphicsView)
    for view in ([root] if isinstance(root, pg.GraphicsView) else []) + views:
        if not view.isVisibleTo(root) or view.width() == 0:
            continue
        plots = [i for i in view.scene().items() if isinstance(i, pg.PlotItem) and i.isVisible()]
        legends = [i for i in view.scene().items() if isinstance(i, pg.LegendItem) and i.isVisible()]
        legend_texts = [t for legend in legends for t in _legend_rects(legend)]
        for plot in plots:
            box = _scene_rect(plot.vb)
            title = plot.titleLabel.text or type(plot).__name__
            texts = _texts_of(plot)
            for what, rect in texts:
                if not box.adjusted(-1, -1, 1, 1).contains(rect):
                    problems.append(f"plot '{title}': {what} falls outside the plot")
                curves = [c for c in plot.vb.addedItems if isinstance(c, (pg.PlotDataItem, pg.PlotCurveItem))]
                for curve in curves:
                    if _crosses(curve, rect, plot.vb):
                        name = curve.name() if hasattr(curve, "name") else None
                        problems.append(f"plot '{title}': a line ({name or 'curve'}) runs through {what}")
                        break
            own_legend = [t for t in legend_texts if box.intersects(t[1])]
            for (wa, ra), (wb, rb) in itertools.combinations(texts + own_legend, 2):
                overlap = ra.intersected(rb)
                if overlap.width() > 1 and overlap.height() > 1:
                    problems.append(f"plot '{title}': {wa} overlaps {wb}")
        for (wa, ra), (wb, rb) in itertools.combinations(legend_texts, 2):
            overlap = ra.intersected(rb)
            if overlap.width() > 1 and overlap.height() > 1:
                problems.append(f"{wa} overlaps {wb}")
    return problems


def layout_problems(root: QWidget) -> list[str]:
    return widget_problems(root) + plot_problems(root)


# --------------------------------------------------------------------------- the run
def settle(qtbot, ms: int = 60) -> None:
    qtbot.wait(ms)
    QApplication.processEvents()


def show_views(window, qtbot, library):
    """Yield (view name, widget to check) for every view, each brought to real content."""
    select_view(window, "library")
    tid = library["ids"][0]
    failed = next(r for r in window.library.model.rows() if r.error)
    window.library.select_path(failed.path)
    yield "library (a failed track)", window
    row = next(r for r in window.library.model.rows() if r.track_id == tid)
    if window.current_track is None or window.current_track.track_id != tid:
        with qtbot.waitSignal(window.audioLoaded, timeout=30000):
            window.open_in_player(row)
        qtbot.waitUntil(lambda: {"track", "window"} <= library["explained"], timeout=60000)
    window.player_view.seek(12.0)
    yield "player", window
    done = []
    window.reviewLoaded.connect(lambda: done.append(1))
    window.refresh_review()
    select_view(window, "review")
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    # No queued track has an error or an album-less row: the always-empty Error column is hidden.
    assert window.review.table.isColumnHidden(COL_ERROR) and not window.review.table.isColumnHidden(COL_ALBUM)
    yield "review queue", window
    select_view(window, "sessions")
    window.sessions.plan = None
    window.sessions.clear_plan() if hasattr(window.sessions, "clear_plan") else None
    yield "sessions (no plan)", window
    assert build_session_plan(window, "sad", "relaxed", 3)
    yield "sessions (a plan)", window
    select_view(window, "dashboard")
    qtbot.waitUntil(lambda: window.dashboard.data is not None and not window.dashboard.busy, timeout=60000)
    for chart in ("by_emotion", "confidence", "drift"):
        if window.dashboard.chooser.findData(chart) >= 0:
            window.dashboard.show_chart(chart)
            yield f"dashboard ({chart})", window
    select_view(window, "models")
    qtbot.waitUntil(lambda: window.dashboard.models.table.rowCount() > 0, timeout=60000)
    yield "models", window
    select_view(window, "record")
    yield "record", window
    dialog = window.settings_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    yield "settings dialog", dialog
    dialog.close()
    select_view(window, "library")


@pytest.fixture
def library(data_dir, tmp_path):
    built = build_library(data_dir, tmp_path)
    yield built
    built["store"].close()


@pytest.mark.slow  # three windows, eleven views, two sizes: ~25 s
def test_every_view_in_every_language_and_size(library, qtbot, language, tmp_path):
    from tmer_desktop.ui.main_window import MainWindow

    found = []
    for code in LANGUAGES:
        language(code)
        library["explained"] = set()
        window = MainWindow(library["store"], Settings(jobs=1, language=code))
        qtbot.addWidget(window)
        window.explanationShown.connect(library["explained"].add)
        window.resize(*SIZES[0])
        window.show()
        qtbot.waitUntil(lambda w=window: w.library_loaded, timeout=10000)
        for view, root in show_views(window, qtbot, library):
            for width, height in SIZES:
                window.resize(width, height)
                settle(qtbot)
                found += [f"{view} [{code} {width}x{height}]: {p}" for p in layout_problems(root)]
        window.close()
    assert not found, "\n".join(found)


def test_the_checks_see_clipping_and_overlap(qtbot):
    """The checks themselves: a clipped label, a clipped button, overlapping siblings, a line
    through a text item."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton

    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    label, button = QLabel("A long label that cannot fit in forty pixels"), QPushButton("A long button text")
    row.addWidget(label)
    row.addWidget(button)
    box.show()
    label.setFixedWidth(40)
    button.setFixedWidth(40)
    settle(qtbot)
    problems = widget_problems(box)
    assert any("QLabel 'A long label" in p and "clipped" in p for p in problems), problems
    assert any("QPushButton 'A long button" in p for p in problems), problems
    button.setFixedWidth(400)
    button.move(label.pos())
    assert any("overlaps" in p for p in widget_problems(box))

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.setXRange(0, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    plot.plot([0, 1], [0.5, 0.5], name="a line")
    text = pg.TextItem("in the way", anchor=(0.5, 0.5))
    text.setPos(0.5, 0.5)
    plot.addItem(text)
    plot.show()
    settle(qtbot)
    assert any("runs through text 'in the way'" in p for p in plot_problems(plot)), plot_problems(plot)
    text.setPos(0.5, 0.2)
    settle(qtbot)
    assert plot_problems(plot) == []
    text.setPos(1.3, 0.2)
    settle(qtbot)
    assert any("falls outside" in p for p in plot_problems(plot))


@pytest.mark.slow  # three windows: ~6 s
def test_the_first_run_views_in_every_language(data_dir, qtbot, language):
    """An empty library: the start view's invitation, and Sessions saying which button to press."""
    from tmer_desktop.ui.main_window import MainWindow

    store = LibraryStore.open(data_dir / "library.sqlite3")
    found = []
    try:
        for code in LANGUAGES:
            language(code)
            window = MainWindow(store, Settings(jobs=1, language=code))
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(lambda w=window: w.library_loaded, timeout=10000)
            assert window.library.empty_row.isVisible()
            select_view(window, "sessions")
            assert not build_session_plan(window, "sad", "relaxed", 3)
            status = window.sessions.status_label.text()
            assert window.library.open_button.text().rstrip("…") in status and "tmer" not in status, status
            for width, height in SIZES:
                window.resize(width, height)
                for view in ("library", "sessions"):
                    select_view(window, view)
                    settle(qtbot)
                    found += [f"{view} (empty) [{code} {width}x{height}]: {p}" for p in layout_problems(window)]
            window.close()
    finally:
        store.close()
    assert not found, "\n".join(found)


def test_empty_artist_and_album_columns_give_their_width_to_the_error(qtbot):
    """A library without tags (the demo, a folder of untagged files): its empty Artist and Album
    columns shrink to their headers, so a failed file's error has room; once a track has an
    artist, the column is wide again."""
    from tmer_desktop.ui.library_model import COL_ARTIST, TableRow
    from tmer_desktop.ui.library_view import LibraryView

    view = LibraryView()
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    rows = [TableRow(track_id=1, path="/music/a.ogg", title="a", duration=45.0, emotion="sad", confidence=0.8,
                     decision="label", n_windows=2),
            TableRow(track_id=None, path="/music/notes.flac", title="notes",
                     error="not an audio format this app can read (a text file)")]
    view.model.set_rows(rows)
    view.resize_columns()
    settle(qtbot)
    header = view.table.horizontalHeader()
    narrow = header.sectionSizeFromContents(COL_ARTIST).width()
    assert view.table.columnWidth(COL_ARTIST) == narrow < 130
    error_width = view.table.columnWidth(COL_ERROR)
    view.model.set_rows([*rows, TableRow(track_id=2, path="/music/b.ogg", title="b", artist="Someone", n_windows=1)])
    view.resize_columns()
    settle(qtbot)
    assert view.table.columnWidth(COL_ARTIST) == 130
    assert view.table.columnWidth(COL_ERROR) < error_width  # the last column stretches over what is left


def test_a_long_decision_arriving_during_a_batch_widens_its_column(qtbot):
    """Rows arrive one by one during a batch (resize_columns runs at its end): a decision that
    would be cut ("Two candidates: Relaxed…") widens the column at once."""
    from tmer_desktop.ui.library_model import COL_DECISION, TableRow
    from tmer_desktop.ui.library_view import LibraryView

    view = LibraryView()
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    view.resize_columns()
    before = view.table.columnWidth(COL_DECISION)
    row = view.model.upsert(TableRow(track_id=1, path="/music/a.ogg", title="a", duration=45.0, emotion="relaxed",
                                     confidence=0.71, decision="top-2", candidates=("relaxed", "sad"),
                                     unfamiliar=True, n_windows=4))
    text = view.model.index(row, COL_DECISION).data()
    assert "unfamiliar" in text and view.table.fontMetrics().horizontalAdvance(text) > before
    view.widen_decision_for(row)
    assert view.table.columnWidth(COL_DECISION) > view.table.fontMetrics().horizontalAdvance(text)
