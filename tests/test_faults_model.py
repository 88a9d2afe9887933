"""Fault injection: the user's own model version cannot be loaded (issue 20, item 5).

Before, `tmer tag` silently retrained a model from the shipped data and stored its predictions
under the user's version name, dropping their corrections. Now the version is refused with a
message, nothing is tagged, and the user chooses: retrain, or the shipped model said aloud.
Real model store, real library, real `tmer` processes, the real main window offscreen.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop import paths
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.store import BUNDLED, ModelStore, directory_fingerprint

from conftest import REPO_ROOT


def _music(path: Path, seconds: float = 8.0) -> Path:
    sr = 22050
    t = np.arange(int(seconds * sr)) / sr
    noise = 0.01 * np.random.default_rng(0).standard_normal(t.size)
    y = 0.2 * np.sin(2 * np.pi * 220 * t) * (np.sin(2 * np.pi * 2 * t) > 0) + noise
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, y.astype(np.float32), sr)
    return path


def _stored_version_from_another_installation(store: LibraryStore) -> str:
    """A version of the user's, stored properly, whose pickle this installation's scikit-learn
    cannot take: what an upgrade of the app leaves (the store's fingerprint is of the files as
    they are, as the older installation recorded it)."""
    models = ModelStore(store)
    version = models.add(paths.BUNDLED_MODEL_DIR, activate=True).version
    folder = models.verify(version)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["versions"]["scikit-learn"] = "0.24.2"
    manifest_path.write_text(json.dumps(manifest))
    entry = models.get(version)
    metrics = dict(entry.metrics)
    metrics["_store"] = {**metrics["_store"], "fingerprint": directory_fingerprint(folder)}
    store.register_model(version, version, metrics=metrics, activate=True)
    assert models.verify(version) == folder  # stored and intact: only unloadable here
    return version


@pytest.fixture
def broken_active_model(data_dir):
    store = LibraryStore.open()
    version = _stored_version_from_another_installation(store)
    store.close()
    return version


def _tmer(*args):
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ), cwd=REPO_ROOT, timeout=600)


def _predictions(version):
    store = LibraryStore.open()
    try:
        return [p for t in store.tracks() for p in store.predictions_for_track(t.id, model_version=version,
                                                                                 level="track")]
    finally:
        store.close()


@pytest.mark.slow  # a real batch or process: seconds
def test_tag_refuses_an_unloadable_model_of_the_users_and_says_what_to_do(broken_active_model, tmp_path):
    song = _music(tmp_path / "music" / "song.wav")
    out = tmp_path / "results.csv"

    done = _tmer("tag", str(song.parent), "--out", str(out), "--jobs", "1")

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Model version '{broken_active_model}'" in done.stderr
    assert "scikit-learn 0.24.2" in done.stderr  # the reason, in words
    assert "Nothing was tagged, and no other model was used in its place" in done.stderr
    assert "tmer tag --model bundled" in done.stderr and "tmer train" in done.stderr
    assert not out.exists()
    assert _predictions(broken_active_model) == []  # nothing stored under the user's version name
    assert sorted(p.name for p in paths.model_store_dir().iterdir()) == [broken_active_model]  # nothing retrained

    shipped = _tmer("tag", str(song.parent), "--out", str(out), "--jobs", "1", "--model", BUNDLED)

    assert shipped.returncode == 0, shipped.stderr
    assert "using the model version 'bundled', as asked" in shipped.stderr
    assert len(_predictions(BUNDLED)) == 1 and _predictions(broken_active_model) == []
    store = LibraryStore.open()
    assert store.active_model().version == broken_active_model  # the user's choice of active model stays
    store.close()


@pytest.mark.slow  # a real batch or process: seconds
def test_the_window_offers_the_choice_and_the_shipped_model_only_when_chosen(broken_active_model, tmp_path, qapp):
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QMessageBox

    from tmer_desktop.settings import Settings
    from tmer_desktop.ui.main_window import MainWindow

    song = _music(tmp_path / "music" / "song.wav")
    store = LibraryStore.open()
    window = MainWindow(store, Settings(jobs=1))

    def wait_for_batch():
        loop = QEventLoop()
        window.batchFinished.connect(loop.quit)
        QTimer.singleShot(300_000, loop.quit)
        loop.exec()
        window.batchFinished.disconnect(loop.quit)

    try:
        window.start_batch([str(song.parent)])
        wait_for_batch()
        box = window.model_choice
        assert box is not None and box.isVisible()
        assert f"“{broken_active_model}”" in box.text() and "nothing was tagged" in box.text()
        assert "scikit-learn 0.24.2" in box.detailedText()  # engineers' detail behind Details
        assert _predictions(broken_active_model) == [] and _predictions(BUNDLED) == []
        assert store.active_model().version == broken_active_model

        shipped = next(b for b in box.buttons() if b.text() == "Use the shipped model")
        assert box.buttonRole(shipped) == QMessageBox.ButtonRole.AcceptRole
        shipped.click()
        wait_for_batch()

        assert store.active_model().version == BUNDLED
        assert len(_predictions(BUNDLED)) == 1
        assert sorted(p.name for p in paths.model_store_dir().iterdir()) == [broken_active_model]
    finally:
        window.close()
        store.close()


def test_live_recording_refuses_the_same_unloadable_model_and_no_other(broken_active_model):
    """Live analysis chooses and loads the model as the batch does (analysis/model_choice.py): the
    user's version that cannot be loaded is refused by name, not replaced by the shipped model."""
    from tmer_desktop.analysis.live import LiveAnalyser
    from tmer_desktop.analysis.model_choice import ModelRefusedError

    with LibraryStore.open() as store:
        with pytest.raises(ModelRefusedError) as refused:
            LiveAnalyser(44100, library=store)
    assert refused.value.version == broken_active_model
    assert f"Model version '{broken_active_model}'" in str(refused.value)
    assert "scikit-learn 0.24.2" in str(refused.value)
    assert sorted(p.name for p in paths.model_store_dir().iterdir()) == [broken_active_model]  # nothing retrained
