"""What a `tmer` command says after opening the library: the store's notices (a damaged file moved
aside, a backup before an upgrade) and, when a damaged file was moved aside, the command that
brings the user's work back from it (library/notices.py words them). Every sub-command that
opens the library prints them, so none of them replaces a damaged library in silence.
"""

from __future__ import annotations

import sys
from typing import TextIO

from tmer_desktop.console import for_terminal
from tmer_desktop.library.notices import open_notices


def print_notice(notice: str, command: str, file: TextIO | None = None) -> None:
    """One notice on stderr (or `file`), as `tmer COMMAND: ...`."""
    print(for_terminal(f"tmer {command}: {notice}"), file=file if file is not None else sys.stderr, flush=True)


def print_open_notices(store, command: str, file: TextIO | None = None) -> None:
    """Print the notices of a just-opened LibraryStore to stderr, one line each, as `tmer COMMAND: ...`."""
    for notice in open_notices(store):
        print_notice(notice, command, file)
