"""What opening the library has to say: the store's notices (a damaged file moved aside, a backup
before an upgrade) and, when a damaged file was moved aside, the command that brings the user's
work back from it. The commands print them (commands/notices.py), so none of them replaces a
damaged library in silence.
"""

from __future__ import annotations

import glob
import os
import shlex
from pathlib import Path

from tmer_desktop.library.db import MOVED_ASIDE_INFIX


def recover_command_line(moved: str | os.PathLike) -> str:
    """The command that salvages a moved-aside library file, quoted for a shell."""
    return f"tmer library recover {shlex.quote(os.fspath(moved))}"


def recover_hint(moved: str | os.PathLike) -> str:
    return (f"To bring back your corrections, session playlists and model versions from it: "
            f"{recover_command_line(moved)} (tagging your music again brings back the analyses).")


def open_notices(store) -> list[str]:
    """The store's open notices as a command line shows them, the recovery hint last."""
    notices = [str(message) for message in store.open_messages]
    if store.moved_aside is not None:
        notices.append(recover_hint(store.moved_aside))
    return notices


def moved_aside_files(library: str | os.PathLike) -> list[Path]:
    """The damaged libraries moved aside beside `library` (by this open or an earlier one), oldest first."""
    path = Path(library)
    found = path.parent.glob(glob.escape(path.name + MOVED_ASIDE_INFIX) + "*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm", "-journal")))
