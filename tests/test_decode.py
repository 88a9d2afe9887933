"""Decoding real files, and every kind of broken file answering with the file name and a reason."""

import struct

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.audio import decode
from tmer_desktop.errors import AudioError


def _write_wav(path, data, sr, subtype="PCM_16"):
    sf.write(str(path), data, sr, subtype=subtype)
    return path


def test_stereo_is_averaged_at_native_rate_without_normalisation(tmp_path):
    sr = 48000
    t = np.arange(sr) / sr
    left = 0.5 * np.sin(2 * np.pi * 440 * t)
    right = 0.25 * np.sin(2 * np.pi * 220 * t)
    path = _write_wav(tmp_path / "stereo.wav", np.column_stack([left, right]), sr, subtype="DOUBLE")
    y, got_sr = decode.load(path)
    assert got_sr == sr
    np.testing.assert_allclose(y, (left + right) / 2, atol=1e-12)


def test_int16_scaling_matches_mirtoolbox(tmp_path):
    raw = np.array([-32768, -1, 0, 1, 32767], dtype=np.int16)
    path = tmp_path / "pcm16.wav"
    sf.write(str(path), raw, 22050, subtype="PCM_16")
    y, _ = decode.load(path)
    np.testing.assert_array_equal(y, raw / 32768.0)


def test_segment_read(tmp_path):
    sr = 8000
    data = np.arange(sr * 3, dtype=np.int16)
    path = tmp_path / "ramp.wav"
    sf.write(str(path), data, sr, subtype="PCM_16")
    y, _ = decode.load(path, start=1.0, duration=0.5)
    np.testing.assert_array_equal(y, data[sr : sr + sr // 2] / 32768.0)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.wav", b"", "empty file"),
        ("picture.mp3", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "not a recognised audio format"),
        ("notes.wav", b"this is a text file, not audio\n" * 10, "not a recognised audio format"),
    ],
)
def test_broken_files_name_the_file_and_the_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioError) as info:
        decode.load(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)


def test_truncated_wav_header_only(tmp_path):
    path = _write_wav(tmp_path / "full.wav", np.zeros(1000), 8000)
    truncated = tmp_path / "truncated.wav"
    truncated.write_bytes(path.read_bytes()[:44])
    with pytest.raises(AudioError) as info:
        decode.load(truncated)
    assert str(truncated) in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(AudioError, match="file not found"):
        decode.load(tmp_path / "nope.wav")
    with pytest.raises(AudioError, match="is a folder"):
        decode.load(tmp_path)


def test_symlink_loop(tmp_path):
    a, b = tmp_path / "a.wav", tmp_path / "b.wav"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(AudioError, match="symbolic link loop"):
        decode.load(a)


def test_m4a_without_ffmpeg_says_what_to_install(tmp_path, monkeypatch):
    # A real MP4/M4A header ("ftyp" box); hide ffmpeg from PATH to get the missing-decoder message.
    path = tmp_path / "song.m4a"
    path.write_bytes(struct.pack(">I4s4sI", 24, b"ftyp", b"M4A ", 0) + b"isomM4A " + b"\x00" * 100)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(AudioError) as info:
        decode.load(path)
    assert "ffmpeg" in str(info.value) and "install" in str(info.value)
    assert str(path) in str(info.value)
