"""numba cache locator for the frozen (PyInstaller) app; bundled as a top-level module.

In a frozen app, a function's code object names its file relative to the bundle
(`tmer_desktop/features/peaks.py`) and no .py file exists there. numba's own locators then
either refuse to cache (NUMBA_CACHE_DIR is honoured only for files that exist) or fall back
to numba's user-wide cache under a path derived from the *current directory*, so the cache
would miss whenever the app is started from another folder. This locator resolves the name
against the bundle folder and caches into NUMBA_CACHE_DIR, which `import tmer_desktop` points
at the app's cache directory (tmer_desktop.paths.configure_numba_cache).

Freshness: numba stamps a frozen app's cache entries with a hash of the executable, which
holds the bytecode archive, so a rebuilt app with changed code does not load stale entries.

Selected through numba's NUMBA_CACHE_LOCATOR_CLASSES (set by packaging/rthooks/).
"""

from __future__ import annotations

import os
import sys

from numba.core import config
from numba.core.caching import UserProvidedCacheLocator


class FrozenAppCacheLocator(UserProvidedCacheLocator):
    @classmethod
    def from_function(cls, py_func, py_file):
        if not getattr(sys, "frozen", False) or not config.CACHE_DIR:
            return None
        bundle = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
        path = py_file if os.path.isabs(py_file) else os.path.join(bundle, py_file)
        locator = cls(py_func, path)
        try:
            locator.ensure_cache_path()
        except OSError:
            return None  # unwritable cache: the next locator in the list is tried
        return locator
