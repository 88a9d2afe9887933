"""Why the model said so: exact SHAP values per window and per track, grouped into four feature
families a therapist can read, plus a one-line plain-language reason.

The classifier is additive in its transformed features: for class k the (temperature-scaled)
logit is b_k + Σ_j w_kj·z_j(x_j), where z_j is the per-feature imputation + clipping to the
training range + transform. With the
training data as background and features treated as independent (interventional SHAP), the
exact SHAP value of feature j for class k is therefore w_kj·(z_j(x_j) − mean_train z_j) — the
same numbers shap.LinearExplainer computes (tests check this), without importing shap. Values are
in log-odds (logit) units of the class; they sum to the class logit minus its training average.

The plain words ("loud", "slow tempo") describe the clipped value the model actually used; a
feature outside the training range is listed in `Explanation.clipped` and flagged in the reason.

Track level: the mean of the window SHAP values, which is exactly the SHAP decomposition of the
mean window logit (the model is linear in z).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model.data import CLASSES
from tmer_desktop.model.train import EmotionClassifier, as_feature_matrix
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.wording import emotion_word, family_word

ENERGY, RHYTHM, TIMBRE, HARMONY = "energy/dynamics", "rhythm/tempo", "timbre/brightness", "harmony/tonality"
FAMILIES: tuple[str, ...] = (ENERGY, RHYTHM, TIMBRE, HARMONY)

# Family of each feature. Loudness and how sharply notes start are dynamics; how fast and how
# regularly events come (tempo, event density, pulse clarity, fluctuation = rhythmic
# periodicity strength) is rhythm; spectral shape and roughness are timbre; chroma and the
# harmonic change detection function are harmony.
_FAMILY_PREFIX = (
    ("_RMSenergy", ENERGY),
    ("_Lowenergy", ENERGY),
    ("_AttackTime", ENERGY),
    ("_Fluctuation", RHYTHM),
    ("_Tempo", RHYTHM),
    ("_Eventdensity", RHYTHM),
    ("_Pulseclarity", RHYTHM),
    ("_MFCC", TIMBRE),
    ("_Roughness", TIMBRE),
    ("_Zero-crossingrate", TIMBRE),
    ("_Rolloff", TIMBRE),
    ("_Brightness", TIMBRE),
    ("_Spectral", TIMBRE),
    ("_EntropyofSpectrum", TIMBRE),
    ("_Chromagram", HARMONY),
    ("_HarmonicChangeDetectionFunction", HARMONY),
)


def family_of(feature: str) -> str:
    for prefix, family in _FAMILY_PREFIX:
        if feature.startswith(prefix):
            return family
    raise KeyError(f"no family for feature {feature!r}")


FEATURE_FAMILY: dict[str, str] = {name: family_of(name) for name in FEATURE_NAMES}
FAMILY_INDEX = np.array([FAMILIES.index(FEATURE_FAMILY[name]) for name in FEATURE_NAMES])



# Plain words for a feature above / below its training median (literal calls: lupdate reads them).
_WORDS = {
    "_RMSenergy_Mean": (QT_TRANSLATE_NOOP("Reason", "loud"),
        QT_TRANSLATE_NOOP("Reason", "soft")),
    "_Lowenergy_Mean": (QT_TRANSLATE_NOOP("Reason", "many quiet passages"),
        QT_TRANSLATE_NOOP("Reason", "steady loudness")),
    "_AttackTime_Mean": (QT_TRANSLATE_NOOP("Reason", "slow note onsets"),
        QT_TRANSLATE_NOOP("Reason", "sharp note onsets")),
    "_AttackTime_Slope": (QT_TRANSLATE_NOOP("Reason", "onsets getting slower"),
        QT_TRANSLATE_NOOP("Reason", "onsets getting sharper")),
    "_Fluctuation_Mean": (QT_TRANSLATE_NOOP("Reason", "strong rhythmic pulsation"),
        QT_TRANSLATE_NOOP("Reason", "weak rhythmic pulsation")),
    "_Tempo_Mean": (QT_TRANSLATE_NOOP("Reason", "fast tempo"),
        QT_TRANSLATE_NOOP("Reason", "slow tempo")),
    "_Eventdensity_Mean": (QT_TRANSLATE_NOOP("Reason", "many notes per second"),
        QT_TRANSLATE_NOOP("Reason", "few notes per second")),
    "_Pulseclarity_Mean": (QT_TRANSLATE_NOOP("Reason", "a clear beat"),
        QT_TRANSLATE_NOOP("Reason", "a vague beat")),
    "_Roughness_Mean": (QT_TRANSLATE_NOOP("Reason", "rough, dissonant sound"),
        QT_TRANSLATE_NOOP("Reason", "smooth sound")),
    "_Roughness_Slope": (QT_TRANSLATE_NOOP("Reason", "roughness increasing"),
        QT_TRANSLATE_NOOP("Reason", "roughness decreasing")),
    "_Zero-crossingrate_Mean": (QT_TRANSLATE_NOOP("Reason", "noisy, bright sound"),
        QT_TRANSLATE_NOOP("Reason", "clean, dark sound")),
    "_Rolloff_Mean": (QT_TRANSLATE_NOOP("Reason", "bright timbre"),
        QT_TRANSLATE_NOOP("Reason", "dark timbre")),
    "_Brightness_Mean": (QT_TRANSLATE_NOOP("Reason", "bright timbre"),
        QT_TRANSLATE_NOOP("Reason", "dark timbre")),
    "_Spectralcentroid_Mean": (QT_TRANSLATE_NOOP("Reason", "bright timbre"),
        QT_TRANSLATE_NOOP("Reason", "dark timbre")),
    "_Spectralspread_Mean": (QT_TRANSLATE_NOOP("Reason", "wide-band sound"),
        QT_TRANSLATE_NOOP("Reason", "narrow-band sound")),
    "_Spectralskewness_Mean": (QT_TRANSLATE_NOOP("Reason", "bass-heavy spectrum"),
        QT_TRANSLATE_NOOP("Reason", "balanced spectrum")),
    "_Spectralkurtosis_Mean": (QT_TRANSLATE_NOOP("Reason", "peaky spectrum"),
        QT_TRANSLATE_NOOP("Reason", "flat spectrum")),
    "_Spectralflatness_Mean": (QT_TRANSLATE_NOOP("Reason", "noise-like timbre"),
        QT_TRANSLATE_NOOP("Reason", "tonal timbre")),
    "_EntropyofSpectrum_Mean": (QT_TRANSLATE_NOOP("Reason", "dense, noisy spectrum"),
        QT_TRANSLATE_NOOP("Reason", "sparse, tonal spectrum")),
    "_HarmonicChangeDetectionFunction_Mean": (QT_TRANSLATE_NOOP("Reason", "frequent harmonic changes"),
        QT_TRANSLATE_NOOP("Reason", "stable harmony")),
    "_HarmonicChangeDetectionFunction_Std": (QT_TRANSLATE_NOOP("Reason", "uneven harmonic changes"),
        QT_TRANSLATE_NOOP("Reason", "even harmonic changes")),
    "_HarmonicChangeDetectionFunction_Slope": (QT_TRANSLATE_NOOP("Reason", "harmony changing more towards the end"),
        QT_TRANSLATE_NOOP("Reason", "harmony settling towards the end")),
    "_HarmonicChangeDetectionFunction_PeriodFreq": (QT_TRANSLATE_NOOP("Reason", "fast harmonic rhythm"),
        QT_TRANSLATE_NOOP("Reason", "slow harmonic rhythm")),
    "_HarmonicChangeDetectionFunction_PeriodAmp": (QT_TRANSLATE_NOOP("Reason", "regular harmonic rhythm"),
        QT_TRANSLATE_NOOP("Reason", "irregular harmonic rhythm")),
    "_HarmonicChangeDetectionFunction_PeriodEntropy": (QT_TRANSLATE_NOOP("Reason", "unpredictable harmonic rhythm"),
        QT_TRANSLATE_NOOP("Reason", "predictable harmonic rhythm")),
}
_PITCH_CLASSES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


# Sentence templates of the reason; the interface translates them (context "Reason").
_MUCH_PITCH = QT_TRANSLATE_NOOP("Reason", "much {pitch} in the harmony")
_LITTLE_PITCH = QT_TRANSLATE_NOOP("Reason", "little {pitch} in the harmony")
_MFCC_HIGH = QT_TRANSLATE_NOOP("Reason", "timbre colour (MFCC {k}) high")
_MFCC_LOW = QT_TRANSLATE_NOOP("Reason", "timbre colour (MFCC {k}) low")
_FEATURE_HIGH = QT_TRANSLATE_NOOP("Reason", "{feature} high")
_FEATURE_LOW = QT_TRANSLATE_NOOP("Reason", "{feature} low")
_NOT_MEASURABLE = QT_TRANSLATE_NOOP("Reason", "{feature} not measurable")
_BEYOND = QT_TRANSLATE_NOOP("Reason", "{words}, beyond the training range")
_WITH_FAMILY = QT_TRANSLATE_NOOP("Reason", "{words} ({family})")
_AND = QT_TRANSLATE_NOOP("Reason", "{first} and {second}")
_ONE_PUSHES = QT_TRANSLATE_NOOP("Reason", "{parts} pushes towards {emotion}")
_TWO_PUSH = QT_TRANSLATE_NOOP("Reason", "{parts} push towards {emotion}")
_NONE_POINTS = QT_TRANSLATE_NOOP(
    "Reason", "no feature family clearly points to {emotion}; it is only the least unlikely")


def feature_words(feature: str, above_median: bool) -> str:
    """Plain words for `feature` above (or below) its training median (a marked text)."""
    if feature in _WORDS:
        return _WORDS[feature][0 if above_median else 1]
    if feature.startswith("_Chromagram_Mean_"):
        pc = _PITCH_CLASSES[int(feature.rsplit("_", 1)[1]) - 1]
        return (_MUCH_PITCH if above_median else _LITTLE_PITCH).format(pitch=pc)
    if feature.startswith("_MFCC_Mean_"):
        k = feature.rsplit("_", 1)[1]
        return (_MFCC_HIGH if above_median else _MFCC_LOW).format(k=k)
    return (_FEATURE_HIGH if above_median else _FEATURE_LOW).format(feature=feature.strip("_"))


@dataclass(frozen=True)
class ReasonPart:
    """One family's contribution to the reason: the feature named for it and where its value lies."""

    family: str
    feature: str
    above_median: bool | None  # None: the feature could not be measured
    beyond_range: bool = False  # the value was outside the training range (clipped before the model)


def reason_text(parts: tuple[ReasonPart, ...], label: str) -> str:
    """The one-line reason, e.g. "a vague beat (rhythm/tempo) pushes towards sad": a translatable
    message (its English is what the core stores and prints; the interface words it again)."""
    emotion = emotion_word(label)
    if not parts:
        return _NONE_POINTS.format(emotion=emotion)
    phrases = []
    for part in parts:
        if part.above_median is None:
            words = _NOT_MEASURABLE.format(feature=part.feature.strip("_"))
        else:
            words = feature_words(part.feature, part.above_median)
            if part.beyond_range:
                words = _BEYOND.format(words=words)
        phrases.append(_WITH_FAMILY.format(words=words, family=family_word(part.family)))
    joined = phrases[0] if len(phrases) == 1 else _AND.format(first=phrases[0], second=phrases[1])
    return (_ONE_PUSHES if len(phrases) == 1 else _TWO_PUSH).format(parts=joined, emotion=emotion)


@dataclass(frozen=True)
class Explanation:
    """SHAP values of one window (or one track) for every class, in logit units."""

    label: str  # class the reason is about (predicted unless asked otherwise)
    shap: np.ndarray  # (4, 50): classes × features
    base: np.ndarray  # (4,): training-average logit per class
    families: dict[str, float]  # family → SHAP sum for `label`
    reason: str  # a translatable message (reason_text): English as a str, the interface words it again
    top_features: list[tuple[str, float]] = field(default_factory=list)  # (feature, SHAP for label), strongest first
    clipped: tuple[str, ...] = ()  # features outside the training range (clipped to it before the model)
    reason_parts: tuple[ReasonPart, ...] = ()  # at most two families pushing towards `label`, strongest first

    def family_values(self, label: str | None = None) -> dict[str, float]:
        k = CLASSES.index(label or self.label)
        sums = np.bincount(FAMILY_INDEX, weights=self.shap[k], minlength=len(FAMILIES))
        return dict(zip(FAMILIES, map(float, sums)))


def _classifier(model) -> EmotionClassifier:
    """Accept the loaded bundle (EmotionModel) as well as the bare classifier."""
    est = getattr(model, "estimator", model)
    if not isinstance(est, EmotionClassifier):
        raise TypeError(f"cannot explain a {type(model).__name__}; expected an emotion model")
    return est


def shap_values(model, X) -> tuple[np.ndarray, np.ndarray]:
    """Exact interventional SHAP values (n, 4, 50) in logit units, and the base values (4,)."""
    model = _classifier(model)
    return _shap_from_transformed(model, model.transform_features(X))


def _shap_from_transformed(model: EmotionClassifier, Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    W = model.scaled_coef_  # (4, 50)
    phi = (Z - model.background_)[:, None, :] * W[None, :, :]
    base = model.scaled_intercept_ + W @ model.background_
    return phi, base


def shap_values_with_shap_library(model, X, background) -> np.ndarray:
    """Cross-check path: shap.LinearExplainer on the transformed features; (n, 4, 50).
    Pass the training rows the model was fitted on (after duplicate removal) as background to
    reproduce shap_values exactly."""
    import shap  # slow import (~2.5 s): only on this path

    model = _classifier(model)
    Zbg = model.transform_features(background)
    surrogate = _LinearView(model)
    # Independent masker would subsample to 100 rows by default; keep every background row.
    masker = shap.maskers.Independent(Zbg, max_samples=len(Zbg))
    explainer = shap.LinearExplainer((surrogate.coef_, surrogate.intercept_), masker)
    values = explainer.shap_values(model.transform_features(X))
    arr = np.asarray(values)
    # shap returns (n, features, classes) or a list per class depending on version.
    if arr.ndim == 3 and arr.shape[-1] == len(CLASSES):
        arr = np.transpose(arr, (0, 2, 1))
    elif arr.ndim == 3 and arr.shape[0] == len(CLASSES):
        arr = np.transpose(arr, (1, 0, 2))
    return arr


class _LinearView:
    def __init__(self, model: EmotionClassifier):
        self.coef_ = model.scaled_coef_
        self.intercept_ = model.scaled_intercept_


def _pick_feature(
    model: EmotionClassifier, members: np.ndarray, x: np.ndarray, z: np.ndarray, phi_k: np.ndarray
) -> int:
    """The feature to name for a family: the one pushing hardest towards the label, preferring
    features whose plain words are meaningful (not MFCCs) when they carry at least half as much,
    and whose position relative to the median agrees with the side of the average it pushes from."""
    pos = members[phi_k[members] > 0]
    if len(pos) == 0:
        return int(members[np.argmax(phi_k[members])])
    agree = [j for j in pos if np.isnan(x[j]) or (x[j] >= model.train_median_[j]) == (z[j] >= model.background_[j])]
    pool = np.array(agree) if agree else pos
    best = pool[np.argmax(phi_k[pool])]
    named = [j for j in pool if not FEATURE_NAMES[j].startswith("_MFCC")]
    if named:
        j = named[int(np.argmax(phi_k[named]))]
        if phi_k[j] >= 0.5 * phi_k[best]:
            return int(j)
    return int(best)


def _reason_parts(model: EmotionClassifier, x: np.ndarray, outside: np.ndarray, z: np.ndarray,
                  phi_k: np.ndarray) -> tuple[tuple[ReasonPart, ...], dict[str, float]]:
    """x: the feature values the model used (clipped to the training range; NaN where not
    measured); outside: which of them were clipped."""
    sums = np.bincount(FAMILY_INDEX, weights=phi_k, minlength=len(FAMILIES))
    families = dict(zip(FAMILIES, map(float, sums)))
    pushing = [f for f in sorted(FAMILIES, key=lambda f: -families[f]) if families[f] > 0]
    parts = []
    for fam in pushing[:2]:
        members = np.flatnonzero(FAMILY_INDEX == FAMILIES.index(fam))
        j = _pick_feature(model, members, x, z, phi_k)
        value, median = x[j], model.train_median_[j]
        measured = not np.isnan(value)
        parts.append(ReasonPart(family=fam, feature=FEATURE_NAMES[j],
                                above_median=bool(value >= median) if measured else None,
                                beyond_range=bool(outside[j]) and measured))
    return tuple(parts), families


def _explanation(model, x, outside, z, phi, base, label: str | None) -> Explanation:
    if label is None:
        label = CLASSES[int(np.argmax(base + phi.sum(axis=1)))]
    elif label not in CLASSES:
        raise ValueError(f"unknown class {label!r}; choose from {CLASSES}")
    k = CLASSES.index(label)
    parts, families = _reason_parts(model, x, outside, z, phi[k])
    reason = reason_text(parts, label)
    order = np.argsort(-np.abs(phi[k]))[:5]
    top = [(FEATURE_NAMES[j], float(phi[k, j])) for j in order]
    clipped = tuple(FEATURE_NAMES[j] for j in np.flatnonzero(outside))
    return Explanation(label=label, shap=phi, base=base, families=families, reason=reason, top_features=top,
                       clipped=clipped, reason_parts=parts)


def _used_values(model: EmotionClassifier, Xraw: np.ndarray) -> np.ndarray:
    """The clipped values the model used, NaN kept where the feature was not measured."""
    used = model.clipped_features(Xraw)
    used[np.isnan(Xraw)] = np.nan
    return used


def explain_windows(model, X, label: str | None = None) -> list[Explanation]:
    """One Explanation per row (window). label=None explains each row's predicted class.
    model: an EmotionModel (bundle.load_model) or an EmotionClassifier."""
    model = _classifier(model)
    Xraw = as_feature_matrix(X)
    Z = model.transform_features(Xraw)
    phi, base = _shap_from_transformed(model, Z)
    used, outside = _used_values(model, Xraw), model.out_of_range(Xraw)
    return [_explanation(model, used[i], outside[i], Z[i], phi[i], base, label) for i in range(len(Xraw))]


def explain_track(model, X, label: str | None = None) -> Explanation:
    """Track explanation from its windows' features: mean SHAP; direction words use the
    windows' median (clipped) feature values; `clipped` lists features outside the training
    range in any window."""
    model = _classifier(model)
    Xraw = as_feature_matrix(X)
    if len(Xraw) == 0:
        raise ValueError("a track explanation needs at least one window")
    Z = model.transform_features(Xraw)
    phi, base = _shap_from_transformed(model, Z)
    used = _used_values(model, Xraw)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a feature missing in every window stays NaN
        typical = np.nanmedian(used, axis=0) if len(used) > 1 else used[0]
    outside = model.out_of_range(Xraw).any(axis=0)
    return _explanation(model, typical, outside, Z.mean(axis=0), phi.mean(axis=0), base, label)
