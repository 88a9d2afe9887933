"""Shared builders for the feedback / retrain / drift / dashboard tests: a real library database
filled with real feature vectors (rows of the training CSV) and a real model's predictions."""

from __future__ import annotations

import functools
import hashlib

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.schema import EMOTIONS
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.data import load_labelled_csv
from tmer_desktop.paths import TRAINING_CSV

WINDOW_S = 30.0


@functools.lru_cache(maxsize=1)
def _training_table() -> pd.DataFrame:
    data = load_labelled_csv(TRAINING_CSV)
    table = data.X.copy()
    table.insert(0, "label", [EMOTIONS[i] for i in data.y])
    return table


def training_table() -> pd.DataFrame:
    """The training CSV as `label` + 50 features (a fresh copy: callers may change it)."""
    return _training_table().copy()


@functools.lru_cache(maxsize=1)
def _full_model():
    return _fit(_training_table())


def quick_model(table: pd.DataFrame | None = None):
    """A small real classifier (predict_proba over EMOTIONS order); default: fit on all 400 rows."""
    return _full_model() if table is None else _fit(table)


def _fit(table: pd.DataFrame):
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
    model.fit(table[list(FEATURE_NAMES)].to_numpy(), table["label"].map(EMOTIONS.index).to_numpy())
    return model


def fill_library(
    store: LibraryStore,
    rows: pd.DataFrame,
    *,
    model=None,
    model_version: str = "test-model",
    windows_per_track: int = 3,
    artists: tuple[str, ...] = ("Ayla", "Barış", "Cem"),
    genres: tuple[str, ...] = ("folk", "pop"),
) -> list[int]:
    """One track per `windows_per_track` rows; windows hold the rows' features, predictions the model's."""
    track_ids = []
    features = rows[list(FEATURE_NAMES)].to_numpy(dtype=np.float64)
    for t, first in enumerate(range(0, len(rows), windows_per_track)):
        block = features[first:first + windows_per_track]
        artist = artists[t % len(artists)]
        path = f"/music/{artist}/album{t % 2}/track{t:03d}.ogg"
        track_id = store.upsert_track(
            path,
            content_hash=hashlib.sha256(path.encode()).hexdigest(),
            artist=artist,
            album=f"{artist} album {t % 2}",
            title=f"Track {t}",
            genre=genres[t % len(genres)],
            duration=WINDOW_S * len(block),
            window_s=WINDOW_S,
            hop_s=WINDOW_S,
        )
        store.replace_windows(
            track_id,
            [
                {"idx": i, "start": i * WINDOW_S, "duration": WINDOW_S, "short": False, "features": tuple(v)}
                for i, v in enumerate(block)
            ],
        )
        if model is not None:
            probs = model.predict_proba(block)
            items = [_prediction(p, window_idx=i) for i, p in enumerate(probs)]
            items.append(_prediction(probs.mean(axis=0)))
            store.add_predictions(track_id, model_version, items)
        track_ids.append(track_id)
    return track_ids


def _prediction(p: np.ndarray, window_idx: int | None = None) -> dict:
    p = np.clip(np.asarray(p, dtype=np.float64), 0.0, 1.0)
    best = int(np.argmax(p))
    conf = float(p[best])
    return {
        "probabilities": dict(zip(EMOTIONS, map(float, p))),
        "label": EMOTIONS[best],
        "confidence": conf,
        "decision": "label" if conf >= 0.75 else "review",
        "window_idx": window_idx,
    }


def add_corrections(store: LibraryStore, truth: dict[int, str] | None = None, *, limit: int | None = None,
                    model_version: str | None = None) -> int:
    """Give feedback on window predictions: confirm right ones, correct wrong ones to `truth`.

    truth maps window id -> true label; without it every prediction is confirmed.
    """
    count = 0
    for summary in store.tracks():
        for p in store.predictions_for_track(summary.id, model_version=model_version, level="window"):
            if limit is not None and count >= limit:
                return count
            window = next(w for w in store.windows_for_track(summary.id) if w.id == p.window_id)
            true = (truth or {}).get(p.window_id, p.label)
            store.add_feedback(
                features=window.features,
                is_correct=true == p.label,
                track_id=summary.id,
                window_id=p.window_id,
                predicted_label=p.label,
                confidence=p.confidence,
                corrected_label=None if true == p.label else true,
                note="heard in session 3" if count % 2 else "",
                model_version=p.model_version,
            )
            count += 1
    return count


@pytest.fixture
def library(data_dir):
    store = LibraryStore.open()
    yield store
    store.close()


def test_fill_library_stores_real_rows(library):
    table = training_table()
    ids = fill_library(library, table.iloc[:6], model=quick_model(table))
    assert len(ids) == 2
    stored = library.windows_for_track(ids[1])
    np.testing.assert_array_equal(np.array(stored[0].features), table.iloc[3][list(FEATURE_NAMES)].to_numpy(float))
    assert len(library.predictions_for_track(ids[0], level="window")) == 3
