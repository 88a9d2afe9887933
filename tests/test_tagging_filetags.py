"""--write-tags: namespaced emotion tags, audio samples unchanged, other tags kept; metadata reading."""

import mutagen
import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.tagging.filetags import TagWriteError, read_metadata, tag_values, write_emotion_tags

from fixtures.music import (
    CALM,
    CITY_BLUES,
    SAD,
    SAD_HEAD,
    excerpt,
    mp3_with_empty_id3v1,
    wav_like_ffmpeg,
    writable_copy,
)

VALUES = tag_values("relaxed", 0.81234, "label", "2026.11-test")


def _vorbis_with_tags(tmp_path):
    # the original file's first pages: eleven tags, and the first audio packet on the header page
    return writable_copy(SAD_HEAD, tmp_path / "sad.ogg")


def _flac_with_tags(tmp_path):
    y, sr = sf.read(SAD, frames=44100 * 6)
    target = tmp_path / "sad.flac"
    sf.write(target, y, sr, format="FLAC")
    audio = mutagen.File(target)
    audio["ARTIST"] = "Tyler Johnson"
    audio["TITLE"] = "Sad (excerpt)"
    audio.save()
    return target


def _opus_excerpt(tmp_path):
    target = excerpt(CALM, tmp_path / "calmrace.opus", 0, 6)  # 48 kHz, as Opus is
    audio = mutagen.File(target)
    audio["TITLE"] = "calmrace (excerpt)"
    audio.save()
    return target


def _mp3_with_tags(tmp_path):
    from mutagen.id3 import TIT2, TPE1

    target = mp3_with_empty_id3v1(CITY_BLUES, tmp_path / "city_blues.mp3", 0, 6)  # LAME, MPEG-2 layer III
    audio = mutagen.File(target)
    if audio.tags is None:
        audio.add_tags()
    audio.tags.add(TPE1(encoding=3, text=["Robert van Herk"]))
    audio.tags.add(TIT2(encoding=3, text=["City Blues"]))
    audio.save()
    return target


def _snapshot(path):
    """(all samples, every tag that is not ours) of a file."""
    samples, sr = sf.read(path, dtype="float64", always_2d=True)
    tags = mutagen.File(path).tags
    other = {k: str(v) for k, v in (tags.items() if tags is not None else []) if "TMER" not in k.upper()}
    return samples, sr, other


@pytest.mark.parametrize("make, key_of", [
    (_vorbis_with_tags, lambda f: f"TMER_{f.upper()}"),
    (_opus_excerpt, lambda f: f"TMER_{f.upper()}"),
    (_mp3_with_tags, lambda f: f"TXXX:TMER_{f.upper()}"),
    (_flac_with_tags, lambda f: f"TMER_{f.upper()}"),
    (lambda tmp: wav_like_ffmpeg(SAD, tmp / "sad.wav", 10, 6), lambda f: f"TXXX:TMER_{f.upper()}"),
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
    path = _vorbis_with_tags(tmp_path)
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
    meta = read_metadata(SAD_HEAD)
    assert meta == {"artist": "Tyler Johnson", "album": "The Battle for Wesnoth OST", "title": "Sad",
                    "genre": "Romantic Classical", "year": 2010}
    assert read_metadata(_mp3_with_tags(tmp_path))["artist"] == "Robert van Herk"
    untagged = read_metadata(wav_like_ffmpeg(SAD, tmp_path / "untagged.wav", 10, 6))
    assert untagged == dict.fromkeys(("artist", "album", "title", "genre", "year"))
    garbage = tmp_path / "x.ogg"
    garbage.write_bytes(b"OggS" + bytes(100))
    assert read_metadata(garbage)["title"] is None
