"""Explanations for the panel, computed in worker threads from the stored window features.

The model (and shap, slow to import) is loaded lazily, once, on first use — never at start-up.
"""

from __future__ import annotations

import threading

import numpy as np

from tmer_desktop.ui.explain_panel import Explanation


class Explainer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model = None

    def model(self):
        with self._lock:
            if self._model is None:
                from tmer_desktop.model.bundle import load_model
                self._model = load_model()
            return self._model

    def explain(self, view, window_index: int | None) -> Explanation:
        """One window (window_index) or the whole track (None: all its windows together)."""
        from tmer_desktop.model.explain import explain_features

        model = self.model()
        if window_index is None:
            X = np.array([w.features for w in view.windows], dtype=float)
            emotion = view.label
        else:
            X = np.array([view.windows[window_index].features], dtype=float)
            emotion = view.series.labels[window_index]
        result = explain_features(model, X, emotion)
        return Explanation(emotion=emotion, reason=result.reason, families=tuple(result.families))
