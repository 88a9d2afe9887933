"""One judge for batch and live (analysis/judge.py): the same recording analysed live, block by
block as the recorder hands it over, and by the batch worker from the saved WAV gives the same
windows, the same probabilities to the last bit, the same decisions and the same track verdict.

Real music (tests/fixtures/music.py), the real bundled model, the real feature process of the
live analyser and the real batch Analyser; no recorder (test_record.py drives that through ALSA):
the samples fed are those the recorder hands its listeners for a 16-bit file, i.e. what the WAV
holds (audio/record.py quantises them so), read back as float32.

Where the features come from the same computation the verdicts agree exactly. They do for the
windows chosen here: a recording shorter than a window (one short window), and a window with
the hop as long as the window (a first window and the tail window, each computed on its own by
both). Overlapping windows of one block are computed by the batch with spectra shared across
the block (features/windows.py), which rounds differently from the live analyser's window
alone in the last bit of a few columns: that is the features' business, not the judge's.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from threadpoolctl import threadpool_limits

from tmer_desktop.analysis import judge
from tmer_desktop.analysis.live import LiveAnalyser
from tmer_desktop.analysis.model_choice import choose_model
from tmer_desktop.analysis.outcome import Analysis, WindowOutcome
from tmer_desktop.errors import TmerError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.store import BUNDLED, ModelStore
from tmer_desktop.tagging.worker import SILENT, Analyser, WorkerConfig
from tmer_desktop.translatable import Template

from fixtures.music import SAD, SAD_HEAD

BLOCK = 1024  # frames per block, as PortAudio hands them to the recorder


def _recording(path: Path, source: Path, start: float, seconds: float) -> tuple[np.ndarray, int]:
    """`seconds` of `source` as a mono 16-bit WAV, as the recorder writes one; returns the
    samples the recorder's listeners get (what the file holds, as float32)."""
    info = sf.info(str(source))
    y, sr = sf.read(str(source), start=int(start * info.samplerate), frames=int(seconds * info.samplerate),
                    dtype="float32", always_2d=True)
    sf.write(str(path), y.mean(axis=1), sr, subtype="PCM_16")
    held, _ = sf.read(str(path), dtype="float32")
    return held, sr


def _live(samples: np.ndarray, sr: int, *, window: float, hop: float, **kwargs) -> LiveAnalyser:
    live = LiveAnalyser(sr, window=window, hop=hop, **kwargs)
    for first in range(0, len(samples), BLOCK):
        live.feed(samples[first:first + BLOCK])
    live.finish(len(samples), timeout=300)
    return live


def _batch(config: WorkerConfig, path: Path) -> tuple[Analyser, Analysis]:
    """The batch worker's analysis of `path`, single-threaded maths as in its process
    (worker._single_threaded_maths: a BLAS with several threads rounds some sums differently)."""
    with threadpool_limits(1):
        analyser = Analyser(config)
        return analyser, analyser.analyse(str(path))


def _same_window(a: WindowOutcome, b: WindowOutcome) -> None:
    assert (a.idx, a.start, a.duration, a.short) == (b.idx, b.start, b.duration, b.short)
    np.testing.assert_array_equal(a.features, b.features)  # bit for bit (NaN where NaN)
    assert a.probs == b.probs  # exact float equality, not a tolerance
    assert (a.label, a.confidence, a.decision, a.unfamiliar, a.note) == (b.label, b.confidence, b.decision,
                                                                          b.unfamiliar, b.note)


@pytest.mark.parametrize("source, start, seconds, window, hop, n_windows", [
    pytest.param(SAD_HEAD, 0.0, 7.0, 30.0, 5.0, 1, id="one-short-window"),
    pytest.param(SAD, 5.0, 35.0, 20.0, 20.0, 2, id="window-and-tail", marks=pytest.mark.slow),
])
def test_live_and_batch_analysis_of_one_recording_agree_exactly(data_dir, tmp_path, source, start, seconds,
                                                                 window, hop, n_windows):
    path = tmp_path / "session.wav"
    samples, sr = _recording(path, source, start, seconds)

    # Live: no model given, so the library's active one (here the shipped model), as the batch takes it.
    live = _live(samples, sr, window=window, hop=hop)
    try:
        with LibraryStore.open() as store:
            assert live.model_version == choose_model(store).version == BUNDLED
        live_result = live.analysis(path)
    finally:
        live.close()
    _, batch = _batch(WorkerConfig(window=window, hop=hop, use_cache=False, model_version=BUNDLED), path)

    assert batch.error is None and len(batch.windows) == n_windows
    assert len(live_result.windows) == n_windows
    for a, b in zip(live_result.windows, batch.windows):
        _same_window(a, b)
    assert all(w.probs is not None for w in batch.windows)
    assert live_result.probs == batch.probs
    assert (live_result.label, live_result.confidence, live_result.decision, live_result.unfamiliar) == \
        (batch.label, batch.confidence, batch.decision, batch.unfamiliar)
    assert (live_result.content_hash, live_result.duration, live_result.short, live_result.model_version,
            live_result.extractor_version) == (batch.content_hash, batch.duration, batch.short,
                                               batch.model_version, batch.extractor_version)


def test_a_silent_window_has_the_same_translatable_note_live_and_in_a_batch(data_dir, tmp_path):
    path = tmp_path / "silence.wav"
    sr = 44100
    sf.write(str(path), np.zeros(3 * sr, dtype=np.float32), sr, subtype="PCM_16")
    samples, _ = sf.read(str(path), dtype="float32")

    analyser, batch = _batch(WorkerConfig(use_cache=False), path)
    live = _live(samples, sr, window=30.0, hop=5.0, model=analyser.model, model_version=BUNDLED)
    try:
        (live_window,) = live.windows
        with pytest.raises(TmerError, match="holds no signal"):
            live.analysis(path)
    finally:
        live.close()

    (batch_window,) = batch.windows
    assert batch.error == SILENT and batch.probs is None
    for w in (live_window, batch_window):
        assert w.probs is None and w.label is None
        assert isinstance(w.note, Template) and w.note == judge.SILENT == "silent"
        assert w.note.context == judge.SILENT.context == "Recording"  # translated where it is shown


def test_live_analysis_takes_the_librarys_active_model_not_the_shipped_one(data_dir):
    from tmer_desktop import paths

    with LibraryStore.open() as store:
        version = ModelStore(store).add(paths.BUNDLED_MODEL_DIR, activate=True).version
        assert version != BUNDLED
        live = LiveAnalyser(44100, library=store)
    try:
        assert live.model_version == version
    finally:
        live.close()
    live = LiveAnalyser(44100)  # no library handed in: the app's own, as the batch opens it
    try:
        assert live.model_version == version
    finally:
        live.close()


def test_the_judge_decides_with_the_rule_it_is_given():
    """Same features, stricter rule: the label turns into top-2 or review, the probabilities stay."""
    from tmer_desktop.model import bundle
    from tmer_desktop.vocabulary import DecisionRule

    model = bundle.load_model(None, allow_retrain=False)
    features = _features_of_music()
    usual = judge.Judge(model).verdict(features)
    strict = judge.Judge(model, DecisionRule(threshold=1.0, top2_threshold=1.0)).verdict(features)
    assert usual is not None and strict is not None
    assert usual.probs == strict.probs and strict.decision == "review"
    with pytest.raises(ValueError, match="aggregation"):
        judge.Judge(model, aggregation="median")
    assert judge.Judge(model).verdict(np.zeros(len(features))) is None  # silence is not judged


def _features_of_music() -> tuple[float, ...]:
    from tmer_desktop.features.columns import FEATURE_NAMES
    from tmer_desktop.features.extract import prepared_features

    y, sr = sf.read(str(SAD_HEAD), dtype="float64", always_2d=True)
    values = prepared_features(y.mean(axis=1), sr)
    return tuple(values[name] for name in FEATURE_NAMES)
