"""The 50 dataset features of one clip, analysed whole, the way MIRtoolbox 1.7.2 computes
them with default options (see docs/features.md and MIR_FEATURES.md)."""

from __future__ import annotations

import os

import numpy as np

from tmer_desktop.audio import decode
from tmer_desktop.errors import AudioError
from tmer_desktop.features import attack, chroma, rhythm, spectral, stats
from tmer_desktop.features import fluctuation as fluct
from tmer_desktop.features import mfcc as mfcc_mod
from tmer_desktop.features import roughness as rough
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.onsets import mono_samples, spectro_power_envelope
from tmer_desktop.features.prepare import DEFAULT as DEFAULT_PREPARATION
from tmer_desktop.features.prepare import MIN_DURATION, TOO_SHORT, Preparation
from tmer_desktop.features.spectrum import bin_frequencies, windowed_fft

NAN = float("nan")
# Bump when any computed value changes: it is part of the feature-cache key.
EXTRACTOR_VERSION = "mir1.7.2-port-1"

MFCC_COLS = [f"_MFCC_Mean_{i}" for i in range(1, 14)]
CHROMA_COLS = [f"_Chromagram_Mean_{i}" for i in range(1, 13)]
HCDF_COLS = [f"_HarmonicChangeDetectionFunction_{s}" for s in stats.STAT_NAMES]
RHYTHM_COLS = ("_Tempo_Mean", "_Eventdensity_Mean", "_Pulseclarity_Mean",
               "_AttackTime_Mean", "_AttackTime_Slope")


def rhythm_features(y: np.ndarray, sr: int, attack_frames: tuple | None = None,
                    attack_samples: np.ndarray | None = None) -> dict[str, float]:
    """The five onset-based columns; event density and pulse clarity share one envelope.
    attack_frames: (onsets.MagnitudeFrameMemo, offset of y in its block), see attack_time.
    attack_samples: y before a level change, for attack time (which does not depend on the level,
    bit for bit), so that a memo filled at the block's own level serves every window."""
    out = dict.fromkeys(RHYTHM_COLS, NAN)
    out["_Tempo_Mean"] = float(rhythm.tempo(y, sr))
    power_env = spectro_power_envelope(mono_samples(y), sr)
    out["_Eventdensity_Mean"] = float(rhythm.event_density_of(power_env))
    out["_Pulseclarity_Mean"] = float(rhythm.pulse_clarity_of(power_env))
    memo, offset = attack_frames if attack_frames is not None else (None, 0)
    source = y if attack_samples is None else attack_samples
    mean, slope = attack.attack_time(source, sr, memo=memo, offset=offset)
    out["_AttackTime_Mean"], out["_AttackTime_Slope"] = float(mean), float(slope)
    return out


def spectrum_features(y: np.ndarray, sr: int) -> dict[str, float]:
    """Everything derived from the one whole-clip FFT: spectral shape, MFCC, chromagram."""
    out: dict[str, float] = {}
    X = windowed_fft(y, sr)
    m = np.abs(X)
    f = bin_frequencies((len(X) - 1) * 2, sr)
    d = spectral.spectral_descriptors(m, f)
    out["_Rolloff_Mean"] = d["Rolloff"]
    out["_Brightness_Mean"] = d["Brightness"]
    out["_Spectralcentroid_Mean"] = d["Centroid"]
    out["_Spectralspread_Mean"] = d["Spread"]
    out["_Spectralskewness_Mean"] = d["Skewness"]
    out["_Spectralkurtosis_Mean"] = d["Kurtosis"]
    out["_Spectralflatness_Mean"] = d["Flatness"]
    out["_EntropyofSpectrum_Mean"] = d["Entropy"]
    out.update(zip(MFCC_COLS, map(float, mfcc_mod.mfcc(m, f))))
    out.update(zip(CHROMA_COLS, map(float, chroma.whole_chromagram(y, sr, X))))
    return out


def hcdf_features(y: np.ndarray, sr: int) -> dict[str, float]:
    curve, hop_s = chroma.hcdf_curve(y, sr)
    st = stats.mirstat(curve, hop_s)
    return {col: st[s] for col, s in zip(HCDF_COLS, stats.STAT_NAMES)}


def roughness_stats(R: np.ndarray) -> dict[str, float]:
    return {"_Roughness_Mean": stats.mean(R), "_Roughness_Slope": stats.slope(R)}


def extract_features(y: np.ndarray, sr: int) -> dict[str, float]:
    """The 50 features (FEATURE_NAMES order) of mono float samples y at rate sr.

    Values MIRtoolbox leaves undefined are NaN (e.g. centroid of a noise-like spectrum,
    roughness slope of a curve that is constant, everything spectral of pure silence).
    """
    return extract_with_shared(y, sr)


def extract_with_shared(y: np.ndarray, sr: int, *, roughness_spectrogram: np.ndarray | None = None,
                        fluctuation_bands: np.ndarray | None = None,
                        attack_frames: tuple | None = None,
                        attack_samples: np.ndarray | None = None) -> dict[str, float]:
    """extract_features, optionally reusing frame-level data computed once per track.

    roughness_spectrogram: the 50 ms magnitude spectrogram of exactly y (frames x bins);
    fluctuation_bands: the masked Bark-band dB series of exactly y (frames x bands).
    Both must be on y's own mirframe grid (windows.py checks the alignment).
    attack_frames: (onsets.MagnitudeFrameMemo of the block, offset of y in the block): attack
    time's 30 ms frames already computed for overlapping windows (exact reuse);
    attack_samples: y at the block's level when y was scaled (see rhythm_features).
    """
    y = np.ascontiguousarray(y, dtype=np.float64)
    if y.ndim != 1:
        raise ValueError("extract_features expects mono samples (1-D array)")
    if sr <= 0:
        raise ValueError(f"invalid sample rate {sr}")
    out: dict[str, float] = dict.fromkeys(FEATURE_NAMES, NAN)
    if y.size < 2:
        return out
    if not np.all(np.isfinite(y)):
        raise ValueError("samples contain NaN or infinite values")
    out["_RMSenergy_Mean"] = spectral.rms(y)
    out["_Zero-crossingrate_Mean"] = spectral.zero_crossing_rate(y, sr)
    out["_Lowenergy_Mean"] = spectral.low_energy(y, sr)
    if roughness_spectrogram is None:
        S, f, _ = rough.spectrogram(y, sr)
    else:
        S = roughness_spectrogram
        f = bin_frequencies((S.shape[1] - 1) * 2, sr)
    out.update(roughness_stats(rough.roughness_curve(S, f)))
    grid = fluct.fluctuation_grid(len(y), sr)
    if fluctuation_bands is None:
        out["_Fluctuation_Mean"] = fluct.fluctuation(y, sr)
    elif grid.count:
        out["_Fluctuation_Mean"] = fluct.fluctuation_from_bands(
            fluctuation_bands, grid.starts, grid.length, sr)
    out.update(spectrum_features(y, sr))
    out.update(hcdf_features(y, sr))
    out.update(rhythm_features(y, sr, attack_frames, attack_samples))
    return {name: float(out[name]) for name in FEATURE_NAMES}


# One FFT over the whole file: beyond this the memory (a 2^k-point FFT of the whole signal)
# is out of proportion; long files are analysed per window (windows.analyse_file).
MAX_WHOLE_FILE_SECONDS = 20 * 60.0


def prepared_features(y: np.ndarray, sr: int, preparation: Preparation = DEFAULT_PREPARATION) -> dict[str, float]:
    """The 50 features of one stretch of audio after the analysis preparation (prepare.py)."""
    y, sr = preparation.apply(y, sr)
    return extract_features(y, sr)


def extract_file_features(path: str | os.PathLike,
                          preparation: Preparation = DEFAULT_PREPARATION) -> dict[str, float]:
    """The 50 features of a whole file, prepared for analysis (raises AudioError);
    Preparation.raw(): decoded at its native rate and level, as MIRtoolbox reads it."""
    info = decode.probe(path)
    if info.duration > MAX_WHOLE_FILE_SECONDS:
        raise AudioError(path, f"is {info.duration / 60:.0f} min long; whole-file features are "
                               f"limited to {MAX_WHOLE_FILE_SECONDS / 60:.0f} min "
                               "(analyse it in 30 s windows instead)")
    y, sr = decode.load(path)
    if len(y) < MIN_DURATION * sr:  # what was decoded: a header may promise more
        raise AudioError(path, TOO_SHORT.format(seconds=len(y) / sr, minimum=MIN_DURATION))
    return prepared_features(y, sr, preparation)
