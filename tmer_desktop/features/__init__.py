"""The MIRtoolbox feature port, windowing and the feature cache."""

from tmer_desktop.features.columns import FEATURE_NAMES, N_FEATURES

__all__ = ["FEATURE_NAMES", "N_FEATURES"]
