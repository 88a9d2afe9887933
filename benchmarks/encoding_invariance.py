"""Does the same music give the same answer whatever its encoding? (issue 15)

    .venv/bin/python benchmarks/encoding_invariance.py [--music DIR] [--seconds 60] [--jobs 2]
        [--prep prepared,raw] [--model DIR] [--features-out FILE.csv] [--from-features FILE.csv]

Every track of the music folder (default ../shared/music) gives one excerpt (--seconds long,
from 30 s in when the track is long enough), written as a 44.1 kHz 16-bit stereo WAV: the
reference. It is re-encoded as WAV at 22.05, 32 and 48 kHz, MP3 at 64 and 128 kbps, OGG Vorbis,
mono WAV, the same 12 dB quieter, and peak-normalised. Each version is decoded by the app's own
decoder and analysed in non-overlapping 30 s windows, once per preparation (`prepared`: the
app's analysis path, resampled to 44.1 kHz and peak-normalised; `raw`: MIRtoolbox's, native
rate and level, the baseline measured in the same run).

Printed per preparation: per column the median relative deviation from the reference
(|v - ref| / max(|ref|, 1e-9)), then per encoding the share of windows whose label (argmax) is
unchanged and whose decision (label / top-2 pair / review) is unchanged, with the model
(default: the bundled one). --features-out keeps every window's features so that model
variants can be compared without re-analysing (--from-features).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tmer_desktop.audio import decode  # noqa: E402
from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.features.prepare import Preparation  # noqa: E402

MUSIC = REPO.parent / "shared" / "music"
REFERENCE = "wav-44.1k"
# MP3 bitrates through libsndfile's LAME: compression level -> constant bitrate (measured).
MP3_LEVELS = {128: 0.65, 64: 0.87}
PREPARATIONS = {"prepared": Preparation(), "raw": Preparation.raw()}
GOAL_STABLE = 0.95


def excerpt(path: Path, seconds: float) -> np.ndarray:
    """(n, 2) float samples at 44.1 kHz: `seconds` from 30 s in (or the start of a short track)."""
    import soundfile as sf
    import soxr

    info = decode.probe(path)
    start = 30.0 if info.duration >= 30.0 + seconds else max(0.0, info.duration - seconds)
    data, sr = sf.read(str(path), start=int(start * info.sample_rate),
                       frames=int(seconds * info.sample_rate), dtype="float64", always_2d=True)
    if data.shape[1] == 1:
        data = np.repeat(data, 2, axis=1)
    data = data[:, :2]
    if sr != 44100:
        data = soxr.resample(data, sr, 44100, quality="VHQ")
    return np.ascontiguousarray(np.clip(data, -1.0, 1.0))


def _write_blocks(path: Path, data: np.ndarray, **kwargs) -> None:
    """Lossy encodings are written in blocks: one large write to libsndfile's Vorbis encoder
    has crashed (segmentation fault) here."""
    import soundfile as sf

    with sf.SoundFile(str(path), "w", 44100, data.shape[1], **kwargs) as fh:
        for i in range(0, len(data), 8192):
            fh.write(data[i:i + 8192])


def encodings(ref: np.ndarray, folder: Path, stem: str) -> dict[str, Path]:
    import soundfile as sf
    import soxr

    out: dict[str, Path] = {}

    def wav(name, data, sr):
        p = folder / f"{stem}.{name}.wav"
        sf.write(str(p), np.clip(data, -1.0, 1.0), sr, subtype="PCM_16")
        out[name] = p

    wav(REFERENCE, ref, 44100)
    for rate in (22050, 32000, 48000):
        wav(f"wav-{rate / 1000:g}k", soxr.resample(ref, 44100, rate, quality="VHQ"), rate)
    for kbps, level in MP3_LEVELS.items():
        p = folder / f"{stem}.mp3-{kbps}.mp3"
        _write_blocks(p, ref, format="MP3", bitrate_mode="CONSTANT", compression_level=level)
        out[f"mp3-{kbps}k"] = p
    p = folder / f"{stem}.ogg.ogg"
    _write_blocks(p, ref, format="OGG", subtype="VORBIS")
    out["ogg-vorbis"] = p
    wav("mono", ref.mean(axis=1, keepdims=True), 44100)
    wav("minus-12dB", ref * 10 ** (-12 / 20), 44100)
    wav("peak-normalised", ref / np.max(np.abs(ref)), 44100)
    return out


def _analyse(track: str, encoding: str, path: str, preps: list[str]) -> list[dict]:
    from tmer_desktop.features.windows import analyse_samples
    from tmer_desktop.paths import configure_numba_cache

    configure_numba_cache()
    y, sr = decode.load(path)
    rows = []
    for name in preps:
        for i, w in enumerate(analyse_samples(y, sr, window=30.0, hop=30.0, preparation=PREPARATIONS[name])):
            rows.append({"track": track, "encoding": encoding, "prep": name, "window": i, **w.values})
    return rows


def compute(music: Path, seconds: float, jobs: int, preps: list[str]) -> pd.DataFrame:
    from joblib import Parallel, delayed

    tracks = sorted(p for p in music.iterdir()
                    if p.suffix.lower() in decode.AUDIO_EXTENSIONS and "__60s-90s" not in p.name)
    tasks = []
    tmp = Path(tempfile.mkdtemp(prefix="tmer-encodings-"))
    for t in tracks:
        for enc, path in encodings(excerpt(t, seconds), tmp, t.stem).items():
            tasks.append((t.stem, enc, str(path), preps))
    print(f"{len(tracks)} tracks x {len(tasks) // max(1, len(tracks))} encodings, {seconds:g} s each; "
          f"{jobs} worker(s)", flush=True)
    t0 = time.perf_counter()
    results = Parallel(n_jobs=jobs, verbose=0)(delayed(_analyse)(*task) for task in tasks)
    print(f"analysed in {time.perf_counter() - t0:.0f} s", flush=True)
    return pd.DataFrame([row for rows in results for row in rows])


def deviations(table: pd.DataFrame, prep: str) -> pd.Series:
    sub = table[table.prep == prep].set_index(["track", "window", "encoding"])
    ref = sub.xs(REFERENCE, level="encoding")[list(FEATURE_NAMES)]
    devs = []
    for enc in sub.index.get_level_values("encoding").unique():
        if enc == REFERENCE:
            continue
        other = sub.xs(enc, level="encoding")[list(FEATURE_NAMES)].reindex(ref.index)
        rel = (other - ref).abs() / ref.abs().clip(lower=1e-9)
        devs.append(rel)
    return pd.concat(devs).median(skipna=True)


def stability(table: pd.DataFrame, prep: str, model) -> pd.DataFrame:
    from tmer_desktop.model.decide import decide_many

    sub = table[table.prep == prep].reset_index(drop=True)
    probs = model.predict_proba(sub[list(FEATURE_NAMES)])
    d = decide_many(probs, model.threshold, model.top2_threshold)
    pair = np.sort(np.stack([d["label_index"], d["second_index"]], axis=1), axis=1)
    sub = sub.assign(label=d["label_index"], decision=d["decision"],
                     key=[f"{dec}:{a}" if dec == "label" else (f"{dec}:{p[0]}-{p[1]}" if dec == "top-2" else dec)
                          for dec, a, p in zip(d["decision"], d["label_index"], pair)])
    keyed = sub.set_index(["track", "window", "encoding"])
    ref = keyed.xs(REFERENCE, level="encoding")
    rows = []
    for enc in keyed.index.get_level_values("encoding").unique():
        if enc == REFERENCE:
            continue
        other = keyed.xs(enc, level="encoding").reindex(ref.index)
        rows.append({"encoding": enc, "windows": len(ref),
                     "label kept": float((other["label"] == ref["label"]).mean()),
                     "decision kept": float((other["key"] == ref["key"]).mean())})
    out = pd.DataFrame(rows)
    total = {"encoding": "all", "windows": int(out["windows"].sum()),
             "label kept": float(np.average(out["label kept"], weights=out["windows"])),
             "decision kept": float(np.average(out["decision kept"], weights=out["windows"]))}
    return pd.concat([out, pd.DataFrame([total])], ignore_index=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--music", default=str(MUSIC))
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--prep", default="prepared,raw", help="comma list of: " + ", ".join(PREPARATIONS))
    ap.add_argument("--model", default=None, help="model directory (default: the bundled model)")
    ap.add_argument("--features-out", default=None)
    ap.add_argument("--from-features", default=None, help="reuse a --features-out table instead of analysing")
    args = ap.parse_args()
    preps = [p.strip() for p in args.prep.split(",") if p.strip()]
    bad = [p for p in preps if p not in PREPARATIONS]
    if bad:
        ap.error(f"unknown preparation {bad[0]!r}")
    if args.from_features:
        table = pd.read_csv(args.from_features)
        preps = [p for p in preps if p in set(table.prep)]
    else:
        music = Path(args.music)
        if not music.is_dir():
            print(f"music folder not found: {music}", file=sys.stderr)
            return 2
        table = compute(music, args.seconds, args.jobs, preps)
        if args.features_out:
            table.to_csv(args.features_out, index=False)
    from tmer_desktop.model.bundle import load_model

    model = load_model(args.model, allow_retrain=False)
    print(f"model {model.version}")
    devs = pd.DataFrame({p: deviations(table, p) for p in preps})
    with pd.option_context("display.max_rows", 100, "display.width", 140, "display.float_format", "{:.3g}".format):
        print("\nMedian relative deviation from the 44.1 kHz WAV, all encodings pooled")
        print(devs.to_string())
        for p in preps:
            st = stability(table, p, model)
            print(f"\n{p}: windows whose answer is unchanged (goal: label kept >= {GOAL_STABLE:.0%})")
            print(st.to_string(index=False, formatters={"label kept": "{:.1%}".format,
                                                         "decision kept": "{:.1%}".format}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
