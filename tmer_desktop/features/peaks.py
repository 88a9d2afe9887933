"""Peak picking the way MIRtoolbox 1.7.2's mirpeaks does it (MIR_FEATURES.md §2.4).

The data are min-max normalised (over everything, or per column), padded with -inf
(or +inf for NoBegin/NoEnd), local maxima at or above the contrast and the threshold become
candidates, and a left-to-right scan keeps only the candidates separated from their
neighbours by valleys at least `contrast` deep. Roughness, tempo, event density and attack
time all depend on this exact stateful scan, so it is reproduced decision for decision.

Public entry points (stable signatures; the onset/rhythm code depends on them):

* ``find_peaks(y, ...) -> Peaks`` for one curve;
* ``find_peaks_matrix(Y, ...) -> list[Peaks]`` for each column of a matrix
  (e.g. a spectrogram, bins x frames) with 'Global' normalisation over the whole matrix.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from numba import njit

__all__ = ["Peaks", "find_peaks", "find_peaks_matrix", "peak_indices_rows"]


@dataclass
class Peaks:
    """Peaks of one curve.

    index:  0-based sample positions of the peaks in the original curve.
    value:  the original (un-normalised) data at those positions.
    position: abscissa of the peaks (``x[index]``; ``index`` when no x was given).
    precise_position / precise_value: parabolic interpolation ('Interpol','Quadratic');
        None unless ``interpolate=True``.
    """

    index: np.ndarray
    value: np.ndarray
    position: np.ndarray
    precise_position: np.ndarray | None = None
    precise_value: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.index)


@njit(cache=True)
def _nanmin_range(dh, lo, hi):
    """min of dh[lo:hi] ignoring NaN (MATLAB's min); +inf when empty or all NaN."""
    m = np.inf
    for i in range(lo, hi):
        v = dh[i]
        if v < m:
            m = v
    return m


@njit(cache=True)
def _candidates(dh, cthr, thr):
    """Local maxima of the padded column dh (padded indices), at or above both limits."""
    n = dh.shape[0]
    out = np.empty(n, np.int64)
    k = 0
    for p in range(1, n - 1):
        v = dh[p]
        if v >= cthr and v >= thr and (v - dh[p - 1]) > 0 and (dh[p + 1] - v) <= 0:
            out[k] = p
            k += 1
    return out[:k]


@njit(cache=True)
def _contrast_scan(dh, mx, cthr, first):
    """The mirpeaks contrast scan over the candidates mx (padded indices) of column dh."""
    nmx = mx.shape[0]
    final = np.empty(nmx, np.int64)
    nf = 0
    if nmx == 0:
        return final[:0]
    j = 0
    cur = mx[0]
    bufmin = np.inf
    bufmax = dh[cur]
    oldbufmin = _nanmin_range(dh, 0, mx[0])
    for jj in range(1, nmx):
        bufmin = min(bufmin, _nanmin_range(dh, mx[jj - 1] + 1, mx[jj]))
        v = dh[mx[jj]]
        if bufmax - bufmin < cthr:
            # no valley deep enough between the current peak and this candidate
            if v > bufmax and ((v - bufmax > first) or (bufmax - oldbufmin < cthr)):
                j = jj
                cur = mx[jj]
                bufmax = v
                oldbufmin = min(oldbufmin, bufmin)
                bufmin = np.inf
            elif v - bufmax <= first:
                bufmax = max(bufmax, v)
                oldbufmin = min(oldbufmin, bufmin)
        else:
            if bufmax - oldbufmin < cthr:
                oldbufmin = min(oldbufmin, bufmin)  # current peak too weak: dropped
            else:
                final[nf] = cur
                nf += 1
                oldbufmin = bufmin
            bufmax = v
            j = jj
            cur = mx[jj]
            bufmin = np.inf
    tail = _nanmin_range(dh, mx[j] + 1, dh.shape[0])
    if bufmax - oldbufmin >= cthr and bufmax - tail >= cthr:
        final[nf] = cur
        nf += 1
    return final[:nf]


@njit(cache=True)
def _scan_rows(dhm, cthr, thr, first, do_scan):
    """Candidates (+ contrast scan) of every row of the padded, normalised curves.

    Returns flat padded indices and the row of each, in row then position order.
    """
    nrow = dhm.shape[0]
    counts = np.zeros(nrow, np.int64)
    parts = []
    for r in range(nrow):
        row = dhm[r]
        mx = _candidates(row, cthr, thr)
        if do_scan:
            mx = _contrast_scan(row, mx, cthr, first)
        parts.append(mx)
        counts[r] = mx.shape[0]
    total = counts.sum()
    idx = np.empty(total, np.int64)
    rows = np.empty(total, np.int64)
    k = 0
    for r in range(nrow):
        part = parts[r]
        for i in range(part.shape[0]):
            idx[k] = part[i]
            rows[k] = r
            k += 1
    return idx, rows


def _padded_rows(rows: np.ndarray, valleys: bool, local: bool, nobegin: bool,
                 noend: bool) -> np.ndarray:
    """Curves as rows, negated for valleys, min-max normalised (NaN-ignoring; a flat curve
    becomes all NaN, hence peakless, as MATLAB's 0/0) and padded with +-inf at both ends."""
    nrow, n = rows.shape
    dh = np.empty((nrow, n + 2))
    dh[:, 0] = np.inf if nobegin else -np.inf
    dh[:, -1] = np.inf if noend else -np.inf
    body = dh[:, 1:-1]
    if valleys:
        np.negative(rows, out=body)
    else:
        body[...] = rows
    if body.size == 0:
        return dh
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN slices
        axis, keep = (1, True) if local else (None, False)
        lo = np.min(body, axis=axis, keepdims=keep)
        hi = np.max(body, axis=axis, keepdims=keep)
        if np.any(np.isnan(lo)) or np.any(np.isnan(hi)):  # MATLAB's min/max skip NaN
            lo = np.nanmin(body, axis=axis, keepdims=keep)
            hi = np.nanmax(body, axis=axis, keepdims=keep)
        body -= lo
        body /= hi - lo
    return dh


@njit(cache=True, error_model="numpy")  # x/0 gives inf/NaN as in MATLAB, not an exception
def _scan_rows_global(rows, lo, span, cthr):
    """_scan_rows for raw rows normalised on the fly ((v - lo) / span, -inf padding), so the
    normalised copy of a whole spectrogram is never materialised."""
    nrow, n = rows.shape
    dh = np.empty(n + 2)
    dh[0] = -np.inf
    dh[n + 1] = -np.inf
    counts = np.zeros(nrow, np.int64)
    parts = []
    for r in range(nrow):
        for i in range(n):
            dh[i + 1] = (rows[r, i] - lo) / span
        mx = _candidates(dh, cthr, 0.0)
        if cthr != 0.0:
            mx = _contrast_scan(dh, mx, cthr, 0.0)
        parts.append(mx)
        counts[r] = mx.shape[0]
    total = counts.sum()
    idx = np.empty(total, np.int64)
    rws = np.empty(total, np.int64)
    k = 0
    for r in range(nrow):
        part = parts[r]
        for i in range(part.shape[0]):
            idx[k] = part[i] - 1
            rws[k] = r
            k += 1
    return idx, rws


def peak_indices_rows(rows: np.ndarray, contrast: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """Fast path for many curves given as rows with default options except the contrast
    ('Global' normalisation over all rows): (peak index, row) pairs, by row then position."""
    rows = np.ascontiguousarray(rows, dtype=np.float64)
    if rows.size == 0 or np.isnan(rows).any():
        dh = _padded_rows(rows, False, False, False, False)
        idx, r = _scan_rows(dh, float(contrast), 0.0, 0.0, bool(contrast))
        return idx - 1, r
    lo = float(rows.min())
    with np.errstate(invalid="ignore", divide="ignore"):
        span = float(rows.max()) - lo
    return _scan_rows_global(rows, lo, span, float(contrast))


def find_peaks_matrix(
    Y,
    *,
    contrast: float = 0.1,
    threshold: float | None = None,
    normalize: str = "global",
    nobegin: bool = False,
    noend: bool = False,
    total: float = np.inf,
    order: str = "amplitude",
    valleys: bool = False,
    select_first: float = 0.0,
    x=None,
    interpolate: bool = False,
) -> list[Peaks]:
    """mirpeaks on each column of Y (shape: points x columns).

    contrast     'Contrast' (default 0.1); 0 disables the scan.
    threshold    'Threshold' on the normalised data (None = MIRtoolbox default 0; for valleys
                 a given threshold t means normalised (negated) data >= 1 - t).
    normalize    'global' (min/max over the whole matrix) or 'local' (per column).
    nobegin/noend  border samples cannot be peaks.
    total        'Total': keep the `total` highest; note MIRtoolbox skips the contrast scan
                 when total == 1 (then the highest candidate wins).
    order        'amplitude' (highest first, default) or 'abscissa'.
    valleys      find valleys (the data are negated first).
    select_first 'SelectFirst' (default off = 0).
    x            abscissa per point (defaults to 0..n-1); used for positions and interpolation.
    interpolate  compute 'precise' (quadratic) positions and values.
    """
    Y = np.asarray(Y, dtype=np.float64)
    if Y.ndim == 1:
        Y = Y[:, None]
    n, ncol = Y.shape
    if normalize.lower() not in ("global", "local"):
        raise ValueError(f"normalize must be 'global' or 'local', not {normalize!r}")
    if order.lower() not in ("amplitude", "abscissa"):
        raise ValueError(f"order must be 'amplitude' or 'abscissa', not {order!r}")
    if total is None:
        total = np.inf
    if threshold is None:
        thr = 0.0
    else:
        thr = 1.0 - threshold if valleys else float(threshold)
    dh = _padded_rows(Y.T, valleys, normalize.lower() == "local", nobegin, noend)
    do_scan = bool(contrast) and total > 1
    idx, cols = _scan_rows(dh, float(contrast), float(thr), float(select_first), do_scan)

    xs = np.arange(n, dtype=np.float64) if x is None else np.asarray(x, dtype=np.float64)
    # MATLAB's length() of the padded matrix: its largest dimension (quirk kept for parity)
    padded_len = max(n + 2, ncol)
    out: list[Peaks] = []
    bounds = np.searchsorted(cols, np.arange(ncol + 1))
    for c in range(ncol):
        mx = idx[bounds[c]:bounds[c + 1]]
        if mx.size:
            amp = dh[c, mx]
            if mx.size > total:
                sel = np.argsort(-amp, kind="stable")[: int(total)]
            elif order.lower() == "amplitude":
                sel = np.argsort(-amp, kind="stable")
            else:
                sel = np.arange(mx.size)
            mx = mx[sel]
            if order.lower() == "abscissa":
                mx = np.sort(mx)
        i = mx - 1
        pk = Peaks(index=i.astype(np.int64), value=Y[i, c].copy(), position=xs[i].copy())
        if interpolate:
            pk.precise_position, pk.precise_value = _quadratic(Y[:, c], xs, i, padded_len)
        out.append(pk)
    return out


def _quadratic(y: np.ndarray, xs: np.ndarray, idx: np.ndarray, padded_len: int):
    """Parabola through the peak and its neighbours (only away from the edges)."""
    pos = np.empty(idx.size)
    val = np.empty(idx.size)
    for k, i in enumerate(idx):
        mj = i + 2  # MATLAB 1-based index in the padded data
        if mj > 2 and mj < padded_len - 1 and i + 1 < len(y):
            y0, ym, yp = y[i], y[i - 1], y[i + 1]
            with np.errstate(divide="ignore", invalid="ignore"):
                p = (yp - ym) / (2 * (2 * y0 - yp - ym))
            val[k] = y0 - 0.25 * (ym - yp) * p
            if p >= 0:
                pos[k] = (1 - p) * xs[i] + p * xs[i + 1]
            elif p < 0:
                pos[k] = (1 + p) * xs[i] - p * xs[i - 1]
            else:  # NaN: MATLAB leaves the preallocated 0
                pos[k] = 0.0
        else:
            val[k] = y[i]
            pos[k] = xs[i]
    return pos, val


def find_peaks(y, **options) -> Peaks:
    """mirpeaks on one curve; same options as find_peaks_matrix."""
    y = np.asarray(y, dtype=np.float64).ravel()
    return find_peaks_matrix(y[:, None], **options)[0]
