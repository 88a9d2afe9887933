"""--write-tags: namespaced emotion tags, audio samples unchanged, other tags kept; metadata reading."""

import shutil

import mutagen
import numpy as np
import pytest
import soundfile as sf

from conftest import SHARED
from tmer_desktop.tagging.filetags import TagWriteError, read_metadata, tag_values, write_emotion_tags

MUSIC = SHARED / "music"
pytestmark = pytest.mark.skipif(not MUSIC.is_dir(), reason=f"real music corpus not found at {MUSIC}")

VALUES = tag_values("relaxed", 0.81234, "label", "2026.11-test")


def _writable_copy(name, tmp_path):
    target = tmp_path / name
    shutil.copy(MUSIC / name, target)
    target.chmod(0o644)
    return target


def _flac_with_tags(tmp_path):
    y, sr = sf.read(MUSIC / "wesnoth__sad.ogg", frames=44100 * 6)
    target = tmp_path / "sad.flac"
    sf.write(target, y, sr, format="FLAC")
    audio = mutagen.File(target)
    audio["ARTIST"] = "Tyler Johnson"
    audio["TITLE"] = "Sad (excerpt)"
    audio.save()
    return target


def _opus_excerpt(tmp_path):
    y, sr = sf.read(MUSIC / "wz2100__aftermath_track19_undisclosed_location.opus", frames=48000 * 6)
    target = tmp_path / "aftermath.opus"
    sf.write(target, y, sr, format="OGG", subtype="OPUS")
    audio = mutagen.File(target)
    audio["TITLE"] = "Undisclosed Location (excerpt)"
    audio.save()
    return target


def _mp3_with_tags(tmp_path):
    from mutagen.id3 import TIT2, TPE1

    target = _writable_copy("asc__machine_wars.mp3", tmp_path)
    audio = mutagen.File(target)
    if audio.tags is None:
        audio.add_tags()
    audio.tags.add(TPE1(encoding=3, text=["Michael Kievernagel"]))
    audio.tags.add(TIT2(encoding=3, text=["machine_wars"]))
    audio.save()
    return target


def _snapshot(path):
    """(all samples, every tag that is not ours) of a file."""
    samples, sr = sf.read(path, dtype="float64", always_2d=True)
    tags = mutagen.File(path).tags
    other = {k: str(v) for k, v in (tags.items() if tags is not None else []) if "TMER" not in k.upper()}
    return samples, sr, other


@pytest.mark.parametrize("make, key_of", [
    (lambda tmp: _writable_copy("wesnoth__sad.ogg", tmp), lambda f: f"TMER_{f.upper()}"),
    (_opus_excerpt, lambda f: f"TMER_{f.upper()}"),
    (_mp3_with_tags, lambda f: f"TXXX:TMER_{f.upper()}"),
    (_flac_with_tags, lambda f: f"TMER_{f.upper()}"),
    (lambda tmp: _writable_copy("wesnoth__traveling_minstrels__60s-90s.wav", tmp), lambda f: f"TXXX:TMER_{f.upper()}"),
], ids=["ogg-vorbis", "opus", "mp3", "flac", "wav"])
def test_tags_written_audio_untouched_other_tags_kept(tmp_path, make, key_of):
    path = make(tmp_path)
    samples, sr, other = _snapshot(path)

    changes = write_emotion_tags(path, VALUES).changes

    assert {c.key for c in changes} == {key_of(f) for f in VALUES}
    assert all(c.old is None for c in changes)
    after_samples, after_sr, after_other = _snapshot(path)
    assert after_sr == sr
    assert np.array_equal(after_samples, samples)  # bit-identical decoded audio
    assert after_other == other  # every other tag survives, unchanged
    tags = mutagen.File(path).tags
    written = {f: str(tags[key_of(f)][0] if not hasattr(tags[key_of(f)], "text") else tags[key_of(f)].text[0])
               for f in VALUES}
    assert written == VALUES
    # Writing the same values again changes nothing (and does not rewrite the file).
    mtime = path.stat().st_mtime_ns
    assert write_emotion_tags(path, VALUES).changes == []
    assert path.stat().st_mtime_ns == mtime


def test_dry_run_lists_changes_and_writes_nothing(tmp_path):
    path = _writable_copy("wesnoth__sad.ogg", tmp_path)
    before = path.read_bytes()
    changes = write_emotion_tags(path, VALUES, dry_run=True).changes
    assert {c.key: c.new for c in changes}["TMER_EMOTION"] == "relaxed"
    assert path.read_bytes() == before
    write_emotion_tags(path, VALUES)
    changed = write_emotion_tags(path, tag_values("sad", 0.9, "label", "2026.11-test"), dry_run=True).changes
    assert {(c.key, c.old, c.new) for c in changed} == {
        ("TMER_EMOTION", "relaxed", "sad"), ("TMER_CONFIDENCE", "0.812", "0.900")}


def test_unsupported_and_broken_files_raise_clear_errors(tmp_path):
    text = tmp_path / "notes.mp3"
    text.write_text("not audio")
    with pytest.raises(TagWriteError) as info:
        write_emotion_tags(text, VALUES)
    assert str(text) in str(info.value)
    assert text.read_text() == "not audio"
    assert list(tmp_path.iterdir()) == [text]  # no temp file left behind


def test_read_metadata_from_real_tags(tmp_path):
    meta = read_metadata(MUSIC / "wesnoth__sad.ogg")
    assert meta == {"artist": "Tyler Johnson", "album": "The Battle for Wesnoth OST", "title": "Sad",
                    "genre": "Romantic Classical", "year": 2010}
    assert read_metadata(_mp3_with_tags(tmp_path))["artist"] == "Michael Kievernagel"
    untagged = read_metadata(MUSIC / "wesnoth__traveling_minstrels__60s-90s.wav")
    assert untagged == dict.fromkeys(("artist", "album", "title", "genre", "year"))
    garbage = tmp_path / "x.ogg"
    garbage.write_bytes(b"OggS" + bytes(100))
    assert read_metadata(garbage)["title"] is None
