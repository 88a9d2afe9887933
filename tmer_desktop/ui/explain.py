"""Explanations for the panel, computed in worker threads from the stored window features.

A prediction is explained by the model version that made it (the model store's name stored
with the prediction: "bundled", "v002", ...); models are loaded lazily, once per version,
never at start-up. SHAP values come from the model itself (exact for this linear model).
"""

from __future__ import annotations

import threading

import numpy as np

from tmer_desktop.ui.explain_panel import Explanation
from tmer_desktop.ui.i18n import translated


def localized_reason(result) -> str:
    """The model's one-line reason in the interface language, as a sentence."""
    text = translated(result.reason)
    return text[:1].upper() + text[1:] + "."


class Explainer:
    def __init__(self, library=None) -> None:
        self._library = library
        self._lock = threading.Lock()
        self._models: dict[str | None, object] = {}

    def model(self, version: str | None = None):
        """The model that made predictions stored as `version` (None: the shipped bundle)."""
        with self._lock:
            if version not in self._models:
                if version is None or self._library is None:
                    from tmer_desktop.model.bundle import load_model
                    self._models[version] = load_model()
                else:
                    from tmer_desktop.model.store import ModelStore
                    self._models[version] = ModelStore(self._library).load(version)
            return self._models[version]

    def explain(self, view, window_index: int | None) -> Explanation:
        """One window (window_index) or the whole track (None: all its windows together)."""
        model = self.model(view.model_version)
        if window_index is None:
            X = np.array([w.features for w in view.windows], dtype=float)
            result = model.explain_track(X, label=view.label)
        else:
            X = np.array([view.windows[window_index].features], dtype=float)
            result = model.explain(X, label=view.series.labels[window_index])[0]
        reason = localized_reason(result)
        return Explanation(emotion=result.label, reason=reason, families=tuple(result.families.items()),
                           top_features=tuple(result.top_features[:3]), clipped=tuple(result.clipped))
