"""Degenerate inputs give finite values or the documented NaN, never an exception or a
storm of numpy warnings (warnings are turned into errors here)."""

import math
import warnings

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import RHYTHM_COLS, extract_features, extract_file_features
from tmer_desktop.features.prepare import Preparation

MINE = [c for c in FEATURE_NAMES if c not in RHYTHM_COLS]
SPECTRAL = ["_Rolloff_Mean", "_Brightness_Mean", "_Spectralcentroid_Mean", "_Spectralspread_Mean",
            "_Spectralskewness_Mean", "_Spectralkurtosis_Mean", "_Spectralflatness_Mean",
            "_EntropyofSpectrum_Mean"]
HCDF = [c for c in FEATURE_NAMES if "Harmonic" in c]
CHROMA = [c for c in FEATURE_NAMES if "Chromagram" in c]
MFCC = [c for c in FEATURE_NAMES if "MFCC" in c]


def _extract(y, sr):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = extract_features(np.asarray(y, dtype=float), sr)
    assert list(out) == list(FEATURE_NAMES)
    assert not any(math.isinf(v) for v in out.values())
    return out


def _nan(out):
    return {c for c in MINE if math.isnan(out[c])}


def _tone(sr, seconds=2.0, f=440.0, noise=0.01):
    t = np.arange(int(sr * seconds)) / sr
    return 0.3 * np.sin(2 * np.pi * f * t) + noise * np.random.default_rng(0).standard_normal(t.size)


def test_silence_is_nan_where_mirtoolbox_divides_by_zero():
    out = _extract(np.zeros(22050 * 2), 22050)
    assert out["_RMSenergy_Mean"] == 0.0 and out["_Zero-crossingrate_Mean"] == 0.0
    assert out["_Roughness_Mean"] == 0.0
    assert set(SPECTRAL + MFCC + CHROMA) <= _nan(out)


def test_dc_has_no_chroma_and_no_roughness_slope():
    out = _extract(np.full(22050 * 2, 0.5), 22050)
    assert out["_RMSenergy_Mean"] == pytest.approx(0.5, rel=1e-4)
    assert out["_Zero-crossingrate_Mean"] == 0.0
    assert set(CHROMA + HCDF) <= _nan(out)  # constant signal: the [0,1] rescaling is 0/0
    assert not math.isnan(out["_Spectralflatness_Mean"])


def test_clipped_signal_is_fully_defined():
    out = _extract(np.clip(3 * _tone(22050), -1, 1), 22050)
    assert _nan(out) == set()
    assert out["_Brightness_Mean"] > 0  # clipping adds harmonics above 1500 Hz


def test_half_second_clip_has_everything_but_hcdf():
    out = _extract(_tone(22050, 0.5), 22050)
    # the HCDF frame (0.743 s) does not fit; the centroid is blanked for noise-like spectra;
    # a pure tone has one spectral peak per frame, so roughness is 0 throughout (no slope)
    assert _nan(out) <= set(HCDF) | {"_Spectralcentroid_Mean", "_Roughness_Slope"}
    assert set(HCDF) <= _nan(out)


@pytest.mark.parametrize("n", [0, 1, 2, 100, 2000])
def test_very_short_inputs(n):
    out = _extract(_tone(22050, 1.0)[:n], 22050)
    if n < 2:
        assert all(math.isnan(v) for v in out.values())
    else:
        assert not math.isnan(out["_RMSenergy_Mean"])


@pytest.mark.parametrize("sr", [8000, 48000, 96000])
def test_other_sample_rates(sr):
    out = _extract(_tone(sr, 2.0, f=330.0, noise=0.05), sr)
    assert _nan(out) <= {"_Roughness_Slope", "_Spectralcentroid_Mean"}
    assert out["_Rolloff_Mean"] < sr / 2


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="mono"):
        extract_features(np.zeros((2, 100)), 22050)
    with pytest.raises(ValueError, match="sample rate"):
        extract_features(np.zeros(100), 0)
    with pytest.raises(ValueError, match="NaN"):
        extract_features(np.array([0.0, np.nan, 1.0]), 22050)


def test_stereo_file_is_the_mean_of_its_channels(tmp_path):
    left = _tone(22050, 1.5, 300.0)
    right = _tone(22050, 1.5, 500.0)
    path = tmp_path / "st.wav"
    sf.write(path, np.column_stack([left, right]), 22050, subtype="FLOAT")
    from_file = extract_file_features(path, Preparation.raw())
    stored, _ = sf.read(path)  # float32 in the file
    direct = _extract(stored.mean(axis=1), 22050)
    for c in MINE:
        a, b = from_file[c], direct[c]
        assert (math.isnan(a) and math.isnan(b)) or a == b, c


def test_overlong_file_is_refused_by_name(tmp_path, monkeypatch):
    import tmer_desktop.features.extract as ex
    from tmer_desktop.errors import AudioError

    path = tmp_path / "long.wav"
    sf.write(path, np.zeros(22050 * 3), 22050, subtype="PCM_16")
    monkeypatch.setattr(ex, "MAX_WHOLE_FILE_SECONDS", 2.0)
    with pytest.raises(AudioError) as err:
        ex.extract_file_features(path)
    assert "long.wav" in str(err.value) and "windows" in str(err.value)
