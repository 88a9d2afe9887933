"""The mirframe frame grid (MIR_FEATURES.md §2.2).

Frame length l = seconds * sr (not rounded), L = floor(l) samples; the hop is either a ratio of
l or sr / rate. The hop is NOT floored: frame i starts at floor(i * h). There is no padding
and no frame runs past the end of the signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FrameGrid:
    starts: np.ndarray  # int64 sample index of each frame's first sample
    length: int  # L, samples per frame
    hop: float  # h, unfloored hop in samples

    @property
    def count(self) -> int:
        return len(self.starts)

    def hop_seconds(self, sr: float) -> float:
        """The 'frame sampling' mirstat uses: start(2) - start(1), in seconds."""
        if self.count < 2:
            return self.hop / sr
        return (self.starts[1] - self.starts[0]) / sr


def frame_params(sr: float, seconds: float, hop_ratio: float | None = 0.5,
                 hop_rate: float | None = None) -> tuple[float, int, float]:
    """(l, L, h) for a frame of `seconds` and a hop given as a ratio of l or as a rate in Hz:
    MIRtoolbox's frame length in samples, the same rounded down, and the hop in samples."""
    length = seconds * sr
    if hop_rate is not None:
        hop = sr / hop_rate
    elif hop_ratio is not None:
        hop = hop_ratio * length
    else:
        raise ValueError("frame_params needs hop_ratio or hop_rate")
    return length, int(np.floor(length)), hop


def frame_grid(n_samples: int, sr: float, seconds: float, hop_ratio: float | None = 0.5,
               hop_rate: float | None = None) -> FrameGrid:
    """Frames of `seconds` over a signal of n_samples (possibly none if it is too short)."""
    _, L, h = frame_params(sr, seconds, hop_ratio, hop_rate)
    if n_samples < L or L <= 0:
        return FrameGrid(np.zeros(0, np.int64), L, h)
    n = int(np.floor((n_samples - L) / h)) + 1
    starts = np.floor(np.arange(n) * h).astype(np.int64)
    return FrameGrid(starts, L, h)


def frame_rows(x: np.ndarray, grid: FrameGrid) -> np.ndarray:
    """Frames as rows (n x L, contiguous copy); zeros stand for samples before x (PreSilence)."""
    L = grid.length
    if grid.count == 0:
        return np.zeros((0, L))
    pad = max(0, -int(grid.starts[0]))
    xp = np.concatenate([np.zeros(pad), x]) if pad else x
    view = np.lib.stride_tricks.sliding_window_view(xp, L)
    return view[grid.starts + pad]
