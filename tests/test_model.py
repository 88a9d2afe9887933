"""Training data loading and the emotion classifier (real training CSV, small configurations)."""

import numpy as np
import pandas as pd
import pytest

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model.data import CLASSES, DataError, combine, frame_from_table, load_labelled_csv
from tmer_desktop.model.train import (
    QUICK_CONFIG,
    EmotionClassifier,
    TrainingConfig,
    as_feature_matrix,
    drop_duplicate_rows,
    fit_temperature,
    train,
    training_data,
)
from tmer_desktop.paths import TRAINING_CSV


@pytest.fixture(scope="module")
def data():
    return training_data()


@pytest.fixture(scope="module")
def quick_model(data):
    return train(data, QUICK_CONFIG)


def test_training_csv_has_balanced_classes_and_groups_its_duplicates(data):
    assert len(data) == 400 and list(data.X.columns) == list(FEATURE_NAMES)
    assert np.bincount(data.y).tolist() == [100, 100, 100, 100]
    assert len(np.unique(data.groups)) == 388
    # every duplicate group holds identical rows with one label
    for g in np.unique(data.groups):
        rows = np.flatnonzero(data.groups == g)
        if len(rows) > 1:
            assert (data.X.iloc[rows].nunique() == 1).all() and len(set(data.y[rows])) == 1


def test_classes_are_fixed_and_relax_is_mapped():
    assert CLASSES == ("happy", "sad", "angry", "relaxed")
    raw = pd.read_csv(TRAINING_CSV)
    assert "relax" in set(raw["Class"])
    assert load_labelled_csv(TRAINING_CSV).y[raw.index[raw["Class"] == "relax"]].tolist() == [3] * 100


def test_quick_model_fits_the_training_data_and_outputs_probabilities(data, quick_model):
    probs = quick_model.predict_proba(data.X)
    assert probs.shape == (400, 4)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    assert (probs.argmax(axis=1) == data.y).mean() > 0.8
    assert quick_model.transform_name_ in QUICK_CONFIG.transforms and quick_model.C_ in QUICK_CONFIG.Cs
    assert quick_model.clip_ in QUICK_CONFIG.clips
    assert 0.2 < quick_model.temperature_ < 5


def test_dataframe_columns_are_matched_by_name_not_position(data, quick_model):
    shuffled = data.X.iloc[:5, ::-1]
    np.testing.assert_allclose(quick_model.predict_proba(shuffled),
                               quick_model.predict_proba(data.X.iloc[:5].to_numpy()))


def test_missing_values_are_imputed_at_prediction(data, quick_model):
    X = data.X.iloc[:10].copy()
    for col in ("_Spectralcentroid_Mean", "_Roughness_Slope", "_Tempo_Mean"):
        X[col] = np.nan
    probs = quick_model.predict_proba(X)
    assert np.isfinite(probs).all()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    # NaN is replaced by the training median, so a NaN and the median give the same answer
    filled = X.copy()
    for col in ("_Spectralcentroid_Mean", "_Roughness_Slope", "_Tempo_Mean"):
        filled[col] = quick_model.train_median_[FEATURE_NAMES.index(col)]
    np.testing.assert_allclose(probs, quick_model.predict_proba(filled))


def test_training_accepts_missing_values_and_an_entirely_missing_column(data):
    rng = np.random.default_rng(0)
    X = data.X.copy()
    X = X.mask(rng.random(X.shape) < 0.05)
    X["_Tempo_Mean"] = np.nan
    model = EmotionClassifier(Cs=(0.1,), transforms=("standard",), inner_folds=2).fit(X, data.y)
    probs = model.predict_proba(X)
    assert np.isfinite(probs).all() and (probs.argmax(axis=1) == data.y).mean() > 0.7
    # the all-missing column carries no weight and keeps its slot
    assert model.lr_.coef_.shape == (4, 50)


def test_bad_feature_arrays_are_refused(quick_model):
    with pytest.raises(ValueError, match="50 features"):
        quick_model.predict_proba(np.zeros((2, 49)))
    with pytest.raises(ValueError, match="infinite"):
        quick_model.predict_proba(np.full((1, 50), np.inf))
    with pytest.raises(ValueError, match="lacks"):
        as_feature_matrix(pd.DataFrame({"a": [1.0]}))


def test_training_needs_every_class(data):
    keep = data.y != CLASSES.index("sad")
    with pytest.raises(ValueError, match="all 4 classes"):
        EmotionClassifier(Cs=(0.1,), transforms=("standard",), inner_folds=2).fit(data.X[keep], data.y[keep])


def test_inner_selection_records_every_candidate(data):
    model = EmotionClassifier(Cs=(0.01, 1.0), transforms=("standard",), inner_folds=3).fit(data.X, data.y)
    assert {(row["transform"], row["clip"], row["C"]) for row in model.selection_} == {
        ("standard", clip, C) for clip in ("minmax", "quantile") for C in (0.01, 1.0)
    }
    best = min(model.selection_, key=lambda r: r["nll"])
    assert (model.clip_, model.C_, model.temperature_) == (best["clip"], best["C"], best["temperature"])


@pytest.mark.parametrize("clip", ["minmax", "quantile"])
def test_clipping_range_comes_from_the_training_rows_only(data, clip):
    train_rows = np.arange(0, 400, 2)
    X = as_feature_matrix(data.X)
    model = EmotionClassifier(Cs=(0.1,), transforms=("standard",), clips=(clip,)).fit(X[train_rows], data.y[train_rows])
    Xtr, _, _ = drop_duplicate_rows(X[train_rows], data.y[train_rows])
    if clip == "minmax":
        expected = np.nanmin(Xtr, axis=0), np.nanmax(Xtr, axis=0)
    else:
        filled = np.where(np.isnan(Xtr), model.train_median_, Xtr)
        expected = tuple(np.quantile(filled, [0.005, 0.995], axis=0))
    np.testing.assert_allclose(model.clipper_.low_, expected[0])
    np.testing.assert_allclose(model.clipper_.high_, expected[1])
    held_out = X[1::2]
    assert clip == "quantile" or model.out_of_range(held_out).any()  # the other half has values beyond
    inside = model.clipped_features(held_out)
    assert (inside >= model.clipper_.low_).all() and (inside <= model.clipper_.high_).all()


def test_temperature_scaling_softens_overconfident_logits():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 4, 2000)
    clean = rng.normal(size=(2000, 4))
    clean[np.arange(2000), y] += 1.0
    T, _ = fit_temperature(clean * 5.0, y)  # the same evidence, shouted five times louder
    T_ref, _ = fit_temperature(clean, y)
    assert T == pytest.approx(5.0 * T_ref, rel=0.05) and T > 1


def test_duplicate_rows_are_dropped_before_fitting():
    X = np.array([[1.0, np.nan], [1.0, np.nan], [2.0, 3.0]])
    y = np.array([0, 0, 0])
    Xd, yd, g = drop_duplicate_rows(X, y, np.array([5, 5, 6]))
    assert len(Xd) == 2 and g.tolist() == [5, 6]
    # same features, different label: both kept
    assert len(drop_duplicate_rows(X[:2], np.array([0, 1]))[0]) == 2


def test_training_config_round_trip_and_validation():
    cfg = TrainingConfig(Cs=(0.2,), transforms=("standard",), inner_folds=3, clips=("quantile",))
    assert TrainingConfig.from_dict(cfg.to_dict()) == cfg
    # a manifest written before clipping existed describes an unclipped model
    assert TrainingConfig.from_dict({"Cs": [1], "transforms": ["standard"], "inner_folds": 3}).clips == ("none",)
    for bad in ({}, {"Cs": [-1], "transforms": ["standard"], "inner_folds": 3},
                {"Cs": [1], "transforms": ["standard"], "inner_folds": 3, "clips": ["winsor"]},
                {"Cs": [1], "transforms": ["magic"], "inner_folds": 3},
                {"Cs": [1], "transforms": ["standard"], "inner_folds": 1}):
        with pytest.raises(ValueError, match="configuration"):
            TrainingConfig.from_dict(bad)


def _table(n=8):
    rng = np.random.default_rng(2)
    table = pd.DataFrame(rng.normal(size=(n, 50)), columns=list(FEATURE_NAMES))
    table.insert(0, "label", [CLASSES[i % 4] for i in range(n)])
    return table


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("a,b\n1,2\n", "missing 50 feature column"),
        ("\x00\x01garbage", "missing|not a readable"),
    ],
)
def test_bad_csv_files_are_refused_with_the_file_name(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(DataError, match=message) as info:
        load_labelled_csv(path)
    assert str(path) in str(info.value)


def test_bad_tables_are_refused_with_the_reason(tmp_path):
    table = _table()
    table.loc[3, "label"] = "melancholic"
    with pytest.raises(DataError, match="unknown label.*melancholic"):
        frame_from_table(table, "t.csv")
    table = _table()
    table["_Tempo_Mean"] = table["_Tempo_Mean"].astype(object)
    table.loc[1, "_Tempo_Mean"] = "fast"
    with pytest.raises(DataError, match="not a number"):
        frame_from_table(table, "t.csv")
    table = _table()
    table.loc[0, list(FEATURE_NAMES)] = np.nan
    with pytest.raises(DataError, match="no feature values"):
        frame_from_table(table, "t.csv")
    with pytest.raises(DataError, match="no label column"):
        frame_from_table(_table().drop(columns="label"), "t.csv")
    with pytest.raises(DataError, match="cannot read"):
        load_labelled_csv(tmp_path / "absent.csv")


def test_extra_rows_copying_a_training_row_join_its_group(data):
    extra = data.X.iloc[[0, 1]].copy()
    extra.insert(0, "label", [CLASSES[data.y[0]], "angry" if data.y[1] != 2 else "happy"])
    both = combine(data, frame_from_table(extra, "extra"))
    assert len(both) == 402
    assert both.groups[400] == both.groups[0]  # identical row, same label: same group
    assert both.groups[401] not in set(both.groups[:400])


def test_row_keys_is_the_one_way_duplicates_are_recognised():
    from tmer_desktop.model.data import row_keys

    nan = float("nan")
    X = np.array([[1.0, nan], [2.0, 3.0], [1.0 + 1e-12, nan], [2.0, 3.0], [1.0, nan]])
    # Numbered in order of first appearance; NaN equals NaN; 1e-12 is below the 9 decimals.
    assert row_keys(X).tolist() == [0, 1, 0, 1, 0]
    assert row_keys(X, decimals=None).tolist() == [0, 1, 2, 1, 0]
    # With labels, the same features under another label are another row.
    assert row_keys(X, np.array([0, 1, 2, 1, 0])).tolist() == [0, 1, 2, 1, 0]
    assert row_keys(np.empty((0, 2))).size == 0
