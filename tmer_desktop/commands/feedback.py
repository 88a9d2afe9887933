"""`tmer export-feedback --out FILE [--anonymise]`: the library's corrections as a CSV in the
retraining schema (tmer_desktop.model.corrections)."""

from __future__ import annotations

import os
import sys

from tmer_desktop.analysis.corrections import feedback_records
from tmer_desktop.commands.notices import print_open_notices
from tmer_desktop.console import for_terminal
from tmer_desktop.library.notices import moved_aside_files, recover_hint
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.corrections import write_feedback_csv


def export_feedback_command(out: str | os.PathLike, *, anonymise: bool = False) -> int:
    """0 written, 1 refused (below); errors raise.

    An empty library beside a damaged one moved aside (by this open or an earlier command) is
    refused: the user's corrections are in that file, and an export now would replace their
    previous export with none. Recovering them, or moving the damaged file away, lifts it."""
    err = sys.stderr
    with LibraryStore.open() as store:
        print_open_notices(store, "export-feedback")
        records = feedback_records(store, anonymise=anonymise)
        damaged = moved_aside_files(store.path) if not records else []
        if damaged:
            if store.moved_aside is None:  # moved by an earlier command: say it again here
                for path in damaged:
                    print(for_terminal(f"tmer export-feedback: a damaged library was moved aside to {path}. "
                                       f"{recover_hint(path)}"), file=err)
            print(f"tmer export-feedback: nothing was written to {for_terminal(os.fspath(out))}: "
                  f"the library has no corrections, "
                  f"and the damaged library moved aside may hold them. Recover them first (or move the damaged "
                  f"file elsewhere if it holds nothing you need).", file=err)
            return 1
        library = store.path
    count = write_feedback_csv(records, out)
    print(f"wrote {count} correction(s) to {for_terminal(os.fspath(out))}")
    print(for_terminal(f"tmer export-feedback: from the library {library}"), file=err)
    return 0
