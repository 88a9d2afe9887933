"""How audio is prepared before the 50 features, so that the same music gives the same numbers
whatever its encoding (docs/features.md, "Encoding and level").

MIRtoolbox analyses a file as it is: at its own sampling rate and level. Several columns depend
on both (roughness grows with the square of the level and with the frame length in samples;
the spectral-shape columns see content up to half the rate), so one piece of music at 22.05
and 44.1 kHz, or 12 dB quieter, gave different features and often a different emotion. The
dataset's authors describe their clips as "preprocessed: normalised, fixed duration", and the
dataset's distributions sit closest to full-band 44.1 kHz audio. So, before analysis:

1. resample to 44.1 kHz (soxr, high quality): the rate that matches the dataset's scale, and
   the one at which MIRtoolbox parity is checked (44.1 kHz input passes through unchanged);
2. normalise the level of each analysed stretch (a 30 s timeline window, or the whole file
   for `tmer features`): scale it so that its peak is at full scale (1.0), as each of the
   dataset's 30 s clips was normalised on its own; a silent stretch (RMS below -100 dBFS) stays
   as it is, so it is still recognised as silence.

`Preparation.raw()` skips both (the exact MIRtoolbox values, `tmer features --raw`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tmer_desktop.translatable import QT_TRANSLATE_NOOP

ANALYSIS_RATE = 44100
LEVELS = ("peak", "none")
# A stretch whose RMS is below this (about -100 dBFS) holds no signal: it is left as it is, so that
# it is still recognised as silence (tagging/worker.py) instead of being amplified into noise.
SILENCE_RMS = 1e-5
# Shorter than this, MIR features (tempo, fluctuation, attack) are meaningless: `tmer tag` and
# `tmer features` refuse such a file in the same words (their context stays "Tagging", where
# the translations were made).
MIN_DURATION = 1.0
TOO_SHORT = QT_TRANSLATE_NOOP("Tagging", "too short to analyse ({seconds:.2f} s of audio; at least "
                                         "{minimum:.0f} s is needed) — the file may be truncated")


@dataclass(frozen=True)
class Preparation:
    rate: int | None = ANALYSIS_RATE  # None: keep the file's own rate
    level: str = "peak"

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"unknown level normalisation {self.level!r}; choose from {LEVELS}")
        if self.rate is not None and self.rate <= 0:
            raise ValueError(f"invalid analysis rate {self.rate}")

    @classmethod
    def raw(cls) -> Preparation:
        return cls(rate=None, level="none")

    @property
    def tag(self) -> str:
        """Short text for cache keys: changes whenever the prepared samples would."""
        return f"{self.rate or 'native'}-{self.level}"

    def output_rate(self, sr: int) -> int:
        return self.rate or sr

    def resample(self, y: np.ndarray, sr: int) -> tuple[np.ndarray, int]:
        if self.rate is None or sr == self.rate:
            return y, sr
        import soxr

        return np.asarray(soxr.resample(y, sr, self.rate, quality="HQ"), dtype=np.float64), self.rate

    def stretch_gain(self, y: np.ndarray) -> float:
        """Factor that brings one analysed stretch (at the analysis rate) to the prepared level;
        1 for silence."""
        if self.level == "none" or not y.size:
            return 1.0
        peak = float(np.max(np.abs(y)))
        if not np.isfinite(peak) or float(np.sqrt(np.mean(np.square(y)))) < SILENCE_RMS:
            return 1.0
        return 1.0 / peak

    def normalise(self, y: np.ndarray) -> tuple[np.ndarray, float]:
        """One stretch (at the analysis rate) at the prepared level, and the gain applied."""
        g = self.stretch_gain(y)
        return (y * g if g != 1.0 else y), g

    def apply(self, y: np.ndarray, sr: int) -> tuple[np.ndarray, int]:
        """The prepared samples of one analysed stretch: resampled, then level-normalised."""
        y, sr = self.resample(np.ascontiguousarray(y, dtype=np.float64), sr)
        return self.normalise(y)[0], sr


DEFAULT = Preparation()
