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


DEMO_LIBRARY_NAME = "demo"
DEMO_MARKER = "DEMO-LIBRARY.txt"  # in a demo data directory: marks it (and says what it is to a person)
DEMO_MARKER_TEXT = ("This folder is tmer-desktop's demo library: the bundled demo clips, tagged apart from your "
                    "own music. Deleting the folder removes the demo and nothing else.\n")


def demo_data_dir() -> Path:
    """The demo's own data directory (its library, settings and model versions), inside the
    user's data directory: the bundled demo clips are tagged there, never into the user's own
    library (`tmer-desktop --demo`; `tmer --library <this> library list`)."""
    return data_dir() / DEMO_LIBRARY_NAME


def mark_demo_data_dir(path: str | os.PathLike) -> None:
    """Create `path` as a demo data directory (raises OSError when it cannot be written)."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / DEMO_MARKER
    if not marker.exists():
        marker.write_text(DEMO_MARKER_TEXT, encoding="utf-8")


def is_demo_data_dir(path: str | os.PathLike) -> bool:
    """Whether `path` is a demo data directory (mark_demo_data_dir made it)."""
    return (Path(path) / DEMO_MARKER).is_file()


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
