"""Core messages that the interface can translate later: translatable.Template/Message keep their
context, template and values through pickling (the worker pool), JSON (the library) and a real
library store, and ui.i18n.translated() words them with a real compiled Qt translation."""

from __future__ import annotations

import multiprocessing
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tmer_desktop.errors import AudioError, TmerError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.translatable import QT_TRANSLATE_NOOP, Message, Template, as_message, message_from_json

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator  # noqa: E402

from tmer_desktop.ui import i18n  # noqa: E402

TOO_SHORT = QT_TRANSLATE_NOOP("TestMessages", "only {seconds:.2f} s of audio in {count} channels; {why}")
WHY = QT_TRANSLATE_NOOP("TestMessages", "the clip is too short")
WRONG_FIELD = QT_TRANSLATE_NOOP("TestMessages", "a sentence with {value}")


def _too_short() -> Message:
    return TOO_SHORT.format(seconds=np.float64(1.23456), count=np.int64(2), why=WHY)


def test_a_filled_template_is_the_english_sentence_and_keeps_its_parts():
    message = _too_short()
    assert isinstance(TOO_SHORT, Template) and TOO_SHORT.context == "TestMessages"
    assert message == "only 1.23 s of audio in 2 channels; the clip is too short"
    assert (message.context, message.template) == ("TestMessages", str(TOO_SHORT))
    assert message.values["seconds"] == pytest.approx(1.23456) and type(message.values["seconds"]) is float
    assert message.values["count"] == 2 and type(message.values["count"]) is int
    assert isinstance(message.values["why"], Message) and message.values["why"] == "the clip is too short"


def test_positional_fields_give_plain_english_and_other_string_work_loses_only_the_translation():
    assert type(QT_TRANSLATE_NOOP("TestMessages", "{} s").format(3)) is str
    glued = _too_short() + " (file skipped)"
    assert type(glued) is str and glued.endswith("(file skipped)")
    assert as_message(glued) is None and as_message("plain") is None
    assert as_message(WHY) == Message("TestMessages", "the clip is too short", {})


def test_a_message_survives_pickling_and_a_real_process_boundary():
    message = _too_short()
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Message) and again.values == message.values and again.template == message.template
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # how the batch workers start
        echoed = pool.apply(_echo, (message,))
    assert isinstance(echoed, Message) and echoed == message and echoed.values["why"].context == "TestMessages"


def _echo(value):
    return value


def test_an_error_keeps_its_message_and_reads_in_english():
    error = AudioError("/music/a.wav", _too_short())
    assert str(error) == "/music/a.wav: only 1.23 s of audio in 2 channels; the clip is too short"
    assert error.message.values["reason"] == _too_short() and error.message.context == "Errors"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is AudioError and again.path == "/music/a.wav" and again.message == error.message
    assert TmerError("plain words").message is None
    assert TmerError(WHY).message == "the clip is too short"


def test_json_round_trip_and_what_falls_back_to_the_stored_english():
    message = AudioError("/m/ü.wav", _too_short()).message
    back = message_from_json(str(message), message.to_json())
    assert isinstance(back, Message) and back.to_json() == message.to_json()
    assert message_from_json(str(message), "{not json") == str(message)
    assert message_from_json("edited by hand", message.to_json()) == "edited by hand"  # JSON no longer matches
    assert message_from_json(str(message), '{"context": "X", "template": "{a}", "values": {"a": [1]}}') \
        == str(message)
    assert message_from_json(None, message.to_json()) is None
    # Hostile or hand-made JSON: attribute look-ups, deep nesting, a wrong shape — the English stays.
    sneaky = '{"context": "X", "template": "{a.__class__}", "values": {"a": "x"}}'
    assert type(message_from_json("<class 'str'>", sneaky)) is str
    deep = '{"context": "X", "template": "{a}", "values": {"a": ' * 50_000 + '1' + '}}' * 50_000
    assert message_from_json("1", deep) == "1" and type(message_from_json("1", deep)) is str
    assert message_from_json("x", '["not", "an", "object"]') == "x"
    assert type(message_from_json("plain", None)) is str


def test_the_library_stores_a_track_error_as_a_message_and_a_plain_one_as_text(data_dir):
    store = LibraryStore.open(data_dir / "library.sqlite3")
    try:
        failing = store.upsert_track("/music/a.wav", error=AudioError("/music/a.wav", _too_short()).message)
        plain = store.upsert_track("/music/b.wav", error="something plain")
        row = store.track(failing)
        assert isinstance(row.error, Message) and row.error.values["reason"].values["count"] == 2
        assert type(store.track(plain).error) is str
        store.upsert_track("/music/a.wav", error=None)
        assert store.track(failing).error is None
    finally:
        store.close()
    raw = sqlite3.connect(data_dir / "library.sqlite3")
    assert raw.execute("SELECT error, error_message FROM tracks ORDER BY id").fetchall() == [
        (None, None), ("something plain", None)]


@pytest.fixture()
def spanish_test_translation(qapp, tmp_path):
    """A real .qm compiled by lrelease from a small .ts, installed with the Spanish locale."""
    ts = tmp_path / "test_es.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="es">\n'
        "<context><name>TestMessages</name>\n"
        "<message><source>only {seconds:.2f} s of audio in {count} channels; {why}</source>"
        "<translation>{why}: solo {seconds:.2f} s de audio en {count} canales</translation></message>\n"
        "<message><source>the clip is too short</source><translation>el fragmento es demasiado corto"
        "</translation></message>\n"
        "<message><source>a sentence with {value}</source><translation>una frase con {valor}</translation>"
        "</message>\n</context>\n"
        "<context><name>Errors</name><message><source>{path}: {reason}</source>"
        "<translation>{path} — {reason}</translation></message></context>\n</TS>\n",
        encoding="utf-8")
    qm = tmp_path / "test_es.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(previous)


def test_translated_words_a_message_in_the_interface_language(spanish_test_translation):
    assert i18n.translated(_too_short()) == "el fragmento es demasiado corto: solo 1,23 s de audio en 2 canales"
    error = AudioError("/m/a.wav", _too_short())
    assert i18n.error_text(error) == "/m/a.wav — el fragmento es demasiado corto: solo 1,23 s de audio en 2 canales"
    stored = message_from_json(str(error.message), error.message.to_json())
    assert i18n.translated(stored) == i18n.error_text(error)


def test_what_translated_cannot_word_stays_readable(spanish_test_translation):
    wrong = WRONG_FIELD.format(value=3)  # the translation names {valor}, which the message lacks
    assert i18n.translated(wrong) == "a sentence with 3"
    assert i18n.translated("plain English") == "plain English" and i18n.translated(None) == ""
    assert i18n.error_text(TmerError("plain words")) == "plain words"
    assert i18n.error_text(OSError(28, "No space left on device")) == "OSError: [Errno 28] No space left on device"
    assert i18n.error_text(KeyError()) == "KeyError"
    untranslated = QT_TRANSLATE_NOOP("TestMessages", "{n:.1f} of {total:.0f} files; ratio {r}").format(
        n=2.25, total=4, r=0.5)
    assert i18n.translated(untranslated) == "2,2 of 4 files; ratio 0,5"  # numbers still in the locale


def test_joined_parts_read_as_one_english_text_and_keep_each_part(spanish_test_translation):
    from tmer_desktop.translatable import joined

    pair = QT_TRANSLATE_NOOP("TestMessages", "{list}; {item}")
    text = joined([WHY, _too_short(), "plain"], pair)
    assert text == "the clip is too short; only 1.23 s of audio in 2 channels; the clip is too short; plain"
    assert isinstance(text, Message) and text.values["item"] == "plain"
    assert i18n.translated(text).startswith(
        "el fragmento es demasiado corto; el fragmento es demasiado corto: solo 1,23")
    assert joined([], pair) == "" and joined(["one"], pair) == "one"
