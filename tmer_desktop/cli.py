"""The `tmer` command: the headless face of every capability (DESIGN.md, "The `tmer` command").

Sub-commands import their implementation lazily so `tmer --help` stays instant.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from tmer_desktop import __version__, logs
from tmer_desktop.console import for_terminal
from tmer_desktop.errors import TmerError, UsageError

# The exit status every sub-command keeps to (also in docs/cli.md).
EXIT_STATUS = """exit status:
  0  success
  1  the work failed: an input file could not be used (unreadable, damaged, too short),
     or an output could not be written (disk full, no permission)
  2  usage error: bad arguments, or nothing to do (e.g. no tagged tracks for a playlist)
  130  interrupted (Ctrl-C)
Control characters in file names are shown escaped (\\n, \\x1b) on the terminal; CSV and JSON
outputs keep the real names."""


def _json_value(value: float) -> float | None:
    # JSON has no NaN: MIRtoolbox's NaN (e.g. centroid of noise) becomes null.
    return None if isinstance(value, float) and math.isnan(value) else value


def _output_folder(path: str) -> None:
    """A missing folder for an output is a usage error (2), in the words `tmer tag` uses; a write
    that fails is the work failing (1)."""
    parent = Path(path).expanduser().resolve().parent
    if not parent.is_dir():
        raise UsageError(f"{path}: the folder {parent} does not exist")


def _csv_cell(value: float) -> str:
    # Full precision; NaN is an empty cell, as in MIRtoolbox's own exports.
    return "" if math.isnan(value) else repr(float(value))


def cmd_features(args: argparse.Namespace) -> int:
    from tmer_desktop.audio.decode import probe
    from tmer_desktop.features.columns import FEATURE_NAMES
    from tmer_desktop.features.extract import extract_file_features
    from tmer_desktop.features.prepare import DEFAULT, Preparation

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
        fine=args.fine,
    )


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.repeats < 1 or args.folds < 2:
        raise UsageError(f"--repeats must be at least 1 and --folds at least 2 (not {args.repeats}, {args.folds})")
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
    return 0


def cmd_export_feedback(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.feedback import export_feedback_command

    _output_folder(args.out)
    return export_feedback_command(args.out, anonymise=args.anonymise)


def cmd_library_recover(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.library import recover_command

    return recover_command(args.file, dry_run=args.dry_run)


def cmd_playlist(args: argparse.Namespace) -> int:
    from tmer_desktop.commands.playlist import playlist_command

    for out in (args.out, args.csv):
        if out:
            _output_folder(out)
    return playlist_command(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tmer",
        description="Music emotion recognition (happy, sad, angry, relaxed) from MIRtoolbox-faithful features.",
        epilog=EXIT_STATUS, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tmer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("features", help="compute the 50 dataset features of each file (whole file)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--raw", action="store_true",
                   help="MIRtoolbox's exact values: the file at its native rate and level, not resampled "
                        "to 44.1 kHz and peak-normalised as the app analyses it")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON output (default)")
    fmt.add_argument("--csv", action="store_true", help="CSV output, one row per file")
    p.set_defaults(func=cmd_features)

    p = sub.add_parser("tag", help="batch-tag files/folders into the library and a results file")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", required=True, help="results file (.csv or .parquet), one row per track")
    p.add_argument("--windows", help="also write one row per window to this file (.csv or .parquet)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--write-tags", action="store_true", help="write emotion tags into the audio files (opt-in)")
    p.add_argument("--dry-run", action="store_true", help="with --write-tags: list the tag changes, write nothing")
    p.add_argument("--force", action="store_true", help="re-analyse files already in the library")
    p.add_argument("--fine", action="store_true",
                   help="make the fine timeline (30 s windows every hop, 5 s by default) instead of the coarse one "
                        "(a window every 30 s); the coarse windows already analysed are reused")
    p.add_argument("--model", metavar="VERSION",
                   help="model version to use ('bundled' for the shipped model; default: the library's active one)")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("evaluate", help="honest cross-validated metrics on the training data, "
                                        "or the model's figures on a labelled folder (--external)")
    p.add_argument("--model", help="model directory (bundle or model store) whose configuration to evaluate")
    p.add_argument("--external", metavar="DIR",
                   help="evaluate the model on the audio of DIR, labelled by DIR/LABELS.csv (columns file,label4)")
    p.add_argument("--jobs", type=int, default=None, help="with --external: worker processes (default: 2)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--folds", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("train", help="train (and retrain with corrections) a model")
    p.add_argument("--feedback", help="corrections CSV exported by 'tmer export-feedback'")
    p.add_argument("--out", help="output model directory (default: a new version in the model store)")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("export-feedback", help="export corrections as CSV in the retraining schema")
    p.add_argument("--out", required=True)
    p.add_argument("--anonymise", action="store_true", help="drop file paths and names")
    p.set_defaults(func=cmd_export_feedback)

    p = sub.add_parser("playlist", help="build a therapy-session playlist from the tagged library")
    p.add_argument("--from", dest="start", required=True,
                   help="starting mood (happy, sad, angry, relaxed) or a library track id to measure it from")
    p.add_argument("--to", dest="goal", required=True, help="goal mood (or 'relaxing' / 'energizing')")
    p.add_argument("--minutes", type=float, required=True)
    p.add_argument("--out", required=True, help="M3U8 file")
    p.add_argument("--relative", action="store_true", help="paths relative to the playlist's folder")
    p.add_argument("--csv", help="also write the session with the reason for every slot as CSV")
    p.add_argument("--title", help="session title")
    p.add_argument("--save", action="store_true", help="store the session in the library")
    p.add_argument("--exclude", type=int, action="append", metavar="TRACK_ID", help="never use this track")
    p.add_argument("--include", type=int, action="append", metavar="TRACK_ID", help="always use this track")
    p.add_argument("--genre", action="append", help="only tracks of this genre (repeatable)")
    p.add_argument("--artist", action="append", help="only tracks by this artist (repeatable)")
    p.add_argument("--language", action="append", help="only tracks in this language, when known (repeatable)")
    p.set_defaults(func=cmd_playlist)

    p = sub.add_parser("library", help="look after the library database")
    library = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    p = library.add_parser("recover", help="bring corrections, sessions and model versions back from a "
                                           "damaged library file that was moved aside")
    p.add_argument("file", metavar="FILE", help="the damaged file (library.sqlite3.corrupt-...)")
    p.add_argument("--dry-run", action="store_true", help="say what would be recovered, write nothing")
    p.set_defaults(func=cmd_library_recover)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Batch workers are started with 'spawn': a frozen (PyInstaller) build must let a child
    # process run its task instead of starting another copy of the app.
    import multiprocessing

    multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    logs.configure(f"tmer {args.command}")
    try:
        return args.func(args)
    except TmerError as exc:
        print(for_terminal(f"tmer {args.command}: {exc}"), file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("tmer_desktop."):
            print(f"tmer {args.command}: this command is not available in this build ({exc.name} is missing)",
                  file=sys.stderr)
            return 1
        raise
    except KeyboardInterrupt:
        print(f"tmer {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
