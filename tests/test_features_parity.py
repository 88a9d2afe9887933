"""Parity with MIRtoolbox 1.7.2 on the nine reference clips (tests/fixtures/reference)."""

import csv
import hashlib
import math
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import RHYTHM_COLS, extract_file_features
from tmer_desktop.features.prepare import Preparation

from conftest import FIXTURES, shared_path

REF_DIR = FIXTURES / "reference"
# Tempo, event density, pulse clarity and attack time belong to the onset/rhythm port and
# are checked by its own tests.
MY_COLUMNS = [c for c in FEATURE_NAMES if c not in RHYTHM_COLS]
TOLERANCE = 1e-6


def _reference() -> dict[str, dict[str, float]]:
    with open(REF_DIR / "mirtoolbox_reference.csv", newline="") as fh:
        return {Path(r["file"]).stem: {c: float(r[c]) if r[c] else math.nan for c in FEATURE_NAMES}
                for r in csv.DictReader(fh)}


REFERENCE = _reference()
CLIPS = sorted(REFERENCE)


def test_fixture_set_is_complete():
    assert len(CLIPS) == 9
    assert all((REF_DIR / f"{name}.flac").exists() for name in CLIPS)


@pytest.mark.parametrize("name", CLIPS)
def test_columns_match_mirtoolbox(name):
    ours = extract_file_features(REF_DIR / f"{name}.flac", Preparation.raw())
    assert list(ours) == list(FEATURE_NAMES)
    ref = REFERENCE[name]
    bad = {}
    for c in MY_COLUMNS:
        if math.isnan(ref[c]) or math.isnan(ours[c]):
            if not (math.isnan(ref[c]) and math.isnan(ours[c])):
                bad[c] = (ours[c], ref[c])
            continue
        if abs(ours[c] - ref[c]) > TOLERANCE * max(abs(ref[c]), 1e-9):
            bad[c] = (ours[c], ref[c])
    assert not bad, f"{name}: columns off (ours, MIRtoolbox): {bad}"


# MD5 of the reference WAVs MIRtoolbox read, as published in ../shared/reference/README.md
WAV_MD5 = {
    "am_drone_drums": "8a22e247ea3657e4cb6a80dfabaa5be2",
    "chords_click_120bpm": "75ad6b22dec3f67c007546322249e001",
    "click_120bpm": "8500833badc2eb776a9c663cad93c2f0",
    "music_etr__calmrace-ks_30-60s": "36a6fc9bb0390ab932101fa977995e0c",
    "music_lincity__van_herk_city_blues_30-60s": "7e403f9b3a48c33239b85a66fbe785ca",
    "music_wesnoth__battle-epic_30-60s": "3da953db5b00aef83e8008a04a2fb3b2",
    "music_xmoto__batcave_30-60s": "af5700c2f6b56c2ed6639b5063ba98d3",
    "noise_bursts": "ee961d703f3ab7c18430799607a4e495",
    "sine_melody": "b8e064b7a752405972a8388eac9ccff7",
}


def _canonical_wav(samples: np.ndarray, sr: int) -> bytes:
    """Mono 16-bit PCM samples as a WAV file with the plain 44-byte header (how the reference
    WAVs were written)."""
    data = samples.astype("<i2").tobytes()
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16, 1, 1,
                         sr, 2 * sr, 2, 16, b"data", len(data))
    return header + data


def test_flac_fixtures_decode_to_the_published_reference_wavs():
    assert set(WAV_MD5) == set(CLIPS)
    for name in CLIPS:
        flac, sr = sf.read(REF_DIR / f"{name}.flac", dtype="int16")
        assert sr == 22050 and flac.ndim == 1, name
        assert hashlib.md5(_canonical_wav(flac, sr)).hexdigest() == WAV_MD5[name], name


def test_flac_fixtures_decode_to_the_reference_wav_samples():
    audio = shared_path("reference/audio")
    for name in CLIPS:
        wav, sr_w = sf.read(audio / f"{name}.wav", dtype="int16")
        flac, sr_f = sf.read(REF_DIR / f"{name}.flac", dtype="int16")
        assert sr_w == sr_f and np.array_equal(wav, flac), name
