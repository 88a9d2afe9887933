"""A real `tmer serve` process on a free port, posted real music with `requests` as a notebook
would: the answer equals what `tmer tag` stores for the same file (a separate data directory, so
nothing is shared but the code), hostile uploads get the reasons `tmer tag` gives, requests run
together while a `tmer tag` batch writes the same library, /health answers while files are
analysed, and SIGTERM stops the server and its analysis processes cleanly.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

requests = pytest.importorskip("requests")
pytest.importorskip("fastapi")
pd = pytest.importorskip("pandas")

from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.vocabulary import EMOTIONS  # noqa: E402

from fixtures.music import BATTLE, CALM, CITY_BLUES, MADEIRA, SAD  # noqa: E402

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
TOKEN = "process-test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _env(data: Path) -> dict:
    return {**os.environ, "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(data / "cache"),
            "PYTHONPATH": str(REPO)}


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


class Server:
    def __init__(self, data: Path, allowed: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tmer_desktop.cli", "serve", "--port", "0", "--token", TOKEN,
             "--allow-dir", str(allowed), "--max-upload-mb", "2"],
            env=_env(data), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines: list[str] = []
        self.url: str | None = None
        got_url = threading.Event()

        def read() -> None:
            assert self.process.stderr is not None
            for line in self.process.stderr:
                self.lines.append(line)
                if " on http://" in line and self.url is None:
                    self.url = line.split(" on ", 1)[1].split()[0]
                    got_url.set()

        threading.Thread(target=read, daemon=True).start()
        try:
            assert got_url.wait(60), "".join(self.lines)
            deadline = time.monotonic() + 300  # the workers' first start compiles (numba)
            while requests.get(f"{self.url}/health", timeout=5).json()["workers"] != "ready":
                assert time.monotonic() < deadline and self.process.poll() is None, "".join(self.lines)
                time.sleep(0.5)
        except BaseException:  # a server that did not come up must not outlive the test
            self.process.kill()
            self.process.wait(30)
            raise

    def post_file(self, path: Path, name: str | None = None, **kwargs):
        with open(path, "rb") as fh:
            return requests.post(f"{self.url}/analyse", headers=AUTH, files={"file": (name or path.name, fh)},
                                 timeout=300, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    text = root / "text.mp3"
    text.write_bytes((REPO / "README.md").read_bytes()[:20_000])  # a text file named .mp3
    truncated = root / "truncated.ogg"
    data = BATTLE.read_bytes()
    truncated.write_bytes(data[: int(len(data) * 0.8)])  # cut off mid-stream, as an interrupted copy
    allowed = root / "allowed"
    allowed.mkdir()
    shutil.copy(MADEIRA, allowed / "madeira.ogg")
    return {"text": text, "truncated": truncated, "allowed": allowed, "root": root}


@pytest.fixture(scope="module")
def tagged(corpus, tmp_path_factory):
    """What `tmer tag` stores for the same files, in a data directory of its own."""
    out = tmp_path_factory.mktemp("cli")
    result = subprocess.run(
        [sys.executable, "-m", "tmer_desktop.cli", "tag", str(SAD), str(corpus["text"]), str(corpus["truncated"]),
         "--out", str(out / "tracks.parquet"), "--windows", str(out / "windows.parquet")],
        env=_env(out / "data"), capture_output=True, text=True, timeout=900)
    assert result.returncode == 1, result.stderr  # the text file cannot be tagged
    tracks = pd.read_parquet(out / "tracks.parquet")
    return {Path(p).name: row for p, row in zip(tracks["path"], tracks.to_dict("records"))}, \
        pd.read_parquet(out / "windows.parquet")


@pytest.fixture(scope="module")
def server(corpus, tmp_path_factory):
    data = tmp_path_factory.mktemp("api") / "data"
    served = Server(data, corpus["allowed"])
    served.data = data  # type: ignore[attr-defined]
    yield served
    if served.process.poll() is None:
        served.process.kill()
        served.process.wait(30)


def _same(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return a == b


def test_a_notebook_upload_gets_exactly_what_tmer_tag_stores(server, tagged):
    tracks, windows = tagged
    cli = tracks[SAD.name]
    response = server.post_file(SAD)
    assert response.status_code == 200, response.text
    answer = response.json()
    top = answer["prediction"]
    assert (top["label"], top["decision"], top["confidence"]) == (cli["label"], cli["decision"], cli["confidence"])
    assert [top["probabilities"][e] for e in EMOTIONS] == [cli[f"p_{e}"] for e in EMOTIONS]
    assert answer["n_windows"] == cli["n_windows"] == len(answer["windows"])
    cli_windows = windows[windows["path"] == str(SAD)].sort_values("window").to_dict("records")
    for mine, theirs in zip(answer["windows"], cli_windows, strict=True):
        assert (mine["idx"], mine["start"], mine["label"], mine["decision"], mine["confidence"]) == \
            (theirs["window"], theirs["start"], theirs["label"], theirs["decision"], theirs["confidence"])
        assert [mine["probabilities"][e] for e in EMOTIONS] == [theirs[f"p_{e}"] for e in EMOTIONS]
        assert all(_same(theirs[name], mine["features"][name]) for name in FEATURE_NAMES)
    assert answer["explanation"]["label"] == top["label"] and answer["explanation"]["reason"]
    assert answer["upload"] == {"name": SAD.name, "bytes": SAD.stat().st_size, "sha256": answer["content_hash"]}
    # Kept in the data directory, and the track is in the library the app opens.
    kept = Path(answer["path"])
    assert kept.is_relative_to(server.data / "uploads") and kept.read_bytes() == SAD.read_bytes()
    assert requests.get(f"{server.url}/tracks/{answer['id']}", headers=AUTH, timeout=30).json()["prediction"] == top
    with LibraryStore.open(server.data / "library.sqlite3") as store:
        assert store.track(answer["id"]).path == str(kept)


def test_uploading_the_same_bytes_again_answers_from_the_library(server):
    first = server.post_file(SAD).json()
    again = server.post_file(SAD, name="renamed.ogg").json()
    assert again["id"] == first["id"] and again["prediction"] == first["prediction"]
    assert again["analysed_at"] == first["analysed_at"]  # not analysed a second time


def test_hostile_uploads_get_the_reason_tmer_tag_gives(server, corpus, tagged):
    tracks, _ = tagged
    text = server.post_file(corpus["text"])
    assert text.status_code == 422
    assert text.json()["detail"] == f"text.mp3: {tracks['text.mp3']['error']}"
    cut = server.post_file(corpus["truncated"])
    row = tracks["truncated.ogg"]
    if row["label"] is None:  # too damaged to tag: the same reason
        assert cut.status_code == 422 and cut.json()["detail"] == f"truncated.ogg: {row['error']}"
    else:  # tagged despite the damage, as tmer tag does
        assert cut.status_code == 200, cut.text
        assert (cut.json()["prediction"]["label"], cut.json()["prediction"]["confidence"]) == \
            (row["label"], row["confidence"])
    empty = requests.post(f"{server.url}/analyse", headers=AUTH, files={"file": ("empty.wav", b"")}, timeout=60)
    assert empty.status_code == 422 and empty.json()["detail"] == "empty.wav: empty file (0 bytes)"
    kept = {p.name for p in (server.data / "uploads").rglob("*") if p.is_file()}
    assert "text.mp3" not in kept and "empty.wav" not in kept


def test_tokens_limits_and_paths_on_the_real_server(server, corpus):
    url = server.url
    assert requests.get(f"{url}/tracks", timeout=30).status_code == 401
    assert requests.get(f"{url}/tracks", headers={"Authorization": "Bearer nope"}, timeout=30).status_code == 401
    big = requests.post(f"{url}/analyse", headers=AUTH, files={"file": ("big.wav", os.urandom(2_500_000))},
                        timeout=60)
    assert big.status_code == 413 and "2 MB" in big.json()["detail"]
    for path in ["../text.mp3", str(corpus["text"]), "madeira.ogg/../../text.mp3"]:
        refused = requests.post(f"{url}/analyse-path", headers=AUTH, json={"path": path}, timeout=30)
        assert refused.status_code == 403, (path, refused.text)
    inside = requests.post(f"{url}/analyse-path", headers=AUTH, json={"path": "madeira.ogg"}, timeout=300)
    assert inside.status_code == 200, inside.text
    assert inside.json()["path"] == str((corpus["allowed"] / "madeira.ogg").resolve())
    assert not list((server.data / "uploads" / ".incoming").iterdir())  # no partial upload left behind


def test_concurrent_requests_while_a_batch_writes_the_same_library(server, corpus):
    """Three uploads at once while `tmer tag` tags another file into the same library: all of them
    are stored, and /health answers all along (the event loop is never blocked by an analysis)."""
    batch_file = corpus["root"] / "batch" / "city_blues.flac"
    batch_file.parent.mkdir()
    shutil.copy(CITY_BLUES, batch_file)
    batch = subprocess.Popen([sys.executable, "-m", "tmer_desktop.cli", "tag", str(batch_file),
                              "--out", str(corpus["root"] / "batch.csv")],
                             env=_env(server.data), stderr=subprocess.PIPE, text=True)
    health: list[tuple[float, dict]] = []
    with ThreadPoolExecutor(3) as pool:
        futures = [pool.submit(server.post_file, f) for f in (CALM, BATTLE, CITY_BLUES)]
        while not all(f.done() for f in futures):
            started = time.monotonic()
            state = requests.get(f"{server.url}/health", timeout=10).json()
            health.append((time.monotonic() - started, state))
            time.sleep(0.2)
        answers = [f.result() for f in futures]
    _, batch_err = batch.communicate(timeout=600)
    assert batch.returncode == 0, batch_err
    assert [a.status_code for a in answers] == [200, 200, 200], [a.text for a in answers]
    assert any(s["running"] or s["queued"] for _, s in health)  # /health answered while files were analysed
    assert max(t for t, _ in health) < 5.0
    listed = requests.get(f"{server.url}/tracks?limit=1000", headers=AUTH, timeout=30).json()["tracks"]
    paths = {t["path"] for t in listed}
    assert {a.json()["path"] for a in answers} <= paths and str(batch_file) in paths
    # The same bytes (CITY_BLUES) analysed by the batch and uploaded: one answer for both.
    by_path = {t["path"]: t for t in listed}
    assert by_path[str(batch_file)]["prediction"]["probabilities"] == answers[2].json()["prediction"]["probabilities"]


def test_sigterm_stops_the_server_and_its_analysis_processes(server):
    workers = _children(server.process.pid)
    assert workers, "the server runs its analysis in child processes"
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(60) == 0, "".join(server.lines)
    time.sleep(0.5)
    assert "tmer serve: stopped" in "".join(server.lines)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]
    with LibraryStore.open(server.data / "library.sqlite3") as store:
        assert len(store.tracks()) >= 5


def test_bound_beyond_this_computer_it_makes_a_private_token_and_requires_it(tmp_path):
    data = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-m", "tmer_desktop.cli", "serve", "--host", "0.0.0.0", "--port", "0"],
                               env=_env(data), stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        lines = [process.stderr.readline() for _ in range(2)]
        port = lines[0].split(" on http://", 1)[1].split()[0].rsplit(":", 1)[1]
        token_file = data / "server-token"
        assert f"clients must send the token just written to {token_file}" in lines[1]
        assert oct(token_file.stat().st_mode & 0o777) == "0o600"
        token = token_file.read_text().strip()
        url = f"http://127.0.0.1:{port}"
        assert requests.get(f"{url}/tracks", timeout=30).status_code == 401
        with_token = requests.get(f"{url}/tracks", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert with_token.status_code == 200
        assert requests.get(f"{url}/health", timeout=30).json()["auth"] is True
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(60) == 0
