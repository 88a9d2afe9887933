"""Translations: the .ts sources are complete and consistent, the shipped .qm files are current,
the code has no string the .ts files miss, and the window really shows Spanish and Turkish.

Real Qt tools (pyside6-lupdate / pyside6-lrelease), real QTranslator, offscreen widgets and a
small real library (a real clip, training-CSV feature rows, stored probabilities).
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from test_ui_track import PROBS, lament_library, open_window  # noqa: E402

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402
from tmer_desktop.settings import load_settings  # noqa: E402
from tmer_desktop.ui.i18n import EMOTION_NAMES, TRANSLATIONS_DIR, install_language  # noqa: E402

from conftest import REPO_ROOT  # noqa: E402

TS_DIR = REPO_ROOT / "translations"
UI_DIR = REPO_ROOT / "tmer_desktop" / "ui"
LANGUAGES = ("es", "tr")
QT_BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
FILTER_PATTERN = re.compile(r"\(\*\.[^)]*\)")


def _tool(name: str) -> str:
    path = QT_BIN / name
    return str(path) if path.exists() else name


def _messages(ts_path: Path):
    """(context, source, comment, numerus, translation element) of every message in a .ts file."""
    for context in ET.parse(ts_path).getroot().findall("context"):
        name = context.find("name").text
        for message in context.findall("message"):
            comment = message.find("comment")
            yield (name, message.find("source").text, None if comment is None else comment.text,
                   message.get("numerus") == "yes", message.find("translation"))


def _ts_files(language: str | None = None) -> list[Path]:
    files = sorted(TS_DIR.glob(f"*_{language}.ts" if language else "*.ts"))
    assert files, f"no translation sources in {TS_DIR}"
    return files


# -- the sources --------------------------------------------------------------------------------
@pytest.mark.parametrize("ts_path", _ts_files(), ids=lambda p: p.name)
def test_every_message_is_translated_with_the_same_placeholders(ts_path):
    problems = []
    for context, source, _comment, numerus, translation in _messages(ts_path):
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {translation.get('type')}")
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] if numerus else [translation.text or ""]
        for text in forms:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            elif ("%n" in text) != ("%n" in source):
                problems.append(f"{where}: %n differs in {text!r}")
            elif FILTER_PATTERN.findall(text) != FILTER_PATTERN.findall(source):
                problems.append(f"{where}: file patterns changed in {text!r}")
            elif source.count("&") != text.count("&"):
                problems.append(f"{where}: keyboard accelerator (&) missing or doubled in {text!r}")
    assert not problems, "\n".join(problems)


def test_spanish_and_turkish_emotion_names():
    assert EMOTION_NAMES["es"] == {"happy": "Feliz", "sad": "Triste", "angry": "Enojado", "relaxed": "Relajado"}
    assert EMOTION_NAMES["tr"] == {"happy": "Mutlu", "sad": "Üzgün", "angry": "Öfkeli", "relaxed": "Rahat"}


def test_shipped_qm_files_are_compiled_from_the_current_sources(tmp_path):
    """lrelease is deterministic (same .ts → same bytes), so a fresh build must equal the shipped file."""
    for language in (*LANGUAGES, "en"):
        built = []
        for attempt in range(2):
            target = tmp_path / f"tmer_{language}_{attempt}.qm"
            identical = ["-removeidentical"] if language != "en" else []  # as scripts/update_translations.sh
            subprocess.run([_tool("pyside6-lrelease"), "-silent", *identical,
                            *map(str, _ts_files(language)), "-qm", str(target)], check=True)
            built.append(target.read_bytes())
        assert built[0] == built[1], "lrelease output is not deterministic"
        shipped = TRANSLATIONS_DIR / f"tmer_{language}.qm"
        assert shipped.read_bytes() == built[0], (
            f"{shipped} is out of date: run scripts/update_translations.sh")


def test_english_counts_read_in_the_singular_and_the_plural(qapp):
    """The code writes "%n track(s)"; English's plural forms (translations/plurals_en.ts, loaded for
    English by install_language) make it "1 track" and "2 tracks", and the shipped file is current."""
    from PySide6.QtCore import QCoreApplication

    assert (TRANSLATIONS_DIR / "tmer_en.qm").exists(), "tmer_en.qm is missing: run scripts/update_translations.sh"
    translate = QCoreApplication.translate
    assert translate("DashboardView", "%n track(s)", "", 1) == "1 track"
    assert translate("DashboardView", "%n track(s)", "", 2) == "2 tracks"
    assert translate("TimelineWidget", "%n window(s) need review.", "", 1) == "1 window needs review."
    assert translate("TimelineWidget", "%n window(s) need review.", "", 3) == "3 windows need review."


def test_no_text_to_translate_hides_inside_an_f_string():
    """lupdate cannot see a tr("…") or QT_TRANSLATE_NOOP("…") written inside an f-string's braces:
    its text would silently drop out of the .ts files (and stay English)."""
    literal = r"""\s*["'][^"']*["']"""
    hidden = re.compile(r"""\bf["'].*?\{[^}]*\b(?:tr\(""" + literal + r"|(?:translate|QT_TRANSLATE_NOOP)\(" + literal
                        + r"\s*," + literal + ")")
    found = [f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}"
             for path in sorted((REPO_ROOT / "tmer_desktop").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if hidden.search(line)]
    assert found == []


def test_no_interface_string_is_missing_from_the_translation_sources(tmp_path):
    """lupdate over every module of the package (so a new file not yet in a group is caught too;
    core modules mark words the interface translates with QT_TRANSLATE_NOOP)."""
    found_ts = tmp_path / "found.ts"
    sources = sorted((REPO_ROOT / "tmer_desktop").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none",
                    *map(str, sources), "-ts", str(found_ts)], check=True)
    found = {(c, s, m, n) for c, s, m, n, _t in _messages(found_ts)}
    assert len(found) > 150  # the parser saw the code (menus, views, dialogs)
    for language in LANGUAGES:
        known = {(c, s, m, n) for path in _ts_files(language) for c, s, m, n, _t in _messages(path)}
        missing = sorted(found - known, key=str)
        assert not missing, (f"{len(missing)} string(s) not in translations/*_{language}.ts "
                             f"(run scripts/update_translations.sh and translate them): {missing[:10]}")


def test_the_reason_is_composed_in_the_interface_language(qapp, restore_english):
    """The model's reason parts become a Spanish / Turkish sentence; English is the core's own text."""
    from tmer_desktop.model.bundle import load_model
    from tmer_desktop.model.explain import ReasonPart, reason_text
    from tmer_desktop.ui.explain import localized_reason

    model = load_model()
    X = pd.read_csv(TRAINING_CSV)[list(FEATURE_NAMES)].to_numpy(dtype=float)[:40]
    X[0, FEATURE_NAMES.index("_Zero-crossingrate_Mean")] = 10.0  # far beyond the training range
    results = model.explain(X)
    assert all(localized_reason(r) == r.reason[:1].upper() + r.reason[1:] + "." for r in results)
    assert all(1 <= len(r.reason_parts) <= 3 for r in results)

    vague = ReasonPart(family="tempo/rhythm", feature="_Pulseclarity_Mean", above_median=False)
    dark = ReasonPart(family="brightness", feature="_Brightness_Mean", above_median=False)
    chroma = ReasonPart(family="harmony/tonality", feature="_Chromagram_Mean_10", above_median=True)
    sad = type(results[0])(label="sad", shap=results[0].shap, base=results[0].base, families={},
                           reason=reason_text((vague, dark), "sad"), reason_parts=(vague, dark))
    relaxed = dataclasses.replace(
        sad, label="relaxed", reason=reason_text((vague, chroma, dark), "relaxed", unfamiliar=True,
                                                 unusual_family="timbre"))
    nothing = dataclasses.replace(sad, label="angry", reason=reason_text((), "angry"), reason_parts=())
    assert localized_reason(sad) == "A vague beat and a dark sound make this sound sad."

    assert install_language(restore_english, "es") == []
    assert localized_reason(sad) == "Un pulso difuso y un sonido oscuro hacen que suene triste."
    assert localized_reason(relaxed) == (
        "Un pulso difuso, mucha presencia de la nota A y un sonido oscuro hacen que suene relajado; el modelo no "
        "está seguro porque el timbre no se parece al de la música con la que aprendió.")
    assert localized_reason(nothing).startswith("Nada en la música apunta claramente a enojado")
    assert install_language(restore_english, "tr") == []
    assert localized_reason(sad) == "Belirsiz bir vuruş ve koyu bir ses bu müziğe üzgün bir hava veriyor."
    assert localized_reason(relaxed).endswith("model emin değil, çünkü tını öğrendiği müziklerinkine benzemiyor.")


def test_explanation_family_names_match_the_model():
    from tmer_desktop.model.explain import FAMILIES
    from tmer_desktop.wording import FAMILY_WORDS

    assert tuple(FAMILY_WORDS) == FAMILIES


# -- the window in Spanish and Turkish -------------------------------------------------------
@pytest.fixture
def library(data_dir, tmp_path):
    """test_ui_track's library, predicted by the bundled model (so the explanations load)."""
    built = lament_library(data_dir, tmp_path, model_version="bundled")
    yield built
    built["store"].close()



def _accelerator_clashes(menu_bar) -> list[str]:
    clashes = []
    menus = [(None, [a for a in menu_bar.actions()])] + [
        (a.text(), a.menu().actions()) for a in menu_bar.actions() if a.menu()]
    for title, actions in menus:
        keys = [m.group(1).lower() for a in actions if (m := re.search(r"&(\w)", a.text()))]
        if len(keys) != len(set(keys)):
            clashes.append(f"{title or 'menu bar'}: {[a.text() for a in actions]}")
    return clashes


def test_main_window_in_spanish(library, qtbot, restore_english, screenshot_dir):
    assert install_language(restore_english, "es") == []
    window = open_window(library, qtbot, "es")
    assert [window.tabs.tabText(i) for i in range(3)] == ["Biblioteca", "Reproductor", "Cola de revisión"]
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Ver", "Ay&uda"]
    assert _accelerator_clashes(window.menuBar()) == []
    proxy = window.library.proxy
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    assert headers[:6] == ["Título", "Artista", "Álbum", "Duración", "Emoción", "Confianza"]
    lament = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Lament")
    assert proxy.index(lament, 4).data() == "Triste"
    # The locale's percent style (Spanish puts a space before %), sorting stays on the raw value.
    assert proxy.index(lament, 5).data() == f"{round(100 * float(np.mean(PROBS, axis=0).max()))} %"
    assert proxy.index(lament, 6).data() == "Dos candidatas: Triste / Relajado"
    assert window.library.emotion_filter.itemText(1) == "Feliz"
    assert window.status_label.text().startswith("2 pistas · ")

    row = window.library.model.row_for_path(str(library["store"].track(library["track_id"]).path))
    explained = set()
    window.explanationShown.connect(explained.add)
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(row)
    pv = window.player_view
    pv.seek(20.0)  # the unsure middle window
    assert [b.text() for b in pv.track_buttons[1:]] == ["Feliz", "Triste", "Enojado", "Relajado"]
    assert "emoción de la pista" in pv.summary.text() and "Triste" in pv.summary.text()
    assert pv.window_label.text().startswith("Ventana 2/3 (0:05–0:35): Triste 52 %")
    # Decimal commas where the interface shows decimals: the threshold line and the band tips.
    assert pv.timeline.threshold_label.text == "umbral 0,75"
    assert "suavizado" in pv.timeline.band_items[0].toolTip()  # a stretch of mood by default
    pv.timeline.set_smoothed(False)  # each window's own answer
    assert "Triste 0,85" in pv.timeline.band_items[0].toolTip()
    assert "decisión: segura" in pv.timeline.band_items[0].toolTip()
    pv.timeline.set_smoothed(True)
    qtbot.waitUntil(lambda: {"window", "track"} <= explained, timeout=60000)
    assert pv.explanations.track_chart.title() == "Por qué — pista completa"
    assert "que suene" in pv.explanations.track_chart.reason.text()
    assert "Descriptores más influyentes (SHAP, log-odds):" in pv.explanations.track_chart.details.text()
    ticks = pv.explanations.track_chart.plot.getAxis("left")._tickLevels[0]
    assert {name for _y, name in ticks} <= {"tempo y ritmo", "volumen y dinámica", "brillo",
                                            "color del sonido (timbre)", "aspereza y disonancia", "armonía y tonalidad"}
    window.show_view("player")
    qtbot.wait(50)
    shot = screenshot_dir / "player_es.png"
    assert window.grab().save(str(shot), "PNG")
    # Buttons must show their whole (longer) Spanish text.
    for button in [pv.next_unsure_button, pv.play_button, *pv.window_buttons, *pv.track_buttons]:
        assert button.width() >= button.sizeHint().width() - 1, button.text()
    window.close()


def test_main_window_in_turkish(library, qtbot, restore_english):
    assert install_language(restore_english, "tr") == []
    window = open_window(library, qtbot, "tr")
    assert window.tabs.tabText(0) == "Kitaplık" and window.tabs.tabText(2) == "İnceleme kuyruğu"
    assert _accelerator_clashes(window.menuBar()) == []
    proxy = window.library.proxy
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Başlık"
    lament = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Lament")
    assert proxy.index(lament, 4).data() == "Üzgün"
    assert proxy.index(lament, 5).data().startswith("%")  # Turkish writes the sign first
    qtbot.waitUntil(lambda: window.review.model.rowCount() == 1, timeout=10000)
    assert window.review.header.text().startswith("0 inceleme gerekli · 1 iki aday")
    window.close()


@pytest.mark.parametrize("content", [b"", b"not a Qt translation file\n", None], ids=["empty", "garbage", "missing"])
def test_a_broken_translation_file_names_itself_and_leaves_english(content, tmp_path, monkeypatch, restore_english):
    """An empty, foreign or missing tmer_es.qm: a warning naming the file, English texts, nothing raised."""
    from tmer_desktop.ui import i18n

    shipped = (TRANSLATIONS_DIR / "tmer_es.qm").read_bytes()
    qm = tmp_path / "tmer_es.qm"
    if content is not None:
        qm.write_bytes(content)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    warnings = install_language(restore_english, "es")
    assert len(warnings) == 1 and str(qm) in warnings[0] and "English" in warnings[0]
    assert QCoreApplication.translate("MainWindow", "Library") == "Library"
    assert (TRANSLATIONS_DIR / "tmer_es.qm").read_bytes() == shipped  # the shipped file is untouched


def test_english_is_back_after_a_language_test(qapp, qtbot):
    """English source texts with no translator; also guards the tests above restoring English."""
    from tmer_desktop.ui.library_view import LibraryView

    view = LibraryView()
    qtbot.addWidget(view)
    view.batch_progress(4, 10, failed=1, skipped=2, eta=75)
    assert view.progress_label.text() == "4 of 10 · 1 failed · 2 unchanged · ETA 1:15"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Title"


# -- switching the language in the settings -------------------------------------------------
def _still_english(window, language: str) -> list[str]:
    """Texts on screen that are an English source text with a different translation."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit

    translated = {}
    for ts in _ts_files(language):
        for _context, source, _comment, numerus, translation in _messages(ts):
            if not numerus and translation is not None and translation.text and translation.text != source:
                translated[source.replace("&", "")] = translation.text
    shown = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        shown.append(widget.text())
    shown += [w.title() for w in window.findChildren(QGroupBox)]
    shown += [w.placeholderText() for w in window.findChildren(QLineEdit)]
    shown += [w.toolTip() for w in window.findChildren(QAbstractButton)]
    shown += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for action in window.menuBar().actions():
        shown.append(action.text())
        if action.menu():
            shown += [a.text() for a in action.menu().actions()]
    return sorted({t for t in shown if t and t.replace("&", "") in translated})


def test_the_whole_window_switches_language_at_once(library, qtbot, restore_english):
    """Settings → Language: every view words its texts again, with no restart, and back."""
    window = open_window(library, qtbot, "en")
    for i in range(window.tabs.count()):  # every view built and shown once
        window.tabs.setCurrentIndex(i)
        qtbot.wait(20)
    row = window.library.model.row_for_path(str(library["store"].track(library["track_id"]).path))
    explained = []
    window.explanationShown.connect(explained.append)
    with qtbot.waitSignal(window.audioLoaded, timeout=20000):
        window.open_in_player(row)
    pv = window.player_view
    pv.seek(20.0)
    qtbot.waitUntil(lambda: {"window", "track"} <= set(explained), timeout=60000)
    assert _still_english(window, "es") != []  # the check sees English texts while they are there

    dialog = window.settings_dialog()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    explained.clear()
    dialog.accept()
    assert load_settings()[0].language == "es"  # stored in the data dir's settings.json
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Biblioteca", timeout=5000)
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Ver", "Ay&uda"]
    assert window.library.proxy.headerData(0, Qt.Orientation.Horizontal) == "Título"
    assert window.status_label.text().startswith("2 pistas · ")
    assert pv.window_label.text().startswith("Ventana 2/3 (0:05–0:35): Triste 52 %")
    assert pv.next_unsure_button.text() == "Ninguna ventana requiere revisión"  # the middle one has two candidates
    assert "emoción de la pista" in pv.summary.text()
    assert pv.timeline.threshold_label.text == "umbral 0,75"
    qtbot.waitUntil(lambda: {"window", "track"} <= set(explained), timeout=60000)  # worded again
    assert "que suene" in pv.explanations.track_chart.reason.text()
    assert "Descriptores más influyentes (SHAP, log-odds):" in pv.explanations.track_chart.details.text()
    assert pv.explanations.window_chart.title().startswith("Por qué — ventana 2")
    assert _still_english(window, "es") == []

    dialog = window.settings_dialog()
    dialog.language.setCurrentIndex(dialog.language.findData("tr"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Kitaplık", timeout=5000)
    assert _still_english(window, "tr") == []
    dialog = window.settings_dialog()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Library", timeout=5000)
    assert pv.window_label.text().startswith("Window 2/3")
    assert window.library.proxy.headerData(0, Qt.Orientation.Horizontal) == "Title"
    window.close()
