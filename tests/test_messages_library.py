"""The library's, the exports' and the settings' messages are marked for translation: real bad
inputs (a damaged library file, one from a newer schema, old v1/v2 libraries, broken and
out-of-range settings files, a feedback CSV with a bad row, a missing folder, a full disk) go
through the real code; the messages read in Spanish and Turkish in a real QApplication with the
shipped translations, numbers in the locale, while the English text stays what it was.
"""

from __future__ import annotations

import errno
import json
import sqlite3
import sys

import pandas as pd
import pytest

pytest.importorskip("pytestqt")

from test_library_robustness import fill_up, tiny_filesystem  # noqa: E402

from tmer_desktop.analysis.corrections import export_feedback  # noqa: E402
from tmer_desktop.atomic import atomic_write_bytes, describe_os_error  # noqa: E402
from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library import db  # noqa: E402
from tmer_desktop.library.errors import LibraryError, LibraryVersionError, WriteError  # noqa: E402
from tmer_desktop.library.exports import write_frame  # noqa: E402
from tmer_desktop.library.schema import SCHEMA_VERSION  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.model.corrections import FeedbackFormatError, read_feedback_csv  # noqa: E402
from tmer_desktop.paths import TRAINING_CSV  # noqa: E402
from tmer_desktop.settings import Settings, SettingsError, load_settings, save_settings  # noqa: E402
from tmer_desktop.translatable import Message  # noqa: E402
from tmer_desktop.ui import i18n  # noqa: E402


# ---------------------------------------------------------------- the library at start-up
def test_a_damaged_library_is_moved_aside_and_said_so(tmp_path, in_languages):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(3000))  # a picture where the library should be
    with LibraryStore.open(path) as store:
        (notice,) = store.open_messages
    (moved,) = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert isinstance(notice, Message) and notice.context == "Library"
    english = (f"The library database {path} was damaged (it is not an SQLite database). It was moved to "
               f"{moved} and a new, empty library was created.")
    assert str(notice) == english
    assert in_languages(notice) == {
        "en": english,
        "es": f"La base de datos de la biblioteca {path} estaba dañada (no es una base de datos SQLite). "
              f"Se movió a {moved} y se creó una biblioteca nueva y vacía.",
        "tr": f"Kitaplık veritabanı {path} bozuktu (bir SQLite veritabanı değil). {moved} konumuna taşındı "
              f"ve yeni, boş bir kitaplık oluşturuldu.",
    }


def test_a_library_from_a_newer_version_is_refused_in_the_users_language(tmp_path, in_languages):
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryVersionError) as info:
        LibraryStore.open(path)
    message = info.value.message
    assert isinstance(message, Message)
    assert message.values == {"path": str(path), "found": SCHEMA_VERSION + 3, "supported": SCHEMA_VERSION}
    worded = in_languages(info.value)
    assert worded["en"] == str(info.value) == (
        f"{path}: this library database has schema version {SCHEMA_VERSION + 3}, but this version of "
        f"tmer-desktop only understands up to version {SCHEMA_VERSION}. It was probably written by a newer "
        f"tmer-desktop; the file was not changed. Update tmer-desktop, or set TMER_DATA_DIR to use a "
        f"different data directory.")
    assert worded["es"].startswith(f"{path}: esta base de datos de la biblioteca tiene la versión de esquema "
                                   f"{SCHEMA_VERSION + 3}, pero esta versión de tmer-desktop solo admite hasta "
                                   f"la versión {SCHEMA_VERSION}.")
    assert worded["tr"].startswith(f"{path}: bu kitaplık veritabanının şema sürümü {SCHEMA_VERSION + 3}, ancak "
                                   f"tmer-desktop'ın bu sürümü en fazla {SCHEMA_VERSION} sürümünü anlayabiliyor.")


@pytest.mark.parametrize("old", [1, 2])
def test_an_old_library_is_upgraded_and_the_notice_names_the_backup(tmp_path, in_languages, old):
    path = tmp_path / "library.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, path, target=old)
    conn.execute("INSERT INTO tracks (path, title, added_at) VALUES ('/music/old.wav', 'Old', 'then')")
    conn.close()
    with LibraryStore.open(path) as store:
        (notice,) = store.open_messages
        assert store.track_by_path("/music/old.wav").title == "Old"
    (backup,) = [p for p in tmp_path.iterdir() if p.name.startswith(f"library.sqlite3.bak-v{old}-")]
    assert isinstance(notice, Message)
    assert notice.values == {"old": old, "new": SCHEMA_VERSION, "backup": str(backup)}
    assert in_languages(notice) == {
        "en": f"The library was upgraded from version {old} to {SCHEMA_VERSION}; a copy of the old database "
              f"was kept at {backup}.",
        "es": f"La biblioteca se actualizó de la versión {old} a la {SCHEMA_VERSION}; se guardó una copia de la "
              f"base de datos anterior en {backup}.",
        "tr": f"Kitaplık {old} sürümünden {SCHEMA_VERSION} sürümüne yükseltildi; eski veritabanının bir kopyası "
              f"{backup} konumunda saklandı.",
    }


def test_lookups_a_user_can_trigger_are_translated(tmp_path, in_languages):
    with LibraryStore.open(tmp_path / "library.sqlite3") as store:
        with pytest.raises(LibraryError) as no_track:
            store.save_session("Monday", [999])
        with pytest.raises(LibraryError) as no_session:
            store.save_session("Monday", [], session_id=42)
        with pytest.raises(LibraryError) as no_title:
            store.save_session("  ", [])
        assert store.sessions() == []  # nothing half-saved
    assert str(no_track.value) == "There is no track with id 999 in the library."
    assert in_languages(no_track.value)["es"] == "No existe ninguna pista con el id 999 en la biblioteca."
    assert in_languages(no_session.value)["tr"] == "42 kimlikli bir seans listesi yok."
    assert in_languages(no_title.value) == {
        "en": "A session playlist needs a title.", "es": "Una lista de sesión necesita un título.",
        "tr": "Bir seans listesinin başlığı olmalı."}


# ---------------------------------------------------------------- a track's stored error
def test_a_stored_error_comes_back_as_the_same_message(tmp_path, language, in_languages):
    reason = describe_os_error(OSError(errno.ENOSPC, "No space left on device"))
    error = WriteError("/music/a.wav", reason).message  # a message with a marked text inside
    with LibraryStore.open(tmp_path / "library.sqlite3") as store:
        marked = store.upsert_track("/music/a.wav", error=error)
        plain = store.upsert_track("/music/b.wav", error="tags unreadable: bad frame")
        broken = store.upsert_track("/music/c.wav", error=error)
        with store.transaction() as conn:
            conn.execute("UPDATE tracks SET error_message = ? WHERE id = ?", ('{"context": "Files", "templ', broken))
            stored = dict(conn.execute("SELECT id, error_message FROM tracks").fetchall())
        back = store.track(marked).error
        listed = {s.id: s.track.error for s in store.tracks()}
        plain_back = store.track(plain).error
        broken_back = store.track_by_path("/music/c.wav").error

    assert isinstance(back, Message) and back == error
    assert (back.context, back.template, back.values) == (error.context, error.template, error.values)
    assert isinstance(listed[marked], Message) and listed[marked].values == error.values
    assert type(plain_back) is str and plain_back == "tags unreadable: bad frame" and stored[plain] is None
    assert type(broken_back) is str and broken_back == str(error)  # the English, as stored
    assert in_languages(back) == {
        "en": "Could not write /music/a.wav: no space left on device (the disk is full)",
        "es": "No se pudo escribir /music/a.wav: no queda espacio en el dispositivo (el disco está lleno)",
        "tr": "/music/a.wav yazılamadı: aygıtta yer kalmadı (disk dolu)",
    }
    language("es")
    assert i18n.translated(broken_back) == str(error)  # untranslatable, but never wrong


# ---------------------------------------------------------------- writing files
def test_an_export_into_a_missing_folder(tmp_path, in_languages):
    target = tmp_path / "gone" / "tracks.csv"
    with pytest.raises(WriteError) as info:
        write_frame(pd.DataFrame({"path": ["/music/a.wav"]}), target)
    assert str(info.value) == f"Could not write {target}: the folder does not exist"
    assert in_languages(info.value)["es"] == f"No se pudo escribir {target}: la carpeta no existe"
    assert in_languages(info.value)["tr"] == f"{target} yazılamadı: klasör yok"


@pytest.mark.skipif(sys.platform != "linux", reason="uses a Linux tmpfs mount")
def test_a_full_disk_in_the_users_language(tmp_path, in_languages):
    with tiny_filesystem(tmp_path / "disk", size="64k") as disk:
        target = disk / "settings.json"
        fill_up(disk)
        with pytest.raises(WriteError) as info:
            atomic_write_bytes(target, b"x" * 100_000)
    assert in_languages(info.value)["es"] == (
        f"No se pudo escribir {target}: no queda espacio en el dispositivo (el disco está lleno)")


# ---------------------------------------------------------------- the feedback CSV
def _feedback_csv(tmp_path) -> tuple:
    """A real export of two real corrections (training-CSV feature rows), as a header and rows."""
    features = pd.read_csv(TRAINING_CSV)[list(FEATURE_NAMES)].to_numpy(dtype=float)[:2]
    with LibraryStore.open(tmp_path / "library.sqlite3") as store:
        tid = store.upsert_track("/music/a.wav")
        store.add_feedback(features=features[0], is_correct=True, track_id=tid, start=0.0, duration=30.0,
                           predicted_label="happy", confidence=0.8, model_version="m1")
        store.add_feedback(features=features[1], is_correct=False, track_id=tid, start=5.0, duration=30.0,
                           predicted_label="sad", corrected_label="relaxed", confidence=0.5, model_version="m1")
        out = tmp_path / "feedback.csv"
        export_feedback(out, store=store)
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(read_feedback_csv(out)) == 2
    return out, frame


@pytest.mark.parametrize("column, value, english, spanish, turkish", [
    ("confidence", "1.5", "'1.5' is outside 0.0..1.0", "'1.5' está fuera del intervalo 0,0..1,0",
     "'1.5', 0,0..1,0 aralığının dışında"),
    ("start", "-2.5", "'-2.5' is below the minimum of 0.0", "'-2.5' es inferior al mínimo de 0,0",
     "'-2.5', en küçük değer olan 0,0 değerinin altında"),
    ("predicted_label", "joy", "unknown label 'joy'; expected one of happy, sad, angry, relaxed",
     "etiqueta desconocida 'joy'; se esperaba una de estas: happy, sad, angry, relaxed",
     "bilinmeyen etiket 'joy'; şunlardan biri bekleniyordu: happy, sad, angry, relaxed"),
])
def test_a_feedback_csv_with_a_bad_row_names_file_row_and_column(tmp_path, in_languages, column, value,
                                                                  english, spanish, turkish):
    out, frame = _feedback_csv(tmp_path)
    frame.loc[1, column] = value  # the second correction: row 2, line 3 of the file
    bad = tmp_path / "edited.csv"
    frame.to_csv(bad, index=False)
    with pytest.raises(FeedbackFormatError) as info:
        read_feedback_csv(bad)
    message = info.value.message
    assert isinstance(message, Message) and isinstance(message.values["reason"], Message)
    assert {k: message.values[k] for k in ("path", "row", "line", "column")} == {
        "path": str(bad), "row": 2, "line": 3, "column": column}
    assert in_languages(info.value) == {
        "en": f"{bad}: row 2 (line 3), column '{column}': {english}",
        "es": f"{bad}: fila 2 (línea 3), columna '{column}': {spanish}",
        "tr": f"{bad}: satır 2 (dosyada satır 3), sütun '{column}': {turkish}",
    }


def test_a_feedback_csv_without_rows(tmp_path, in_languages):
    out, frame = _feedback_csv(tmp_path)
    empty = tmp_path / "header-only.csv"
    frame.iloc[:0].to_csv(empty, index=False)
    with pytest.raises(FeedbackFormatError) as info:
        read_feedback_csv(empty)
    assert in_languages(info.value) == {
        "en": f"{empty}: has a header but no correction rows",
        "es": f"{empty}: tiene encabezado, pero ninguna fila de correcciones",
        "tr": f"{empty}: başlık satırı var, ama hiç düzeltme satırı yok",
    }


# ---------------------------------------------------------------- the settings file
@pytest.mark.parametrize("content, english_problem, spanish_problem", [
    (b"{not json", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
     "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),  # Python's own words
    (b"[1, 2, 3]", "expected a JSON object, found list", "se esperaba un objeto JSON y se encontró list"),
])
def test_a_broken_settings_file_is_kept_aside(tmp_path, in_languages, content, english_problem, spanish_problem):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, (warning,) = load_settings(path)
    assert settings == Settings()
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.bad-")]
    assert isinstance(warning, Message) and warning.context == "Settings"
    worded = in_languages(warning)
    assert worded["en"] == str(warning) == (
        f"{path}: not valid settings ({english_problem}); it was kept as {kept} and the defaults are used.")
    assert worded["es"] == (f"{path}: configuración no válida ({spanish_problem}); se conservó como {kept} y se "
                            f"usan los valores predeterminados.")
    assert worded["tr"].startswith(f"{path}: geçersiz ayarlar (") and worded["tr"].endswith(
        f"); dosya {kept} olarak saklandı ve varsayılanlar kullanılıyor.")


def test_out_of_range_settings_fall_back_with_numbers_in_the_locale(tmp_path, in_languages):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"hop_s": 40, "decision_threshold": 0.8, "top2_threshold": 0.7, "jobs": 0,
                                "aggregation": "median"}))
    settings, warnings = load_settings(path)
    assert (settings.hop_s, settings.top2_threshold, settings.aggregation) == (5.0, 0.9, "mean")
    assert all(isinstance(w, Message) for w in warnings)
    (hop,), (top2,), (aggregation,), (jobs,) = (
        [w for w in warnings if str(w).startswith(f"{path}: '{name}'")]
        for name in ("hop_s", "top2_threshold", "aggregation", "jobs"))
    assert str(hop) == f"{path}: 'hop_s' (40) must not exceed 'window_s' (30); using 5.0 instead."
    assert in_languages(hop)["es"] == (
        f"{path}: 'hop_s' (40) no debe superar 'window_s' (30); se usa 5,0 en su lugar.")
    assert str(top2) == (f"{path}: 'top2_threshold' (0.7) must not be below 'decision_threshold' (0.8); "
                         f"using 0.9 instead.")
    assert in_languages(top2) == {
        "en": str(top2),
        "es": f"{path}: 'top2_threshold' (0,7) no debe ser inferior a 'decision_threshold' (0,8); "
              f"se usa 0,9 en su lugar.",
        "tr": f"{path}: 'top2_threshold' (0,7), 'decision_threshold' (0,8) değerinin altında olmamalı; "
              f"bunun yerine 0,9 kullanılıyor.",
    }
    assert in_languages(aggregation)["tr"] == (
        f"{path}: 'aggregation' şunlardan biri olmalı: mean, majority; 'median' değil; "
        f"bunun yerine 'mean' kullanılıyor.")
    assert in_languages(jobs)["es"].startswith(
        f"{path}: 'jobs' debe estar entre 1 y 256, no 0; se usa ")


def test_invalid_settings_are_not_saved_and_every_problem_is_translated(tmp_path, in_languages):
    with pytest.raises(SettingsError) as info:
        save_settings(Settings(language="de", jobs=0), tmp_path / "settings.json")
    assert not (tmp_path / "settings.json").exists()
    assert in_languages(info.value) == {
        "en": "Settings not saved: 'language' must be one of en, es, tr, not 'de'; "
              "'jobs' must be between 1 and 256, not 0.",
        "es": "No se guardó la configuración: 'language' debe ser uno de estos valores: en, es, tr; no 'de'; "
              "'jobs' debe estar entre 1 y 256, no 0.",
        "tr": "Ayarlar kaydedilmedi: 'language' şunlardan biri olmalı: en, es, tr; 'de' değil; "
              "'jobs' 1 ile 256 arasında olmalı, 0 değil.",
    }
