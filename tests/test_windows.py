"""Timeline windows: placement, sharing between windows, block decoding, cache."""

import json
import math

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.errors import AudioError
from tmer_desktop.features import cache as feature_cache
from tmer_desktop.features import windows
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import extract_features, prepared_features
from tmer_desktop.features.prepare import Preparation

from fixtures.music import SAD, excerpt

SR = 11025  # low rate keeps the test fast; sharing is exact at any integer rate
# Per-window level normalisation at the file's own rate: resampling to 44.1 kHz would make
# these tests four times slower and is tested on its own below.
NATIVE = Preparation(rate=None)


def _music_like(seconds: float, seed: int = 1) -> np.ndarray:
    """Chords with changing roots, a beat and a little noise: every feature is defined."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SR)) / SR
    root = 220 * 2 ** (np.floor(t / 2) % 5 / 12)
    y = sum(0.2 / k * np.sin(2 * np.pi * k * root * t) for k in (1, 1.25, 1.5, 2))
    y = y + 0.3 * np.exp(-30 * (t % 0.5)) * np.sin(2 * np.pi * 80 * t)
    return 0.5 * y + 0.01 * rng.standard_normal(t.size)


@pytest.fixture(scope="module")
def track(tmp_path_factory):
    path = tmp_path_factory.mktemp("audio") / "track.flac"
    sf.write(path, _music_like(44.0), SR, subtype="PCM_16")
    return path


def _same(a: dict, b: dict, rel: float = 0.0) -> bool:
    for k in FEATURE_NAMES:
        x, y = a[k], b[k]
        if math.isnan(x) or math.isnan(y):
            if math.isnan(x) != math.isnan(y):
                return False
        elif abs(x - y) > rel * max(abs(y), 1e-300):
            return False
    return True


def test_plan_short_exact_and_tail_rules():
    assert [(s.first, s.length) for s in windows.plan_windows(20 * SR, SR)] == [(0, 20 * SR)]
    assert [(s.first, s.length) for s in windows.plan_windows(30 * SR, SR)] == [(0, 30 * SR)]
    # 42 s: tail after the window at 10 s is 2 s < half a hop -> no extra window
    assert [s.first / SR for s in windows.plan_windows(42 * SR, SR)] == [0, 5, 10]
    # 44 s: 4 s tail -> one more window ending exactly at the end
    spans = windows.plan_windows(44 * SR, SR)
    assert [s.first / SR for s in spans] == [0, 5, 10, 14]
    assert spans[-1].first + spans[-1].length == 44 * SR and not spans[-1].on_grid
    with pytest.raises(ValueError):
        windows.plan_windows(44 * SR, SR, window=30, hop=0)


def test_window_features_equal_the_sliced_clip(track, data_dir):
    y, sr = sf.read(track)
    seen = []
    res = windows.analyse_file(track, use_cache=False, progress=lambda d, t: seen.append((d, t)),
                               preparation=NATIVE)
    assert [w.start for w in res.windows] == [0.0, 5.0, 10.0, 14.0]
    assert all(w.duration == 30.0 and not w.short for w in res.windows)
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]  # after every window
    assert res.sample_rate == SR and res.channels == 1 and res.duration == pytest.approx(44.0)
    for w in res.windows:
        s0 = int(round(w.start * sr))
        alone = prepared_features(y[s0:s0 + 30 * SR], sr, NATIVE)
        assert _same(w.values, alone, rel=1e-9), w.start
        assert not math.isnan(w.values["_Roughness_Mean"])


def _whole(path, **kw):
    """The windows of a file decoded whole, in memory (what analyse_file did for files up to 10 min)."""
    from tmer_desktop.audio.decode import load

    y, sr = load(path)
    return windows.analyse_samples(y, sr, **kw)


@pytest.mark.slow  # the 44 s track analysed twice
def test_block_decoding_gives_the_same_values(track, data_dir, monkeypatch):
    whole = _whole(track, preparation=NATIVE)
    monkeypatch.setattr(windows, "BLOCK_SECONDS", 35.0 * SR / 44100)  # 2 windows per block
    blocks = windows.analyse_file(track, use_cache=False, preparation=NATIVE)
    assert [w.start for w in blocks.windows] == [w.start for w in whole]
    for a, b in zip(blocks.windows, whole):
        assert _same(a.values, b.values, rel=1e-9)


@pytest.mark.slow  # three encodings of a 44 s clip, each analysed twice at 44.1 kHz
@pytest.mark.parametrize("suffix", [".flac", ".ogg", ".mp3"])
def test_every_file_is_decoded_by_blocks_with_the_whole_files_values(suffix, tmp_path, data_dir, monkeypatch):
    """A file of any length is decoded block by block (flat memory); libsndfile seeks sample-exactly
    in these formats, so the windows equal those of the file decoded whole, bit for bit."""
    path = SAD if suffix == ".ogg" else excerpt(SAD, tmp_path / f"sad{suffix}", 0.0, 44.0)
    loads = []
    real_load = windows.decode.load
    monkeypatch.setattr(windows.decode, "load", lambda *a, **k: loads.append(a[1:]) or real_load(*a, **k))
    monkeypatch.setattr(windows, "BLOCK_SECONDS", 35.0)  # one window per block
    blocks = windows.analyse_file(path, use_cache=False, hop=10.0)
    assert len(loads) == 2 and all(len(args) == 2 for args in loads)  # two stretches, never the whole file
    whole = _whole(path, hop=10.0)
    assert [w.start for w in blocks.windows] == [w.start for w in whole] == [0.0, 10.0]
    for a, b in zip(blocks.windows, whole):
        assert _same(a.values, b.values), (suffix, a.start)


def test_short_file_is_one_short_window(tmp_path, data_dir):
    path = tmp_path / "short.wav"
    y = _music_like(3.0)
    sf.write(path, np.column_stack([y, 0.5 * y]), SR, subtype="PCM_16")  # stereo
    res = windows.analyse_file(path)
    assert len(res.windows) == 1 and res.windows[0].short
    assert res.windows[0].duration == pytest.approx(3.0)
    assert res.channels == 2


def test_cache_hit_and_corrupt_cache_recomputed(tmp_path, data_dir):
    path = tmp_path / "c.wav"
    sf.write(path, _music_like(2.0, seed=5), SR, subtype="PCM_16")
    first = windows.analyse_file(path)
    cfile = feature_cache.cache_path(first.content_hash, 30.0, 5.0)
    assert cfile.exists()
    doc = json.loads(cfile.read_text())
    doc["windows"][0]["values"][0] = 123.0  # a marker only a cache read can return
    cfile.write_text(json.dumps(doc))
    assert windows.analyse_file(path).windows[0].values["_RMSenergy_Mean"] == 123.0
    assert windows.analyse_file(path, use_cache=False).windows[0].values["_RMSenergy_Mean"] != 123.0
    cfile.write_text("{ not json")
    again = windows.analyse_file(path)
    assert _same(again.windows[0].values, first.windows[0].values)
    assert json.loads(cfile.read_text())["content_hash"] == first.content_hash  # rewritten
    # a different hop is a different cache entry
    assert feature_cache.cache_path(first.content_hash, 30.0, 2.0) != cfile


def test_nan_survives_the_cache(tmp_path, data_dir):
    path = tmp_path / "silence.wav"
    sf.write(path, np.zeros(SR), SR, subtype="PCM_16")
    first = windows.analyse_file(path)
    assert math.isnan(first.windows[0].values["_Spectralcentroid_Mean"])
    hit = windows.analyse_file(path)
    assert _same(hit.windows[0].values, first.windows[0].values)


def test_not_audio_names_the_file(tmp_path, data_dir):
    bad = tmp_path / "notes.mp3"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    with pytest.raises(AudioError) as err:
        windows.analyse_file(bad)
    assert "notes.mp3" in str(err.value)


def test_on_grid_windows_share_the_spectrogram(track, data_dir, monkeypatch):
    from tmer_desktop.features import roughness

    calls = []
    original = roughness.spectrogram
    monkeypatch.setattr(roughness, "spectrogram", lambda y, sr: calls.append(len(y)) or original(y, sr))
    res = windows.analyse_file(track, use_cache=False, preparation=NATIVE)
    assert len(res.windows) == 4
    # the three windows on the 5 s grid slice the block's spectrogram; only the
    # end-aligned window computes its own
    assert len(calls) == 1


@pytest.mark.slow  # a 40 s clip analysed three ways, each window checked alone
def test_windows_are_normalised_one_by_one_and_resampled(tmp_path, data_dir):
    """The app's preparation: resampled to 44.1 kHz, each window scaled to full-scale peak on its
    own. A crescendo gives every window another gain; the shared block data must follow it."""
    t = np.arange(int(40.0 * SR)) / SR
    y = _music_like(40.0, seed=3) * np.linspace(0.05, 1.0, t.size)
    path = tmp_path / "crescendo.wav"
    sf.write(path, y, SR, subtype="FLOAT")
    res = windows.analyse_file(path, use_cache=False, hop=10.0)
    assert [w.start for w in res.windows] == [0.0, 10.0]
    assert res.sample_rate == SR  # the file's own rate is reported; the analysis ran at 44.1 kHz
    resampled, rate = Preparation(level="none").apply(y, SR)
    assert rate == 44100
    for w in res.windows:
        a = int(round(w.start * rate))
        alone = prepared_features(resampled[a:a + 30 * rate], rate, Preparation(rate=None))
        assert _same(w.values, alone, rel=1e-9), w.start
    # 12 dB quieter: the same features (level normalisation), up to float32 rounding, which the
    # near-empty band above the file's own Nyquist frequency magnifies in the spectral shape (~1e-3)
    quiet = tmp_path / "quiet.wav"
    sf.write(quiet, y * 10 ** (-12 / 20), SR, subtype="FLOAT")
    again = windows.analyse_file(quiet, use_cache=False, hop=10.0)
    for a, b in zip(again.windows, res.windows):
        assert _same(a.values, b.values, rel=5e-3)
    # the raw preparation is MIRtoolbox's: native rate, level as it is
    raw = windows.analyse_file(quiet, use_cache=False, hop=10.0, preparation=Preparation.raw())
    y_quiet, _ = sf.read(quiet)
    assert _same(raw.windows[0].values, extract_features(y_quiet[:30 * SR], SR), rel=1e-9)


@pytest.mark.slow  # a 44 s clip resampled and analysed twice
def test_resampled_blocks_equal_the_resampled_whole_file(tmp_path, data_dir, monkeypatch):
    """Long files are decoded in blocks; a block that is resampled is decoded with a margin on a
    shared sample grid, so its windows equal those of the whole file resampled at once."""
    path = tmp_path / "low_rate.wav"
    sf.write(path, _music_like(44.0, seed=7), SR, subtype="FLOAT")  # 11.025 kHz: resampled to 44.1
    whole = windows.analyse_file(path, use_cache=False, hop=10.0).windows  # up to 10 min: resampled whole
    monkeypatch.setattr(windows, "WHOLE_LOAD_SECONDS", 0.0)
    monkeypatch.setattr(windows, "BLOCK_SECONDS", 35.0)  # at 44.1 kHz: one window per block
    blocks = windows.analyse_file(path, use_cache=False, hop=10.0)
    assert [w.start for w in blocks.windows] == [w.start for w in whole] == [0.0, 10.0]
    for a, b in zip(blocks.windows, whole):
        # equal to rounding; skewness and kurtosis of the near-empty band above 5.5 kHz magnify it
        assert _same(a.values, b.values, rel=1e-4), a.start
