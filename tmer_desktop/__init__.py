"""tmer-desktop: offline music emotion recognition with MIRtoolbox-faithful features."""

from tmer_desktop import paths as _paths

__version__ = "0.1.0"

# numba (pulled in by librosa and shap) must get its own cache directory before it is
# first imported: a stale or foreign cache has segfaulted librosa here (DESIGN.md).
_paths.configure_numba_cache()
