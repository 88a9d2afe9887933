"""`tmer tag`: batch-tag files and folders into the library and a results file.

The work is tagging.runner.BatchTagger's; this module checks the arguments, shows each file and
the progress on stderr (one line redrawn on a terminal, a line every few seconds in a log),
turns the first Ctrl-C into a clean stop, writes the results files and chooses the exit status.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from tmer_desktop.analysis.model_choice import ModelRefusedError
from tmer_desktop.commands.notices import print_notice, print_open_notices
from tmer_desktop.commands.output import require_output_folder
from tmer_desktop.console import for_terminal
from tmer_desktop.errors import TmerError, UsageError
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.settings import load_settings
from tmer_desktop.tagging import report
from tmer_desktop.tagging.runner import BatchTagger, Progress, TrackResult

NON_TTY_PROGRESS_INTERVAL = 5.0  # seconds between progress lines when stderr is not a terminal


def _output_format(path: str, fmt: str | None) -> str:
    if fmt is not None:
        if fmt.lower() not in ("csv", "parquet"):
            raise UsageError(f"unknown output format {fmt!r}; use csv or parquet")
        return fmt.lower()
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise UsageError(f"{path}: unknown output format; name the file .csv or .parquet")


def _check_output(path: str, fmt: str | None) -> str:
    """The format of an output, once it is known the file can be written: checked before any
    analysis, so a bad --out does not cost the whole batch."""
    kind = _output_format(path, fmt)
    parent = require_output_folder(path)
    if Path(path).is_dir():
        raise UsageError(f"{path}: is a folder; give a file name")
    try:  # the results are written atomically (a temporary file beside it, then renamed): try exactly that
        fd, probe = tempfile.mkstemp(prefix=".tmer-write-check-", dir=parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write in the folder {parent} ({exc.strerror or exc})") from None
    return kind


def _check_inputs(paths) -> None:
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise UsageError("not found (no such file or folder): " + ", ".join(map(str, missing)))


def _check_scheduler(address: str) -> None:
    """--scheduler: a Dask scheduler's address, tcp://HOST:PORT (or tls://, ws://, wss://, inproc://)."""
    scheme, sep, rest = address.partition("://")
    if not sep or scheme not in ("tcp", "tls", "ws", "wss", "inproc") or not rest:
        raise UsageError(f"--scheduler {address}: not a Dask scheduler address; give tcp://HOST:PORT")


def _format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "ETA --"
    seconds = int(round(seconds))
    return f"ETA {seconds // 60}:{seconds % 60:02d}"


def _write_windows(rows: list[TrackResult], path: str, kind: str, model_version: str | None) -> int:
    with LibraryStore.open() as store:
        print_open_notices(store, "tag")
        return report.write_windows(rows, path, kind, model_version, store)


def _timelines_note(rows: list[TrackResult], window: float, hop: float) -> str:
    """Which level of analysis the windows file holds (a coarse run keeps a fine timeline already stored)."""
    fine = sum(1 for r in rows if r.label is not None and r.timeline == "fine")
    coarse = sum(1 for r in rows if r.label is not None and r.timeline == "coarse")
    parts = [f"{n} track(s) with the {level} timeline (a {window:g} s window every {step:g} s)"
             for n, level, step in ((coarse, "coarse", window), (fine, "fine", hop)) if n]
    return ("tmer tag: windows file: " + ", ".join(parts or ["no tagged track"])
            + ("; tmer tag without --coarse makes the fine one" if coarse else ""))


def tag_command(paths, out, windows_out=None, jobs=None, write_tags=False, dry_run=False, force=False,
                fmt=None, model=None, scheduler=None, fine=True) -> int:
    """`tmer tag`: returns 0 when every file was tagged (or was already), 1 when some could not be
    (their rows say why) or the library or the output file cannot be written, 2 for usage
    errors, 130 when interrupted (the exit status of every tmer command: cli.EXIT_STATUS)."""
    err = sys.stderr
    try:
        if not paths:
            raise UsageError("give at least one file or folder to tag")
        _check_inputs(paths)
        kind = _check_output(out, fmt)
        windows_kind = _check_output(windows_out, fmt) if windows_out else None
        if jobs is not None and jobs < 1:
            raise UsageError(f"--jobs must be at least 1, not {jobs}")
        if scheduler is not None:
            _check_scheduler(scheduler)
    except UsageError as exc:
        print(for_terminal(f"tmer tag: {exc}"), file=err)
        return 2
    settings, _ = load_settings()  # its warnings are logged, and so shown on stderr
    if model is not None:
        print(f"tmer tag: using the model version {model!r}, as asked (not the library's active model)", file=err)
    tagger = BatchTagger(paths, jobs=jobs or settings.jobs, force=force, window=settings.window_s,
                         hop=settings.hop_s, write_tags=write_tags, settings=settings, dry_run=dry_run,
                         model=model, scheduler=scheduler, fine=fine)
    rows: list[TrackResult] = []
    is_tty = err.isatty()

    # Ctrl-C only sets a flag: printing from the signal handler could land in the middle of
    # another print to the same stream ("reentrant call inside BufferedWriter"); the note is
    # printed by the next callback, at most a progress interval later, or when the run ends.
    stopping = {"asked": False, "said": False}

    def say_stopping() -> None:
        if stopping["asked"] and not stopping["said"]:
            stopping["said"] = True
            print("\ntmer tag: stopping; finished results are kept (run again to continue)", file=err, flush=True)

    def on_result(result: TrackResult) -> None:
        say_stopping()
        rows.append(result)
        clear = "\r\x1b[K" if is_tty else ""
        path = for_terminal(result.path)
        if result.error:
            kind = "warning" if result.label else "error"
            text = str(result.error).removeprefix("warning: ")  # a tagged file's warning says so once
            print(f"{clear}  {kind}: {path}: {for_terminal(text)}", file=err, flush=True)
        elif not is_tty:
            state = "up to date" if result.skipped else "tagged"
            print(f"  {state}: {path}: {result.label} ({result.confidence:.2f}, {result.decision})",
                  file=err, flush=True)
        if dry_run and result.tag_changes:
            for change in result.tag_changes:
                print(f"would set {path}: {change.key} = {change.new!r} (was {change.old!r})")

    last_line = [0.0]

    def on_progress(p: Progress) -> None:
        say_stopping()
        if p.total == 0:
            return  # nothing found (yet): said once the scan is over
        now = time.monotonic()
        if not is_tty and p.done < p.total and now - last_line[0] < NON_TTY_PROGRESS_INTERVAL:
            return  # a log file gets a line every few seconds, not a flood
        last_line[0] = now
        line = (f"[{p.done}/{p.total}] {p.failed} failed, {p.skipped} skipped, "
                f"{p.elapsed:.0f} s, {_format_eta(p.eta)}")
        if is_tty:
            print(f"\r\x1b[K{line}", end="", file=err, flush=True)
        else:
            print(line, file=err, flush=True)

    def on_notice(notice: str) -> None:  # a damaged library replaced by an empty one is said, with the way back
        print_notice(notice, "tag", err)

    previous = None
    if threading.current_thread() is threading.main_thread():
        def on_sigint(signum, frame):
            if tagger.cancelled:  # a second Ctrl-C: stop now, even in the middle of a step
                raise KeyboardInterrupt
            stopping["asked"] = True
            tagger.cancel()

        previous = signal.signal(signal.SIGINT, on_sigint)
    status = 0
    try:
        summary = tagger.run(on_result=on_result, on_progress=on_progress, on_notice=on_notice)
    except ModelRefusedError as exc:
        print(f"\ntmer tag: {for_terminal(exc)}\n  To retrain it from your corrections: tmer train\n"
              f"  To tag with the shipped model: tmer tag --model bundled ...", file=err)
        return 1  # no results file: nothing was tagged
    except TmerError as exc:
        print(f"\ntmer tag: {for_terminal(exc)}", file=err)
        summary = None
        status = 1
    except KeyboardInterrupt:
        summary = None
        status = 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        say_stopping()
    if is_tty:
        print(file=err)
    if summary is not None and summary.total == 0 and not summary.cancelled:
        ignored = f" ({summary.non_audio} non-audio file(s) ignored)" if summary.non_audio else ""
        print(for_terminal(f"tmer tag: no audio files found in {', '.join(map(str, paths))}{ignored}; "
                           f"nothing was written"), file=err)
        return 2
    if dry_run:
        print(f"tmer tag: dry run: nothing was written ({len(rows)} file(s) examined)", file=err)
    else:
        try:
            with LibraryStore.open() as store:
                count = report.write_results(rows, out, kind, store)
                library = store.path
            written = f"wrote {count} row(s) to {out}"
            if windows_kind:
                windows = _write_windows(rows, windows_out, windows_kind, tagger.model_version)
                written += f" and {windows} window row(s) to {windows_out}"
                print(_timelines_note(rows, settings.window_s, settings.hop_s), file=err)
        except TmerError as exc:
            print(for_terminal(f"tmer tag: {exc}"), file=err)
            return 1
        print(for_terminal(f"tmer tag: {written}; library: {library}"), file=err)
    if summary is not None:
        # A file that failed before and has not changed is not analysed again, but it still failed.
        failed = sum(1 for r in rows if r.label is None and r.error)
        up_to_date = sum(1 for r in rows if r.skipped and r.label is not None)
        print(f"tmer tag: {summary.done} tagged, {failed} failed, {up_to_date} already up to date, "
              f"{summary.non_audio} non-audio file(s) ignored, in {summary.elapsed:.1f} s"
              + (" (interrupted)" if summary.cancelled else ""), file=err)
        if summary.cancelled:
            return 130
    if status == 0 and any(r.label is None and r.error for r in rows):
        status = 1  # some files could not be tagged
    return status
