"""Issue 20, item 8: small faults that harmed what the user owns or misled them, each through the
real `tmer` command in its own process, on real files (a tmpfs for the full disk):

a. a file too short to analyse fails `tmer features` with the words `tmer tag` uses;
b. a WAV whose header announces 10 h with 1 s present is analysed within small memory, with a warning;
c. an MP3 missing its beginning is analysed with a warning (complete MP3s get none);
d. a worker killed from outside is reported as such, and retried on the next run;
e. the workers end when their parent is killed;
f. every command exits 1 when the work fails (a full disk), 2 for usage errors;
g. control characters in file names are escaped on the terminal, kept in CSV/JSON.
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import soundfile as sf
from test_library_robustness import fill_up, tiny_filesystem
from test_playlists import fill_library

from tmer_desktop.audio.sniff import _mpeg_frame_sync
from tmer_desktop.console import for_terminal
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.vocabulary import FailureKind

from conftest import REPO_ROOT

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux /proc, mounts and signals")

SR = 22050
# Far below what decoding 10 h would take (10 h at 44.1 kHz as float64: 12.7 GB), far above the
# app's own needs (interpreter, numba, the model: about 1 GB of address space).
ADDRESS_LIMIT = 6 * 1024 ** 3
MAX_RSS = 1024 ** 3
TEN_HOURS = ("header announces 10:00:00 but only 0:00:01 of audio is present: the file is truncated; "
             "analysed what is there")
START_MISSING = "the beginning of the file is missing (it starts in the middle of the audio stream)"
KILLED = "the analysis process was stopped from outside (killed, perhaps because the computer ran out of memory)"
NEWLINE_NAME = "a\nb.wav"


def _noise(seconds: float, seed: int, sr: int = SR) -> np.ndarray:
    return 0.2 * np.random.default_rng(seed).standard_normal(int(round(seconds * sr)))


def _env(data: Path, **extra: str) -> dict[str, str]:
    # The session's cache (numba's compiled code) is shared; the library is the test's own.
    env = {**os.environ, "TMER_DATA_DIR": str(data), **extra}
    for hook in ("TMER_TEST_WORKER_CRASH", "TMER_TEST_WORKER_HANG", "TMER_TEST_WORKER_DELAY"):
        if hook not in extra:
            env.pop(hook, None)
    return env


def _tmer(*args: str, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", *args], capture_output=True, text=True,
                          env=env, cwd=REPO_ROOT, timeout=timeout)


def _tmer_measured(*args: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess, int]:
    """Run tmer with its address space limited to ADDRESS_LIMIT; returns the result and the peak
    resident memory of it and its (reaped) worker processes, in bytes."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))

    cmd = [sys.executable, "-m", "tmer_desktop.cli", *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO_ROOT, preexec_fn=limit)
        _, status, usage = os.wait4(proc.pid, 0)  # its rusage includes the workers it waited for
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(cmd, proc.returncode, out.read().decode(), err.read().decode())
    return done, usage.ru_maxrss * 1024


def _ten_hour_header(path: Path) -> Path:
    """1 s of audio whose header announces 10 h (an interrupted download or copy)."""
    sf.write(str(path), _noise(1.0, seed=10, sr=44100), 44100, subtype="PCM_16")
    data = bytearray(path.read_bytes())
    at = data.index(b"data")
    announced = 10 * 3600 * 44100 * 2
    data[at + 4:at + 8] = struct.pack("<I", announced)
    data[4:8] = struct.pack("<I", announced + at)
    path.write_bytes(bytes(data))
    return path


def _mp3s(folder: Path) -> dict[str, Path]:
    """A complete MP3, the same with an ID3 tag, and its second half (the start cut off)."""
    if "MP3" not in sf.available_formats():
        pytest.skip(f"this libsndfile ({sf.__libsndfile_version__}) cannot write MP3")
    from mutagen.id3 import ID3, TIT2

    t = np.arange(8 * SR) / SR
    music = 0.3 * np.sin(2 * np.pi * 330 * t) * (1 + 0.5 * np.sin(2 * np.pi * 2 * t)) + _noise(8, seed=3)
    whole = folder / "whole.mp3"
    sf.write(str(whole), music, SR, format="MP3")
    data = whole.read_bytes()
    tagged = folder / "tagged.mp3"
    tagged.write_bytes(data)
    tag = ID3()
    tag.add(TIT2(encoding=3, text="A tagged song"))
    tag.save(str(tagged))
    cut = len(data) // 2
    while _mpeg_frame_sync(data[cut:cut + 4]):  # a cut exactly on a frame would leave a valid stream
        cut += 1
    half = folder / "second_half.mp3"
    half.write_bytes(data[cut:])
    return {"whole": whole, "tagged": tagged, "half": half}


@pytest.fixture(scope="module")
def damaged_batch(tmp_path_factory):
    """One real `tmer tag` over damaged and oddly named files, memory measured and limited."""
    home = tmp_path_factory.mktemp("damaged")
    music = home / "music"
    music.mkdir()
    files = {"ten_hours": _ten_hour_header(music / "ten_hours.wav"), **_mp3s(music),
             "newline": music / NEWLINE_NAME}
    sf.write(str(files["newline"]), _noise(3.0, seed=4), SR, subtype="PCM_16")
    out = home / "results.csv"
    done, peak = _tmer_measured("tag", str(music), "--out", str(out), "--jobs", "1", env=_env(home / "data"))
    rows = pd.read_csv(out, keep_default_na=False).set_index("path")
    return {"home": home, "files": files, "done": done, "peak": peak, "rows": rows}


def _row(batch, name: str):
    return batch["rows"].loc[str(batch["files"][name])]


# --------------------------------------------------------------------------- a. too short
def test_features_refuses_a_one_sample_wav_as_too_short(tmp_path):
    blip = tmp_path / "blip.wav"
    sf.write(str(blip), np.array([0.5]), 44100, subtype="PCM_16")
    done = _tmer("features", str(blip), env=_env(tmp_path / "data"))
    assert done.returncode == 1, done.stderr
    assert (f"tmer features: {blip}: too short to analyse (0.00 s of audio; at least 1 s is needed) "
            "— the file may be truncated") in done.stderr
    assert json.loads(done.stdout)["features"] is None


# --------------------------------------------------------------------------- b. header promises 10 h
def test_features_on_a_ten_hour_header_warns_and_stays_small(tmp_path):
    wav = _ten_hour_header(tmp_path / "ten_hours.wav")
    done, peak = _tmer_measured("features", str(wav), env=_env(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    assert f"tmer features: warning: {wav}: {TEN_HOURS}\n" in done.stderr
    features = json.loads(done.stdout)["features"]
    assert features["_RMSenergy_Mean"] > 0
    assert peak < MAX_RSS, f"peak memory {peak / 2 ** 20:.0f} MiB"


@pytest.mark.slow  # a real batch or process: seconds
def test_tag_warns_on_a_ten_hour_header_and_stays_small(damaged_batch):
    done = damaged_batch["done"]
    row = _row(damaged_batch, "ten_hours")
    assert row["label"] and row["error"] == f"warning: {TEN_HOURS}"
    assert f"  warning: {damaged_batch['files']['ten_hours']}: {TEN_HOURS}\n" in done.stderr
    assert damaged_batch["peak"] < MAX_RSS, f"peak memory {damaged_batch['peak'] / 2 ** 20:.0f} MiB"
    assert done.returncode == 0, done.stderr  # every file tagged (some with a warning)


# --------------------------------------------------------------------------- c. MP3 missing its start
def test_tag_warns_on_an_mp3_missing_its_beginning_only(damaged_batch):
    row = _row(damaged_batch, "half")
    assert row["label"] and row["error"] == f"warning: {START_MISSING}"
    assert f"  warning: {damaged_batch['files']['half']}: {START_MISSING}\n" in damaged_batch["done"].stderr
    for whole in ("whole", "tagged"):  # a stream that starts at a frame (after its ID3 tag) is sound
        assert _row(damaged_batch, whole)["label"] and _row(damaged_batch, whole)["error"] == "", whole


def test_features_warns_on_an_mp3_missing_its_beginning(tmp_path):
    files = _mp3s(tmp_path)
    done = _tmer("features", str(files["half"]), str(files["whole"]), "--csv", env=_env(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    # (mpg123 itself may note the bad first frame on stderr, in its own words)
    assert f"tmer features: warning: {files['half']}: {START_MISSING}\n" in done.stderr
    assert "whole.mp3" not in done.stderr


# --------------------------------------------------------------------------- d. worker killed from outside
def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:  # ended meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _is_worker(pid: int) -> bool:
    try:
        return b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed orphan waits for init to reap it, but runs no more)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _sleeping(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/wchan").read_text() == "hrtimer_nanosleep"
    except OSError:
        return False


@linux_only
@pytest.mark.slow  # a real batch or process: seconds
def test_a_worker_killed_from_outside_is_reported_and_retried(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    song = music / "stuck_here.wav"
    sf.write(str(song), _noise(3.0, seed=5), SR, subtype="PCM_16")
    out = tmp_path / "results.csv"
    cmd = [sys.executable, "-m", "tmer_desktop.cli", "tag", str(music), "--out", str(out), "--jobs", "1"]
    # Test hook: the worker sleeps on this file, so it is surely on it when it is killed.
    env = _env(tmp_path / "data", TMER_TEST_WORKER_HANG="stuck_here")
    proc = subprocess.Popen(cmd, env=env, cwd=REPO_ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        worker = None
        while worker is None:
            assert time.monotonic() < deadline and proc.poll() is None, "the worker never reached the file"
            worker = next((p for p in _children(proc.pid) if _is_worker(p) and _sleeping(p)), None)
            time.sleep(0.2)
        os.kill(worker, signal.SIGKILL)  # as the OOM killer would
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, err  # the file could not be tagged
    assert f"  error: {song}: {KILLED}\n" in err
    row = pd.read_csv(out, keep_default_na=False).iloc[0]
    assert row["label"] == "" and row["error"] == KILLED
    with LibraryStore.open(tmp_path / "data" / "library.sqlite3") as store:
        stored = store.track_by_path(song)
    assert str(stored.error) == KILLED and stored.error_kind == FailureKind.TRANSIENT

    again = _tmer("tag", str(music), "--out", str(out), "--jobs", "1", env=_env(tmp_path / "data"))
    assert again.returncode == 0, again.stderr
    assert f"  tagged: {song}: " in again.stderr  # analysed again, not skipped as a lasting failure
    assert pd.read_csv(out, keep_default_na=False).iloc[0]["error"] == ""


def test_a_crash_still_points_at_the_file():
    from tmer_desktop.tagging.pool import _death_reason

    assert "the file may be damaged or trigger a decoder bug" in _death_reason(-signal.SIGSEGV)
    assert str(_death_reason(-signal.SIGKILL)) == KILLED
    assert "may be damaged" in _death_reason(-signal.SIGKILL, killed_here=True)  # never reported: a timeout says so


# --------------------------------------------------------------------------- e. orphaned workers
@linux_only
@pytest.mark.slow  # a real batch or process: seconds
def test_workers_end_when_their_parent_is_killed(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    salt = int.from_bytes(os.urandom(4), "little")  # new bytes: no feature-cache hit ends the work early
    for i in range(3):
        sf.write(str(music / f"long{i}.wav"), _noise(240.0, seed=salt + i), SR, subtype="PCM_16")
    cmd = [sys.executable, "-m", "tmer_desktop.cli", "tag", str(music), "--out", str(tmp_path / "r.csv"),
           "--jobs", "2"]
    proc = subprocess.Popen(cmd, env=_env(tmp_path / "data"), cwd=REPO_ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while len([p for p in _children(proc.pid) if _is_worker(p)]) < 2:
            assert time.monotonic() < deadline and proc.poll() is None, "the workers never started"
            time.sleep(0.2)
        time.sleep(8)  # both at work: the first on a file, the second warming up or on a file too
        children = _children(proc.pid)
        assert len([p for p in children if _is_worker(p)]) == 2
    finally:
        proc.kill()  # SIGKILL: no clean-up of any kind in the parent
        proc.wait()
    deadline = time.monotonic() + 5
    while any(map(_running, children)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in children if _running(p)]
    for pid in left:  # do not leave them running after a failure
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes still running 5 s after their parent was killed: {left}"


# --------------------------------------------------------------------------- f. exit status
@pytest.fixture
def full_disk(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("uses a Linux tmpfs mount")
    with tiny_filesystem(tmp_path / "disk", size="64k") as disk:
        fill_up(disk)
        yield disk


def _library(data: Path, music: Path) -> None:
    with LibraryStore.open(data / "library.sqlite3") as store:
        fill_library(store, music, n=30)


def _says_disk_full(done: subprocess.CompletedProcess, command: str, target: Path) -> None:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert (f"tmer {command}: Could not write {target}: no space left on device (the disk is full)"
            in done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in target.parent.iterdir()) == ["filler"]  # no temp file left behind


def test_export_feedback_on_a_full_disk_exits_1(tmp_path, full_disk):
    target = full_disk / "corrections.csv"
    done = _tmer("export-feedback", "--out", str(target), env=_env(tmp_path / "data"))
    _says_disk_full(done, "export-feedback", target)


def test_playlist_on_a_full_disk_exits_1(tmp_path, full_disk):
    music = tmp_path / "music"
    music.mkdir()
    _library(tmp_path / "data", music)
    target = full_disk / "session.m3u8"
    done = _tmer("playlist", "--from", "sad", "--to", "relaxed", "--minutes", "20", "--out", str(target),
                 env=_env(tmp_path / "data"))
    _says_disk_full(done, "playlist", target)


@pytest.mark.slow  # a real batch or process: seconds
def test_tag_on_a_full_disk_exits_1(tmp_path, full_disk):
    song = tmp_path / "song.wav"
    sf.write(str(song), _noise(3.0, seed=6), SR, subtype="PCM_16")
    target = full_disk / "results.csv"
    done = _tmer("tag", str(song), "--out", str(target), "--jobs", "1", env=_env(tmp_path / "data"))
    _says_disk_full(done, "tag", target)


def test_usage_errors_still_exit_2(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    env = _env(tmp_path / "data")
    empty = _tmer("playlist", "--from", "sad", "--to", "relaxed", "--minutes", "20",
                  "--out", str(tmp_path / "s.m3u8"), env=env)
    assert empty.returncode == 2 and "The library has no tagged tracks" in empty.stderr  # nothing to do
    _library(tmp_path / "data", music)
    mood = _tmer("playlist", "--from", "furious", "--to", "relaxed", "--minutes", "20",
                 "--out", str(tmp_path / "s.m3u8"), env=env)
    assert mood.returncode == 2 and "--from furious: not a mood; use one of happy, sad, angry, relaxed" in mood.stderr
    assert _tmer("tag", str(music), "--out", str(tmp_path / "r.txt"), env=env).returncode == 2
    assert _tmer("export-feedback", env=env).returncode == 2  # argparse: --out is required
    nowhere = tmp_path / "no such folder" / "x.csv"
    for command in (["tag", str(music)], ["export-feedback"],
                    ["playlist", "--from", "sad", "--to", "relaxed", "--minutes", "20"]):
        done = _tmer(*command, "--out", str(nowhere), env=env)
        assert done.returncode == 2 and f"{nowhere}: the folder {nowhere.parent} does not exist" in done.stderr, command
    assert _tmer("evaluate", "--repeats", "0", env=env).returncode == 2  # was a traceback
    assert "exit status:" in _tmer("--help", env=env).stdout


# --------------------------------------------------------------------------- g. control characters
@pytest.mark.slow  # a real batch or process: seconds
def test_names_with_control_characters_are_escaped_on_the_terminal_only(damaged_batch, tmp_path):
    newline = damaged_batch["files"]["newline"]
    shown = for_terminal(str(newline))
    assert shown.endswith("/a\\nb.wav")
    err = damaged_batch["done"].stderr
    assert f"  tagged: {shown}: " in err and str(newline) not in err
    assert _row(damaged_batch, "newline")["label"]  # the CSV holds the real name (pandas read it back)

    env = _env(tmp_path / "data")
    features = _tmer("features", str(newline), env=env)
    assert features.returncode == 0 and json.loads(features.stdout)["path"] == str(newline)
    blip = tmp_path / "short\n\x1b[2J.wav"  # a newline and a "clear the screen" escape
    sf.write(str(blip), np.array([0.5, -0.5]), 44100)
    failed = _tmer("features", str(blip), "--csv", env=env)
    assert failed.returncode == 1
    assert failed.stderr.startswith(f"tmer features: {tmp_path}/short\\n\\x1b[2J.wav: too short to analyse")
    assert failed.stderr.count("\n") == 1 and "\x1b" not in failed.stderr
    assert pd.read_csv(io.StringIO(failed.stdout))["path"].tolist() == [str(blip)]

    odd_out = tmp_path / "ex\x1b[31mport.csv"
    exported = _tmer("export-feedback", "--out", str(odd_out), env=env)
    assert exported.returncode == 0 and odd_out.exists()
    assert exported.stdout == f"wrote 0 correction(s) to {tmp_path}/ex\\x1b[31mport.csv\n"


def test_playlist_titles_and_names_are_escaped_on_the_terminal(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    data = tmp_path / "data"
    _library(data, music)
    odd = music / "odd\x1b]0;owned\x07.wav"  # would set the terminal's title
    odd.write_bytes(b"RIFF")  # the builder only checks that the file exists
    with LibraryStore.open(data / "library.sqlite3") as store:
        track = store.upsert_track(odd, duration=200.0)
        store.add_predictions(track, "test-model", [dict(
            probabilities={"happy": 0.05, "sad": 0.8, "angry": 0.05, "relaxed": 0.1},
            label="sad", confidence=0.8, decision="label")])
    out = tmp_path / "sess\tion.m3u8"
    done = _tmer("playlist", "--from", "sad", "--to", "relaxed", "--minutes", "20", "--include", str(track),
                 "--out", str(out), env=_env(data))
    assert done.returncode == 0, done.stderr
    assert "odd\\x1b]0;owned\\x07 [" in done.stdout and "\x1b" not in done.stdout + done.stderr
    assert done.stdout.endswith(f"to {tmp_path}/sess\\tion.m3u8\n")
    assert str(odd) in out.read_text()  # the playlist holds the real name
