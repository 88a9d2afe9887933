"""Where the app keeps its files: platformdirs locations, overridable for tests and portable use.

TMER_DATA_DIR  overrides the user data directory (library database, model store, recordings).
TMER_CACHE_DIR overrides the user cache directory (feature cache, numba cache).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "tmer-desktop"
APP_AUTHOR = "tmer"

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"
TRAINING_CSV = RESOURCES_DIR / "data" / "Acoustic_Features.csv"
BUNDLED_MODEL_DIR = RESOURCES_DIR / "model"
DEMO_DIR = RESOURCES_DIR / "demo"


def data_dir() -> Path:
    override = os.environ.get("TMER_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def cache_dir() -> Path:
    override = os.environ.get("TMER_CACHE_DIR")
    if override:
        return Path(override)
    if os.environ.get("TMER_DATA_DIR"):
        # A portable/test data directory keeps its cache beside it.
        return Path(os.environ["TMER_DATA_DIR"]) / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def library_db_path() -> Path:
    return data_dir() / "library.sqlite3"


def model_store_dir() -> Path:
    return data_dir() / "models"


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def feature_cache_dir() -> Path:
    return cache_dir() / "features"


def configure_numba_cache() -> None:
    """Point numba at our own cache unless the user chose one explicitly."""
    if "NUMBA_CACHE_DIR" in os.environ:
        return
    target = cache_dir() / "numba"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # read-only home: numba falls back to no caching, which is only slower
    os.environ["NUMBA_CACHE_DIR"] = str(target)
