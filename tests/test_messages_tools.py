"""The session builder's, the playlists' and the drift report's messages are marked for translation:
real bad requests and inputs (an empty library, a library far from the path, a binary playlist, a
session with nothing in it, a library that has drifted) go through the real code (real SQLite,
real files); the messages read in Spanish and Turkish in a real QApplication with the shipped
translations (emotion words and decisions translated inside the sentence, numbers in the locale),
while the English text — what `tmer playlist`, the CSV export and logs use — stays what it was.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from test_playlists import fill_library  # noqa: E402

from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.model.drift import assess_drift  # noqa: E402
from tmer_desktop.playlists.builder import NoSuitableTracksError, PlaylistError, SessionRequest, build_session  # noqa: E402
from tmer_desktop.playlists.candidates import load_candidates  # noqa: E402
from tmer_desktop.playlists.m3u import PlaylistFileError, read_m3u8  # noqa: E402
from tmer_desktop.playlists.sessions import export_m3u8, load_plan, save_plan  # noqa: E402
from tmer_desktop.translatable import Message  # noqa: E402


@pytest.fixture
def store(data_dir):
    with LibraryStore.open() as s:
        yield s


def _track(store, folder, name, emotion, *, confidence=0.9, duration=180.0):
    path = folder / f"{name}.wav"
    path.write_bytes(b"RIFF")
    track_id = store.upsert_track(path, duration=duration, title=name)
    probabilities = {e: (confidence if e == emotion else (1 - confidence) / 3)
                     for e in ("happy", "sad", "angry", "relaxed")}
    store.add_predictions(track_id, "m", [dict(probabilities=probabilities, label=emotion, confidence=confidence,
                                               decision="label")])
    return track_id


# ---------------------------------------------------------------- the builder's refusals
def test_a_library_without_tagged_tracks_says_what_was_left_out(store, tmp_path, in_languages):
    untagged = tmp_path / "untagged.wav"
    untagged.write_bytes(b"RIFF")
    store.upsert_track(untagged, duration=100.0)
    gone = _track(store, tmp_path, "gone", "happy")
    (tmp_path / "gone.wav").unlink()
    assert gone
    with pytest.raises(NoSuitableTracksError) as info:
        build_session(SessionRequest(goal="relaxed", minutes=45, start="sad"), load_candidates(store))
    assert isinstance(info.value.message, Message) and info.value.message.context == "Playlists"
    worded = in_languages(info.value)
    assert worded["en"] == str(info.value) == (
        "The library has no tagged tracks to build a session from (2 track(s) in the library: 1 not tagged yet; "
        "1 whose file is missing). Tag a music folder first (tmer tag FOLDER --out results.csv, or Open music "
        "folder… in the app).")
    assert worded["es"] == (
        "La biblioteca no tiene pistas etiquetadas con las que crear una sesión (pistas en la biblioteca: 2; "
        "sin etiquetar todavía: 1; cuyo archivo ya no existe: 1). Etiquete primero una carpeta de música "
        "(tmer tag FOLDER --out results.csv, o «Abrir carpeta de música…» en la aplicación).")
    assert worded["tr"].startswith("Kitaplıkta seans oluşturmak için etiketlenmiş parça yok (kitaplıktaki parça "
                                   "sayısı: 2; henüz etiketlenmemiş: 1; dosyası bulunmayan: 1).")


def test_a_library_far_from_the_path_names_the_closest_track(store, tmp_path, in_languages):
    for name, emotion in (("loud 1", "angry"), ("loud 2", "happy"), ("loud 3", "angry")):
        _track(store, tmp_path, name, emotion)
    with pytest.raises(NoSuitableTracksError) as info:
        build_session(SessionRequest(goal="relaxed", minutes=20, start="sad"), load_candidates(store))
    worded = in_languages(info.value)
    # "The closest, loud 1 (angry), is 1.87 from the path": which one and how far, from the English.
    title, rest = str(info.value).split("The closest, ")[1].split(" (", 1)
    distance = rest.split("is ")[1].split(" ")[0]
    assert worded["en"] == str(info.value) == (
        f"No track in the library suits the journey sad → relaxed (3 too far from the path). The closest, {title} "
        f"({rest.split(')')[0]}), is {distance} from the path; tracks must be within 1.0. Tag music that carries these "
        f"moods, or choose another start or goal.")
    emotion = {"angry": ("enojado", "öfkeli"), "happy": ("feliz", "mutlu")}[rest.split(")")[0]]
    assert worded["es"] == (
        f"Ninguna pista de la biblioteca se ajusta al trayecto triste → relajado (demasiado lejos del trayecto: 3). "
        f"La más cercana, {title} ({emotion[0]}), está a {distance.replace('.', ',')} del trayecto; las pistas deben "
        f"estar a 1,0 como máximo. Etiquete música que transmita estos estados de ánimo "
        f"o elija otro inicio u objetivo.")
    assert worded["tr"].startswith("Kitaplıkta üzgün → rahat yolculuğuna uyan parça yok (yola çok uzak: 3). "
                                   f"En yakın parça, {title} ({emotion[1]}), "
                                   f"yola {distance.replace('.', ',')} uzaklıkta;")


def test_bad_requests_and_moods(store, tmp_path, in_languages):
    fill_library(store, tmp_path, n=12, seed=1)
    pool = load_candidates(store)
    with pytest.raises(PlaylistError) as info:
        build_session(SessionRequest(goal="zen", minutes=30, start="sad"), pool)
    assert in_languages(info.value) == {
        "en": "Goal: Unknown mood 'zen'; use one of: happy, sad, angry, relaxed, relaxing, energizing.",
        "es": "Objetivo: Estado de ánimo desconocido «zen»; use uno de estos: happy, sad, angry, relaxed, relaxing, "
              "energizing.",
        "tr": "Hedef: Bilinmeyen ruh hali 'zen'; şunlardan birini kullanın: happy, sad, angry, relaxed, relaxing, "
              "energizing.",
    }
    with pytest.raises(PlaylistError) as info:
        build_session(SessionRequest(goal="relaxed", minutes="abc", start="sad"), pool)
    assert in_languages(info.value)["es"] == "La duración de la sesión debe ser un número de minutos, no 'abc'."
    with pytest.raises(PlaylistError) as info:
        build_session(SessionRequest(goal="relaxed", minutes=30, start_track_id=99999), pool)
    assert in_languages(info.value)["tr"].startswith(
        "Başlangıç ruh hali 99999 numaralı parçadan ölçülemez: kitaplıkta etiketlenmiş bir parça değil.")


# ---------------------------------------------------------------- reasons and warnings
def test_slot_reasons_keep_their_english_and_read_in_spanish_and_turkish(store, tmp_path, in_languages):
    fill_library(store, tmp_path, n=40, seed=3)
    plan = build_session(SessionRequest(goal="relaxed", minutes=30, start="sad"), load_candidates(store))
    plan.set_locked(1)
    slot = plan.slots[1]
    c = slot.candidate
    reason = slot.reason(plan.goal)
    assert isinstance(reason, Message)
    # The English the CSV export and `tmer playlist` write, the decision in the app's words.
    english_decision = {"label": "sure", "top-2": "two candidates", "review": "needs review"}[c.decision]
    assert str(reason) == (f"{c.label.capitalize()} {c.confidence:.0%} ({english_decision}) · "
                           f"{slot.progress:.0%} of the way to relaxed · "
                           f"{slot.waypoint_distance:.2f} from the planned point · step {slot.step:.2f} · locked")
    spanish_emotion = {"happy": "Feliz", "sad": "Triste", "angry": "Enojado", "relaxed": "Relajado"}[c.label]
    spanish_decision = {"label": "segura", "top-2": "dos candidatas", "review": "requiere revisión"}[c.decision]

    def comma(value):
        return f"{value:.2f}".replace(".", ",")

    worded = in_languages(reason)
    assert worded["es"] == (f"{spanish_emotion} {100 * c.confidence:.0f} % ({spanish_decision}) · "
                            f"{100 * slot.progress:.0f} % del camino hacia relajado · "
                            f"a {comma(slot.waypoint_distance)} "
                            f"del punto planificado · paso {comma(slot.step)} · bloqueada")
    turkish_emotion = {"happy": "Mutlu", "sad": "Üzgün", "angry": "Öfkeli", "relaxed": "Rahat"}[c.label]
    assert worded["tr"].startswith(f"{turkish_emotion} %{100 * c.confidence:.0f} (")
    assert f"rahat hedefine giden yolun %{100 * slot.progress:.0f} kadarı" in worded["tr"]
    assert worded["tr"].endswith(f"adım {comma(slot.step)} · kilitli")


def test_a_saved_reason_comes_back_from_the_library_as_a_message(store, tmp_path, in_languages):
    fill_library(store, tmp_path, n=30, seed=2)
    pool = load_candidates(store)
    plan = build_session(SessionRequest(goal="happy", minutes=20, start="sad"), pool)
    session_id = save_plan(store, plan, "Week 1")
    stored = store.session_items(session_id)[0].reason
    assert isinstance(stored, Message) and str(stored) == str(plan.slots[0].reason("happy"))
    _, loaded = load_plan(store, session_id, pool)
    assert loaded.slots[0].saved_reason == stored
    assert "% del camino hacia feliz" in in_languages(loaded.slots[0].saved_reason)["es"]


def test_endpoint_warning_in_the_locale(store, tmp_path, in_languages):
    # Only calm music: a session towards happy cannot end near happy.
    for i in range(8):
        _track(store, tmp_path, f"calm {i}", "relaxed", duration=200.0)
    plan = build_session(SessionRequest(goal="happy", minutes=15, start="relaxed"), load_candidates(store))
    (warning,) = [w for w in plan.warnings if "near the goal" in w]
    worded = in_languages(warning)
    distance = worded["en"].split("ends ")[1].split(" away")[0]
    assert worded["en"] == (f"The library has little music near the goal (happy): "
                            f"the session ends {distance} away from it.")
    assert worded["es"] == (f"La biblioteca tiene poca música cercana al objetivo (feliz): la sesión termina a "
                            f"{distance.replace('.', ',')} de él.")
    assert worded["tr"] == (f"Kitaplıkta hedefe (mutlu) yakın müzik az: "
                            f"seans ondan {distance.replace('.', ',')} uzakta bitiyor.")


# ---------------------------------------------------------------- files
def test_a_binary_playlist_and_an_empty_session(store, tmp_path, in_languages):
    binary = tmp_path / "Sesión.m3u8"
    binary.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(PlaylistFileError) as info:
        read_m3u8(binary)
    assert isinstance(info.value.message, Message)
    worded = in_languages(info.value)
    assert worded["en"] == f"{binary}: this is a binary file, not a playlist"
    assert worded["es"].startswith(str(binary))
    assert worded["es"].endswith("es un archivo binario, no una lista de reproducción")
    assert worded["tr"].startswith(str(binary)) and worded["tr"].endswith("bu ikili bir dosya, çalma listesi değil")

    fill_library(store, tmp_path, n=10, seed=4)
    plan = build_session(SessionRequest(goal="relaxed", minutes=10, start="sad"), load_candidates(store))
    plan.slots.clear()
    with pytest.raises(PlaylistError) as info:
        export_m3u8(plan, tmp_path / "out.m3u8")
    assert in_languages(info.value)["es"] == "La sesión está vacía: no hay nada que exportar."


# ---------------------------------------------------------------- drift
def test_drift_sentences_in_english_spanish_and_turkish(in_languages):
    rng = np.random.default_rng(0)
    names = [f"feature_{i}_" for i in range(8)]
    train, shifted = rng.normal(size=(400, 8)), rng.normal(loc=2.0, size=(200, 8))
    report = assess_drift(train, shifted, names, confidences=np.r_[np.full(60, 0.5), np.full(40, 0.9)],
                          baseline_low_confidence_share=0.25, correction_confidence=np.full(40, 0.95),
                          correction_correct=np.r_[np.ones(20, bool), np.zeros(20, bool)])
    shift, low, accuracy, ece = report.alerts
    assert all(isinstance(a, Message) and a.context == "Drift" for a in report.alerts)
    assert str(low) == "The model is unsure about 60% of the music (confidence below 0.75; expected at most 45%)."
    assert in_languages(low) == {
        "en": str(low),
        "es": "El modelo duda en el 60 % de la música (confianza inferior a 0,75; lo esperable es como mucho el 45 %).",
        "tr": "Model müziğin %60 kadarında emin değil (0,75 altında güven; beklenen en çok %45).",
    }
    assert in_languages(accuracy)["es"] == (
        "Según sus 40 correcciones, el modelo acertó el 50 % de las veces (lo esperable es al menos el 70 %).")
    assert in_languages(ece)["tr"] == (
        "Düzeltmelerinizde gösterilen güven, modelin ne sıklıkla doğru olduğuyla örtüşmüyor (kalibrasyon hatası 0,45; "
        "beklenen en çok 0,15).")
    worst = [f"{f.name.strip('_')} {f.psi:.2f}" for f in sorted(report.shifted_features, key=lambda f: -f.psi)[:3]]
    assert str(shift) == (f"This music sounds unlike the music the model learnt from in 8 of 8 measurements "
                          f"(shift above 0.25; largest: {', '.join(worst)}).")
    assert in_languages(shift)["es"] == (
        f"Esta música suena distinta de la música con la que aprendió el modelo en 8 de 8 mediciones (desviación "
        f"superior a 0,25; las mayores: "
        f"{', '.join(w.replace('.', ',') for w in worst)}).")
    assert in_languages(report.suggestion)["tr"].startswith("Model bu kitaplığa uymuyor olabilir.")

    one = assess_drift(train, shifted[:1], names, correction_confidence=np.full(1, 0.9),
                       correction_correct=np.ones(1, dtype=bool))
    assert [str(n) for n in one.notes] == [
        "Comparing this music with the music the model learnt from needs 30 independent half-minutes; so far "
        "there is 1.",
        "Telling how often the model is right on this music needs 20 corrections; so far there is 1."]
    assert [in_languages(n)["es"] for n in one.notes] == [
        "Comparar esta música con la música con la que aprendió el modelo requiere 30 medios minutos independientes; "
        "por ahora hay 1.",
        "Saber con qué frecuencia acierta el modelo con esta música requiere 20 correcciones; por ahora hay 1."]
    assert in_languages(one.suggestion)["es"] == "No se detecta deriva; el modelo se ajusta a esta biblioteca."
