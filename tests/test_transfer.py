"""Issue 15: the same music gives the same answer whatever its encoding; the model's transfer
columns, its sense of unfamiliar music, the correction weight, and `tmer evaluate --external`."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.features.extract import prepared_features
from tmer_desktop.features.prepare import Preparation
from tmer_desktop.model.data import CLASSES
from tmer_desktop.model.decide import decide
from tmer_desktop.model.train import (
    CULTURE_SHIFTED,
    ENCODING_UNSTABLE,
    TRANSFER_EXCLUDED,
    TrainingConfig,
    training_data,
)

SR = 44100
QUICK = dict(Cs=(0.1,), transforms=("yeo-johnson",), clips=("minmax",), inner_folds=3)


def _music(seconds: float, seed: int, tempo: float = 2.0, sr: int = SR) -> np.ndarray:
    """Chords over a beat with a little noise: every feature is defined."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * sr)) / sr
    root = 196 * 2 ** (np.floor(t / 2) % 4 / 12)
    y = sum(0.2 / k * np.sin(2 * np.pi * k * root * t) for k in (1, 1.26, 1.5, 2))
    y = y + 0.4 * np.exp(-25 * (t % (1 / tempo))) * np.sin(2 * np.pi * 90 * t)
    return 0.4 * y + 0.02 * rng.standard_normal(t.size)


@pytest.fixture(scope="module")
def base():
    return training_data()


# ----------------------------------------------------------------------------- preparation
@pytest.mark.slow  # a 12 s clip analysed four ways (levels, rates, preparations)
def test_level_and_rate_no_longer_change_the_features():
    y = _music(12.0, seed=1)
    ref = prepared_features(y, SR)
    quiet = prepared_features(y * 10 ** (-12 / 20), SR)
    import soxr

    at48 = prepared_features(soxr.resample(y, SR, 48000, quality="VHQ"), 48000)
    raw_quiet = prepared_features(y * 10 ** (-12 / 20), SR, Preparation.raw())
    rough = "_Roughness_Mean"
    # MIRtoolbox's raw values move with the level (roughness with its square) ...
    quiet_peak = np.max(np.abs(y)) * 10 ** (-12 / 20)
    assert raw_quiet[rough] == pytest.approx(ref[rough] * quiet_peak ** 2, rel=0.05)
    # ... the prepared ones do not, and a 48 kHz copy lands within a percent on the stable columns
    for name in FEATURE_NAMES:
        a, b = quiet[name], ref[name]
        assert (np.isnan(a) and np.isnan(b)) or a == pytest.approx(b, rel=1e-6, abs=1e-9), name
    for name in ("_RMSenergy_Mean", rough, "_MFCC_Mean_2", "_Chromagram_Mean_5", "_Tempo_Mean"):
        assert at48[name] == pytest.approx(ref[name], rel=0.01), name


def test_preparation_rejects_nonsense():
    with pytest.raises(ValueError, match="level"):
        Preparation(level="loud")
    with pytest.raises(ValueError, match="rate"):
        Preparation(rate=0)
    silent, sr = Preparation().apply(np.zeros(1000), 22050)
    assert sr == 44100 and not silent.any()  # silence is not amplified into noise
    # nor is a noise floor far below any music (-114 dBFS): it must still be judged silent
    from tmer_desktop.features.prepare import SILENCE_RMS

    hiss = 2e-6 * np.random.default_rng(0).standard_normal(SR * 3)
    assert prepared_features(hiss, SR)["_RMSenergy_Mean"] < SILENCE_RMS
    assert prepared_features(hiss * 100, SR)["_RMSenergy_Mean"] > 0.1  # -74 dBFS: quiet music, scaled up


# ----------------------------------------------------------------------------- the model
@pytest.mark.slow  # several model fits
def test_excluded_columns_carry_half_the_weight_and_none_when_robust(base):
    full = TrainingConfig(**QUICK, robust_share=0.0, dropped=()).make().fit(base.X, base.y, base.groups)
    blend = TrainingConfig(**QUICK, robust_share=0.5, dropped=()).make().fit(base.X, base.y, base.groups)
    robust = TrainingConfig(**QUICK, robust_share=1.0, dropped=()).make().fit(base.X, base.y, base.groups)
    cols = [FEATURE_NAMES.index(c) for c in TRANSFER_EXCLUDED]
    assert np.abs(robust.lr_.coef_[:, cols]).max() == 0.0
    assert np.allclose(blend.lr_.coef_[:, cols], 0.5 * full.lr_.coef_[:, cols], atol=1e-6)
    # the default: encoding-unstable columns never used, culture-specific ones at half weight
    default = TrainingConfig(**QUICK).make().fit(base.X, base.y, base.groups)
    assert np.abs(default.lr_.coef_[:, [FEATURE_NAMES.index(c) for c in ENCODING_UNSTABLE]]).max() == 0.0
    assert np.abs(default.lr_.coef_[:, [FEATURE_NAMES.index(c) for c in CULTURE_SHIFTED]]).max() > 0.01
    # an absurd value in an excluded column moves the blend less than the full model, the robust not at all
    x = base.X.iloc[[0]].copy()
    shifted = x.copy()
    shifted["_HarmonicChangeDetectionFunction_Std"] = 50.0
    for model, moved in ((full, True), (robust, False), (default, True)):
        change = np.abs(model.predict_proba(shifted) - model.predict_proba(x)).max()
        assert (change > 1e-3) == moved
    assert blend.describe()["robust_share"] == 0.5 and set(blend.describe()["excluded"]) == set(TRANSFER_EXCLUDED)
    assert set(default.describe()["dropped"]) == set(ENCODING_UNSTABLE)


def test_familiarity_flags_music_unlike_the_training_data(base):
    model = TrainingConfig(**QUICK).make().fit(base.X, base.y, base.groups)
    own = model.familiarity(base.X)
    assert own.unfamiliar.mean() < 0.05  # the training data is familiar, by construction ~1-3 %
    odd = base.X.iloc[:5].copy()
    odd["_RMSenergy_Mean"] *= 20
    odd["_Tempo_Mean"] = 400.0
    odd["_MFCC_Mean_1"] += 10
    report = model.familiarity(odd)
    assert report.unfamiliar.all() and (report.outside >= 3).all()
    # an excluded column does not count: it is not used enough to matter
    only_excluded = base.X.iloc[:5].copy()
    only_excluded["_Spectralflatness_Mean"] = 5.0
    assert (model.familiarity(only_excluded).outside == own.outside[:5]).all()


def test_unfamiliar_music_never_gets_a_single_label():
    sure = [0.9, 0.05, 0.03, 0.02]
    assert decide(sure).decision == "label"
    d = decide(sure, unfamiliar=True)
    assert d.decision == "top-2" and d.labels == ("happy", "sad")
    assert decide([0.78, 0.08, 0.07, 0.07], unfamiliar=True).decision == "review"  # 0.78 + 0.08 < 0.9
    assert decide([0.4, 0.3, 0.2, 0.1], unfamiliar=True).decision == "review"


@pytest.mark.slow  # several model fits
def test_sample_weight_makes_corrections_count(base):
    # 12 "corrections": happy-like rows relabelled angry; weighted, the model follows them.
    happy = base.X[base.y == CLASSES.index("happy")].iloc[:12]
    X = np.vstack([base.X.to_numpy(), happy.to_numpy() * 1.0000001])
    y = np.concatenate([base.y, np.full(12, CLASSES.index("angry"))])
    g = np.concatenate([base.groups, np.arange(12) + 10_000])
    probe = happy.iloc[:4]
    p_angry = []
    for w in (1.0, 20.0):
        sw = np.concatenate([np.ones(len(base.y)), np.full(12, w)])
        m = TrainingConfig(**QUICK).make().fit(X, y, g, sample_weight=sw)
        p_angry.append(m.predict_proba(probe)[:, CLASSES.index("angry")].mean())
    assert p_angry[1] > p_angry[0] + 0.2
    with pytest.raises(ValueError, match="sample_weight"):
        TrainingConfig(**QUICK).make().fit(X, y, g, sample_weight=np.zeros(len(y)))


@pytest.mark.slow  # cross-validated fits
def test_correction_weight_is_chosen_by_cross_validation(base):
    from tmer_desktop.model.adapt import DEFAULT_WEIGHT, choose_weight

    rng = np.random.default_rng(0)
    idx = rng.choice(np.flatnonzero(base.y == CLASSES.index("relaxed")), 24, replace=False)
    cX = base.X.to_numpy()[idx] * 1.0000001
    cy = np.full(24, CLASSES.index("sad"))  # this user hears these as sad
    groups = [f"rec{i // 3}" for i in range(24)]  # 8 recordings of 3 windows
    config = TrainingConfig(**QUICK)
    chosen = choose_weight(base.X, base.y, base.groups, cX, cy, groups, config=config)
    assert chosen.how == "cross-validated" and chosen.recordings == 8
    assert chosen.weight >= 5 and chosen.log_loss[chosen.weight] == min(chosen.log_loss.values())
    few = choose_weight(base.X, base.y, base.groups, cX[:3], cy[:3], groups[:3], config=config)
    assert few.weight == DEFAULT_WEIGHT and few.how.startswith("default")


# ----------------------------------------------------------------------------- tmer evaluate --external
@pytest.fixture(scope="module")
def labelled_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("external")
    rows = ["file,label4"]
    for i, label in enumerate(("happy", "sad", "angry", "relax", "happy", "relaxed")):
        sub = root / label
        sub.mkdir(exist_ok=True)
        rate = (22050, 44100, 48000)[i % 3]
        sf.write(sub / f"clip{i}.wav", _music(6.0, seed=i, tempo=1.0 + i, sr=rate), rate, subtype="PCM_16")
        rows.append(f"{label}/clip{i}.wav,{label}")
    (root / "broken").mkdir()
    (root / "broken" / "bad.mp3").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 300)
    rows.append("broken/bad.mp3,sad")
    (root / "LABELS.csv").write_text("\n".join(rows) + "\n")
    return root


def _tmer(*args, env_dir):
    env = {**os.environ, "TMER_DATA_DIR": str(env_dir / "data"), "TMER_CACHE_DIR": str(env_dir / "cache")}
    return subprocess.run([sys.executable, "-m", "tmer_desktop.cli", *args], capture_output=True, text=True,
                          env=env, timeout=600)


@pytest.mark.slow  # the CLI analyses a folder in worker processes, twice
def test_evaluate_external_scores_a_labelled_folder(labelled_folder, tmp_path):
    out = _tmer("evaluate", "--external", str(labelled_folder), "--json", "--jobs", "1", env_dir=tmp_path)
    assert out.returncode == 1, out.stderr  # one listed file could not be analysed
    result = json.loads(out.stdout)
    assert result["n_clips"] == 6 and [f["file"] for f in result["failed"]] == ["broken/bad.mp3"]
    assert "not a recognised audio format" in result["failed"][0]["error"]
    assert sum(map(sum, result["confusion_matrix"]["rows_true_cols_pred"])) == 6
    lo, hi = result["macro_f1_interval"]
    assert 0.0 <= lo <= hi <= 1.0 and 0.0 <= result["macro_f1"] <= 1.0
    assert 0.0 <= result["ece"] <= 1.0 and set(result["per_class_f1"]) == set(CLASSES)
    assert sum(result["predicted_counts"].values()) == 6
    d = result["decision_rule"]
    assert d["label_share"] + d["top2_share"] + d["review_share"] == pytest.approx(1.0)
    clip = result["clips"][0]
    assert sum(clip[f"p_{c}"] for c in CLASSES) == pytest.approx(1.0) and clip["label"] == "happy"
    text = _tmer("evaluate", "--external", str(labelled_folder), env_dir=tmp_path)  # from the feature cache
    assert "Macro-F1" in text.stdout and "95 % interval" in text.stdout and "bad.mp3" in text.stdout


@pytest.mark.parametrize("labels, expected", [
    (None, "LABELS.csv: not found"),
    ("name,emotion\na.wav,happy\n", "needs the columns file and label4"),
    ("file,label4\na.wav,joyful\n", "line 2: label 'joyful' is not one of"),
    ("file,label4\n../../etc/passwd,happy\n", "points outside the folder"),
    ("", "needs the columns file and label4"),
    (b"\xff\xfe\x00garbage", "cannot be read"),
    ("huge", "not a label list"),
])
def test_evaluate_external_refuses_a_bad_label_list(tmp_path, labels, expected):
    folder = tmp_path / "set"
    folder.mkdir()
    if labels == "huge":
        with open(folder / "LABELS.csv", "wb") as fh:
            fh.truncate(21 * 1024 * 1024)  # sparse: larger than any label list
    elif isinstance(labels, bytes):
        (folder / "LABELS.csv").write_bytes(labels)
    elif labels is not None:
        (folder / "LABELS.csv").write_text(labels)
    out = _tmer("evaluate", "--external", str(folder), env_dir=tmp_path)
    assert out.returncode == 1 and expected in out.stderr and "Traceback" not in out.stderr  # a bad input file
