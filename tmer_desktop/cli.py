"""The `tmer` command: the headless face of every capability (DESIGN.md, "The `tmer` command").

Sub-commands import their implementation lazily so `tmer --help` stays instant.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import textwrap
from pathlib import Path
from typing import NoReturn

from tmer_desktop import __version__, logs, paths
from tmer_desktop.commands.output import require_output_folder
from tmer_desktop.console import for_terminal
from tmer_desktop.errors import TmerError, UsageError
from tmer_desktop.vocabulary import DECISIONS, EMOTIONS

# The exit status every sub-command keeps to (also in docs/cli.md).
EXIT_STATUS = """exit status:
  0  success
  1  the work failed: an input file could not be used (unreadable, damaged, too short),
     or an output failed while it was written (disk full)
  2  usage error: bad arguments, a path that does not exist, an output that cannot be
     written (all checked before any work starts); or nothing to do (no audio files
     found, no tagged tracks for a playlist)
  130  interrupted (Ctrl-C)
Every command takes --library DIR: the data directory (library, model versions, settings) to
use instead of the user data directory.
Control characters in file names are shown escaped (\\n, \\x1b) on the terminal; CSV and JSON
outputs keep the real names."""




class _Parser(argparse.ArgumentParser):
    """A bad argument is one line on stderr, `tmer COMMAND: the problem (see tmer COMMAND --help)`,
    and exit status 2 — not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, for_terminal(f"{self.prog}: {message} (see '{self.prog} --help')") + "\n")


def _json_value(value: float) -> float | None:
    # JSON has no NaN: MIRtoolbox's NaN (e.g. centroid of noise) becomes null.
    return None if isinstance(value, float) and math.isnan(value) else value


def _csv_cell(value: float) -> str:
    # Full precision; NaN is an empty cell, as in MIRtoolbox's own exports.
    return "" if math.isnan(value) else repr(float(value))


def cmd_features(args: argparse.Namespace) -> int:
    from tmer_desktop.audio.decode import probe
    from tmer_desktop.features.columns import FEATURE_NAMES
    from tmer_desktop.features.extract import extract_file_features
    from tmer_desktop.features.prepare import DEFAULT, Preparation

    missing = [name for name in args.files if not os.path.exists(name)]
    if missing:  # a typo is a usage error, said before any file is analysed
        raise UsageError("not found (no such file): " + ", ".join(missing))
    preparation = Preparation.raw() if args.raw else DEFAULT
    results: list[tuple[str, dict[str, float] | None, str | None]] = []
    for name in args.files:
        try:
            results.append((name, extract_file_features(name, preparation), None))
            warning = probe(name).warning  # damage the decoder worked around (a truncated file)
        except TmerError as exc:
            print(for_terminal(f"tmer features: {exc}"), file=sys.stderr)
            results.append((name, None, str(exc)))
            continue
        if warning:
            print(for_terminal(f"tmer features: warning: {name}: {warning}"), file=sys.stderr)
    if args.csv:
        from tmer_desktop.csvfile import SafeCsvWriter

        writer = SafeCsvWriter(sys.stdout)  # file names are text a spreadsheet must not run
        writer.writerow(["path", *FEATURE_NAMES, "error"])
        for name, values, error in results:
            cells = [_csv_cell(values[c]) for c in FEATURE_NAMES] if values else [""] * len(FEATURE_NAMES)
            writer.writerow([name, *cells, error or ""])
    else:
        payload = [
            {
                "path": name,
                "features": {k: _json_value(v) for k, v in values.items()} if values else None,
                "error": error,
            }
            for name, values, error in results
        ]
        json.dump(payload if len(payload) != 1 else payload[0], sys.stdout, indent=2)
        sys.stdout.write("\n")
    return 1 if any(err for _, _, err in results) else 0


def cmd_tag(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.tag import tag_command

    return tag_command(
        args.paths,
        out=args.out,
        windows_out=args.windows,
        jobs=args.jobs,
        write_tags=args.write_tags,
        dry_run=args.dry_run,
        force=args.force,
        model=args.model,
        scheduler=args.scheduler,
        fine=not args.coarse,
    )


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.repeats < 1:
        raise UsageError(f"--repeats {args.repeats}: the cross-validation must run at least once")
    if args.folds < 2:
        raise UsageError(f"--folds {args.folds}: cross-validation needs at least 2 folds (one to test, one to train)")
    if args.model and args.model != "bundled":
        given = Path(args.model).expanduser()
        if not given.exists() and not (paths.model_store_dir() / args.model).is_dir():
            raise UsageError(f"--model {args.model}: not found (neither a folder nor a version in the model "
                             f"store {paths.model_store_dir()})")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    from tmer_desktop.commands.evaluate import evaluate_command, evaluate_external_command

    if args.external:
        return evaluate_external_command(args.external, model=args.model, jobs=args.jobs, as_json=args.json)
    return evaluate_command(model=args.model, repeats=args.repeats, folds=args.folds, seed=args.seed,
                            as_json=args.json)


def cmd_train(args: argparse.Namespace) -> int:
    # With --out: a plain training run into DIR. Without: a new version in the model store,
    # compared with the active model and promoted only if it passes the promotion rule.
    from tmer_desktop.commands.output import json_default
    from tmer_desktop.commands.train import train_command

    result = train_command(args.out, args.feedback, progress=lambda text: print(text, file=sys.stderr, flush=True))
    print(result.get("summary") or json.dumps(result, indent=2, default=json_default))
    if args.out:
        where = f"wrote the model to {result.get('model_dir', args.out)}"
    else:
        where = (f"stored version {result.get('version')} in {paths.model_store_dir()}; "
                 f"library: {paths.library_db_path()}")
    print(for_terminal(f"tmer train: {where}"), file=sys.stderr)
    return 0


def cmd_export_feedback(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.feedback import export_feedback_command

    require_output_folder(args.out)
    return export_feedback_command(args.out, anonymise=args.anonymise)


def cmd_library_recover(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.library import recover_command

    return recover_command(args.file, dry_run=args.dry_run)


def cmd_library_list(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.library import list_command

    return list_command(emotion=args.emotion, decision=args.decision, failed=args.failed, search=args.search,
                        as_json=args.json)


def cmd_library_info(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.library import info_command

    return info_command(args.track, as_json=args.json)


def cmd_library_remove(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.library import remove_command

    return remove_command(args.tracks, demo=args.demo)


def cmd_playlist(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.playlist import playlist_command

    for out in (args.out, args.csv):
        if out:
            require_output_folder(out)
    return playlist_command(args)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples as written; "(default: X)" after an option's help when it has a
    real default the help does not already mention."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (default not in (None, False, argparse.SUPPRESS) and "default" not in text
                and (action.option_strings or action.nargs in ("?", "*"))):
            text += " (default: %(default)s)"
        return text


def _command(sub, name: str, summary: str, description: str, examples: str) -> argparse.ArgumentParser:
    """A sub-command's parser: a one-line summary in `tmer --help`, a description and examples
    (with the exit status) in `tmer NAME --help`."""
    return sub.add_parser(name, help=summary, description=textwrap.fill(description, 100),
                          epilog=f"examples:\n{examples}\n\n{EXIT_STATUS}", formatter_class=_HelpFormatter)


LIBRARY_HELP = ("data directory holding the library, the model versions and the settings (default: the user "
                "data directory, or $TMER_DATA_DIR)")


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    """--library DIR on the parser and on every sub-command below it (added last, so a
    sub-command added anywhere in build_parser gets it too). Given twice, the later one wins;
    SUPPRESS keeps a sub-command from overwriting `tmer --library DIR COMMAND` with None."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_library_option(child)
    if not any("--library" in a.option_strings for a in parser._actions):
        parser.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=LIBRARY_HELP)


def cmd_serve(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.serve import serve_command

    return serve_command(host=args.host, port=args.port, token=args.token, allow_dirs=args.allow_dir,
                         max_upload_mb=args.max_upload_mb, jobs=args.jobs, verbose=args.verbose)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tmer",
        description=textwrap.fill("Music emotion recognition (happy, sad, angry, relaxed) from MIRtoolbox-faithful "
                                  "features. Run 'tmer COMMAND --help' for a command's options and examples.", 100),
        epilog="examples:\n  tmer tag ~/Music --out results.csv\n  tmer library list --emotion sad\n"
               "  tmer playlist --from sad --to relaxed --minutes 20 --out session.m3u8\n\n" + EXIT_STATUS,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tmer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = _command(sub, "features", "compute the 50 dataset features of each file (whole file)",
                 "The 50 MIRtoolbox features of each file, analysed whole, keys exactly the training data's "
                 "column names; JSON (one object, or a list for several files) or CSV on stdout.",
                 "  tmer features song.mp3\n  tmer features *.wav --csv > features.csv")
    p.add_argument("files", nargs="+", metavar="FILE", help="audio files")
    p.add_argument("--raw", action="store_true",
                   help="MIRtoolbox's exact values: the file at its native rate and level, not resampled "
                        "to 44.1 kHz and peak-normalised as the app analyses it")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON output (the default)")
    fmt.add_argument("--csv", action="store_true", help="CSV output, one row per file")
    p.set_defaults(func=cmd_features)

    p = _command(sub, "tag", "batch-tag files/folders into the library and a results file",
                 "Tag every audio file in the given files and folders (recursively) into the library, and "
                 "write one row per track to the results file. Files already in the library and unchanged "
                 "are not analysed again. The paths and the outputs are checked before any analysis starts.",
                 "  tmer tag ~/Music --out results.csv\n"
                 "  tmer tag a.mp3 b.flac --out results.parquet --windows windows.csv\n"
                 "  tmer tag ~/Music --out results.csv --write-tags --dry-run\n"
                 "  tmer tag ~/Music --out results.csv --library ~/tmer-project")
    p.add_argument("paths", nargs="+", metavar="PATH", help="audio files and folders")
    p.add_argument("--out", required=True, help="results file (.csv or .parquet), one row per track")
    p.add_argument("--windows", metavar="FILE", help="also write one row per window to this file (.csv or .parquet)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: the settings' value, else all cores)")
    p.add_argument("--write-tags", action="store_true", help="write emotion tags into the audio files (opt-in)")
    p.add_argument("--dry-run", action="store_true", help="with --write-tags: list the tag changes, write nothing")
    p.add_argument("--force", action="store_true", help="re-analyse files already in the library")
    p.add_argument("--coarse", action="store_true",
                   help="only the overview: a 30 s window every 30 s instead of every hop (5 s by default), about "
                        "2.5-3x faster; a track's emotion can change (about 1 track in 10 measured) when its "
                        "detailed timeline is made later (the player makes it when the track is opened)")
    p.add_argument("--model", metavar="VERSION",
                   help="model version to use ('bundled' for the shipped model; default: the library's active one)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="analyse on this Dask cluster instead of local processes (docs/scale.md; --jobs is then "
                        "the cluster's)")
    p.set_defaults(func=cmd_tag)

    p = _command(sub, "evaluate", "honest cross-validated metrics on the training data, "
                                  "or the model's figures on a labelled folder (--external)",
                 "Without --external: repeated, nested, stratified k-fold cross-validation of a training "
                 "configuration on the bundled training data (about a minute; progress on stderr). "
                 "With --external DIR: the model's figures on the audio of DIR, labelled by DIR/LABELS.csv.",
                 "  tmer evaluate\n  tmer evaluate --repeats 1 --folds 5 --json\n"
                 "  tmer evaluate --external ../shared/devset/emotify86\n  tmer evaluate --model v002")
    p.add_argument("--model", metavar="DIR",
                   help="model directory or stored version whose configuration to evaluate "
                        "(default: the bundled model)")
    p.add_argument("--external", metavar="DIR",
                   help="evaluate the model on the audio of DIR, labelled by DIR/LABELS.csv (columns file,label4)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="with --external: worker processes (default: 2)")
    p.add_argument("--json", action="store_true", help="JSON on stdout instead of a report")
    p.add_argument("--repeats", type=int, default=3, metavar="N", help="repetitions of the cross-validation")
    p.add_argument("--folds", type=int, default=10, metavar="K", help="folds per repetition (at least 2)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the fold assignment")
    p.set_defaults(func=cmd_evaluate)

    p = _command(sub, "train", "train (and retrain with corrections) a model",
                 "Without --out: train a new model version in the library's model store (with the "
                 "library's corrections, and those of --feedback), compare it with the active model and "
                 "make it active only if it is at least as good. With --out DIR: a plain training run into DIR.",
                 "  tmer train\n  tmer train --feedback corrections.csv\n  tmer train --out ./my-model")
    p.add_argument("--feedback", metavar="FILE.csv", help="corrections CSV exported by 'tmer export-feedback'")
    p.add_argument("--out", metavar="DIR", help="output model directory (default: a new version in the model store)")
    p.set_defaults(func=cmd_train)

    p = _command(sub, "export-feedback", "export corrections as CSV in the retraining schema",
                 "The corrections made in the library (confirmed and corrected labels), as a CSV that "
                 "'tmer train --feedback' reads, with the features of each corrected window.",
                 "  tmer export-feedback --out corrections.csv\n  tmer export-feedback --out shared.csv --anonymise")
    p.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV to write")
    p.add_argument("--anonymise", action="store_true", help="drop file paths and names")
    p.set_defaults(func=cmd_export_feedback, reads_library=True)

    p = _command(sub, "playlist", "build a therapy-session playlist from the tagged library",
                 "Plan a session that starts in one mood and moves towards a goal (the iso principle), "
                 "from the tagged tracks of the library, and write it as an M3U8 playlist.",
                 "  tmer playlist --from sad --to relaxed --minutes 20 --out session.m3u8\n"
                 "  tmer playlist --from 42 --to relaxing --minutes 30 --out s.m3u8 --csv s.csv --save\n"
                 "  tmer playlist --from angry --to relaxed --minutes 15 --out s.m3u8 --exclude 7 --genre jazz")
    p.add_argument("--from", dest="start", required=True, metavar="MOOD",
                   help="starting mood (happy, sad, angry, relaxed) or a library track id to measure it from")
    p.add_argument("--to", dest="goal", required=True, metavar="GOAL",
                   help="goal mood (happy, sad, angry, relaxed, or 'relaxing' / 'energizing')")
    p.add_argument("--minutes", type=float, required=True, metavar="N",
                   help="session length in minutes (more than 0, at most 1440)")
    p.add_argument("--out", required=True, metavar="FILE.m3u8", help="the playlist to write")
    p.add_argument("--relative", action="store_true", help="paths relative to the playlist's folder")
    p.add_argument("--csv", metavar="FILE.csv", help="also write the session with the reason for every slot as CSV")
    p.add_argument("--title", help="session title (default: 'MOOD to GOAL, N min')")
    p.add_argument("--save", action="store_true", help="store the session in the library")
    p.add_argument("--exclude", type=int, action="append", metavar="TRACK_ID",
                   help="never use this track (repeatable)")
    p.add_argument("--include", type=int, action="append", metavar="TRACK_ID",
                   help="always use this track (repeatable)")
    p.add_argument("--genre", action="append", help="only tracks of this genre (repeatable)")
    p.add_argument("--artist", action="append", help="only tracks by this artist (repeatable)")
    p.add_argument("--language", action="append", help="only tracks in this language, when known (repeatable)")
    p.set_defaults(func=cmd_playlist, reads_library=True)

    p = _command(sub, "serve", "a local HTTP API over the library and the analysis (docs/scale.md)",
                 "Serve the library and the analysis over HTTP for notebooks and other programs: POST an "
                 "audio file to /analyse and get its windows, decisions and explanation; the tracks, "
                 "corrections and the model are under /tracks, /corrections and /model; OpenAPI docs at "
                 "/docs. Only this computer can connect unless --host names another address, which then "
                 "requires a token.",
                 "  tmer serve\n  tmer serve --port 0\n  tmer serve --host 0.0.0.0 --allow-dir ~/Music")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (127.0.0.1: this computer only; any other needs a token)")
    p.add_argument("--port", type=int, default=8765, help="port (0: any free port, which is printed)")
    p.add_argument("--token", help="the token clients must send (default: none on 127.0.0.1; elsewhere the one "
                                   "in the data directory's server-token file, made on first use)")
    p.add_argument("--allow-dir", action="append", metavar="DIR",
                   help="let clients have files in DIR analysed by path (POST /analyse-path; repeatable)")
    p.add_argument("--max-upload-mb", type=float, default=200.0, help="largest upload accepted, in MB")
    p.add_argument("--jobs", type=int, default=1, help="analysis processes")
    p.add_argument("--verbose", action="store_true", help="log every request")
    p.set_defaults(func=cmd_serve)

    _library_parsers(sub)
    _add_library_option(parser)
    return parser


def _library_parsers(sub) -> None:
    p = _command(sub, "library", "list, inspect and remove tracks; recover a damaged library",
                 "Look after the library database: the tracks it holds (with their ids, as "
                 "'tmer playlist --include/--exclude' take them), and recovery from a damaged file.",
                 "  tmer library list\n  tmer library info 12\n  tmer library remove 12 15\n"
                 "  tmer library recover ~/.local/share/tmer-desktop/library.sqlite3.corrupt-20260101-120000")
    library = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    p = _command(library, "list", "the tracks in the library, one line each",
                 "One line per track: id, label, confidence, decision, analysed date and path "
                 "(the track-level prediction of the active model). Filters combine.",
                 "  tmer library list\n  tmer library list --emotion sad --decision label\n"
                 "  tmer library list --search Wesnoth --json")
    p.add_argument("--emotion", choices=EMOTIONS, help="only tracks labelled with this emotion")
    p.add_argument("--decision", choices=DECISIONS, help="only tracks with this decision")
    p.add_argument("--failed", action="store_true", help="only tracks that could not be analysed")
    p.add_argument("--search", metavar="TEXT",
                   help="only tracks whose path, title, artist, album or genre contains TEXT")
    p.add_argument("--json", action="store_true", help="JSON on stdout (a list of objects) instead of a table")
    p.set_defaults(func=cmd_library_list, reads_library=True)

    p = _command(library, "info", "one track: its file, tags, prediction and windows",
                 "Everything the library holds about one track: the file and its tags, the prediction, "
                 "and a summary of its windows (how many, the labels and decisions over time).",
                 "  tmer library info 12\n  tmer library info ~/Music/song.mp3 --json")
    p.add_argument("track", metavar="TRACK", help="a track id (as 'tmer library list' shows) or the file's path")
    p.add_argument("--json", action="store_true", help="JSON on stdout instead of text")
    p.set_defaults(func=cmd_library_info, reads_library=True)

    p = _command(library, "remove", "remove tracks from the library (never the audio files)",
                 "Remove tracks, with their windows, predictions and corrections, from the library. "
                 "The audio files are never touched. Every track is looked up first: if one is not "
                 "in the library, nothing is removed.",
                 "  tmer library remove 12\n  tmer library remove 12 15 ~/Music/old.mp3\n"
                 "  tmer library remove --demo")
    p.add_argument("tracks", nargs="*", metavar="TRACK", help="track ids or file paths")
    p.add_argument("--demo", action="store_true", help="remove every track of the bundled demo clips")
    p.set_defaults(func=cmd_library_remove, reads_library=True)

    p = _command(library, "recover", "bring corrections, sessions and model versions back from a "
                                     "damaged library file that was moved aside",
                 "Read what can be read from a damaged library file (moved aside as "
                 "library.sqlite3.corrupt-...) and merge the user's work into the library.",
                 "  tmer library recover ~/.local/share/tmer-desktop/library.sqlite3.corrupt-20260101-120000 --dry-run")
    p.add_argument("file", metavar="FILE", help="the damaged file (library.sqlite3.corrupt-...)")
    p.add_argument("--dry-run", action="store_true", help="say what would be recovered, write nothing")
    p.set_defaults(func=cmd_library_recover)


def _use_library(args: argparse.Namespace) -> None:
    """--library DIR: this run's data directory (as TMER_DATA_DIR, which worker processes inherit).
    A command that only reads the library refuses a folder that holds none."""
    folder = getattr(args, "library", None)
    if not folder:
        return
    target = Path(folder).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise UsageError(f"--library {folder}: is a file, not a folder (give the data folder that holds "
                         f"{paths.library_db_path().name})")
    if getattr(args, "reads_library", False) and not (target / paths.library_db_path().name).is_file():
        raise UsageError(f"--library {folder}: no library there ({target / paths.library_db_path().name} "
                         f"not found)")
    os.environ["TMER_DATA_DIR"] = str(target)


def _command_name(args: argparse.Namespace) -> str:
    action = getattr(args, "library_command", None)
    return f"{args.command} {action}" if args.command == "library" and action else str(args.command)


def main(argv: list[str] | None = None) -> int:
    # Batch workers are started with 'spawn': a frozen (PyInstaller) build must let a child
    # process run its task instead of starting another copy of the app.
    import multiprocessing

    multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    name = _command_name(args)
    try:
        _use_library(args)
    except UsageError as exc:
        print(for_terminal(f"tmer {name}: {exc}"), file=sys.stderr)
        return 2
    logs.configure(f"tmer {args.command}")
    with logs.decoder_notes_to_log():
        try:
            return args.func(args)
        except TmerError as exc:
            print(for_terminal(f"tmer {name}: {exc}"), file=sys.stderr)
            return 2 if isinstance(exc, UsageError) else 1
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("tmer_desktop."):
                print(f"tmer {name}: this command is not available in this build ({exc.name} is missing)",
                      file=sys.stderr)
                return 1
            raise
        except KeyboardInterrupt:
            print(f"tmer {name}: interrupted", file=sys.stderr)
            return 130


if __name__ == "__main__":
    sys.exit(main())
