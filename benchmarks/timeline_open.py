"""Opening an untagged ~4-minute track in the player: how soon its timeline is on screen.

    python benchmarks/timeline_open.py [--track FILE] [--runs 1]

For each run and each path, a fresh child process builds a fresh library holding one untagged
track (its row only, no analysis), opens the main window offscreen, lets it load the engine as
the app does after its first paint, then opens the track in the player and measures:

* first: seconds from opening to the first window of the timeline drawn on screen;
* coarse: to the whole overview (every coarse window: 30 s windows one after another) drawn;
* fine: to the complete fine timeline (30 s windows every 5 s) stored and drawn;
* stall: the longest gap of a 10 ms QTimer heartbeat in the GUI thread from opening to the end
  (the event loop's longest freeze).

Paths, in the same run: `progressive` (tagging/progressive.py, two analysis processes, windows
drawn as they arrive) and `baseline` (the path before issue 16: a one-file fine batch in one
analysis process, the timeline drawn when it is complete). Goals (issue 16): first ≤ 3 s, fine
≤ 15 s on 2 cores, stall ≤ 100 ms.

The track: `../shared/music/wesnoth__nunc_dimittis.ogg` (231 s) when present, else a 4-minute
FLAC made in a temporary folder by joining the demo clips in resources/demo (real music). The
numba cache is the user's (warm after any analysis); a cold cache adds its compile time (~15–30 s)
to the first analysis ever made.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT / "shared")
SHARED_TRACK = SHARED / "music" / "wesnoth__nunc_dimittis.ogg"
GOALS = {"first": 3.0, "fine": 15.0, "stall_ms": 100.0}


def demo_track(folder: Path, seconds: float = 240.0) -> Path:
    """A FLAC of `seconds` made by joining the demo clips (resampled to 44.1 kHz by soxr)."""
    import numpy as np
    import soundfile as sf
    import soxr

    parts, total = [], 0
    clips = sorted((ROOT / "resources" / "demo").glob("*.ogg"))
    while total < seconds * 44100:
        for clip in clips:
            y, sr = sf.read(clip, always_2d=True)
            y = y.mean(axis=1)
            if sr != 44100:
                y = soxr.resample(y, sr, 44100)
            parts.append(y)
            total += len(y)
    path = folder / "four_minutes.flac"
    sf.write(path, np.concatenate(parts)[: int(seconds * 44100)], 44100, subtype="PCM_16")
    return path


def old_fine_timeline(window, view, request) -> None:
    """The player's fine timeline before issue 16: a one-file fine batch in one analysis process,
    shown when complete (kept here as the baseline)."""
    from tmer_desktop.tagging.runner import BatchTagger
    from tmer_desktop.ui.track_data import load_track_view
    from tmer_desktop.vocabulary import Timeline

    store, settings, track_id = window.store, window.settings, view.track_id

    def work(ctx):
        tagger = BatchTagger([view.path], jobs=1, window=settings.window_s, hop=settings.hop_s, store=store,
                             settings=settings, fine=True)
        ctx.on_cancel(tagger.cancel)
        results = []
        tagger.run(on_result=results.append)
        return results

    def done(_results):
        new = load_track_view(window.store, track_id, window.decision_settings())
        if new.timeline == Timeline.FINE and len(new.series):
            window.current_track = new
            window.player_view.refresh_decisions(new)
        window.fineTimelineFinished.emit(track_id)

    window._fine_task = window._spawn(work, "fine timeline", succeeded=done)


def child(mode: str, track: str, data_dir: str) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["TMER_DATA_DIR"] = data_dir
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tmer_desktop.audio.decode import probe
    from tmer_desktop.library.store import LibraryStore
    from tmer_desktop.settings import Settings
    from tmer_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    store = LibraryStore.open(Path(data_dir) / "library.sqlite3")
    info = probe(track)
    track_id = store.upsert_track(track, duration=info.duration, title=Path(track).stem)
    window = MainWindow(store, Settings(jobs=2))
    if mode == "baseline":
        window._make_fine_timeline = lambda view, request: old_fine_timeline(window, view, request)
    window.resize(1280, 820)
    window.show()
    deadline = time.monotonic() + 60
    while not window.library_loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.preload_engine()

    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    drawn: list[tuple[float, int]] = []
    original = window.player_view.refresh_decisions

    def refresh(view):
        original(view)
        app.processEvents()  # painted (offscreen: the widget's paint runs now)
        drawn.append((time.monotonic(), len(view.series)))

    window.player_view.refresh_decisions = refresh
    finished: list[float] = []
    window.fineTimelineFinished.connect(lambda _tid: finished.append(time.monotonic()))
    window.tabs.setCurrentIndex(1)  # the player on screen (its first paint is not the track's)
    settle = time.monotonic() + 1.0
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.01)
    heart.start()
    t0 = time.monotonic()
    beats.append(t0)
    window.show_track(track_id)
    while not finished and time.monotonic() - t0 < 600:
        app.processEvents()
        time.sleep(0.002)
    heart.stop()
    gaps = [b - a for a, b in zip(beats, beats[1:])]
    from tmer_desktop.tagging.progressive import plan

    view = window.current_track
    n_coarse = len(plan(int(round(info.duration * 44100)), 30.0, 30.0, 1).coarse)
    coarse_at = next((t for t, n in drawn if n >= n_coarse), None)
    result = {
        "mode": mode, "duration": info.duration,
        "first": drawn[0][0] - t0 if drawn else None,
        "coarse": None if coarse_at is None else coarse_at - t0,
        "fine": finished[0] - t0 if finished else None,
        "windows": len(view.series) if view is not None else 0,
        "timeline": view.timeline if view is not None else None,
        "redraws": len(drawn),
        "stall_ms": 1000 * max(gaps) if gaps else None,
        "stall_at": beats[gaps.index(max(gaps))] - t0 if gaps else None,
        "stalls": sorted(((round(1000 * g), round(beats[i] - t0, 2)) for i, g in enumerate(gaps) if g > 0.1),
                         reverse=True)[:8],
        "drawn": [round(t - t0, 2) for t, _n in drawn],
    }
    window.shutdown()
    store.close()
    return result


def run_child(mode: str, track: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="tmer-timeline-open-") as data_dir:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        # An empty feature cache (nothing analysed before), the user's warm numba cache.
        env["TMER_CACHE_DIR"] = str(Path(data_dir) / "cache")
        env.setdefault("NUMBA_CACHE_DIR", str(Path.home() / ".cache" / "tmer-desktop" / "numba"))
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--track", str(track), "--data", data_dir],
                             capture_output=True, text=True, env=env, check=False)
        if out.returncode != 0:
            raise SystemExit(f"{mode} run failed:\n{out.stderr[-3000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--track", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child")
    parser.add_argument("--data")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, str(args.track), args.data)))
        return
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    with tempfile.TemporaryDirectory(prefix="tmer-timeline-track-") as tmp:
        track = args.track or (SHARED_TRACK if SHARED_TRACK.exists() else demo_track(Path(tmp)))
        if not track.is_file():
            parser.error(f"--track {track}: no such file")
        print(f"# {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
              f"load {os.getloadavg()[0]:.1f} · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print(f"# track: {track}")
        rows = []
        for _ in range(args.runs):
            for mode in ("progressive", "baseline"):
                rows.append(run_child(mode, track))
                r = rows[-1]
                print(f"{mode:12s} duration {r['duration']:.0f} s · first {r['first']:.1f} s · coarse "
                      f"{r['coarse'] if r['coarse'] is None else round(r['coarse'], 1)} s · fine {r['fine']:.1f} s · "
                      f"{r['windows']} windows ({r['timeline']}) · {r['redraws']} redraws · "
                      f"longest stall {r['stall_ms']:.0f} ms · load {os.getloadavg()[0]:.1f}", flush=True)
                if os.environ.get("TMER_BENCH_DETAIL"):
                    print(f"  stalls > 100 ms (ms, at s): {r['stalls']}\n  drawn at: {r['drawn']}")
        print()
        print(f"{'path':12s} {'first s':>8s} {'coarse s':>9s} {'fine s':>7s} {'stall ms':>9s}")
        for mode in ("progressive", "baseline"):
            mine = [r for r in rows if r["mode"] == mode]

            def med(key, mine=mine):
                values = [r[key] for r in mine if r[key] is not None]
                return statistics.median(values) if values else float("nan")

            print(f"{mode:12s} {med('first'):8.1f} {med('coarse'):9.1f} {med('fine'):7.1f} {med('stall_ms'):9.0f}")
        print(f"{'goal':12s} {GOALS['first']:8.1f} {'':>9s} {GOALS['fine']:7.1f} {GOALS['stall_ms']:9.0f}")


if __name__ == "__main__":
    main()
