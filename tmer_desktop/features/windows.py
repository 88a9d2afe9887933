"""Timeline analysis: the 50 features of 30 s windows (hop 5 s by default) over a track.

Window placement: windows start at 0, hop, 2*hop, ... as long as they end inside the track.
If the part after the last such window is at least half a hop long, one more window is
added that ends exactly at the end of the track (so the ending is always analysed, and no
window ever runs past the end). A track shorter than the window is one window over the whole
track, flagged short.

Sharing between overlapping windows: the track is decoded in blocks whatever its length (memory
flat in the track's length, see BLOCK_SECONDS; libsndfile seeks sample-exactly in WAV, FLAC, Ogg
Vorbis and MP3, so a block's samples are those of the whole file; files that only ffmpeg reads,
and files to resample up to WHOLE_LOAD_SECONDS, are decoded whole), and within a block the 50 ms
magnitude spectrogram (roughness) and the masked Bark-band series (fluctuation) are computed once
on the block's frame grid and sliced per window. This is only done when the window's own mirframe
grid coincides with the block's (checked sample for sample; true for a 5 s hop at every common
rate), so the values equal
those of extract_features on the window alone. Attack time's 30 ms frames are shared too,
frame by frame, where a frame lies wholly inside two windows at the same sample
(onsets.MagnitudeFrameMemo). Everything else is computed per window (docs/features_rhythm.md
says why the other onset curves cannot be shared exactly).

Windows already known (`known`: features by first sample at the analysis rate, e.g. the
coarse timeline's windows when the fine one is made) are taken as they are and not computed
again; a block whose windows are all known is not even decoded (long files).

Preparation (features/prepare.py): the track is resampled to the analysis rate, and each window
is scaled to full-scale peak on its own. Shared data stays exact under that per-window gain:
the magnitude spectrogram and the Bark-band power are linear in the gain and are scaled when
sliced; attack time does not depend on the level at all and is computed at the block's level.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np

from tmer_desktop.audio import decode
from tmer_desktop.errors import AudioError
from tmer_desktop.features import cache as feature_cache
from tmer_desktop.features import fluctuation as fluct
from tmer_desktop.features import roughness as rough
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import extract_features, extract_with_shared
from tmer_desktop.features.framing import FrameGrid, frame_grid
from tmer_desktop.features.onsets import MagnitudeFrameMemo
from tmer_desktop.features.prepare import DEFAULT as DEFAULT_PREPARATION
from tmer_desktop.features.prepare import Preparation
from tmer_desktop.features.spectrum import grid_spectra
from tmer_desktop.features.track import Known, TrackFeatures, WindowFeatures, first_sample
from tmer_desktop.hashing import file_sha256
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

# Longest stretch of audio decoded at once, at 44.1 kHz (scaled with the rate so the block's
# spectrogram stays below ~80 MB); never less than one window.
BLOCK_SECONDS = 120.0
# Files that are resampled (not at the analysis rate) up to this length are decoded and resampled
# whole: resampling block by block changes the last bits of the samples with the block's edges
# (features within ~1e-4 relative), and a track's windows must not depend on which level or
# process computed them. Files at the analysis rate, and longer files, are decoded by blocks.
WHOLE_LOAD_SECONDS = 600.0
# Audio decoded beyond each side of a block that is resampled (soxr's filters are far shorter).
RESAMPLE_MARGIN_S = 0.1

Progress = Callable[[int, int], None]
# Called with each window as soon as its features are computed (not for `known` windows).
OnWindow = Callable[[WindowFeatures], None]


@dataclass(frozen=True)
class _Span:
    first: int  # first sample
    length: int  # samples
    on_grid: bool  # starts at a multiple of the hop (may share block data)


def plan_windows(n_samples: int, sr: int, window: float = 30.0, hop: float = 5.0) -> list[_Span]:
    """Window positions in samples (see the module docstring for the rule)."""
    if not (window > 0 and hop > 0 and math.isfinite(window) and math.isfinite(hop)):
        raise ValueError(f"window and hop must be positive seconds (got {window}, {hop})")
    W = int(round(window * sr))
    H = max(1, int(round(hop * sr)))
    if n_samples <= W:
        return [_Span(0, n_samples, True)]
    spans = [_Span(s, W, True) for s in range(0, n_samples - W + 1, H)]
    tail = n_samples - (spans[-1].first + W)
    if tail > 0 and tail >= H / 2:
        spans.append(_Span(n_samples - W, W, False))
    return spans


def _aligned(block: FrameGrid, offset: int, own: FrameGrid) -> int | None:
    """Index of the block frame where `own` (the grid of a window starting `offset` samples
    into the block) begins, if every one of its frames coincides with a block frame."""
    if own.count == 0 or block.count == 0 or own.length != block.length:
        return None
    j = int(np.searchsorted(block.starts, offset))
    if j + own.count > block.count or block.starts[j] != offset:
        return None
    if not np.array_equal(block.starts[j:j + own.count] - offset, own.starts):
        return None
    return j


class _Block:
    """Frame-level data of one decoded block, shared by the windows inside it."""

    def __init__(self, y: np.ndarray, sr: int):
        self.y = y
        self.sr = sr
        self.rough_grid = frame_grid(len(y), sr, rough.FRAME_S, rough.HOP)
        self.fluct_grid = fluct.fluctuation_grid(len(y), sr)
        self.attack_memo = MagnitudeFrameMemo(sr)
        self._rough: np.ndarray | None = None
        self._fluct: np.ndarray | None = None

    def rough_spec(self) -> np.ndarray:
        if self._rough is None:
            self._rough = grid_spectra(self.y, self.rough_grid, self.sr)[0]
        return self._rough

    def fluct_power(self) -> np.ndarray:
        if self._fluct is None:
            self._fluct = fluct.band_power_spectra(grid_spectra(self.y, self.fluct_grid, self.sr, power=True),
                                                   self.sr)
        return self._fluct

    def features(self, offset: int, length: int, preparation: Preparation = DEFAULT_PREPARATION) -> dict[str, float]:
        own = self.y[offset:offset + length]
        seg, gain = preparation.normalise(own)
        shared = {}
        own_r = frame_grid(length, self.sr, rough.FRAME_S, rough.HOP)
        j = _aligned(self.rough_grid, offset, own_r)
        if j is not None:
            shared["roughness_spectrogram"] = self.rough_spec()[j:j + own_r.count] * gain
        own_f = fluct.fluctuation_grid(length, self.sr)
        j = _aligned(self.fluct_grid, offset, own_f)
        if j is not None:
            shared["fluctuation_bands"] = fluct.band_db(self.fluct_power()[j:j + own_f.count] * gain ** 2)
        self.attack_memo.forget_before(offset)  # windows come in increasing order
        # Attack time does not depend on the level (bit for bit): its frames stay at the block's
        # level, so the memo serves windows of any gain.
        return extract_with_shared(seg, self.sr, attack_frames=(self.attack_memo, offset),
                                   attack_samples=own, **shared)


def _blocks(spans: list[_Span], sr: int, window: float) -> list[list[_Span]]:
    """Group consecutive on-grid windows into blocks of bounded length."""
    limit = max(int(round(window * sr)), int(BLOCK_SECONDS * 44100))
    groups: list[list[_Span]] = []
    for sp in spans:
        if not sp.on_grid:
            groups.append([sp])
            continue
        if groups and groups[-1][0].on_grid and sp.first + sp.length - groups[-1][0].first <= limit:
            groups[-1].append(sp)
        else:
            groups.append([sp])
    return groups


def _selected(spans: list[_Span], only: Collection[int] | None) -> list[_Span]:
    return spans if only is None else [sp for sp in spans if sp.first in only]


def analyse_samples(y: np.ndarray, sr: int, window: float = 30.0, hop: float = 5.0,
                    progress: Progress | None = None,
                    preparation: Preparation = DEFAULT_PREPARATION,
                    known: Known | None = None, *, only: Collection[int] | None = None,
                    on_window: OnWindow | None = None) -> list[WindowFeatures]:
    """Window features of samples already in memory (e.g. a recording); `known`: windows not
    to compute again (see the module docstring); `only`: the first samples (analysis rate) of
    the windows wanted, the others are skipped; `on_window`: each computed window at once."""
    y, sr = preparation.resample(np.asarray(y, dtype=np.float64), sr)
    spans = _selected(plan_windows(len(y), sr, window, hop), only)
    out: list[WindowFeatures] = []
    for group in _blocks(spans, sr, window):
        a = group[0].first
        b = group[-1].first + group[-1].length
        _analyse_group(y[a:b], sr, group, a, window, out, len(spans), progress, preparation, known, on_window)
    return out


def _known_values(v) -> dict[str, float]:
    if isinstance(v, dict):
        return dict(v)
    if len(v) != len(FEATURE_NAMES):
        raise ValueError(f"a known window has {len(v)} values, not {len(FEATURE_NAMES)}")
    return dict(zip(FEATURE_NAMES, map(float, v), strict=True))


def _count_known(windows: list[WindowFeatures], known: Known | None, sr: int) -> int:
    return sum(1 for w in windows if known and first_sample(w.start, sr) in known)


def _all_known(group: list[_Span], known: Known | None) -> bool:
    return bool(known) and all(sp.first in known for sp in group)  # type: ignore[operator]


def _analyse_group(y_block: np.ndarray | None, sr: int, group: list[_Span], block_first: int,
                   window: float, out: list[WindowFeatures], total: int,
                   progress: Progress | None, preparation: Preparation, known: Known | None = None,
                   on_window: OnWindow | None = None) -> None:
    """Append the features of the windows of one block to `out`, reporting each one (y_block may
    be None when every window of the group is known)."""
    W = int(round(window * sr))
    todo = [sp for sp in group if not (known and sp.first in known)]
    # Block data is shared only between overlapping windows; windows one after another (the coarse
    # level) are computed alone, each as soon as its own samples are there.
    overlapping = any(b.first < a.first + a.length for a, b in zip(todo, todo[1:]))
    blk = _Block(y_block, sr) if overlapping and y_block is not None else None
    for sp in group:
        off = sp.first - block_first
        if known and sp.first in known:
            vals = _known_values(known[sp.first])
        elif blk:
            vals = blk.features(off, sp.length, preparation)
        else:
            assert y_block is not None, "a window to compute has its block's samples"
            vals = extract_features(preparation.normalise(y_block[off:off + sp.length])[0], sr)
        out.append(WindowFeatures(start=sp.first / sr, duration=sp.length / sr,
                                  short=sp.length < W, values=vals))
        if on_window is not None and not (known and sp.first in known):
            on_window(out[-1])
        if progress:
            progress(len(out), total)


def analyse_file(path, window: float = 30.0, hop: float = 5.0, *, use_cache: bool = True,
                 progress: Progress | None = None,
                 preparation: Preparation = DEFAULT_PREPARATION, known: Known | None = None,
                 only: Collection[int] | None = None, on_window: OnWindow | None = None) -> TrackFeatures:
    """Per-window features of a whole track, prepared for analysis (raises AudioError).
    known: windows already computed (by first sample at the analysis rate), taken as they are;
    TrackFeatures.reused counts them. only: the windows wanted (first samples at the analysis
    rate; the others are neither computed nor returned, and blocks holding none of them are not
    decoded); on_window: called with each window as soon as it is computed. The feature cache is
    used only for whole timelines (only=None)."""
    use_cache = use_cache and only is None
    info = decode.probe(path)
    try:
        content_hash = file_sha256(path)
    except OSError as exc:
        raise AudioError(path, QT_TRANSLATE_NOOP("Decoding", "cannot read file ({detail})")
                         .format(detail=exc.strerror or str(exc))) from None
    if use_cache:
        hit = feature_cache.load(content_hash, window, hop, path, preparation.tag)
        if hit is not None:
            if progress:
                progress(len(hit.windows), len(hit.windows))
            return hit
    native = info.sample_rate
    resampled = preparation.output_rate(native) != native
    if info.format == "FFMPEG" or (resampled and info.frames <= WHOLE_LOAD_SECONDS * native):
        # ffmpeg's pipe is decoded whole (not yet by blocks: docs/tagging.md)
        y, native = decode.load(path)
        duration = len(y) / native
        windows = analyse_samples(y, native, window, hop, progress, preparation, known, only=only,
                                  on_window=on_window)
        del y
    else:
        duration = info.frames / native
        sr = preparation.output_rate(native)
        n = int(round(info.frames * sr / native))
        spans = _selected(plan_windows(n, sr, window, hop), only)
        windows = []
        # A resampled block is decoded with a margin on each side, so that the resampler's edges
        # fall outside the windows (the result then matches resampling the whole file).
        # The decoded stretch starts where the analysis grid meets the file's own sample grid, so
        # its resampled samples fall on the same instants as those of the whole file.
        margin = int(RESAMPLE_MARGIN_S * sr) if sr != native else 0
        step = sr // math.gcd(sr, native)  # analysis samples per whole number of file samples
        for group in _blocks(spans, sr, window):
            a = group[0].first
            b = group[-1].first + group[-1].length
            if _all_known(group, known):
                _analyse_group(None, sr, group, a, window, windows, len(spans), progress, preparation, known,
                               on_window)
                continue
            first = max(0, (a - margin) // step * step)
            skip = a - first
            y_block, _ = decode.load(path, first / sr, (b - first) / sr + 2 * margin / sr)
            y_block, _ = preparation.resample(y_block, native)
            y_block = y_block[skip:skip + (b - a)]
            if len(y_block) < b - a:  # the file's end, or rounding of the length at the native rate
                y_block = np.pad(y_block, (0, b - a - len(y_block)))
            _analyse_group(y_block, sr, group, a, window, windows, len(spans), progress, preparation, known,
                           on_window)
            del y_block
    track = TrackFeatures(path=os.fspath(path), content_hash=content_hash, sample_rate=native,
                          channels=info.channels, duration=duration, windows=windows,
                          reused=_count_known(windows, known, preparation.output_rate(native)))
    if use_cache:
        feature_cache.store(track, window, hop, preparation.tag)
    return track
