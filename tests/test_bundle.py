"""The PyInstaller one-folder app (pyinstaller.spec, scripts/build_bundle.sh) works without the
project's virtual environment: started with an empty environment (no PATH, no PYTHONPATH, no
venv), the GUI tags the bundled demo clips offscreen and the `tmer` CLI tags a clip, both
caching numba's compiled code in the app's cache directory and sharing it.

Slow: the build takes about 1.5 min on 2 cores. An identical build (same sources, resources,
packaging files and installed packages) is reused from the pytest cache; it is skipped only
when PyInstaller itself is not installed.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

EMOTIONS = {"happy", "sad", "angry", "relaxed"}
DECISIONS = {"label", "top-2", "review"}
# The app's numba-compiled modules (tmer_desktop/features); each must leave cache entries.
NUMBA_MODULES = ("chroma", "onsets", "peaks", "roughness", "spectral")
BUILD_INPUTS = ("pyinstaller.spec", "pyproject.toml", "scripts/build_bundle.sh", "packaging",
                "tmer_desktop", "resources")


def _inputs_key() -> str:
    """A hash of everything the build reads: our files and the installed distributions."""
    digest = hashlib.sha256(sys.version.encode())
    for name in BUILD_INPUTS:
        top = REPO_ROOT / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(str(path.relative_to(REPO_ROOT)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(dists).encode())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def bundle(request, tmp_path_factory) -> Path:
    """The built app folder (DIST/tmer-desktop)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (it comes with pip install -e '.[test]', which needs "
                    "a package registry): the bundle cannot be built here")
    cache = getattr(request.config, "cache", None)
    root = Path(cache.mkdir("tmer-bundle")) if cache is not None else tmp_path_factory.mktemp("tmer-bundle")
    key = _inputs_key()
    dist = root / key
    app = dist / "tmer-desktop"
    done = dist / "build-complete"
    if not done.exists():
        for old in root.iterdir():  # one cached build at a time (~620 MB each)
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
        work = tmp_path_factory.mktemp("pyi-work")
        env = dict(os.environ, PYTHON=sys.executable, BUILD_DIR=str(work))
        out = subprocess.run(["bash", str(REPO_ROOT / "scripts" / "build_bundle.sh"), str(dist)], env=env,
                             capture_output=True, text=True, timeout=1200)
        shutil.rmtree(work, ignore_errors=True)
        assert out.returncode == 0, f"build failed:\n{out.stdout[-3000:]}\n{out.stderr[-6000:]}"
        print(out.stdout.strip().splitlines()[-1])  # "Built ... in N s, SIZE"
        done.write_text(out.stdout)
    assert (app / "tmer-desktop").is_file() and os.access(app / "tmer-desktop", os.X_OK)
    return app


def test_bundle_holds_the_resources(bundle):
    """resources/ (model, training CSV, translations, icons, demo clips) is inside, file for
    file, where tmer_desktop.paths looks for it; Qt's own Spanish and Turkish strings too."""
    source = REPO_ROOT / "resources"
    inside = bundle / "_internal" / "resources"
    expected = {str(p.relative_to(source)): p.stat().st_size for p in source.rglob("*") if p.is_file()}
    found = {str(p.relative_to(inside)): p.stat().st_size for p in inside.rglob("*") if p.is_file()}
    assert found == expected
    for name in ("model/model.joblib", "model/manifest.json", "data/Acoustic_Features.csv",
                 "translations/tmer_es.qm", "translations/tmer_tr.qm"):
        assert name in found, name
    qt_translations = bundle / "_internal" / "PySide6" / "Qt" / "translations"
    assert (qt_translations / "qtbase_es.qm").is_file() and (qt_translations / "qtbase_tr.qm").is_file()


def _clean_env(home: Path, data: Path, cache: Path) -> dict[str, str]:
    """What `env -i` plus these variables gives: no PATH, PYTHONPATH or VIRTUAL_ENV."""
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "TMPDIR": str(home / "tmp"), "QT_QPA_PLATFORM": "offscreen",
            "TMER_DATA_DIR": str(data), "TMER_CACHE_DIR": str(cache)}


def _numba_cache_state(cache: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(cache)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in (cache / "numba").rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def demo_run(bundle, tmp_path_factory):
    """First start of the GUI (empty numba cache): tag the demo clips, save a screenshot."""
    base = tmp_path_factory.mktemp("bundle-run")
    home, data, cache, shot = base / "home", base / "data", base / "cache", base / "library.png"
    out = subprocess.run([str(bundle / "tmer-desktop"), "--library", str(data), "--demo", "--view", "library",
                          "--screenshot", str(shot)],
                         env=_clean_env(home, data, cache), cwd=base, capture_output=True, text=True, timeout=900)
    return {"out": out, "home": home, "data": data, "cache": cache, "shot": shot, "base": base}


def test_bundle_gui_tags_the_demo_clips(bundle, demo_run):
    out = demo_run["out"]
    assert out.returncode == 0, f"tmer-desktop failed ({out.returncode}):\n{out.stdout[-3000:]}\n{out.stderr[-6000:]}"
    assert "not fully populated" not in out.stderr
    assert demo_run["shot"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    demo_dir = bundle / "_internal" / "resources" / "demo"
    clips = sorted(demo_dir.glob("*.ogg"))
    assert [c.name for c in clips] == sorted(c.name for c in (REPO_ROOT / "resources" / "demo").glob("*.ogg"))
    with sqlite3.connect(demo_run["data"] / "library.sqlite3") as db:
        tracks = db.execute("SELECT id, path, error, duration FROM tracks ORDER BY path").fetchall()
        assert [Path(p) for _, p, _, _ in tracks] == clips  # the bundle's own copies, nothing else
        for track_id, path, error, duration in tracks:
            assert error is None, f"{path}: {error}"
            assert duration == pytest.approx(45.0, abs=1.0)
            n_windows = db.execute("SELECT COUNT(*) FROM windows WHERE track_id = ?", (track_id,)).fetchone()[0]
            assert n_windows >= 2, path  # 45 s at 30 s windows with a 5 s hop
            window_preds = db.execute(
                "SELECT label, decision FROM predictions WHERE track_id = ? AND window_id IS NOT NULL", (track_id,)
            ).fetchall()
            assert len(window_preds) == n_windows
            assert {label for label, _ in window_preds} <= EMOTIONS
            assert {decision for _, decision in window_preds} <= DECISIONS
            track_pred = db.execute("SELECT label, decision, p_happy + p_sad + p_angry + p_relaxed FROM predictions "
                                    "WHERE track_id = ? AND window_id IS NULL", (track_id,)).fetchall()
            assert len(track_pred) == 1
            label, decision, total = track_pred[0]
            assert label in EMOTIONS and decision in DECISIONS
            assert total == pytest.approx(1.0, abs=1e-6)

    # numba compiled into the app's cache directory (not numba's own user-wide cache).
    cached = _numba_cache_state(demo_run["cache"])
    for module in NUMBA_MODULES:
        assert any(Path(name).name.startswith(f"{module}.") and name.endswith(".nbc") for name in cached), \
            f"no numba cache entries for tmer_desktop/features/{module}.py in {demo_run['cache'] / 'numba'}"
    assert not (demo_run["home"] / ".cache" / "numba").exists()


def test_bundle_cli_tags_a_clip_reusing_the_numba_cache(bundle, demo_run):
    """`tmer tag` (the same executable under another name) on a clip the GUI tagged: same result,
    per-window rows as Parquet, and numba's cache is read, not rewritten (a stamp mismatch
    would recompile and rewrite it)."""
    assert demo_run["out"].returncode == 0, "the GUI run failed (see the test above)"
    cache = demo_run["cache"]
    before = _numba_cache_state(cache)
    shutil.rmtree(cache / "features", ignore_errors=True)  # make the CLI really analyse the audio
    base = demo_run["base"]
    data = base / "cli-data"
    clip = bundle / "_internal" / "resources" / "demo" / "demo_wesnoth__sad.ogg"
    results = base / "cli.csv"
    windows = base / "windows.parquet"  # pyarrow in the bundle (its unused parts are left out)
    out = subprocess.run([str(bundle / "tmer"), "tag", str(clip), "--out", str(results), "--windows", str(windows),
                          "--jobs", "1"],
                         env=_clean_env(demo_run["home"], data, cache), cwd=base, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, f"tmer tag failed ({out.returncode}):\n{out.stdout[-3000:]}\n{out.stderr[-6000:]}"
    with open(results, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1 and rows[0]["error"] == ""
    import pandas as pd

    per_window = pd.read_parquet(windows)
    assert len(per_window) == int(rows[0]["n_windows"]) >= 2
    assert set(per_window["label"]) <= EMOTIONS
    assert (data / "library.sqlite3").is_file()

    with sqlite3.connect(demo_run["data"] / "library.sqlite3") as db:
        gui = db.execute("SELECT p.label, p.decision, p.confidence FROM predictions p "
                         "JOIN tracks t ON t.id = p.track_id "
                         "WHERE t.path = ? AND p.window_id IS NULL", (str(clip),)).fetchone()
    assert (rows[0]["label"], rows[0]["decision"]) == gui[:2]
    assert float(rows[0]["confidence"]) == pytest.approx(gui[2], abs=5e-5)  # the CSV holds 4 decimals
    assert _numba_cache_state(cache) == before


def test_bundle_cli_evaluates_with_joblib_workers(bundle, tmp_path):
    """`tmer evaluate` cross-validates with joblib, whose loky workers and resource tracker are
    this executable started with a Python command line (packaging/tmer_entry.py runs them).
    The frozen app's figures equal the venv's for the same protocol."""
    from tmer_desktop.commands.output import json_default as _json_default
    from tmer_desktop.model.evaluate import run_evaluation

    results = tmp_path / "evaluation.json"
    with open(results, "w") as out_file:
        out = subprocess.run([str(bundle / "tmer"), "evaluate", "--json", "--repeats", "1", "--folds", "2"],
                             env=_clean_env(tmp_path / "home", tmp_path / "data", tmp_path / "cache"), cwd=tmp_path,
                             stdout=out_file, stderr=subprocess.PIPE, text=True, timeout=600)
    assert out.returncode == 0, f"tmer evaluate failed ({out.returncode}):\n{out.stderr[-6000:]}"
    frozen = json.loads(results.read_text())
    here = json.loads(json.dumps(run_evaluation(repeats=1, folds=2, seed=0), default=_json_default))
    assert frozen["confusion_matrix"] == here["confusion_matrix"]
    for key in ("macro_f1", "accuracy"):
        assert frozen[key]["mean"] == pytest.approx(here[key]["mean"], abs=1e-9), key
    assert frozen["macro_f1"]["mean"] > 0.5  # a real model, not a degenerate one
