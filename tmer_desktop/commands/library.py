"""`tmer library recover FILE [--dry-run]`: bring the user's work back from a damaged library file.

Reading and merging are library.recover's; this module chooses the library to merge into (a
throw-away empty one for a dry run when there is none yet), prints the report and chooses the
exit status.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tmer_desktop import paths
from tmer_desktop.commands.notices import print_open_notices
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.library.recover import RecoverUsageError, check_source, merge, read_damaged
from tmer_desktop.library.store import LibraryStore


def recover_command(source: str, *, dry_run: bool = False) -> int:
    """`tmer library recover FILE [--dry-run]`: 0 something recovered (or nothing lost), 1 the file
    cannot be read at all or everything readable was lost, 2 usage errors.

    FILE may also be the library itself when it is damaged: opening it moves it aside (and says
    so), and the work is recovered from where it went."""
    err = sys.stderr
    library = Path(os.path.abspath(paths.library_db_path()))
    path = Path(os.path.abspath(source))
    try:
        salvage = None
        if path != library:  # read first: a file nothing can be read from opens (or makes) no library
            salvage = read_damaged(check_source(path, library))
        with _target_store(library, dry_run) as store:
            print_open_notices(store, "library recover")
            if salvage is None:  # FILE is the library: if damaged, opening it just moved it aside
                salvage = read_damaged(check_source(store.moved_aside or path, store.path))
            report = merge(salvage, store, dry_run=dry_run)
    except RecoverUsageError as exc:
        print(f"tmer library recover: {exc}", file=err)
        return 2
    except LibraryError as exc:  # unreadable, or the merge failed (and changed nothing)
        print(f"tmer library recover: {exc}", file=err)
        return 1
    for line in report.lines():
        print(line)
    print(report.summary())
    return report.exit_code


@contextlib.contextmanager
def _target_store(library: Path, dry_run: bool) -> Iterator[LibraryStore]:
    if dry_run and not library.exists():
        # A dry run must not create the library: compare with an empty one that goes away.
        with tempfile.TemporaryDirectory(prefix="tmer-recover-dry-") as tmp:
            with LibraryStore.open(Path(tmp) / library.name) as store:
                yield store
        return
    with LibraryStore.open(library) as store:
        yield store
