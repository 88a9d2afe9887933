"""`tmer library list|info|remove` (the tracks, by id; library.catalogue does the work) and
`tmer library recover FILE [--dry-run]`: bring the user's work back from a damaged library file.

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
from tmer_desktop.commands.output import print_json
from tmer_desktop.console import for_terminal
from tmer_desktop.errors import UsageError
from tmer_desktop.library.catalogue import demo_tracks, find_tracks, remove_tracks, summary_record, track_info
from tmer_desktop.library.errors import LibraryError
from tmer_desktop.library.recover import RecoverUsageError, check_source, merge, read_damaged
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.vocabulary import EMOTIONS


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


def _date(stamp: str | None) -> str:
    return (stamp or "")[:10] or "-"


def list_command(*, emotion: str | None = None, decision: str | None = None, failed: bool = False,
                 search: str | None = None, as_json: bool = False) -> int:
    """`tmer library list`: one line per track (or JSON) on stdout, the count and the library on
    stderr. 0 (an empty answer is an answer)."""
    with LibraryStore.open() as store:
        print_open_notices(store, "library list")
        rows = store.tracks(emotion=emotion, decision=decision, search=search)
        where = store.path
    records = [summary_record(s) for s in rows if not failed or s.track.error]
    if as_json:
        print_json(records)
    else:
        if records:
            print(f"{'id':>5}  {'label':<8} {'conf.':>6}  {'decision':<8}  {'analysed':<10}  path")
        for r in records:
            label = r["label"] or ("failed" if r["error"] else "-")
            conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "-"
            mark = "  [demo]" if r["demo"] else ""
            print(for_terminal(f"{r['id']:>5}  {label:<8} {conf:>6}  {r['decision'] or '-':<8}  "
                               f"{_date(r['analysed_at']):<10}  {r['path']}{mark}"))
    print(for_terminal(f"tmer library list: {len(records)} track(s) in {where}"), file=sys.stderr)
    return 0


def info_command(ref: str, *, as_json: bool = False) -> int:
    """`tmer library info TRACK`: 0 shown, 2 not in the library (UnknownTrackError)."""
    with LibraryStore.open() as store:
        print_open_notices(store, "library info")
        (track,) = find_tracks(store, [ref])
        info = track_info(store, track.id)
    if as_json:
        print_json(info)
        return 0
    lines = [f"track {info['id']}: {info['path']}" + ("  [bundled demo clip]" if info["demo"] else "")]
    if not info["file_exists"]:
        lines.append("  the file is no longer there (moved or deleted)")
    tags = ", ".join(f"{k} {info[k]}" for k in ("title", "artist", "album", "genre", "year") if info[k])
    if tags:
        lines.append(f"  {tags}")
    if info["duration"] is not None:
        lines.append(f"  duration {info['duration']:.1f} s, {info['sample_rate'] or '?'} Hz, "
                     f"{info['channels'] or '?'} channel(s)")
    if info["error"]:
        lines.append(f"  error: {info['error']}")
    if info["label"]:
        probs = ", ".join(f"{e} {info[f'p_{e}']:.4f}" for e in EMOTIONS)
        lines.append(f"  {info['label']} ({info['confidence']:.4f}, {info['decision']}) by model "
                     f"{info['model_version']}: {probs}")
    lines.append(f"  analysed {info['analysed_at'] or 'never'}, added {info['added_at']}")
    windows = info["windows"]
    lines.append(f"  {windows['count']} window(s) of {info['window_s'] or '?'} s every {info['hop_s'] or '?'} s")
    if windows["labels"]:
        lines.append("  windows by label: " + ", ".join(f"{k} {v}" for k, v in windows["labels"].items()))
        lines.append("  windows by decision: " + ", ".join(f"{k} {v}" for k, v in windows["decisions"].items()))
        lines.append("  stretches: " + "; ".join(f"{s['label']} {s['start']:.0f}-{s['end']:.0f} s"
                                                 for s in windows["stretches"]))
    for line in lines:
        print(for_terminal(line))
    return 0


def remove_command(refs: list[str], *, demo: bool = False) -> int:
    """`tmer library remove TRACK... | --demo`: 0 removed, 2 nothing asked for, a track not in
    the library (then nothing is removed) or no demo track to remove. The audio files stay."""
    if not refs and not demo:
        raise UsageError("give the track ids or paths to remove (see 'tmer library list'), or --demo")
    with LibraryStore.open() as store:
        print_open_notices(store, "library remove")
        targets = find_tracks(store, refs) if refs else []
        if demo:
            found = demo_tracks(store)
            if not found and not targets:
                raise UsageError(f"the library {store.path} holds no bundled demo clips; nothing was removed")
            targets += [t for t in found if t.id not in {x.id for x in targets}]
        removed = remove_tracks(store, [t.id for t in targets])
        where = store.path
    for track in removed:
        print(for_terminal(f"removed track {track.id}: {track.path}"))
    print(for_terminal(f"tmer library remove: removed {len(removed)} track(s) from {where}; "
                       f"the audio files were not touched"), file=sys.stderr)
    return 0
