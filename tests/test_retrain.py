"""Retraining with corrections: a simulated series of corrections retrains, promotes, refuses a
harmful candidate, rolls back; the store refuses corrupt and foreign model files.

Real pieces throughout: the library database, the app's classifier (a reduced configuration,
so a retrain takes about a second), the model bundle format, the exported feedback CSV. The
"clinic's music" is 100 rows of the training CSV kept out of the base data, so corrections are
genuinely new examples.
"""

from __future__ import annotations

import re
import shutil

import numpy as np
import pandas as pd
import pytest
from test_feedback_fixtures import add_corrections, fill_library, quick_model, training_table

from tmer_desktop.analysis.corrections import export_feedback, feedback_records
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.library.store import LibraryStore
from tmer_desktop.model.adapt import WEIGHT_GRID
from tmer_desktop.model.corrections import MAX_FEEDBACK_ROWS, read_feedback_csv
from tmer_desktop.model.data import CLASSES, load_labelled_csv
from tmer_desktop.model.retrain import (
    CHOOSING_WEIGHT,
    COMPARING,
    RetrainConfig,
    RetrainError,
    decide,
    is_held_back,
    phase_progress,
    retrain,
)
from tmer_desktop.model.store import BUNDLED, ModelStore, ModelStoreError
from tmer_desktop.model.train import TrainingConfig, train
from tmer_desktop.paths import BUNDLED_MODEL_DIR

FAST = TrainingConfig(Cs=(0.3,), transforms=("standard",), inner_folds=2)
CONFIG = RetrainConfig(folds=3, margin=0.02, min_holdout=5, training=FAST)
POISON = {"happy": "angry", "angry": "happy", "sad": "relaxed", "relaxed": "sad"}


@pytest.fixture
def clinic(data_dir, tmp_path):
    """(library, model store, base CSV path, the clinic's rows with their true labels)."""
    table = training_table()
    held = np.concatenate([np.flatnonzero(table["label"] == c)[:25] for c in CLASSES])
    base = table.drop(index=held).rename(columns={"label": "Class"})
    base_csv = tmp_path / "base.csv"
    base.to_csv(base_csv, index=False)
    library = LibraryStore.open()
    yield library, ModelStore(library), base_csv, table.iloc[held].reset_index(drop=True)
    library.close()


def _truth(library, rows: pd.DataFrame, relabel=None) -> dict[int, str]:
    features = rows[list(FEATURE_NAMES)].to_numpy()
    truth = {}
    for summary in library.tracks():
        for w in library.windows_for_track(summary.id):
            label = rows["label"].iloc[int(np.flatnonzero((features == np.array(w.features)).all(axis=1))[0])]
            truth[w.id] = relabel[label] if relabel else label
    return truth


@pytest.mark.slow  # four real retrains
def test_a_series_of_corrections_retrains_promotes_refuses_and_rolls_back(clinic, tmp_path):
    library, models, base_csv, rows = clinic

    # 1. The first model, from the base data alone.
    first = retrain(None, store=models, config=CONFIG, base_csv=base_csv)
    assert first.candidate == "v001"
    if not first.promoted:  # the shipped model may be better than a reduced-configuration one
        models.activate("v001")
    assert models.active().version == "v001"

    # 2. The clinic's music is tagged by the active model; a therapist confirms or corrects it.
    fill_library(library, rows, model=models.load(), model_version="v001", windows_per_track=2)
    n = add_corrections(library, _truth(library, rows), model_version="v001")
    honest_csv = tmp_path / "round1.csv"
    assert export_feedback(honest_csv, store=library) == n == 100

    second = retrain(read_feedback_csv(honest_csv), store=models, config=CONFIG, base_csv=base_csv)
    m = second.metrics
    assert second.candidate == "v002" and second.compared_with == "v001"
    assert m["corrections_trained_on"] + m["corrections_held_back"] == 100
    assert m["corrections_held_back"] >= CONFIG.min_holdout
    assert len(m["cv"]["candidate_macro_f1"]) == len(m["cv"]["current_macro_f1"]) == 3
    assert m["holdout"]["n"] == m["corrections_held_back"]
    assert second.promoted, second.summary()
    assert models.active().version == "v002"
    # The new version remembers exactly the corrections it learnt from (none held back).
    learnt = models.training_feedback("v002")
    assert len(learnt) == m["corrections_trained_on"]
    assert not any(is_held_back(r.group, CONFIG.holdout_fraction) for r in learnt)

    # 3. A careless batch relabels everything wrongly: the candidate is kept, not promoted.
    for fb in library.feedback_rows():
        library.delete_feedback(fb.id)
    add_corrections(library, _truth(library, rows, relabel=POISON), model_version="v001")
    careless_csv = tmp_path / "round2.csv"
    export_feedback(careless_csv, store=library)
    third = retrain(read_feedback_csv(careless_csv), store=models, config=CONFIG, base_csv=base_csv)
    assert third.candidate == "v003" and third.compared_with == "v002"
    assert not third.promoted, third.summary()
    assert third.metrics["cv"]["candidate_mean"] < third.metrics["cv"]["current_mean"] - CONFIG.fold_margin
    assert "NOT promoted" in third.summary()
    assert models.active().version == "v002"

    # Every version is kept with its metrics.
    listed = models.versions()
    assert [v.version for v in listed] == [BUNDLED, "v001", "v002", "v003"]
    assert all("cv" in v.metrics for v in listed[1:])
    assert [v.metrics["promoted"] for v in listed[2:]] == [True, False]

    # 4. Roll back one step, then to any version at all.
    assert models.rollback().version == "v001"
    assert models.active().version == "v001"
    assert models.activate("v003").active
    probs = models.load().predict_proba(rows[list(FEATURE_NAMES)].to_numpy())
    assert probs.shape == (100, 4) and np.allclose(probs.sum(axis=1), 1)
    models.activate("v002")
    assert [v.version for v in models.versions() if v.active] == ["v002"]


@pytest.mark.slow  # a real batch or process: seconds
def test_retrain_tells_its_progress_step_by_step(clinic):
    library, models, base_csv, rows = clinic
    fill_library(library, rows, model=quick_model(), windows_per_track=2)
    add_corrections(library, _truth(library, rows))
    from tmer_desktop.translatable import as_message

    said = []
    retrain(feedback_records(library), store=models, config=CONFIG, base_csv=base_csv, progress=said.append)
    assert all(as_message(text) is not None for text in said)  # marked: the interface words them in its language
    choosing = [str(t) for t in said if t.startswith(CHOOSING_WEIGHT)]
    comparing = [str(t) for t in said if t.startswith(COMPARING)]
    fits = choosing[0].split(" of ")[1].rstrip("…")
    assert int(fits) > 1 and (int(fits) - 1) % len(WEIGHT_GRID) == 0  # the base model, then each weight x fold
    assert choosing[0] == f"{CHOOSING_WEIGHT}: step 1 of {fits}…" and len(choosing) == int(fits)
    assert choosing[-1].startswith(f"{CHOOSING_WEIGHT}: step {fits} of {fits}, about ")
    assert comparing[0] == f"{COMPARING}: step 1 of 3…" and len(comparing) == 3
    assert all(re.fullmatch(rf"{COMPARING}: step [23] of 3, about \d+ (s|min) left…", t) for t in comparing[1:])
    assert said[-2:] == ["Training the candidate on all the data…", "Storing the candidate…"]


def test_more_corrections_than_the_reader_takes_are_refused_before_any_work(clinic):
    library, models, base_csv, rows = clinic
    fill_library(library, rows.iloc[:2], model=quick_model(), windows_per_track=2)
    add_corrections(library)
    one = feedback_records(library)[0]
    with pytest.raises(RetrainError, match=rf"{MAX_FEEDBACK_ROWS + 1} corrections are more than the "
                                           rf"{MAX_FEEDBACK_ROWS} one retrain can use"):
        retrain([one] * (MAX_FEEDBACK_ROWS + 1), store=models, config=CONFIG, base_csv=base_csv)
    assert [v.version for v in models.versions()] == [BUNDLED]  # nothing stored


def test_phase_progress_estimates_the_time_left_from_the_steps_so_far():
    now = [0.0]
    said = []
    progress = phase_progress(said.append, COMPARING, clock=lambda: now[0])
    progress(0, 5)
    now[0] = 60.0
    progress(1, 5)  # 60 s a step, 4 to go
    now[0] = 80.0
    progress(4, 5)  # 20 s a step, 1 to go
    progress(5, 5)  # done: the next phase speaks next
    assert said == [f"{COMPARING}: step 1 of 5…", f"{COMPARING}: step 2 of 5, about 4 min left…",
                    f"{COMPARING}: step 5 of 5, about 20 s left…"]


def test_promotion_rule_uses_the_margin():
    cv = {"candidate_mean": 0.78, "current_mean": 0.79}
    hold = {"n": 20, "candidate_macro_f1": 0.70, "current_macro_f1": 0.70}
    assert decide(cv, hold, RetrainConfig(margin=0.02))[0]
    promote, reason = decide(cv, hold, RetrainConfig(margin=0.005, fold_margin=0.005))
    assert not promote and "more than 0.005 below" in reason
    # with held-back corrections to judge by, the training folds may lose up to fold_margin ...
    better_for_user = {"n": 20, "candidate_macro_f1": 0.80, "current_macro_f1": 0.70}
    assert decide({"candidate_mean": 0.75, "current_mean": 0.79}, better_for_user, RetrainConfig(fold_margin=0.05))[0]
    promote, reason = decide({"candidate_mean": 0.73, "current_mean": 0.79}, better_for_user,
                             RetrainConfig(fold_margin=0.05))
    assert not promote and "more than 0.050 below" in reason
    # ... but only when they show a gain: no gain there, the strict margin on the folds
    no_gain = {"n": 20, "candidate_macro_f1": 0.69, "current_macro_f1": 0.70}
    promote, reason = decide({"candidate_mean": 0.75, "current_mean": 0.79}, no_gain,
                             RetrainConfig(margin=0.02, fold_margin=0.05))
    assert not promote and "more than 0.020 below" in reason
    # ... without them, only the strict margin
    promote, reason = decide({"candidate_mean": 0.75, "current_mean": 0.79}, {**better_for_user, "n": 3},
                             RetrainConfig(margin=0.01, fold_margin=0.05, min_holdout=10))
    assert not promote and "more than 0.010 below" in reason
    worse_on_holdout = {"n": 20, "candidate_macro_f1": 0.60, "current_macro_f1": 0.70}
    promote, reason = decide(cv, worse_on_holdout, RetrainConfig(margin=0.02))
    assert not promote and "held-back" in reason
    few = {"n": 3, "candidate_macro_f1": 0.0, "current_macro_f1": 1.0}
    promote, reason = decide(cv, few, RetrainConfig(margin=0.02, min_holdout=10))
    assert promote and "only 3 held-back" in reason


def test_hold_back_is_stable_and_near_the_fraction():
    groups = [f"hash:{i:064x}" for i in range(2000)]
    share = np.mean([is_held_back(g, 0.25) for g in groups])
    assert 0.22 < share < 0.28
    assert [is_held_back(g, 0.25) for g in groups[:50]] == [is_held_back(g, 0.25) for g in groups[:50]]


def test_feedback_without_any_label_is_refused(clinic, tmp_path):
    library, models, base_csv, rows = clinic
    library.add_feedback(features=tuple(rows.iloc[0][list(FEATURE_NAMES)]), is_correct=False, predicted_label="sad")
    out = tmp_path / "unlabelled.csv"
    export_feedback(out, store=library)
    with pytest.raises(RetrainError, match="unlabelled.csv: no correction has a known label"):
        retrain(read_feedback_csv(out), source=out, store=models, config=CONFIG, base_csv=base_csv)


def test_tmer_train_names_a_feedback_file_without_any_label(clinic, tmp_path, capsys):
    # The command reads the file and hands its records on; with --out or without, it is named.
    from tmer_desktop.cli import main as tmer

    library, models, _, rows = clinic
    library.add_feedback(features=tuple(rows.iloc[0][list(FEATURE_NAMES)]), is_correct=False, predicted_label="sad")
    out = tmp_path / "unlabelled.csv"
    export_feedback(out, store=library)
    assert tmer(["train", "--feedback", str(out), "--out", str(tmp_path / "model")]) == 1
    assert (f"tmer train: {out}: no row has a known label (confirmed or corrected), so there is nothing to "
            f"learn from") in capsys.readouterr().err
    assert tmer(["train", "--feedback", str(out)]) == 1
    assert (f"tmer train: {out}: no correction has a known label (confirmed or corrected), so there is "
            f"nothing to learn from.") in capsys.readouterr().err
    assert not (tmp_path / "model").exists() and [v.version for v in models.versions()] == [BUNDLED]


# --------------------------------------------------------------------------- the store's integrity
@pytest.fixture
def two_versions(clinic):
    library, models, base_csv, _ = clinic
    data = load_labelled_csv(base_csv)
    other = TrainingConfig(Cs=(0.1,), transforms=("standard",), inner_folds=2)
    v1 = models.save(train(data, FAST), config=FAST, training={"csv_file": "base.csv"}, metrics={"macro_f1": 0.7},
                     activate=True)
    v2 = models.save(train(data, other), config=other, training={"csv_file": "base.csv"}, metrics={"macro_f1": 0.71})
    return models, v1, v2


def _model_files(directory):
    return sorted(p for p in directory.rglob("*") if p.is_file())


def test_a_damaged_model_file_is_refused(two_versions):
    models, v1, v2 = two_versions
    models.activate(v2.version)
    victim = max(_model_files(v1.path), key=lambda p: p.stat().st_size)
    victim.write_bytes(victim.read_bytes()[: victim.stat().st_size // 2])
    with pytest.raises(ModelStoreError, match=r"'v001' \(.*v001\) is refused: its files changed since it was stored"):
        models.activate("v001")
    assert models.active().version == "v002"
    # Rolling back skips the damaged v001: to the shipped model, or nowhere without one.
    if (BUNDLED_MODEL_DIR / "manifest.json").exists():
        assert models.rollback().version == BUNDLED
    else:
        with pytest.raises(ModelStoreError, match=r"no earlier model version .*'v001'.*changed since"):
            models.rollback()


def test_a_foreign_model_in_place_of_a_version_is_refused(two_versions):
    models, v1, v2 = two_versions
    # Another valid model (its own manifest and checksum) dropped into v001's folder.
    shutil.rmtree(v1.path)
    shutil.copytree(v2.path, v1.path)
    with pytest.raises(ModelStoreError, match="replaced by a foreign model"):
        models.load("v001")


def test_unregistered_and_unloadable_folders_are_refused(two_versions, tmp_path):
    models, v1, _ = two_versions
    shutil.copytree(v1.path, models.root / "v007")
    assert "v007" not in [v.version for v in models.versions()]
    with pytest.raises(ModelStoreError, match="There is no model version 'v007'"):
        models.activate("v007")
    junk = tmp_path / "junk-model"
    junk.mkdir()
    (junk / "model.pkl").write_bytes(b"\x80\x04not really a pickle")
    with pytest.raises(ModelStoreError, match=r"junk-model|is refused"):
        models.add(junk)
    assert [p.name for p in models.root.iterdir() if p.name.startswith(".staging")] == []


def test_add_copies_a_saved_model_and_it_verifies(two_versions, tmp_path):
    from tmer_desktop.model.bundle import save_model

    models, v1, _ = two_versions
    outside = tmp_path / "exported-model"
    save_model(models.load("v001").estimator, outside, config=FAST, training={"csv_file": "base.csv"})
    added = models.add(outside, metrics={"note": "copied"}, activate=True)
    assert added.version == "v003" and added.active and added.public_metrics == {"note": "copied"}
    assert models.verify("v003") == models.root / "v003"


# --------------------------------------------------------------------------- `tmer train --feedback`
@pytest.mark.slow  # a real retrain through the CLI
def test_tmer_train_reads_the_exported_csv_back(clinic, tmp_path, capsys):
    import json

    from tmer_desktop.cli import main as tmer
    from tmer_desktop.commands.train import train_command

    library, models, base_csv, rows = clinic
    fill_library(library, rows.iloc[:40], model=None, windows_per_track=2)
    for summary in library.tracks():
        for w in library.windows_for_track(summary.id):
            library.add_feedback(features=w.features, is_correct=False, window_id=w.id, predicted_label="sad",
                                 corrected_label="happy", confidence=0.6)
    csv_path = tmp_path / "corrections.csv"
    assert export_feedback(csv_path, store=library) == 40
    out = tmp_path / "model-out"
    assert tmer(["train", "--feedback", str(csv_path), "--out", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["training"]["n_extra_rows"] == 40 and manifest["training"]["n_rows"] == 440
    assert '"n_extra_rows": 40' in capsys.readouterr().out
    # Without --out: a compared, stored version.
    stored = train_command(None, csv_path, training=FAST, folds=3)
    assert stored["version"] == "v001" and stored["version"] in [v.version for v in models.versions()]
    assert "CV macro-F1" in stored["summary"]


def test_tmer_train_names_a_bad_feedback_file(clinic, tmp_path, capsys):
    from tmer_desktop.cli import main as tmer

    bad = tmp_path / "bad.csv"
    bad.write_text("predicted_label,is_correct\nsad,1\n")
    assert tmer(["train", "--feedback", str(bad), "--out", str(tmp_path / "out")]) == 1  # a bad input file
    err = capsys.readouterr().err
    assert "bad.csv: missing 51 required column(s)" in err
    assert not (tmp_path / "out").exists()


def test_the_shipped_model_is_listed_under_its_prediction_version(clinic):
    import json

    from tmer_desktop.dashboards import active_model_version

    library, models, _, _ = clinic
    manifest_path = BUNDLED_MODEL_DIR / "manifest.json"
    if not manifest_path.exists():
        pytest.skip("no model bundled in resources/model yet")
    shipped = json.loads(manifest_path.read_text())["model_version"]
    entry = models.get(BUNDLED)
    assert entry.active and entry.metrics["model_version"] == shipped
    models.activate(BUNDLED)
    assert active_model_version(library) == shipped
    assert models.load().version == shipped
