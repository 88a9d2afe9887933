"""`tmer tag --scheduler`: batch tagging on a real Dask cluster on this machine (a `dask scheduler`
and two `dask worker` processes), compared with the local pool on the same files, surviving a
worker killed in the middle of the batch, resuming, and per-file errors.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixtures.music import BATTLE, CALM, MADEIRA, SAD

REPO = Path(__file__).resolve().parent.parent


def _env(data: Path, **extra: str) -> dict:
    return {**os.environ, "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(data / "cache"),
            "PYTHONPATH": str(REPO), **extra}


def _tag(*args: str, data: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", "tag", *args], env=_env(data),
                          capture_output=True, text=True, timeout=900, **kwargs)


def _rows(path: Path) -> dict[str, dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["path"] for r in rows}) == len(rows), "a file reported twice"
    return {Path(r["path"]).name: r for r in rows}


def test_a_scheduler_address_that_is_not_one_is_a_usage_error(tmp_path):
    result = _tag(str(SAD), "--out", str(tmp_path / "r.csv"), "--scheduler", "localhost:8786", data=tmp_path / "d")
    assert result.returncode == 2
    assert "--scheduler localhost:8786: not a Dask scheduler address; give tcp://HOST:PORT" in result.stderr


class Cluster:
    """A scheduler and named workers, each in its own process group (so a kill takes its nanny too)."""

    def __init__(self, root: Path, names: list[str], **worker_env: str):
        self.worker_env = {"TMER_TEST_WORKER_DELAY": "3", **worker_env}
        pytest.importorskip("distributed")
        self.root = root
        self.file = root / "scheduler.json"
        dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
        self.procs: dict[str, subprocess.Popen] = {"scheduler": subprocess.Popen(
            [*dask, "--scheduler-file", str(self.file), "--host", "127.0.0.1", "--port", "0",
             "--dashboard-address", ":0"], env=_env(root / "scheduler"), start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=open(root / "scheduler.log", "w"))}
        try:
            deadline = time.monotonic() + 120
            while not self.file.exists():
                assert time.monotonic() < deadline, (root / "scheduler.log").read_text()
                time.sleep(0.2)
            time.sleep(0.5)
            self.address = json.loads(self.file.read_text())["address"]
            for name in names:
                self.add_worker(name)
        except BaseException:  # nothing started here may outlive the test
            self.stop()
            raise

    def add_worker(self, name: str) -> None:
        # The test hook slows every file down (tagging/worker.py), so a worker can be killed mid-file.
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(self.file), "--name", name,
             "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--host", "127.0.0.1"],
            env=_env(self.root / name, **self.worker_env), start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=open(self.root / f"{name}.log", "w"))

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=30, set_as_default=False)

    def kill(self, name: str) -> None:
        os.killpg(self.procs[name].pid, signal.SIGKILL)
        self.procs[name].wait(30)

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)


@pytest.fixture
def corpus(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    for source in (SAD, CALM, BATTLE, MADEIRA):
        shutil.copy(source, music / source.name)
    (music / "text.mp3").write_bytes((REPO / "README.md").read_bytes()[:5000])
    return music


@pytest.mark.slow
def test_a_cluster_with_a_killed_worker_tags_like_the_local_pool(tmp_path, corpus):
    local = _tag(str(corpus), "--out", str(tmp_path / "local.csv"), "--jobs", "2", data=tmp_path / "local")
    assert local.returncode == 1, local.stderr  # text.mp3 cannot be tagged
    cluster = Cluster(tmp_path, ["w1", "w2"])
    try:
        with cluster.client() as client:
            client.wait_for_workers(2, timeout=120)
            data = tmp_path / "cluster"
            batch = subprocess.Popen(
                [sys.executable, "-m", "tmer_desktop.cli", "tag", str(corpus), "--out", str(tmp_path / "cluster.csv"),
                 "--windows", str(tmp_path / "windows.csv"), "--scheduler", cluster.address],
                env=_env(data), stderr=subprocess.PIPE, text=True)
            assert batch.stderr is not None
            lines = []
            for line in batch.stderr:  # kill w1 when the first file is back and w1 is busy with another
                lines.append(line)
                if "  tagged: " in line:
                    break
            deadline = time.monotonic() + 120
            w1 = next(a for a, w in client.scheduler_info(n_workers=-1)["workers"].items() if w["name"] == "w1")
            while not client.processing().get(w1):
                assert time.monotonic() < deadline, "w1 never got a second file"
                time.sleep(0.1)
            cluster.kill("w1")
            _, rest = batch.communicate(timeout=900)
            lines.append(rest)
        stderr = "".join(lines)
        assert batch.returncode == 1, stderr
        assert "4 tagged, 1 failed" in stderr
    finally:
        cluster.stop()
    ours, theirs = _rows(tmp_path / "cluster.csv"), _rows(tmp_path / "local.csv")
    assert ours.keys() == theirs.keys() and len(ours) == 5
    # The same numbers as the local pool, the same per-file error; the path and the library's own
    # track id (the order the tracks were stored in each library) are each run's own.
    own = ("path", "track_id")
    for name, row in ours.items():
        assert {k: row[k] for k in row if k not in own} == {k: theirs[name][k] for k in row if k not in own}, name
    assert ours["text.mp3"]["error"] == "not a recognised audio format (the file is text)"
    from tmer_desktop.library.store import LibraryStore

    with LibraryStore.open(data / "library.sqlite3") as store:  # nothing lost, nothing twice
        tracks = store.tracks()
        assert sorted(Path(t.path).name for t in tracks) == sorted(ours)
        for t in tracks:
            if t.label is not None:
                assert len(store.predictions_for_track(t.id, level="track")) == 1
                assert len(store.windows_for_track(t.id)) == int(ours[Path(t.path).name]["n_windows"])
    with open(tmp_path / "windows.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == sum(int(r["n_windows"]) for r in ours.values())

    # Resume: the same run again needs no cluster at all (everything is current in the library);
    # the broken file stays a failure (exit 1), not "up to date".
    again = _tag(str(corpus), "--out", str(tmp_path / "again.csv"), "--scheduler", cluster.address, data=data)
    assert "0 tagged, 1 failed, 4 already up to date" in again.stderr, again.stderr
    assert again.returncode == 1


@pytest.mark.slow
def test_an_unreachable_scheduler_fails_the_run_with_the_reason(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = _tag(str(SAD), "--out", str(tmp_path / "r.csv"), "--scheduler", f"tcp://127.0.0.1:{port}",
                  data=tmp_path / "d")
    assert result.returncode == 1
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in result.stderr


@pytest.mark.slow
def test_a_file_that_hangs_a_cluster_worker_times_out_and_the_worker_is_restarted(tmp_path, data_dir):
    from tmer_desktop.tagging.runner import BatchTagger

    music = tmp_path / "music"
    music.mkdir()
    shutil.copy(SAD, music / "a_hang.ogg")  # the worker's test hook hangs on names with "hang"
    shutil.copy(CALM, music / "b_calm.ogg")
    cluster = Cluster(tmp_path, ["w1"], TMER_TEST_WORKER_DELAY="0", TMER_TEST_WORKER_HANG="hang")
    try:
        with cluster.client() as client:
            client.wait_for_workers(1, timeout=120)
        results = []
        tagger = BatchTagger([music], scheduler=cluster.address, timeout_per_file=45.0)
        summary = tagger.run(on_result=results.append)
    finally:
        cluster.stop()
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["a_hang.ogg"].label is None and by_name["a_hang.ogg"].error.startswith("timed out after")
    assert by_name["b_calm.ogg"].label is not None and by_name["b_calm.ogg"].error is None
    assert (summary.done, summary.failed) == (1, 1)
