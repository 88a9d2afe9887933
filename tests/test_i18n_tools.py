"""The tool views (Dashboard, Sessions, Record) in Spanish and Turkish, offscreen: the compiled
translations in resources/translations, emotion names and locale-formatted numbers. Every test
puts English (and the previous default locale) back, so other tests see the source texts."""

from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QPushButton  # noqa: E402
from test_feedback_fixtures import add_corrections, library, quick_model, training_table  # noqa: E402,F401
from test_feedback_fixtures import fill_library as fill_feature_library  # noqa: E402
from test_playlists import fill_library as fill_playlist_library  # noqa: E402

from tmer_desktop.analysis.live import LiveWindow  # noqa: E402
from tmer_desktop.audio.record import RecorderEvent  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402


@pytest.fixture
def store(data_dir):
    with LibraryStore.open() as s:
        yield s


def _buttons_fit(view) -> None:
    """No button is narrower than its text needs, and the view fits the size it was given."""
    for button in view.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    assert view.minimumSizeHint().width() <= view.width()


def _drift_reports():
    """Reports that raise every alert, and one with both "not judged" notes."""
    from tmer_desktop.model.drift import assess_drift

    rng = np.random.default_rng(0)
    names = [f"feature_{i}_" for i in range(8)]
    train, shifted = rng.normal(size=(400, 8)), rng.normal(loc=2.0, size=(200, 8))
    wrong_half = rng.random(100) < 0.5
    everything = assess_drift(train, shifted, names, confidences=rng.uniform(0.3, 0.8, 200),
                              baseline_low_confidence_share=0.25, correction_confidence=rng.uniform(0.8, 1.0, 100),
                              correction_correct=wrong_half)
    too_little = assess_drift(train, shifted[:10], names, correction_confidence=np.full(5, 0.9),
                              correction_correct=np.ones(5, dtype=bool))
    assert len(everything.alerts) == 4 and len(too_little.notes) == 2  # every rule is exercised
    return everything, too_little


def test_the_drift_alert_shows_the_cores_sentences_in_spanish_and_turkish(language, store, qtbot):
    from tmer_desktop import dashboards
    from tmer_desktop.ui.dashboard_view import DashboardView

    view = DashboardView(store)
    qtbot.addWidget(view)
    data = dashboards.collect(store)  # an empty library: the real tables, then the reports below
    everything, too_little = _drift_reports()
    language("es")
    data.drift = everything
    view.set_data(data)
    lines = view.alert.text().split("\n")
    assert lines[0] == "⚠ Puede que el modelo no se ajuste a esta biblioteca:" and len(lines) == 6, lines
    assert lines[1].startswith("Esta música suena distinta de la música con la que aprendió el modelo en 8 de 8 "
                               "mediciones (desviación superior a 0,25; las mayores: feature_"), lines[1]
    assert re.fullmatch(r"El modelo duda en el \d+ % de la música \(confianza inferior a 0,75; lo esperable es "
                        r"como mucho el 45 %\)\.", lines[2]), lines[2]
    assert re.fullmatch(r"Según sus 100 correcciones, el modelo acertó el \d+ % de las veces \(lo esperable es al "
                        r"menos el 70 %\)\.", lines[3]), lines[3]
    assert lines[4].startswith("En sus correcciones, la confianza mostrada no coincide con la frecuencia con que "
                               "acierta el modelo (error de calibración 0,")
    assert lines[5].startswith("Corrija algunas predicciones") and "tmer" not in lines[5]  # the app's buttons
    data.drift = too_little
    view.set_data(data)
    assert view.alert.text().split("\n") == [
        "Aún no se ha analizado música suficiente para saber si el modelo se ajusta a esta biblioteca.",
        "Comparar esta música con la música con la que aprendió el modelo requiere 30 medios minutos "
        "independientes; por ahora hay 10.",
        "Saber con qué frecuencia acierta el modelo con esta música requiere 20 correcciones; por ahora hay 5."]
    language("tr")  # an open view follows a language change
    assert view.alert.text().split("\n") == [
        "Modelin bu kitaplığa uyup uymadığını söylemek için henüz yeterince müzik analiz edilmedi.",
        "Bu müziği modelin öğrendiği müzikle karşılaştırmak için 30 bağımsız yarım dakika gerekiyor; şimdilik "
        "10 tane var.",
        "Modelin bu müzikte ne sıklıkla doğru olduğunu anlamak için 20 düzeltme gerekiyor; şimdilik 5 tane var."]
    assert view.chooser.itemText(2) == "Türe göre duygular"


def test_dashboard_in_spanish(language, library, qtbot, screenshot_dir):  # noqa: F811
    from tmer_desktop.ui.dashboard_view import DashboardView

    rows = training_table().iloc[np.random.default_rng(4).choice(400, 30, replace=False)].reset_index(drop=True)
    fill_feature_library(library, rows, model=quick_model())
    add_corrections(library)  # every prediction confirmed: live accuracy 100 %
    language("es")
    view = DashboardView(library)
    qtbot.addWidget(view)
    view.resize(1000, 650)
    with qtbot.waitSignal(view.refreshed, timeout=60_000):
        view.show()
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)

    assert view.refresh_button.text() == "Actualizar" and view.png_button.text() == "Exportar PNG…"
    assert view.tabs.tabText(0) == "Gráficos" and view.tabs.tabText(1) == "Modelos y correcciones"
    assert view.chooser.itemText(0) == "Emociones por artista"
    plot = view.plot.getPlotItem()
    assert "Emociones por artista" in plot.titleLabel.text
    assert [label.text for _, label in view.legend.items] == ["Feliz", "Triste", "Enojado", "Relajado"]
    summary = view.summary.text()
    assert summary == "10 pistas, 30 correcciones, exactitud en uso 100 %", summary
    assert view.alert.text().startswith(("No se detecta deriva", "⚠ Puede que el modelo", "Aún no se ha analizado"))
    view.show_chart("confusion")
    assert plot.getAxis("bottom").labelText == "predicha"
    _buttons_fit(view)
    view.show_chart("reliability")
    qtbot.wait(200)  # pyqtgraph lays the title and axes out after the next events
    assert view.grab().save(str(screenshot_dir / "dashboard_es.png"))

    view.tabs.setCurrentIndex(1)  # the first show lists the model versions
    panel = view.models
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=60_000)
    assert panel.table.horizontalHeaderItem(0).text() == "Versión"
    assert panel.retrain_button.text() == "Reentrenar con las correcciones"
    assert re.fullmatch(r"0,\d{3}", panel.table.item(0, 2).text()), panel.table.item(0, 2).text()
    assert panel.table.item(0, 6).text() == "✓ activa" and panel.table.item(0, 0).text() == "incluido"
    panel.table.selectRow(0)
    assert panel.selected_version() == "bundled"  # the store's name, not the shown one
    from tmer_desktop.model.retrain import COMPARING, phase_progress
    from tmer_desktop.translatable import QT_TRANSLATE_NOOP

    said = []
    clock = iter([0.0, 240.0])  # the first of 5 steps took 4 min: about 16 min left
    progress = phase_progress(said.append, COMPARING, clock=lambda: next(clock))
    progress(0, 5)
    progress(1, 5)
    said += [QT_TRANSLATE_NOOP("Model", "Storing the candidate…"), "Something new…"]
    for core, spanish in zip(said, (
            "Comparando con el modelo actual en las particiones de entrenamiento: paso 1 de 5…",
            "Comparando con el modelo actual en las particiones de entrenamiento: paso 2 de 5, quedan unos 16 min…",
            "Guardando el candidato…",
            "Something new…")):  # unmarked: as the core wrote it
        panel._on_progress(core)
        assert panel.status.text() == spanish
    _buttons_fit(view)
    assert view.grab().save(str(screenshot_dir / "models_es.png"))


def test_session_builder_in_spanish_with_a_screenshot(language, store, tmp_path, qtbot, screenshot_dir):
    from tmer_desktop.ui.session_view import SessionBuilderView

    fill_playlist_library(store, tmp_path, n=40, seed=3)
    language("es")
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    assert view.build_button.text() == "Crear sesión" and view.save_button.text() == "Guardar sesión"
    assert [view.goal_combo.itemText(i) for i in range(view.goal_combo.count())] == [
        "Relajante (→ relajado)", "Energizante (→ feliz)", "Feliz", "Triste", "Enojado", "Relajado"]
    view.start_combo.setCurrentIndex(view.start_combo.findData("sad"))
    view.goal_combo.setCurrentIndex(0)
    view.minutes_spin.setValue(30)
    assert view.start_combo.currentText() == "Triste" and view.minutes_spin.suffix() == " min"
    assert view.build()

    first = view.slot_list.item(0).text()
    assert re.search(r"\d+ % del camino hacia relajado · a \d,\d\d del punto planificado", first), first
    assert re.search(r"empieza en \d+:\d\d", first), first
    assert view.summary_label.text().startswith("triste → relajado: ")
    assert "pistas" in view.summary_label.text()
    status = view.status_label.text()  # the count, or the core's warnings translated
    assert status.startswith(("Se eligieron", "La biblioteca tiene poca música")) and "library" not in status, status
    assert view.chart.getPlotItem().getAxis("bottom").labelText == "valencia (desagradable → agradable)"
    assert view.chart.getPlotItem().getAxis("left").labelText == "activación (calmada → enérgica)"
    assert view._corner_labels["angry"].textItem.toPlainText() == "Enojado"
    assert view.chart.getPlotItem().getAxis("left").tickStrings([-0.5, 0.0, 1.0], 1.0, 0.1) == ["-0,5", "0", "1,0"]
    view.slot_list.setCurrentRow(1)
    suggestion = view.suggest_combo.itemText(0)
    assert re.search(r" — \w+ \d+ %, a \d,\d\d del punto, \d+:\d\d$", suggestion), suggestion
    qtbot.wait(50)  # let the layout settle before measuring and grabbing
    _buttons_fit(view)
    assert view.grab().save(str(screenshot_dir / "session_builder_es.png"))


def test_a_saved_session_reopened_in_spanish_shows_its_reasons_translated(language, store, tmp_path, qtbot):
    from tmer_desktop.ui.session_view import SessionBuilderView

    fill_playlist_library(store, tmp_path, n=40, seed=3)
    builder = SessionBuilderView(store)  # built and saved in English
    qtbot.addWidget(builder)
    assert builder.build()
    builder.toggle_lock(0)
    session_id = builder.save()
    assert "of the way to relaxed" in builder.slot_list.item(0).text()

    language("es")
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    assert view.open_session(session_id)
    first = view.slot_list.item(0)
    assert re.search(r"\n    (Feliz|Triste|Enojado|Relajado) \d+ % \((segura|dos candidatas|requiere revisión)\) · "
                     r"\d+ % del camino "
                     r"hacia relajado · a \d,\d\d del punto planificado · guardada · bloqueada$",
                     first.text()), first.text()
    # The reason stored with the session (the library keeps it as a message), translated too.
    saved = first.toolTip().split("\n")[1]
    assert re.fullmatch(r"Al guardarla: \w+ \d+ % \(\S+\) · \d+ % del camino hacia relajado · a \d,\d\d del punto "
                        r"planificado · bloqueada", saved), saved
    second = view.slot_list.item(1).text()
    assert " · paso " in second and "step" not in second, second
    language("tr")
    assert "rahat hedefine giden yolun %" in view.slot_list.item(0).text()
    assert view.slot_list.item(0).text().endswith(" · kayıtlı · kilitli")


def test_record_view_in_spanish(language, data_dir, qtbot, screenshot_dir):
    from tmer_desktop.audio import record
    from tmer_desktop.ui.record_view import RecordView

    language("es")
    view = RecordView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    assert view.record_button.text() == "● Grabar" and view.pause_button.text() == "Pausa"
    assert view.stop_button.text() == "■ Detener" and view.state_label.text() == "Sin grabar."
    assert view.scroll_plot.getPlotItem().getAxis("bottom").labelText == "Segundos antes de ahora"
    if not record.input_devices():
        assert view.unavailable_reason.startswith("No se encontró ningún dispositivo de entrada de audio")
    # What the recorder's writer thread and the analyser send, through the same signals.
    view._eventArrived.emit(RecorderEvent("overflow", record.INPUT_OVERFLOW, 1.5))
    assert view.events_label.text().startswith("1,5 s: Desbordamiento de entrada")
    window = LiveWindow(idx=0, start=0.0, duration=30.0, short=False, provisional=False, features=(),
                        probs=(0.1, 0.7, 0.1, 0.1), label="sad", confidence=0.7, decision="review",
                        completed_at=10.0, ready_at=10.25)
    view._windowArrived.emit(window)
    text = view.provisional_label.text()
    assert "1 ventana analizada; la última, 0–30 s" in text and "triste 70 %" in text, text
    assert "(lista 0,25 s después del final de la ventana)" in text, text
    _buttons_fit(view)
    assert view.grab().save(str(screenshot_dir / "record_es.png"))


def test_turkish_texts_and_numbers(language, store, tmp_path, qtbot, screenshot_dir):
    from tmer_desktop.ui.dashboard_view import chart_title
    from tmer_desktop.ui.record_view import RecordView
    from tmer_desktop.ui.session_view import SessionBuilderView

    fill_playlist_library(store, tmp_path, n=40, seed=3)
    language("tr")
    assert chart_title("by_genre") == "Türe göre duygular"
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    assert view.build_button.text() == "Seans oluştur" and view.start_combo.currentText() == "Üzgün"
    assert view.build()
    first = view.slot_list.item(0).text()
    assert re.search(r"rahat hedefine giden yolun %\d+ kadarı", first), first
    assert re.search(r"planlanan noktaya \d,\d\d uzaklıkta", first), first
    view.resize(1300, 760)
    view.show()
    qtbot.wait(50)
    _buttons_fit(view)
    assert view.grab().save(str(screenshot_dir / "session_builder_tr.png"))
    recorder = RecordView()
    qtbot.addWidget(recorder)
    assert recorder.record_button.text() == "● Kaydet" and recorder.state_label.text() == "Kayıt yapılmıyor."


def test_a_language_switch_retranslates_open_views(language, store, tmp_path, qtbot):
    from tmer_desktop.ui.session_view import SessionBuilderView

    fill_playlist_library(store, tmp_path, n=30, seed=2)
    view = SessionBuilderView(store)
    qtbot.addWidget(view)
    assert view.build()
    assert view.build_button.text() == "Build session" and "of the way to" in view.slot_list.item(0).text()
    language("es")
    assert view.build_button.text() == "Crear sesión" and view.start_combo.currentText() == "Triste"
    assert "del camino hacia" in view.slot_list.item(0).text()
    language("en")
    assert view.build_button.text() == "Build session" and view.start_combo.currentText() == "Sad"

    # The status line is worded again too: a planner's refusal (a core message) and the view's own text.
    view.minutes_spin.setValue(1)
    view.goal_combo.setCurrentIndex(view.goal_combo.findData("happy"))
    assert not view.build()
    english = view.status_label.text()
    assert english.startswith("No suitable track fits a 1.0-minute session (sad → happy)"), english
    language("tr")
    assert view.status_label.text().startswith("Hiçbir uygun parça 1,0 dakikalık bir seansa sığmıyor (üzgün → mutlu)")
    view.export_m3u8_to(str(tmp_path / "s.m3u8"))
    assert view.status_label.text().startswith("s.m3u8".join([str(tmp_path) + "/", ""]) + " dosyasına ")
    language("es")
    assert view.status_label.text().startswith("Se exportaron ") and "pistas a " in view.status_label.text()
