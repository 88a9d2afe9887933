"""`tmer evaluate [--model DIR] [--json]`: honest cross-validated metrics on the training data;
`tmer evaluate --external DIR [--json]`: the model's figures on a labelled folder."""

from __future__ import annotations

import sys
import time

from tmer_desktop.commands.output import print_json
from tmer_desktop.model.bundle import config_from_model_dir
from tmer_desktop.model.evaluate import format_report, run_evaluation
from tmer_desktop.model.external import evaluate_external, format_external


def evaluate_command(*, model: str | None = None, repeats: int = 3, folds: int = 10, seed: int = 0,
                     as_json: bool = False) -> int:
    """Evaluate the training configuration of `model` (a bundled or stored model directory;
    default: the current default configuration); the report or JSON on stdout. Returns 0."""
    config = config_from_model_dir(model) if model else None
    started = time.monotonic()
    is_tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        line = f"cross-validation: {done}/{total} folds, {time.monotonic() - started:.0f} s"
        if is_tty:
            print(f"\r\x1b[K{line}", end="\n" if done == total else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    print(f"tmer evaluate: {repeats} x {folds}-fold cross-validation on the training data "
          f"(about a minute on a laptop)", file=sys.stderr, flush=True)
    result = run_evaluation(repeats=repeats, folds=folds, seed=seed, config=config, progress=progress)
    if as_json:
        print_json(result)
    else:
        print(format_report(result))
    return 0


def evaluate_external_command(folder: str, *, model: str | None = None, jobs: int | None = None,
                              as_json: bool = False) -> int:
    """The model on the audio of `folder` (labelled by its LABELS.csv); progress on stderr.
    Returns 1 if a file could not be analysed, else 0."""

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total or done % 10 == 0:
            print(f"analysed {done}/{total} files", file=sys.stderr, flush=True)

    result = evaluate_external(folder, model, jobs=jobs, progress=progress)
    if as_json:
        print_json(result)
    else:
        print(format_external(result))
    return 1 if result["failed"] else 0
