"""Parity with MIRtoolbox 1.7.2 on the nine reference clips (tests/fixtures/reference)."""

import csv
import math
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from conftest import FIXTURES, SHARED
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import RHYTHM_COLS, extract_file_features
from tmer_desktop.features.prepare import Preparation

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


@pytest.mark.skipif(not (SHARED / "reference" / "audio").is_dir(), reason="../shared not present")
def test_flac_fixtures_decode_to_the_reference_wav_samples():
    for name in CLIPS:
        wav, sr_w = sf.read(SHARED / "reference" / "audio" / f"{name}.wav", dtype="int16")
        flac, sr_f = sf.read(REF_DIR / f"{name}.flac", dtype="int16")
        assert sr_w == sr_f and np.array_equal(wav, flac), name
