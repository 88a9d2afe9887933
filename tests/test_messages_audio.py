"""Decoding, scanning and batch-tagging messages are marked for translation: real bad files go
through the real decoder and the real batch runner (worker processes) into a real library, come
back from it as translatable messages, and read in Spanish and Turkish in a real QApplication
with the shipped translations, while the English text (CLI, exports) is unchanged.
"""

from __future__ import annotations

import os
import signal

import numpy as np
import pytest
import soundfile as sf

pytest.importorskip("pytestqt")


from tmer_desktop.audio import decode  # noqa: E402
from tmer_desktop.commands.tag import tag_command  # noqa: E402
from tmer_desktop.errors import AudioError  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.settings import Settings  # noqa: E402
from tmer_desktop.tagging import pool  # noqa: E402
from tmer_desktop.tagging.filetags import TagWriteError, write_emotion_tags  # noqa: E402
from tmer_desktop.tagging.runner import BatchTagger  # noqa: E402
from tmer_desktop.tagging.scan import scan  # noqa: E402
from tmer_desktop.translatable import Message, as_message  # noqa: E402
from tmer_desktop.ui import i18n  # noqa: E402
from tmer_desktop.vocabulary import FailureKind  # noqa: E402

SR = 22050
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def _noise(seconds: float, seed: int = 1) -> np.ndarray:
    return 0.2 * np.random.default_rng(seed).standard_normal(int(round(seconds * SR)))


def _bad_files(folder) -> dict[str, str]:
    folder.mkdir(parents=True)
    files = {name: str(folder / name) for name in
             ("empty.wav", "picture.wav", "cut.wav", "silent.wav", "blip.wav")}
    (folder / "empty.wav").write_bytes(b"")
    (folder / "picture.wav").write_bytes(PNG)  # a PNG image renamed .wav
    full = folder / "full.tmp"
    sf.write(str(full), _noise(4.0), SR, format="WAV", subtype="PCM_16")
    data = full.read_bytes()
    header = len(data) - 2 * int(4.0 * SR)
    (folder / "cut.wav").write_bytes(data[:header + 2 * int(2.4 * SR)])  # the header still says 4 s
    full.unlink()
    sf.write(files["silent.wav"], np.zeros(3 * SR), SR)
    sf.write(files["blip.wav"], _noise(0.5, seed=2), SR)  # shorter than MIN_DURATION
    return files


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One real batch (one worker process) over the bad files into the user's library."""
    home = tmp_path_factory.mktemp("messages_audio")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TMER_DATA_DIR", str(home / "data"))
        mp.setenv("TMER_CACHE_DIR", str(home / "cache"))
        files = _bad_files(home / "music")
        results = []
        BatchTagger([home / "music"], jobs=1, settings=Settings()).run(on_result=results.append)
        store = LibraryStore.open()
        yield {"home": home, "files": files, "results": {r.path: r for r in results}, "store": store}
        store.close()


def _stored_error(batch, name):
    return batch["store"].track_by_path(batch["files"][name]).error


def test_failures_come_back_from_the_library_as_messages_with_unchanged_english(batch):
    expected = {
        "empty.wav": ("Decoding", "empty file (0 bytes)"),
        "picture.wav": ("Decoding", "not a recognised audio format (the file is a PNG image)"),
        "silent.wav": ("Tagging", "silent audio (no signal above -100 dBFS): there is nothing to tag"),
        "blip.wav": ("Tagging", "too short to analyse (0.50 s of audio; at least 1 s is needed) "
                                "— the file may be truncated"),
    }
    for name, (context, english) in expected.items():
        result = batch["results"][batch["files"][name]]
        assert result.label is None and str(result.error) == english, name
        assert as_message(result.error) is not None, name  # crossed the worker's pipe still marked
        stored = _stored_error(batch, name)
        assert isinstance(stored, Message) and stored.context == context, name
        assert str(stored) == english, name
        assert batch["store"].track_by_path(batch["files"][name]).error_kind == FailureKind.PERMANENT, name
    picture = _stored_error(batch, "picture.wav")
    assert isinstance(picture.values["content"], Message)  # "a PNG image" is translated on its own
    assert _stored_error(batch, "blip.wav").values == {"seconds": 0.5, "minimum": 1.0}


def test_a_truncated_wav_is_tagged_with_a_marked_warning(batch):
    result = batch["results"][batch["files"]["cut.wav"]]
    present = decode.probe(batch["files"]["cut.wav"]).duration
    assert result.label is not None
    assert present == pytest.approx(2.4)
    assert str(result.error) == ("warning: header announces 0:00:04 but only 0:00:02.4 of audio is present: "
                                 "the file is truncated; analysed what is there")
    assert isinstance(result.error, Message) and result.error.values["detail"].values == {
        "announced": "0:00:04", "present": "0:00:02.4"}


def test_the_library_error_reads_in_spanish_and_turkish(batch, restore_english):
    assert i18n.install_language(restore_english, "es") == []
    assert i18n.translated(_stored_error(batch, "picture.wav")) == (
        "no es un formato de audio reconocido (contenido del archivo: una imagen PNG)")
    assert i18n.translated(_stored_error(batch, "blip.wav")) == (
        "demasiado corto para analizarlo (0,50 s de audio; se necesita al menos 1 s) "
        "— puede que el archivo esté truncado")
    assert i18n.translated(_stored_error(batch, "empty.wav")) == "archivo vacío (0 bytes)"
    assert i18n.translated(_stored_error(batch, "silent.wav")) == (
        "audio en silencio (ninguna señal por encima de -100 dBFS): no hay nada que etiquetar")
    warning = i18n.translated(batch["results"][batch["files"]["cut.wav"]].error)
    assert warning == ("aviso: la cabecera anuncia 0:00:04 pero solo hay 0:00:02.4 de audio: el archivo está "
                       "truncado; se analizó lo que hay")

    assert i18n.install_language(restore_english, "tr") == []
    assert i18n.translated(_stored_error(batch, "picture.wav")) == (
        "tanınan bir ses biçimi değil (dosyanın içeriği: bir PNG görüntüsü)")
    assert i18n.translated(_stored_error(batch, "blip.wav")) == (
        "analiz için çok kısa (0,50 sn ses; en az 1 sn gerekli) — dosya kesik olabilir")
    assert i18n.translated(_stored_error(batch, "empty.wav")) == "boş dosya (0 bayt)"


def test_a_decoding_error_names_the_file_in_the_interface_language(tmp_path, restore_english):
    text = tmp_path / "notes.wav"
    text.write_text("these are liner notes, not a recording\n" * 10)
    with pytest.raises(AudioError) as info:
        decode.load(text)
    assert str(info.value) == f"{text}: not a recognised audio format (the file is text)"
    assert info.value.message is not None
    assert i18n.install_language(restore_english, "es") == []
    assert i18n.error_text(info.value) == f"{text}: no es un formato de audio reconocido (contenido del archivo: texto)"
    assert i18n.install_language(restore_english, "tr") == []
    assert i18n.error_text(info.value) == f"{text}: tanınan bir ses biçimi değil (dosyanın içeriği: metin)"


def test_crash_and_timeout_reasons_stay_retryable_after_a_stay_in_the_library(batch, restore_english):
    crashed = pool._death_reason(-signal.SIGSEGV)
    timed_out = pool.TIMED_OUT_ON_FILE.format(seconds=61.4)
    assert str(timed_out) == "timed out after 61 s (the decoder or analysis hung on this file)"
    store = batch["store"]
    for name, reason in (("crashed.wav", crashed), ("hung.wav", timed_out)):
        path = batch["home"] / name
        store.upsert_track(path, error=reason, error_kind=FailureKind.TRANSIENT)
        stored = store.track_by_path(path)
        assert isinstance(stored.error, Message) and str(stored.error) == str(reason)
        assert stored.error_kind == FailureKind.TRANSIENT  # the kind, not the words, decides a retry
    assert i18n.install_language(restore_english, "es") == []
    assert i18n.translated(store.track_by_path(batch["home"] / "crashed.wav").error) == (
        "el proceso de análisis sufrió un fallo (SIGSEGV) con este archivo; puede que el archivo esté dañado "
        "o provoque un error del decodificador")


def test_the_cli_prints_the_stored_reasons_in_english(batch, capsys, monkeypatch):
    monkeypatch.setenv("TMER_DATA_DIR", str(batch["home"] / "data"))
    monkeypatch.setenv("TMER_CACHE_DIR", str(batch["home"] / "cache"))
    out = batch["home"] / "results.csv"
    # All current (no worker); 1: the broken files' rows say they could not be tagged.
    assert tag_command([str(batch["home"] / "music")], out=str(out), jobs=1) == 1
    err = capsys.readouterr().err
    files = batch["files"]
    assert f"  error: {files['picture.wav']}: not a recognised audio format (the file is a PNG image)\n" in err
    assert f"  error: {files['empty.wav']}: empty file (0 bytes)\n" in err
    assert "not a recognised audio format (the file is a PNG image)" in out.read_text()


def test_scan_problems_and_tag_write_errors_are_marked(tmp_path, restore_english):
    link = tmp_path / "gone.wav"
    os.symlink(tmp_path / "nowhere.wav", link)
    problem = scan([tmp_path]).problems[0]
    assert str(problem.reason) == f"broken symbolic link (its target {str(tmp_path / 'nowhere.wav')!r} does not exist)"
    fake = tmp_path / "cover.png"
    fake.write_bytes(PNG)
    with pytest.raises(TagWriteError) as info:
        write_emotion_tags(fake, {"emotion": "sad"})
    assert str(info.value) == f"{fake}: cannot write tags (format not supported for tag writing)"
    renamed = tmp_path / "cover.mp3"
    renamed.write_bytes(PNG)
    with pytest.raises(TagWriteError) as unreadable:
        write_emotion_tags(renamed, {"emotion": "sad"})
    detail = unreadable.value.reason.values["detail"]  # mutagen's own words
    assert str(unreadable.value) == f"{renamed}: cannot write tags (tags unreadable: {detail})"
    assert i18n.install_language(restore_english, "es") == []
    assert i18n.translated(problem.reason) == (
        f"enlace simbólico roto (su destino {str(tmp_path / 'nowhere.wav')!r} no existe)")
    assert i18n.error_text(info.value) == (
        f"{fake}: no se pueden escribir las etiquetas (formato no compatible con la escritura de etiquetas)")
    assert i18n.error_text(unreadable.value) == (
        f"{renamed}: no se pueden escribir las etiquetas (etiquetas ilegibles: {detail})")
    assert i18n.install_language(restore_english, "tr") == []
    assert i18n.error_text(info.value) == f"{fake}: etiketler yazılamıyor (bu biçim için etiket yazma desteklenmiyor)"
