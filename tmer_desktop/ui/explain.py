"""Explanations for the panel, computed in worker threads from the stored window features.

The model is loaded lazily, once, on first use — never at start-up. SHAP values come from
model.explain (exact for this linear model, no shap import).
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

        model = self.model()
        if window_index is None:
            X = np.array([w.features for w in view.windows], dtype=float)
            result = model.explain_track(X, label=view.label)
        else:
            X = np.array([view.windows[window_index].features], dtype=float)
            result = model.explain(X, label=view.series.labels[window_index])[0]
        reason = result.reason[:1].upper() + result.reason[1:] + "."
        version = str(getattr(model, "version", ""))
        if view.model_version and version and version != view.model_version:
            reason += f" (Explained with model {version}; the prediction was made by {view.model_version}.)"
        return Explanation(emotion=result.label, reason=reason, families=tuple(result.families.items()),
                           top_features=tuple(result.top_features[:3]))
