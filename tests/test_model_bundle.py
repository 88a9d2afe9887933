"""Explanations, evaluation and the model bundle (save/load/refuse/retrain) on the real CSV."""

import json
import shutil

import numpy as np
import pytest

from tmer_desktop import paths
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model import bundle
from tmer_desktop.model.bundle import (
    MANIFEST_FILE,
    MODEL_FILE,
    EmotionModel,
    ModelError,
    build_model,
    config_from_model_dir,
    load_model,
    read_manifest,
    save_model,
    train_and_bundle,
)
from tmer_desktop.model.data import CLASSES
from tmer_desktop.model.evaluate import format_report, run_evaluation
from tmer_desktop.model.explain import (
    FAMILIES,
    FEATURE_FAMILY,
    explain_track,
    explain_windows,
    shap_values,
    shap_values_with_shap_library,
)
from tmer_desktop.model.metrics import expected_calibration_error, multiclass_brier
from tmer_desktop.model.train import TrainingConfig, as_feature_matrix, drop_duplicate_rows, training_data

TINY = TrainingConfig(Cs=(0.1,), transforms=("yeo-johnson",), inner_folds=2, clips=("quantile",))
# The Yeo-Johnson fit dominates training time; where the transform is not under test use the scaler.
FAST = TrainingConfig(Cs=(0.1, 0.3), transforms=("standard",), inner_folds=3, clips=("minmax",))


@pytest.fixture(scope="module")
def data():
    return training_data()


@pytest.fixture(scope="module")
def store_model(tmp_path_factory, data):
    """One model trained on the real CSV and saved inside a private model store."""
    root = tmp_path_factory.mktemp("store-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("TMER_DATA_DIR", str(root / "data"))
    model = build_model(paths.model_store_dir() / "v001", config=TINY)
    yield model
    mp.undo()


@pytest.fixture
def store(store_model, monkeypatch, tmp_path):
    """A fresh copy of the saved model in the model store of a fresh data dir."""
    monkeypatch.setenv("TMER_DATA_DIR", str(tmp_path / "data"))
    target = paths.model_store_dir() / "v001"
    shutil.copytree(store_model.directory, target)
    return target


def _edit_manifest(directory, **changes):
    path = directory / MANIFEST_FILE
    manifest = json.loads(path.read_text())
    for key, value in changes.items():
        if "." in key:
            outer, inner = key.split(".")
            manifest[outer][inner] = value
        else:
            manifest[key] = value
    path.write_text(json.dumps(manifest))


# --- explanations -------------------------------------------------------------------------


def test_every_feature_has_a_family_and_every_family_is_used():
    assert set(FEATURE_FAMILY) == set(FEATURE_NAMES)
    assert set(FEATURE_FAMILY.values()) == set(FAMILIES)
    assert FEATURE_FAMILY["_Tempo_Mean"] == "tempo/rhythm"
    assert FEATURE_FAMILY["_RMSenergy_Mean"] == "loudness/dynamics"
    assert FEATURE_FAMILY["_Brightness_Mean"] == "brightness"
    assert FEATURE_FAMILY["_MFCC_Mean_3"] == "timbre"
    assert FEATURE_FAMILY["_Roughness_Slope"] == "roughness/dissonance"
    assert FEATURE_FAMILY["_Chromagram_Mean_7"] == "harmony/tonality"


def test_shap_values_add_up_to_the_model_output(store_model, data):
    X = data.X.iloc[::20]
    phi, base = shap_values(store_model, X)
    logits = store_model.estimator.decision_function(X)
    np.testing.assert_allclose(base + phi.sum(axis=2), logits, atol=1e-10)


def test_closed_form_equals_shap_linear_explainer(store_model, data):
    X = data.X.iloc[:6]
    background, _, _ = drop_duplicate_rows(as_feature_matrix(data.X), data.y)  # what the model was fitted on
    ours, _ = shap_values(store_model, X)
    theirs = shap_values_with_shap_library(store_model, X, background)
    np.testing.assert_allclose(ours, theirs, atol=1e-8)


def test_window_explanations_group_into_families_and_read_as_a_reason(store_model, data):
    X = data.X.iloc[[0, 150, 250, 399]]
    probs = store_model.predict_proba(X)
    for ex, p in zip(store_model.explain(X), probs):
        assert ex.label == CLASSES[int(np.argmax(p))]
        k = CLASSES.index(ex.label)
        assert sum(ex.families.values()) == pytest.approx(ex.shap[k].sum())
        assert ex.family_values() == pytest.approx(ex.families)
        assert ex.label in ex.reason and "make" in ex.reason or "nothing in the music" in ex.reason
        assert 0 <= len(ex.reason_parts) <= 3 and all(p.family in FAMILIES for p in ex.reason_parts)
        assert not any(name.strip("_") in ex.reason for name in FEATURE_NAMES)  # plain words only
        assert len(ex.top_features) == 5 and ex.top_features[0][0] in FEATURE_NAMES


def test_explaining_another_class_and_a_track(store_model, data):
    X = data.X.iloc[:5]
    ex = explain_windows(store_model, X, label="angry")
    assert all(e.label == "angry" and "angry" in e.reason for e in ex)
    track = explain_track(store_model, X)
    np.testing.assert_allclose(track.shap, np.mean([e.shap for e in ex], axis=0))
    mean_logit = store_model.estimator.decision_function(X).mean(axis=0)
    assert track.label == CLASSES[int(np.argmax(mean_logit))]
    with pytest.raises(ValueError, match="unknown class"):
        explain_windows(store_model, X, label="melancholic")
    with pytest.raises(ValueError, match="at least one window"):
        explain_track(store_model, np.zeros((0, 50)))


def test_direction_words_follow_the_feature_value(store_model, data):
    # A clip made very fast and rhythmic: if rhythm pushes towards the label, the words say "fast"/"many"/"clear".
    x = store_model.estimator.train_median_.copy()
    for name in ("_Tempo_Mean", "_Eventdensity_Mean", "_Pulseclarity_Mean", "_Fluctuation_Mean"):
        j = FEATURE_NAMES.index(name)
        x[j] = data.X[name].max()
    ex = explain_windows(store_model, x, label="happy")[0]
    named = {p.family for p in ex.reason_parts}
    if "tempo/rhythm" in named:
        assert any(w in ex.reason for w in ("fast tempo", "many notes", "clear beat", "strong rhythmic"))
    x_nan = x.copy()
    x_nan[:] = np.nan
    assert explain_windows(store_model, x_nan)[0].reason  # all features missing still explains (medians)


def _far_outside(store_model, data):
    """The training median with the roughness slope at twice the dataset maximum (as our
    extractor gives on some non-Turkish music) and the tempo far below the minimum."""
    x = store_model.estimator.train_median_.copy()
    x[FEATURE_NAMES.index("_Roughness_Slope")] = 2 * data.X["_Roughness_Slope"].max()
    x[FEATURE_NAMES.index("_Tempo_Mean")] = data.X["_Tempo_Mean"].min() - 100
    return x


def test_out_of_range_features_are_clipped_and_the_explanation_stays_exact(store_model, data):
    est = store_model.estimator
    x = _far_outside(store_model, data)
    at_bounds = est.clipped_features(x)[0]
    j_rough, j_tempo = FEATURE_NAMES.index("_Roughness_Slope"), FEATURE_NAMES.index("_Tempo_Mean")
    assert at_bounds[j_rough] == est.clipper_.high_[j_rough] and at_bounds[j_tempo] == est.clipper_.low_[j_tempo]
    # the model sees exactly the clipped clip: no extrapolation beyond the training range
    np.testing.assert_allclose(est.predict_proba(x), est.predict_proba(at_bounds), atol=1e-12)
    np.testing.assert_array_equal(np.flatnonzero(est.out_of_range(x)[0]), sorted([j_rough, j_tempo]))
    phi, base = shap_values(store_model, x)
    np.testing.assert_allclose(base + phi.sum(axis=2), est.decision_function(x), atol=1e-10)
    ex = explain_windows(store_model, x)[0]
    assert set(ex.clipped) == {"_Roughness_Slope", "_Tempo_Mean"}
    # words describe the clipped value; feature names stay out of the sentence (Details shows `clipped`)
    for label in CLASSES:
        reason = explain_windows(store_model, x, label=label)[0].reason
        assert "fast tempo" not in reason and "a sound growing smoother" not in reason
        assert "Roughness" not in reason and "training range" not in reason
    track = explain_track(store_model, np.vstack([x, est.train_median_]))
    assert set(track.clipped) == {"_Roughness_Slope", "_Tempo_Mean"}
    assert explain_windows(store_model, est.train_median_)[0].clipped == ()


def test_missing_values_pass_the_clipping_as_training_medians(store_model):
    est = store_model.estimator
    x = np.full(50, np.nan)
    np.testing.assert_allclose(est.clipped_features(x)[0], est.train_median_)
    assert not est.out_of_range(x).any()
    ex = explain_windows(store_model, x)[0]
    assert ex.reason_parts == () and ex.unfamiliar  # nothing measured: nothing named, and the model says it is unsure
    assert "the model is not sure because" in ex.reason


def test_a_model_saved_before_clipping_existed_still_predicts(store_model, data):
    import copy

    old = copy.deepcopy(store_model.estimator)
    del old.clipper_, old.clip_
    X = data.X[~store_model.estimator.out_of_range(data.X).any(axis=1)].iloc[:10]
    assert len(X) == 10
    # inside the training range clipping changes nothing
    np.testing.assert_allclose(old.predict_proba(X), store_model.estimator.predict_proba(X), atol=1e-9)
    assert not old.out_of_range(_far_outside(store_model, data)).any() and old.describe()["clip"] == "none"
    assert explain_windows(old, _far_outside(store_model, data))[0].clipped == ()


# --- bundle: loading and refusing ------------------------------------------------------------


def test_saved_model_loads_from_the_store_and_predicts(store, data):
    model = load_model(store)
    assert isinstance(model, EmotionModel) and not model.retrained and model.notice is None
    assert model.classes == CLASSES and model.feature_names == FEATURE_NAMES
    assert model.version.startswith("lr-ts-")
    frame = data.X.iloc[:3]
    probs = model.predict_proba(frame)
    assert probs.shape == (3, 4)
    np.testing.assert_allclose(probs, model.predict_proba(frame.to_numpy()))
    nan_row = np.full((1, 50), np.nan)
    assert np.isfinite(model.predict_proba(nan_row)).all()
    manifest = model.manifest
    assert manifest["feature_names"] == list(FEATURE_NAMES) and manifest["classes"] == list(CLASSES)
    assert manifest["training"]["n_rows"] == 400 and len(manifest["training"]["csv_sha256"]) == 64
    assert manifest["top2_threshold"] == 0.9 and "scikit-learn" in manifest["versions"]


def test_a_bare_version_name_means_a_store_directory(store):
    assert load_model("v001").directory == store.resolve()
    assert read_manifest("bundled")[0] == paths.BUNDLED_MODEL_DIR.resolve()
    with pytest.raises(ModelError, match="not found"):
        load_model("v999")


def test_model_outside_the_store_is_refused(store, tmp_path):
    foreign = tmp_path / "elsewhere"
    shutil.copytree(store, foreign)
    with pytest.raises(ModelError, match="refusing to load.*outside"):
        load_model(foreign)
    with pytest.raises(ModelError, match="outside"):
        load_model(paths.model_store_dir())  # the store itself is not a model directory
    link = paths.model_store_dir() / "sneaky"
    link.symlink_to(foreign)
    with pytest.raises(ModelError, match="outside"):
        load_model(link)


def test_checksum_mismatch_is_refused_before_unpickling(store):
    with open(store / MODEL_FILE, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="checksum does not match"):
        load_model(store)


def test_truncated_model_file_is_refused(store):
    raw = (store / MODEL_FILE).read_bytes()
    (store / MODEL_FILE).write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ModelError, match="checksum"):
        load_model(store)
    (store / MODEL_FILE).write_bytes(b"")
    with pytest.raises(ModelError, match="implausible model file size"):
        load_model(store)


def test_manifest_problems_are_refused(store):
    _edit_manifest(store, feature_names=list(FEATURE_NAMES[::-1]))
    with pytest.raises(ModelError, match="feature names do not match"):
        load_model(store)
    _edit_manifest(store, feature_names=list(FEATURE_NAMES), classes=["joy", "grief", "rage", "calm"])
    with pytest.raises(ModelError, match="classes"):
        load_model(store)
    _edit_manifest(store, classes=list(CLASSES), model_file="../../etc/passwd")
    with pytest.raises(ModelError, match="unexpected model file name"):
        load_model(store)
    (store / MANIFEST_FILE).write_text("{not json")
    with pytest.raises(ModelError, match="manifest unreadable"):
        load_model(store)
    (store / MANIFEST_FILE).unlink()
    with pytest.raises(ModelError, match="manifest missing"):
        load_model(store)


def test_unloadable_pickle_with_matching_checksum_is_a_clear_error(store):
    junk = store / MODEL_FILE
    junk.write_bytes(b"\x80\x04this is not a pickle at all")
    _edit_manifest(store, model_sha256=bundle.file_sha256(junk))
    with pytest.raises(ModelError, match=r"model\.joblib: it cannot be loaded"):
        load_model(store, allow_retrain=False)


def test_incompatible_scikit_learn_triggers_a_retrain_into_the_store(store, data):
    _edit_manifest(store, **{"versions.scikit-learn": "0.1.0"}, training_config=FAST.to_dict())
    model = load_model(store)
    assert model.retrained and "scikit-learn 0.1.0" in model.notice and "Retrained" in model.notice
    assert model.directory.parent == paths.model_store_dir() and model.directory != store
    assert model.manifest["training_config"] == FAST.to_dict()  # the original recipe, retrained
    assert (model.predict_proba(data.X).argmax(axis=1) == data.y).mean() > 0.8
    # Next start: the retrained copy is reused, not trained again.
    again = load_model(store)
    assert again.retrained and again.notice.startswith("Using the model retrained") and again.version == model.version


def test_retrain_still_works_when_the_store_cannot_be_written(store, data):
    _edit_manifest(store, **{"versions.scikit-learn": "0.1.0"}, training_config=FAST.to_dict())
    # Block the retrained model's folder: a plain file where the directory would go.
    blocker = bundle.fallback_dir()
    blocker.write_text("in the way")
    model = load_model(store)
    assert model.retrained and "could not be saved" in model.notice and "in memory" in model.notice
    assert model.version.endswith("-retrained") and blocker.read_text() == "in the way"
    assert (model.predict_proba(data.X).argmax(axis=1) == data.y).mean() > 0.8


def test_save_model_is_atomic_and_can_copy_a_loaded_model(store, tmp_path):
    model = load_model(store)
    out = tmp_path / "copy"
    out.mkdir()
    (out / "stale.txt").write_text("old")
    save_model(model, out)
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST_FILE, MODEL_FILE]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    copied = json.loads((out / MANIFEST_FILE).read_text())
    assert copied["model_version"] == model.version and copied["training"] == model.manifest["training"]
    with pytest.raises(ModelError, match="fitted emotion classifier"):
        save_model(object(), tmp_path / "nothing")


def test_train_and_bundle_accepts_extra_labelled_rows(data, data_dir):
    extra = data.X.iloc[:8].copy()
    extra.insert(0, "label", ["sad"] * 8)
    summary = train_and_bundle(feedback=extra, config=FAST)
    assert summary["training"]["n_rows"] == 408 and summary["training"]["n_extra_rows"] == 8
    assert summary["loadable"] == "yes"
    json.dumps(summary)  # ready for `tmer train` output
    assert load_model(summary["model_dir"]).version == summary["model_version"]


def test_bundled_model_is_intact_and_documented():
    directory, manifest = read_manifest(None)
    assert directory == paths.BUNDLED_MODEL_DIR.resolve()
    assert (directory / MODEL_FILE).stat().st_size < 5_000_000
    assert manifest["training"]["csv_sha256"] == bundle.file_sha256(paths.TRAINING_CSV)
    metrics = manifest["metrics"]
    assert set(metrics["per_class_f1"]) == set(CLASSES) and 0.6 < metrics["macro_f1"]["mean"] < 1
    assert "10.24432/C5JG93" in manifest["attribution"]
    model = load_model()
    assert model.version == manifest["model_version"] and model.predict_proba(np.zeros((1, 50))).shape == (1, 4)


# --- evaluation -----------------------------------------------------------------------------


def test_quick_nested_evaluation_reports_every_metric(data):
    result = run_evaluation(repeats=1, folds=5, seed=0, n_jobs=1, config=FAST, data=data)
    for key in ("accuracy", "macro_f1", "per_class_f1", "confusion_matrix", "ece", "brier", "auto_label", "protocol"):
        assert key in result
    assert 0.6 < result["macro_f1"]["mean"] < 0.95 and result["macro_f1"]["sd"] > 0
    assert set(result["per_class_f1"]) == set(CLASSES)
    assert np.array(result["confusion_matrix"]["rows_true_cols_pred"]).sum() == 400
    assert 0 <= result["ece"] < 0.15 and 0 < result["brier"] < 1
    assert 0 < result["auto_label"]["share"] <= 1 and result["auto_label"]["accuracy"] > 0.8
    assert len(result["folds_detail"]) == 5
    json.dumps(result)
    text = format_report(result)
    assert text.startswith("Protocol: 1x repeated stratified group 5-fold") and "Macro-F1" in text


@pytest.mark.slow  # a real (small) cross-validation in joblib worker processes
def test_tmer_evaluate_model_evaluates_that_directorys_configuration(store, tmp_path, capsys):
    from tmer_desktop.cli import main as tmer

    assert tmer(["evaluate", "--model", str(store), "--json", "--repeats", "1", "--folds", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["protocol"]["training_config"] == TINY.to_dict() and result["protocol"]["folds"] == 2
    assert tmer(["evaluate", "--model", str(tmp_path)]) == 1  # refused before any evaluation
    assert f"tmer evaluate: {tmp_path}" in capsys.readouterr().err


def test_evaluation_of_a_model_directory_uses_its_configuration(store, tmp_path):
    assert config_from_model_dir(store) == TINY
    assert config_from_model_dir(None) == TrainingConfig.from_dict(read_manifest(None)[1]["training_config"])
    _edit_manifest(store, training_config={"Cs": [], "transforms": ["standard"], "inner_folds": 3})
    with pytest.raises(ModelError, match="manifest.json: training configuration"):
        config_from_model_dir(store)
    with pytest.raises(ModelError, match="outside"):
        config_from_model_dir(tmp_path)


def test_calibration_metrics_on_known_inputs():
    y = np.array([0, 1, 2, 3])
    perfect = np.eye(4)
    assert expected_calibration_error(y, perfect) == 0.0 and multiclass_brier(y, perfect) == 0.0
    uniform = np.full((4, 4), 0.25)
    assert multiclass_brier(y, uniform) == pytest.approx(0.75)
    # confident (0.9) but only half right: ECE = |0.5 - 0.9|
    probs = np.array([[0.9, 0.1 / 3, 0.1 / 3, 0.1 / 3]] * 4)
    assert expected_calibration_error(np.array([0, 0, 1, 1]), probs) == pytest.approx(0.4)
