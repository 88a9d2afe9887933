# PyInstaller runtime hook (runs before the app's code): let numba cache the app's compiled
# functions in NUMBA_CACHE_DIR although the frozen app has no .py files (see
# packaging/tmer_numba_locator.py). numba's user-wide cache is the fallback when that
# directory is not writable. Set here, before numba is imported, because numba reads its
# configuration from the environment once; spawned analysis workers inherit it.
import os

os.environ.setdefault("NUMBA_CACHE_LOCATOR_CLASSES",
                      "tmer_numba_locator.FrozenAppCacheLocator,UserWideCacheLocator")
