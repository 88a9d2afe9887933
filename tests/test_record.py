"""Recording without a sound card: ALSA's `file` plugin feeds a raw float32 file to PortAudio.

PortAudio reads the ALSA configuration when it initialises, so every recording runs in a
subprocess whose HOME holds an .asoundrc made for the test. The `file` pcm over the `null`
pcm with no `plug` in between hands the infile's bytes straight to the stream (float32 mono
at the rate the stream asks for), so the recorded samples can be compared exactly. The
input is not paced in real time: recordings end after a number of frames.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import resample_poly

from conftest import REPO_ROOT
from fixtures.music import BATTLE as MUSIC

SR = 22050
PYTHON = sys.executable

ASOUNDRC = """\
pcm.!default {{
    type file
    slave.pcm "null"
    file "/dev/null"
    infile "{infile}"
    format "raw"
}}
"""

DRIVER = textwrap.dedent("""\
    import json, sys, time
    from tmer_desktop.analysis.live import LiveAnalyser
    from tmer_desktop.audio import record
    from tmer_desktop.tagging import persist

    def main():
        args = json.loads(sys.argv[1])
        out = {"reason": record.input_unavailable_reason(),
               "devices": [str(d) for d in record.input_devices()]}
        on_block = None
        if args.get("kill_after"):
            import os, signal

            def on_block(b, first):  # a crash in the middle of a session, right after a block
                if first + len(b) >= args["kill_after"]:
                    os.kill(os.getpid(), signal.SIGKILL)
        if args.get("fsize_limit"):
            import resource, signal
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write then fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (args["fsize_limit"], args["fsize_limit"]))
        live = None
        if args.get("live"):
            live = LiveAnalyser(args["sr"], window=30.0, hop=args["hop"])
        events = []
        rec = record.Recorder(samplerate=args["sr"], stop_after_frames=args["frames"],
                              on_block=(lambda b, first: live.feed(b)) if live else on_block,
                              on_event=events.append)
        try:
            path = rec.start()
        except record.RecordError as exc:
            out["start_error"] = str(exc)
            print(json.dumps(out)); return
        rec.wait(120)
        during = len(live.windows) + live._pending if live else 0
        res = rec.stop()
        out.update(path=str(res.path), frames=res.frames, error=res.error,
                   events=[(e.kind, e.message) for e in res.events], windows_cut_live=during)
        if live:
            windows = live.finish(res.frames, timeout=300)
            out["windows"] = [{"start": w.start, "duration": w.duration, "label": w.label,
                               "probs": w.probs, "features": w.features, "latency": w.latency}
                              for w in windows]
            out["track_id"] = persist.save_recording(None, live.analysis(res.path), window=live.window, hop=live.hop)
            live.close()
        print(json.dumps(out))

    if __name__ == "__main__":  # the live analyser spawns a process that imports this file
        main()
""")


def _feed(tmp: Path, seconds: float, rate: int = SR) -> tuple[Path, np.ndarray]:
    """HOME with an .asoundrc feeding `seconds` of real music (mono float32 at `rate`)."""
    with sf.SoundFile(MUSIC) as f:
        f.seek(5 * f.samplerate)  # past the intro: 10 s into the track (the demo clip starts at 5 s)
        y = f.read(int(seconds * f.samplerate), dtype="float64", always_2d=True)
        sr = f.samplerate
    mono = resample_poly(y.mean(axis=1), rate, sr).astype(np.float32)
    assert len(mono) == int(seconds * rate)
    infile = tmp / "input.f32"
    mono.tofile(infile)
    home = tmp / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(ASOUNDRC.format(infile=infile))
    return home, mono


def _run(home: Path, data_dir: Path, args: dict, timeout: float = 300, crash: bool = False) -> dict:
    script = home / "driver.py"
    script.write_text(DRIVER)
    env = dict(os.environ, HOME=str(home), TMER_DATA_DIR=str(data_dir))
    env.pop("TMER_CACHE_DIR", None)
    proc = subprocess.run([PYTHON, str(script), json.dumps(args)], env=env, capture_output=True,
                          text=True, timeout=timeout, cwd=REPO_ROOT)
    if crash:
        assert proc.returncode == -9, proc.stderr[-3000:]
        return {}
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # 40 s recorded and analysed live, then in a batch
def test_record_session_end_to_end(tmp_path, data_dir):
    home, fed = _feed(tmp_path, 40.0)
    frames = 40 * SR
    out = _run(home, data_dir, {"sr": SR, "frames": frames, "hop": 10.0, "live": True})
    assert out["reason"] is None and out["devices"]
    assert out["error"] is None and out["events"] == []
    saved, sr = sf.read(out["path"], dtype="float64")
    assert Path(out["path"]).parent == data_dir / "recordings"
    assert sr == SR and out["frames"] == frames and len(saved) == frames
    # PCM_16 file: every sample within one quantisation step of what the device delivered.
    assert np.abs(saved - fed[:frames]).max() <= 1.0 / 32768
    assert np.abs(saved).max() > 0.1  # real music, not silence

    # Live timeline: windows at 0 s and 10 s (hop 10) complete while recording; none added at stop.
    assert out["windows_cut_live"] == 2
    windows = out["windows"]
    assert [w["start"] for w in windows] == [0.0, 10.0]
    assert all(w["duration"] == 30.0 and w["label"] for w in windows)
    assert all(abs(sum(w["probs"]) - 1) < 1e-6 for w in windows)

    # The live features are those of the saved file's windows, alone (to rounding) and in a batch
    # run of the file. The batch resamples the whole file to 44.1 kHz, live each window on its
    # own: the band above this 22.05 kHz recording's content then holds only the resampler's
    # edge residue, which moves the spectral-shape columns (the ones the model does not use,
    # model.train.ENCODING_UNSTABLE); every other column agrees to 0.2 % (brightness and entropy
    # see a little of that residue too).
    from tmer_desktop.audio.decode import load
    from tmer_desktop.features.columns import FEATURE_NAMES
    from tmer_desktop.features.extract import prepared_features
    from tmer_desktop.features.windows import analyse_file
    from tmer_desktop.model.train import ENCODING_UNSTABLE

    y, _ = load(out["path"])
    batch = analyse_file(out["path"], hop=10.0, use_cache=False)
    assert len(batch.windows) == 2
    stable = [i for i, n in enumerate(FEATURE_NAMES) if n not in ENCODING_UNSTABLE]
    for live_w, batch_w in zip(windows, batch.windows):
        a = int(batch_w.start * SR)
        own = prepared_features(y[a:a + 30 * SR], SR)
        np.testing.assert_allclose(live_w["features"], [own[n] for n in FEATURE_NAMES], rtol=1e-4, atol=1e-9)
        expect = [batch_w.values[n] for n in FEATURE_NAMES]
        np.testing.assert_allclose(np.array(live_w["features"])[stable], np.array(expect)[stable],
                                   rtol=2e-3, atol=1e-9, equal_nan=True)

    # The recording is a library track like any other.
    from tmer_desktop.library.store import LibraryStore

    store = LibraryStore.open()
    try:
        track = store.track_by_path(out["path"])
        assert track is not None and track.id == out["track_id"]
        assert track.title.startswith("Live session") and abs(track.duration - 40.0) < 1e-6
        assert len(store.windows_for_track(track.id)) == 2
        preds = store.predictions_for_track(track.id)
        assert sorted(p.window_id is None for p in preds) == [False, False, True]
        # A later batch run finds the recording current (same bytes, settings and model): skipped.
        from tmer_desktop.analysis.outcome import extractor_version
        from tmer_desktop.hashing import file_sha256
        from tmer_desktop.tagging import persist

        key = persist.AnalysisKey(30.0, 10.0, extractor_version(), "bundled")
        assert persist.find_current(store, out["path"], file_sha256(out["path"]), key) is not None
        assert track.duration
        assert store.predictions_for_track(track.id, level="track")[0].label in ("happy", "sad", "angry", "relaxed")
    finally:
        store.close()


def test_no_input_device_is_a_clear_message(tmp_path, data_dir):
    home = tmp_path / "home"
    home.mkdir()
    # No .asoundrc: on this machine PortAudio then lists no device at all.
    out = _run(home, data_dir, {"sr": SR, "frames": SR})
    if out["devices"]:
        pytest.skip("this machine has a real input device")
    assert out["reason"].startswith("No audio input device found")
    assert "microphone" in out["start_error"]
    assert not (data_dir / "recordings").exists() or not any((data_dir / "recordings").iterdir())


def test_write_failure_keeps_what_was_recorded(tmp_path, data_dir):
    home, fed = _feed(tmp_path, 10.0)
    # The file may not grow past ~3 s of 16-bit audio: the next write fails as on a full disk.
    limit = 44 + 3 * SR * 2
    out = _run(home, data_dir, {"sr": SR, "frames": 10 * SR, "fsize_limit": limit})
    assert out["error"] and "writing the recording failed" in out["error"]
    assert out["path"] in out["error"] and "are saved in this file" in out["error"]
    assert [k for k, _ in out["events"]] == ["write-error"]
    saved, sr = sf.read(out["path"], dtype="float64")
    assert 2.5 * SR < len(saved) <= 3 * SR and len(saved) == out["frames"]
    assert np.abs(saved - fed[:len(saved)]).max() <= 1.0 / 32768


def test_unwritable_recordings_folder(tmp_path, data_dir):
    home, _ = _feed(tmp_path, 2.0)
    rec_dir = data_dir / "recordings"
    rec_dir.mkdir(parents=True)
    rec_dir.chmod(0o500)
    try:
        if os.access(rec_dir, os.W_OK):
            # root ignores permissions: a file in the folder's place makes it unusable instead
            rec_dir.chmod(0o700)
            rec_dir.rmdir()
            rec_dir.write_text("not a folder")
        out = _run(home, data_dir, {"sr": SR, "frames": SR})
    finally:
        if rec_dir.is_dir():
            rec_dir.chmod(0o700)
    assert str(rec_dir) in out["start_error"]
    assert "cannot create" in out["start_error"]


def test_crash_loses_at_most_half_a_second(tmp_path, data_dir):
    from tmer_desktop.audio.decode import load
    from tmer_desktop.audio.record import FLUSH_INTERVAL

    home, fed = _feed(tmp_path, 12.0)
    killed_at = 10 * SR
    _run(home, data_dir, {"sr": SR, "frames": 12 * SR, "kill_after": killed_at}, crash=True)
    (path,) = (data_dir / "recordings").iterdir()
    y, sr = load(path)  # the header was rewritten at the last flush: a valid, readable WAV
    assert sr == SR
    assert killed_at - FLUSH_INTERVAL * SR - 0.05 * SR <= len(y) <= killed_at
    assert np.abs(y - fed[:len(y)]).max() <= 1.0 / 32768

