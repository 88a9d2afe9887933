"""`tmer train [--feedback FILE.csv] [--out DIR]`: train a model, or retrain with corrections.

The command does the file and database I/O (the corrections CSV, the library that registers the
model versions); model/ trains, compares and stores.
"""

from __future__ import annotations

import os
from typing import Any

from tmer_desktop.commands.notices import print_open_notices
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.bundle import ModelError, train_and_bundle
from tmer_desktop.model.corrections import read_feedback_csv, training_table
from tmer_desktop.model.retrain import DEFAULT_MARGIN, RetrainConfig, retrain
from tmer_desktop.model.store import ModelStore
from tmer_desktop.model.train import TrainingConfig


def train_command(
    out: str | os.PathLike | None = None,
    feedback: str | os.PathLike | None = None,
    *,
    margin: float = DEFAULT_MARGIN,
    folds: int = 5,
    training: TrainingConfig | None = None,
    progress=None,
) -> dict[str, Any]:
    """Returns a JSON-able summary; errors raise (TmerError: the CLI prints it and exits 1).

    With --out: a plain training run into DIR (the CSV plus every labelled correction, no
    comparison). Without: a new version in the model store, compared with the active model and
    promoted only if it passes the promotion rule; `progress(text)` hears how far it is.
    """
    training = training or TrainingConfig()
    if out is not None:
        extra = None
        if feedback is not None:
            extra = training_table(read_feedback_csv(feedback))
            if extra.empty:
                raise ModelError(os.fspath(feedback), "no row has a known label (confirmed or corrected), so there is "
                                           "nothing to learn from")
        return train_and_bundle(os.fspath(out), feedback=extra, config=training)
    with LibraryStore.open() as library:
        print_open_notices(library, "train")
        records = read_feedback_csv(feedback) if feedback is not None else None
        result = retrain(
            records, source=feedback, store=ModelStore(library),
            config=RetrainConfig(margin=margin, folds=folds, training=training), progress=progress,
        )
    return {
        "version": result.candidate,
        "compared_with": result.compared_with,
        "promoted": result.promoted,
        "reason": result.reason,
        "summary": result.summary(),
        "metrics": result.metrics,
    }
