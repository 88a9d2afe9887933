"""The bundled demo lives apart from the user's music: `tmer-desktop --demo` opens (and on its
first run fills) the demo library under the data directory, never the user's own library; and
`--track TEXT` that matches no track says so instead of showing another one."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tmer_desktop import paths

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_demo_is_tagged_into_its_own_library_and_an_unknown_track_is_refused(tmp_path):
    data = tmp_path / "data"
    shot = tmp_path / "shot.png"
    env = dict(os.environ, TMER_DATA_DIR=str(data), TMER_CACHE_DIR=str(tmp_path / "cache"),
               PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "tmer_desktop.ui.app", "--demo", "--view", "player",
                          "--track", "nosuchtrack", "--screenshot", str(shot)],
                         env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 2, out.stderr
    assert "tmer-desktop: --track nosuchtrack: no track in the library has 'nosuchtrack' in its path" \
        in out.stderr
    assert "Traceback" not in out.stderr
    assert not shot.exists()
    demo = data / paths.DEMO_LIBRARY_NAME
    assert (demo / paths.DEMO_MARKER).is_file()
    with sqlite3.connect(demo / "library.sqlite3") as db:
        names = sorted(Path(p).name for (p,) in db.execute("SELECT path FROM tracks"))
    assert names == sorted(p.name for p in paths.DEMO_DIR.glob("*.ogg"))
    assert not (data / "library.sqlite3").exists()  # the user's own library was never opened
