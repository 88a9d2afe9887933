"""The emotion classifier: median imputation → clipping to the training range → per-feature
transform → multinomial logistic regression → temperature scaling, with the clipping range, the
transform and C chosen by an inner cross-validation.

Why clip: a linear model extrapolates. Our extractor, on non-Turkish music, gives some features
far outside anything in the training data (e.g. a roughness slope twice the dataset maximum),
and one such value would otherwise dominate the prediction and its explanation.

Why this family: in the model search (benchmarks/model_search.py, docs/model.md) it matches
SVMs, forests and boosting on honest macro-F1 within noise, while being fast to train and
having an exact, closed-form SHAP explanation (it is additive in the transformed features).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.preprocessing import PowerTransformer, StandardScaler
from threadpoolctl import threadpool_limits

from tmer_desktop.features.columns import FEATURE_NAMES, N_FEATURES
from tmer_desktop.model.data import CLASSES, LabelledData, combine, frame_from_table, load_labelled_csv, row_keys

DEFAULT_CS: tuple[float, ...] = (0.03, 0.1, 0.2, 0.3, 0.5, 1.0)
DEFAULT_TRANSFORMS: tuple[str, ...] = ("yeo-johnson", "standard")
TRANSFORMS = ("yeo-johnson", "standard")
# Range each feature is clipped to, from the training data: its min/max, its [0.5 %, 99.5 %]
# quantiles, or no clipping (models saved before clipping existed).
CLIPS = ("minmax", "quantile", "none")
DEFAULT_CLIPS: tuple[str, ...] = ("minmax", "quantile")
CLIP_QUANTILES = (0.005, 0.995)
# Columns that do not carry over beyond the Turkish data (docs/model.md, "Transfer"), chosen from
# unlabelled audio only:
# - unstable across encodings: median relative change > 10 % in some encoding of
#   benchmarks/encoding_invariance.py (22.05/32/48 kHz, MP3 64/128 kbps, Vorbis, mono, -12 dB),
#   even after the analysis preparation (the spectral shape sees whatever an encoder left above
#   its low-pass; the attack-time slope moves with lossy coding);
# - culture-specific: > 25 % of the 30 s windows of other music (../shared/music) outside the
#   training data's 1-99 % range, or the median more than one training IQR away. Three of the
#   six harmonic-change columns fail that test (non-Turkish music changes chords far more than
#   the makam music of the data does), and the family is one curve's summary: all six go.
ENCODING_UNSTABLE: tuple[str, ...] = (
    "_Rolloff_Mean", "_Spectralcentroid_Mean", "_Spectralspread_Mean", "_Spectralskewness_Mean",
    "_Spectralkurtosis_Mean", "_Spectralflatness_Mean", "_AttackTime_Slope",
)
CULTURE_SHIFTED: tuple[str, ...] = (
    "_Roughness_Slope", "_HarmonicChangeDetectionFunction_Mean", "_HarmonicChangeDetectionFunction_Std",
    "_HarmonicChangeDetectionFunction_Slope", "_HarmonicChangeDetectionFunction_PeriodFreq",
    "_HarmonicChangeDetectionFunction_PeriodAmp", "_HarmonicChangeDetectionFunction_PeriodEntropy",
)
TRANSFER_EXCLUDED: tuple[str, ...] = ENCODING_UNSTABLE + CULTURE_SHIFTED
# The default model never uses the encoding-unstable columns (dropping them costs nothing on the
# Turkish CV: 0.808 without vs 0.805 with, quick protocol) and is the plain average of a fit with
# and one without the culture-specific ones.
DEFAULT_ROBUST_SHARE = 0.5


def as_feature_matrix(X) -> np.ndarray:
    """(n, 50) float64 array from an array or a DataFrame holding the FEATURE_NAMES columns."""
    if isinstance(X, pd.DataFrame):
        missing = [c for c in FEATURE_NAMES if c not in X.columns]
        if missing:
            raise ValueError(f"feature table lacks {len(missing)} column(s), e.g. {missing[0]}")
        X = X.loc[:, list(FEATURE_NAMES)].to_numpy(dtype=np.float64)
    else:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1:
            X = X.reshape(1, -1)
    if X.ndim != 2 or X.shape[1] != N_FEATURES:
        raise ValueError(f"expected {N_FEATURES} features per row, got array of shape {X.shape}")
    if np.isinf(X).any():
        raise ValueError("feature values must be finite or NaN, not infinite")
    return X


def _make_transform(name: str):
    if name == "yeo-johnson":
        return PowerTransformer(method="yeo-johnson", standardize=True)
    if name == "standard":
        return StandardScaler()
    raise ValueError(f"unknown transform {name!r}; choose from {TRANSFORMS}")


class RangeClipper:
    """Clips every feature to the range seen in the (imputed) training data."""

    def __init__(self, mode: str = "minmax"):
        if mode not in CLIPS:
            raise ValueError(f"unknown clipping {mode!r}; choose from {CLIPS}")
        self.mode = mode

    def fit(self, X: np.ndarray) -> RangeClipper:
        if self.mode == "quantile":
            self.low_, self.high_ = np.quantile(X, CLIP_QUANTILES, axis=0)
        elif self.mode == "minmax":
            self.low_, self.high_ = X.min(axis=0), X.max(axis=0)
        else:
            self.low_, self.high_ = np.full(X.shape[1], -np.inf), np.full(X.shape[1], np.inf)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        return np.clip(X, self.low_, self.high_)

    def outside(self, X: np.ndarray) -> np.ndarray:
        """Boolean mask of measured (non-NaN) values that clipping changes."""
        with np.errstate(invalid="ignore"):
            return (X < self.low_) | (X > self.high_)


class _Front:
    """Imputation → clipping → transform, fitted together on one training set."""

    def __init__(self, transform: str, clip: str, X: np.ndarray):
        # keep_empty_features: a column that is all-NaN in a training set must keep its slot.
        # Impute first, so NaN becomes the training median, which is inside the clipping range.
        self.imputer = SimpleImputer(strategy="median", keep_empty_features=True).fit(X)
        filled = self.imputer.transform(X)
        self.clipper = RangeClipper(clip).fit(filled)
        self.transform = _make_transform(transform).fit(self.clipper.transform(filled))

    def __call__(self, X: np.ndarray) -> np.ndarray:
        return self.transform.transform(self.clipper.transform(self.imputer.transform(X)))


def fit_temperature(logits: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> tuple[float, float]:
    """Temperature T minimising the (weighted) negative log-likelihood of softmax(logits / T);
    returns (T, NLL)."""
    w = np.ones(len(y)) if weights is None else weights

    def nll(log_t: float) -> float:
        return float(-np.average(log_softmax(logits / np.exp(log_t), axis=1)[np.arange(len(y)), y], weights=w))

    res = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(res.x)), float(res.fun)


def drop_duplicate_rows(X: np.ndarray, y: np.ndarray, groups=None, weights=None):
    """Exact duplicates (features and label) add no information and would leak across inner folds;
    a kept row takes the largest weight among its copies."""
    keys = row_keys(X, y, decimals=None)
    _, keep = np.unique(keys, return_index=True)  # first rows, in the order they came
    groups = None if groups is None else np.asarray(groups)[keep]
    if weights is None:
        return X[keep], y[keep], groups
    best = np.zeros(len(keep))
    np.maximum.at(best, keys, weights)
    return X[keep], y[keep], groups, best[keys][keep]


@dataclass
class FamiliarityReport:
    """How far windows are from what the model learnt (per row)."""

    outside: np.ndarray  # number of used columns outside the training data's 0.5-99.5 % range (or missing)
    distance: np.ndarray  # Mahalanobis distance in the transformed space (used columns)
    unfamiliar: np.ndarray  # bool: outside >= OUTSIDE_LIMIT or distance > the training limit


class Familiarity:
    """Is a window like the training data? Two plain tests on the columns the model uses:
    several values outside the range the training data covers (0.5-99.5 % quantiles), or a
    Mahalanobis distance (Ledoit-Wolf covariance of the transformed training features) beyond
    the one 99 % of the training rows stay within. Both limits come from the training data
    alone; no labelled non-Turkish clip was used to set them."""

    OUTSIDE_LIMIT = 3
    DISTANCE_QUANTILE = 0.99

    def __init__(self, used, range_, location, precision, limit):
        self.used, self.range = used, range_
        self.location, self.precision, self.limit = location, precision, limit

    @classmethod
    def fit(cls, filled: np.ndarray, Z: np.ndarray, excluded: np.ndarray) -> Familiarity:
        from sklearn.covariance import LedoitWolf

        used = ~excluded
        cov = LedoitWolf().fit(Z[:, used])
        inst = cls(used, RangeClipper("quantile").fit(filled), cov.location_, cov.precision_, np.inf)
        inst.limit = float(np.quantile(inst._distance(Z), cls.DISTANCE_QUANTILE))
        return inst

    def _distance(self, Z: np.ndarray) -> np.ndarray:
        d = Z[:, self.used] - self.location
        return np.sqrt(np.einsum("ij,jk,ik->i", d, self.precision, d))

    def assess(self, X: np.ndarray, filled: np.ndarray, Z: np.ndarray) -> FamiliarityReport:
        """X: the raw values (a missing value counts as outside: the model only guessed it),
        filled: the same after imputation, Z: transformed."""
        beyond = (self.range.outside(filled) | np.isnan(X))[:, self.used]
        outside = beyond.sum(axis=1)
        distance = self._distance(Z)
        return FamiliarityReport(outside, distance, (outside >= self.OUTSIDE_LIMIT) | (distance > self.limit))


class _Linear:
    """The fitted linear step: logits = Z @ coef_.T + intercept_ (a blend of two fits, see
    EmotionClassifier); keeps the attributes the explanation reads from LogisticRegression."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray):
        self.coef_, self.intercept_ = coef, intercept

    def decision_function(self, Z: np.ndarray) -> np.ndarray:
        return Z @ self.coef_.T + self.intercept_


class EmotionClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated linear emotion classifier with inner-CV model selection (see module doc).

    dropped / excluded / robust_share: columns that do not carry over to other encodings or
    music (docs/model.md, "Transfer"). The linear step is the blend (1 - s) * full + s * robust of
    a fit on every column but the dropped ones and a fit without the excluded ones either (their
    transformed values held at 0, the training mean, so their weights stay 0): dropped columns
    are never used, excluded ones with the weight (1 - s). The blend is one linear model in the
    same transformed features, so explanations stay exact.
    """

    def __init__(self, Cs=DEFAULT_CS, transforms=DEFAULT_TRANSFORMS, inner_folds=5, random_state=0, max_iter=5000,
                 clips=DEFAULT_CLIPS, excluded=(), robust_share=0.0, dropped=()):
        self.Cs = Cs
        self.transforms = transforms
        self.clips = clips
        self.inner_folds = inner_folds
        self.random_state = random_state
        self.max_iter = max_iter
        self.excluded = excluded
        self.robust_share = robust_share
        self.dropped = dropped

    def fit(self, X, y, groups=None, sample_weight=None):
        """sample_weight: optional weight per row (e.g. a user's corrections counted more than
        the training CSV's rows, retrain.py); used by the linear step and the temperature."""
        # Hundreds of tiny BLAS calls: multi-threaded BLAS only adds contention (measured 20x slower).
        with threadpool_limits(limits=1):
            return self._fit(X, y, groups, sample_weight)

    def _fit(self, X, y, groups, sample_weight=None):
        X = as_feature_matrix(X)
        y = np.asarray(y, dtype=np.int64)
        if len(X) != len(y):
            raise ValueError(f"{len(X)} feature rows but {len(y)} labels")
        if set(np.unique(y)) != set(range(len(CLASSES))):
            raise ValueError(f"training labels must cover all {len(CLASSES)} classes {CLASSES}")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        if w.shape != y.shape or not np.all(np.isfinite(w)) or np.any(w <= 0):
            raise ValueError("sample_weight must be one positive number per row")
        X, y, groups, w = drop_duplicate_rows(X, y, groups, w)
        self._w = w
        clips = tuple(self.clips)
        bad = [c for c in clips if c not in CLIPS]
        if bad or not clips:
            raise ValueError(f"unknown clipping {bad}; choose from {CLIPS}")
        configs = [(t, c, float(C)) for t in self.transforms for c in clips for C in self.Cs]
        if len(configs) == 1:
            (transform_name, clip, C), table = configs[0], []
        else:
            transform_name, clip, C, table = self._select(X, y, groups, configs)
        self.selection_ = table
        self.transform_name_, self.clip_, self.C_ = transform_name, clip, C
        front = _Front(transform_name, clip, X)
        self.imputer_, self.clipper_, self.transform_ = front.imputer, front.clipper, front.transform
        Z = front(X)
        self.lr_ = self._fit_linear(C, Z, y, w)
        self.temperature_ = self._inner_temperature(X, y, groups, configs[0]) if not table else self._best_t
        self.background_ = Z.mean(axis=0)  # reference point for SHAP (interventional, training data)
        self.familiarity_ = Familiarity.fit(front.imputer.transform(X), Z, self._excluded_mask())
        self.train_median_ = self.imputer_.statistics_.copy()  # the values NaN is replaced with
        self.classes_ = np.arange(len(CLASSES))
        self.n_features_in_ = N_FEATURES
        del self._w  # only needed while fitting
        return self

    def __setstate__(self, state):
        # Estimators pickled before the transfer columns existed were full models.
        state.setdefault("excluded", ())
        state.setdefault("robust_share", 0.0)
        state.setdefault("dropped", ())
        super().__setstate__(state)

    def _new_lr(self, C: float) -> LogisticRegression:
        """The linear step (a method so experiments can vary it: benchmarks/model_search.py --nested)."""
        return LogisticRegression(C=C, max_iter=self.max_iter)

    def _mask(self, names) -> np.ndarray:
        unknown = [c for c in names if c not in FEATURE_NAMES]
        if unknown:
            raise ValueError(f"unknown column(s): {unknown}")
        return np.array([c in names for c in FEATURE_NAMES])

    def _excluded_mask(self) -> np.ndarray:
        """Columns the model does not rely on: excluded (half weight or none) or dropped."""
        return self._mask(tuple(self.excluded) + tuple(self.dropped))

    def _fit_linear(self, C: float, Z: np.ndarray, y: np.ndarray, w: np.ndarray):
        share = float(self.robust_share)
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"robust_share must be between 0 and 1, not {share}")
        dropped = self._mask(tuple(self.dropped))
        if dropped.any():
            Z = Z.copy()
            Z[:, dropped] = 0.0
        mask = self._excluded_mask()
        if share == 0.0 or not (mask & ~dropped).any():
            full = self._new_lr(C).fit(Z, y, sample_weight=w)
            return full if not dropped.any() else _Linear(full.coef_, full.intercept_)
        Zr = Z.copy()
        Zr[:, mask] = 0.0
        robust = self._new_lr(C).fit(Zr, y, sample_weight=w)
        if share == 1.0:
            return _Linear(robust.coef_, robust.intercept_)
        full = self._new_lr(C).fit(Z, y, sample_weight=w)
        return _Linear((1 - share) * full.coef_ + share * robust.coef_,
                       (1 - share) * full.intercept_ + share * robust.intercept_)

    def _splits(self, X, y, groups):
        if groups is not None:
            cv = StratifiedGroupKFold(n_splits=self.inner_folds, shuffle=True, random_state=self.random_state)
            return list(cv.split(X, y, groups))
        cv = StratifiedKFold(n_splits=self.inner_folds, shuffle=True, random_state=self.random_state)
        return list(cv.split(X, y))

    def _oof_logits(self, X, y, groups, configs):
        """Out-of-fold logits for every (transform, clip, C); each front (imputation, clipping,
        transform) is fitted once per inner fold, on the inner training part only."""
        oof = {cfg: np.zeros((len(y), len(CLASSES))) for cfg in configs}
        for train, val in self._splits(X, y, groups):
            for t, c in dict.fromkeys((t, c) for t, c, _ in configs):
                front = _Front(t, c, X[train])
                Ztr, Zval = front(X[train]), front(X[val])
                for cfg in configs:
                    if cfg[:2] == (t, c):
                        lr = self._fit_linear(cfg[2], Ztr, y[train], self._w[train])
                        oof[cfg][val] = lr.decision_function(Zval)
        return oof

    def _select(self, X, y, groups, configs):
        oof = self._oof_logits(X, y, groups, configs)
        table = []
        for cfg, logits in oof.items():
            T, nll = fit_temperature(logits, y, self._w)
            f1 = f1_score(y, logits.argmax(axis=1), average="macro")
            table.append({"transform": cfg[0], "clip": cfg[1], "C": cfg[2], "temperature": T, "nll": nll,
                          "macro_f1": float(f1)})
        # Proper scoring rule (calibrated log-loss) picks the configuration; F1 on ~35-row folds is too noisy.
        best = min(table, key=lambda row: row["nll"])
        self._best_t = best["temperature"]
        return best["transform"], best["clip"], best["C"], table

    def _inner_temperature(self, X, y, groups, config):
        return fit_temperature(self._oof_logits(X, y, groups, [config])[config], y, self._w)[0]

    # --- prediction -------------------------------------------------------------------
    def clipped_features(self, X) -> np.ndarray:
        """Features after imputation and clipping to the training range (raw units)."""
        filled = self.imputer_.transform(as_feature_matrix(X))
        clipper = getattr(self, "clipper_", None)  # absent in models saved before clipping existed
        return filled if clipper is None else clipper.transform(filled)

    def out_of_range(self, X) -> np.ndarray:
        """(n, 50) mask of measured values outside the training range (changed by clipping)."""
        X = as_feature_matrix(X)
        clipper = getattr(self, "clipper_", None)
        return np.zeros(X.shape, dtype=bool) if clipper is None else clipper.outside(X)

    def familiarity(self, X) -> FamiliarityReport | None:
        """Per row: how unlike the training data it is (None for models saved before this existed)."""
        fam = getattr(self, "familiarity_", None)
        if fam is None:
            return None
        X = as_feature_matrix(X)
        return fam.assess(X, self.imputer_.transform(X), self.transform_features(X))

    def transform_features(self, X) -> np.ndarray:
        """Features in the space the linear model sees (imputed, clipped, transformed)."""
        return self.transform_.transform(self.clipped_features(X))

    @property
    def scaled_coef_(self) -> np.ndarray:
        return self.lr_.coef_ / self.temperature_

    @property
    def scaled_intercept_(self) -> np.ndarray:
        return self.lr_.intercept_ / self.temperature_

    def decision_function(self, X) -> np.ndarray:
        """Temperature-scaled logits (n, 4); softmax of these is predict_proba."""
        return self.transform_features(X) @ self.scaled_coef_.T + self.scaled_intercept_

    def predict_proba(self, X) -> np.ndarray:
        return softmax(self.decision_function(X), axis=1)

    def predict(self, X) -> np.ndarray:
        return self.predict_proba(X).argmax(axis=1)

    def describe(self) -> dict:
        return {
            "family": "logistic-regression+temperature",
            "transform": self.transform_name_,
            "clip": getattr(self, "clip_", "none"),
            "C": self.C_,
            "temperature": self.temperature_,
            "excluded": list(self.excluded),
            "robust_share": float(self.robust_share),
            "dropped": list(self.dropped),
        }


@dataclass(frozen=True)
class TrainingConfig:
    Cs: tuple[float, ...] = DEFAULT_CS
    transforms: tuple[str, ...] = DEFAULT_TRANSFORMS
    inner_folds: int = 5
    random_state: int = 0
    clips: tuple[str, ...] = DEFAULT_CLIPS
    excluded: tuple[str, ...] = TRANSFER_EXCLUDED
    robust_share: float = DEFAULT_ROBUST_SHARE
    dropped: tuple[str, ...] = ENCODING_UNSTABLE

    def make(self) -> EmotionClassifier:
        return EmotionClassifier(
            Cs=tuple(self.Cs), transforms=tuple(self.transforms), inner_folds=self.inner_folds,
            random_state=self.random_state, clips=tuple(self.clips), excluded=tuple(self.excluded),
            robust_share=float(self.robust_share), dropped=tuple(self.dropped),
        )

    def to_dict(self) -> dict:
        return {"Cs": list(self.Cs), "transforms": list(self.transforms), "clips": list(self.clips),
                "inner_folds": self.inner_folds, "random_state": self.random_state,
                "excluded": list(self.excluded), "robust_share": self.robust_share, "dropped": list(self.dropped)}

    @classmethod
    def from_dict(cls, raw: dict) -> TrainingConfig:
        try:
            cfg = cls(
                Cs=tuple(float(c) for c in raw["Cs"]),
                transforms=tuple(str(t) for t in raw["transforms"]),
                inner_folds=int(raw["inner_folds"]),
                random_state=int(raw.get("random_state", 0)),
                # Manifests written before clipping existed describe unclipped models.
                clips=tuple(str(c) for c in raw.get("clips", ("none",))),
                # Manifests written before the transfer columns existed describe full models.
                excluded=tuple(str(c) for c in raw.get("excluded", ())),
                robust_share=float(raw.get("robust_share", 0.0)),
                dropped=tuple(str(c) for c in raw.get("dropped", ())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"invalid training configuration ({exc})") from None
        if not cfg.Cs or any(c <= 0 for c in cfg.Cs):
            raise ValueError("training configuration: Cs must be positive numbers")
        bad = [t for t in cfg.transforms if t not in TRANSFORMS]
        if bad or not cfg.transforms:
            raise ValueError(f"training configuration: unknown transform(s) {bad}")
        bad = [c for c in cfg.clips if c not in CLIPS]
        if bad or not cfg.clips:
            raise ValueError(f"training configuration: unknown clipping(s) {bad}")
        if cfg.inner_folds < 2:
            raise ValueError("training configuration: inner_folds must be at least 2")
        bad = [c for c in (*cfg.excluded, *cfg.dropped) if c not in FEATURE_NAMES]
        if bad:
            raise ValueError(f"training configuration: unknown excluded or dropped column(s) {bad}")
        if not 0.0 <= cfg.robust_share <= 1.0:
            raise ValueError("training configuration: robust_share must be between 0 and 1")
        return cfg


QUICK_CONFIG = TrainingConfig(Cs=(0.1, 0.3), transforms=("yeo-johnson",), inner_folds=3, clips=("minmax",))


def training_data(csv_path=None, extra: pd.DataFrame | LabelledData | None = None) -> LabelledData:
    """The shipped training CSV, plus optional extra labelled rows (e.g. therapist corrections)."""
    from tmer_desktop.paths import TRAINING_CSV

    data = load_labelled_csv(csv_path or TRAINING_CSV)
    if extra is None:
        return data
    if isinstance(extra, pd.DataFrame):
        extra = frame_from_table(extra, "extra labelled rows")
    return combine(data, extra)


def train(data: LabelledData, config: TrainingConfig | None = None) -> EmotionClassifier:
    return (config or TrainingConfig()).make().fit(data.X, data.y, groups=data.groups)
