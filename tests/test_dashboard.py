"""Dashboards: the Qt-free tables from a real library, and the DashboardView offscreen (PNG + CSV)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from test_feedback_fixtures import add_corrections, fill_library, library, quick_model, training_table  # noqa: F401

from tmer_desktop import dashboards
from tmer_desktop.library.schema import EMOTIONS


@pytest.fixture
def filled(library):  # noqa: F811
    table = training_table()
    rows = table.iloc[np.random.default_rng(2).choice(len(table), 90, replace=False)].reset_index(drop=True)
    ids = fill_library(library, rows, model=quick_model())
    truth = {}
    for summary in library.tracks():
        for w in library.windows_for_track(summary.id):
            match = (rows.iloc[:, 1:].to_numpy() == np.array(w.features)).all(axis=1)
            truth[w.id] = rows.loc[match, "label"].iloc[0]
    add_corrections(library, truth)
    library.save_session("Calm down", ids[:4], client_pseudonym="C-1")
    library.save_session("Wake up", ids[4:6])
    return library, rows, truth


def test_distributions_count_track_labels(filled):
    store, _, _ = filled
    data = dashboards.collect(store)
    summaries = store.tracks()
    assert data.n_tracks == len(summaries) == 30
    for key, attr in (("by_artist", "artist"), ("by_album", "album"), ("by_genre", "genre")):
        table = data.tables()[key]
        assert list(table.columns) == [*EMOTIONS, "total"]
        assert int(table["total"].sum()) == 30
        for group, row in table.iterrows():
            mine = [s for s in summaries if getattr(s.track, attr) == group]
            for emotion in EMOTIONS:
                assert row[emotion] == sum(s.label == emotion for s in mine)
    assert set(data.by_folder.index) == {f"/music/{a}/album{k}" for a in ("Ayla", "Barış", "Cem") for k in (0, 1)}
    sessions = data.by_session
    assert list(sessions["total"]) == [4, 2] and sessions.index[0].startswith("Calm down")


def test_distribution_folds_many_groups_into_other():
    labels = pd.Series(["happy"] * 30)
    groups = pd.Series([f"artist {i}" for i in range(25)] + [None] * 5)
    table = dashboards.distribution(labels, groups, max_groups=10)
    assert len(table) == 10 and table.index[-1] == dashboards.OTHER
    assert table.index[0] == dashboards.UNKNOWN and int(table["total"].sum()) == 30


def test_confidence_confusion_and_reliability_from_corrections(filled):
    store, _, truth = filled
    data = dashboards.collect(store)
    windows = store.tracks()
    n_windows = 90
    assert int(data.confidence["total"].sum()) == n_windows
    feedback = store.feedback_rows()
    assert int(data.confusion.to_numpy().sum()) == len(feedback) == n_windows
    wrong = sum(not f.is_correct for f in feedback)
    assert int(data.confusion.to_numpy().sum() - np.trace(data.confusion.to_numpy())) == wrong
    for f in feedback[:10]:
        assert truth[f.window_id] == f.true_label
    assert int(data.reliability["count"].sum()) == n_windows
    used = data.reliability[data.reliability["count"] > 0]
    assert ((used["mean_confidence"] > used["low"]) & (used["mean_confidence"] <= used["high"])).all()
    assert data.drift.live_accuracy == pytest.approx(1 - wrong / n_windows)
    assert len(windows) == 30


def test_table_csv_export_round_trips(filled, tmp_path):
    store, _, _ = filled
    data = dashboards.collect(store)
    for key, table in data.tables().items():
        out = tmp_path / f"{key}.csv"
        assert dashboards.write_table_csv(table, out) == len(table)
        back = pd.read_csv(out, index_col=0 if table.index.name else None)
        assert back.shape == table.shape, key
        np.testing.assert_allclose(
            back.select_dtypes("number").to_numpy(dtype=float), table.select_dtypes("number").to_numpy(dtype=float)
        )


# --------------------------------------------------------------------------- the widget
def test_dashboard_view_draws_every_chart_and_exports(filled, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from tmer_desktop.dashboards import CHARTS
    from tmer_desktop.ui.dashboard_view import DashboardView

    store, _, _ = filled
    view = DashboardView(store)
    qtbot.addWidget(view)
    view.resize(900, 600)
    with qtbot.waitSignal(view.refreshed, timeout=60_000):
        view.show()  # the first show loads the data in the background
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)
    assert view.png_button.isEnabled() and "30 tracks, 90 corrections" in view.summary.text()
    for key in CHARTS:
        view.show_chart(key)
        png = tmp_path / f"{key}.png"
        view.export_png(png)
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 300, key
        # A drawn chart has many colours; a blank one has one or two.
        sample = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(sample) > 5, key
        csv = tmp_path / f"{key}.csv"
        assert view.export_csv(csv) == len(view.current_table())
        assert csv.read_text().count("\n") == len(view.current_table()) + 1
    # A matched random sample: no drift alert, and the banner says so.
    assert "No drift detected" in view.alert.text()


def test_dashboard_view_shows_a_drift_alert(library, qtbot):  # noqa: F811
    from tmer_desktop.ui.dashboard_view import DashboardView

    table = training_table()
    fill_library(library, table[table["label"] == "happy"].reset_index(drop=True), model=quick_model())
    view = DashboardView(library)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=60_000):
        view.refresh()
    assert "may not suit" in view.alert.text() and "Retrain with corrections" in view.alert.text()
    assert "tmer" not in view.alert.text()  # the app's own button, not a command
    view.show_chart("drift")
    assert view.current_table()["shifted"].sum() >= 5


def test_dashboard_view_on_an_empty_library(library, qtbot, tmp_path):  # noqa: F811
    from tmer_desktop.ui.dashboard_view import DashboardView

    view = DashboardView(library)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=60_000):
        view.refresh()
    for key in ("by_artist", "confusion", "reliability", "drift", "confidence"):
        view.show_chart(key)
        view.export_png(tmp_path / f"{key}.png")
    assert "0 tracks" in view.summary.text() and "needs 30 independent half-minutes" in view.alert.text()


# --------------------------------------------------------------------------- models tab
@pytest.mark.slow  # a real retrain in the background
def test_models_tab_exports_retrains_in_background_and_rolls_back(filled, qtbot, tmp_path, screenshot_dir):
    from tmer_desktop.model.corrections import read_feedback_csv
    from tmer_desktop.model.retrain import RetrainConfig
    from tmer_desktop.model.train import TrainingConfig
    from tmer_desktop.ui.dashboard_view import DashboardView

    store, _, _ = filled
    view = DashboardView(store)
    qtbot.addWidget(view)
    panel = view.models
    panel.retrain_config = RetrainConfig(
        folds=3, min_holdout=5, training=TrainingConfig(Cs=(0.3,), transforms=("standard",), inner_folds=2)
    )
    out = tmp_path / "shared.csv"
    assert panel.export_corrections(out, anonymise=True) == 90
    assert all(r.track_path is None for r in read_feedback_csv(out))

    changed = []
    panel.active_model_changed.connect(changed.append)
    for expected in ("v001", "v002"):
        with qtbot.waitSignal(panel.retrained, timeout=60_000) as blocker:
            assert panel.start_retrain() is not None
        result = blocker.args[0]
        assert result.candidate == expected
        if not result.promoted:
            assert panel.activate(expected)
    assert changed[-1] == "v002"
    versions = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert versions == ["bundled", "v001", "v002"]
    active_rows = [r for r in range(panel.table.rowCount()) if panel.table.item(r, 6).text()]
    assert active_rows == [2] and panel.table.item(2, 2).text() != ""
    # What the user gained, in plain numbers: accuracy on the held-back corrections before -> after.
    held = panel.table.item(2, 3).text()
    assert re.fullmatch(r"\d+ ?% → \d+ ?% right on \d+", held), held
    assert "held-back corrections:" in panel.status.text() and "with this version" in panel.status.text()

    assert panel.roll_back() and changed[-1] == "v001"
    assert "v001 is now active" in panel.status.text()
    # One click on a row + "Make active".
    panel.table.selectRow(2)
    panel.activate_button.click()
    assert panel.model_store.active().version == "v002"
    # A refused version leaves the active one and says why.
    victim = next((panel.model_store.root / "v001").glob("*.joblib"))
    victim.write_bytes(b"garbage")
    assert not panel.activate("v001")
    assert "refused" in panel.status.text() and panel.model_store.active().version == "v002"
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)  # the refresh each activation started

    # In Spanish: the verdict's reason (kept by the model store as a message) and a refusal, translated.
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from tmer_desktop.ui.i18n import install_language

    english_reason = panel.table.item(1, 5).toolTip()
    english_refusal = panel.status.text()
    before = QLocale()
    try:
        assert install_language(QApplication.instance(), "es") == []
        QApplication.processEvents()  # the panel lists its versions again in Spanish
        assert english_reason.startswith("not worse than the current model by more than 0.010 macro-F1")
        assert panel.table.item(1, 5).toolTip().startswith(
            "no es peor que el modelo actual en más de 0,010 de macro-F1")
        assert not panel.activate("v001")
        assert english_refusal.startswith("Model version 'v001' (") and "is refused" in english_refusal
        assert panel.status.text().startswith("Se rechaza la versión de modelo 'v001' ("), panel.status.text()
        assert "de acierto en" in panel.table.item(2, 3).text()
        assert panel.table.horizontalHeaderItem(3).text() == "En sus correcciones reservadas"
        view.resize(1100, 600)
        view.tabs.setCurrentIndex(1)
        assert view.grab().save(str(screenshot_dir / "models_held_back_es.png"))
    finally:
        install_language(QApplication.instance(), "en")
        QLocale.setDefault(before)
