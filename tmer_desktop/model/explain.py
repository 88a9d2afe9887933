"""Why the model said so: exact SHAP values per window and per track, grouped into six feature
families with plain names, and a sentence a therapist can read aloud.

The classifier is additive in its transformed features: for class k the (temperature-scaled)
logit is b_k + Σ_j w_kj·z_j(x_j), where z_j is the per-feature imputation + clipping to the
training range + transform. With the
training data as background and features treated as independent (interventional SHAP), the
exact SHAP value of feature j for class k is therefore w_kj·(z_j(x_j) − mean_train z_j) — the
same numbers shap.LinearExplainer computes (tests check this), without importing shap. Values are
in log-odds (logit) units of the class; they sum to the class logit minus its training average.

The sentence ("slow tempo, soft dynamics and few changes of harmony make this sound relaxed; the
model is not sure because the timbre is unlike the music it learnt from") names the (at most
three) families pushing hardest towards the class, each through the plain words of one of its
features, which describe the clipped value the model actually used; the doubt clause follows the
unfamiliar-music flag the judge uses (model.train.Familiarity), naming the family most unlike
the training music. Feature names and numbers stay in `top_features` / `clipped` / `shap`, for
the "Details" a researcher opens.

Track level: the mean of the window SHAP values, which is exactly the SHAP decomposition of the
mean window logit (the model is linear in z).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.model.data import CLASSES
from tmer_desktop.model.decide import track_unfamiliar
from tmer_desktop.model.train import EmotionClassifier, as_feature_matrix
from tmer_desktop.translatable import QT_TRANSLATE_NOOP
from tmer_desktop.wording import emotion_word

TEMPO, LOUDNESS, BRIGHTNESS, TIMBRE, ROUGHNESS, HARMONY = (
    "tempo/rhythm", "loudness/dynamics", "brightness", "timbre", "roughness/dissonance", "harmony/tonality")
FAMILIES: tuple[str, ...] = (TEMPO, LOUDNESS, BRIGHTNESS, TIMBRE, ROUGHNESS, HARMONY)

# Family of each feature, in words a musician uses. How fast and how regularly events come
# (tempo, event density, pulse clarity, fluctuation = rhythmic periodicity strength) is
# tempo/rhythm; loudness, its variation and how sharply notes start are loudness/dynamics; where
# the spectrum's energy lies (zero crossings, roll-off, brightness, centroid, spread, skewness) is
# brightness; the spectrum's shape beyond that (MFCCs, kurtosis, flatness, entropy) is the tone
# colour (timbre); sensory roughness is roughness/dissonance; chroma and the harmonic change
# detection function are harmony/tonality.
_FAMILY_PREFIX = (
    ("_RMSenergy", LOUDNESS),
    ("_Lowenergy", LOUDNESS),
    ("_AttackTime", LOUDNESS),
    ("_Fluctuation", TEMPO),
    ("_Tempo", TEMPO),
    ("_Eventdensity", TEMPO),
    ("_Pulseclarity", TEMPO),
    ("_MFCC", TIMBRE),
    ("_Roughness", ROUGHNESS),
    ("_Zero-crossingrate", BRIGHTNESS),
    ("_Rolloff", BRIGHTNESS),
    ("_Brightness", BRIGHTNESS),
    ("_Spectralcentroid", BRIGHTNESS),
    ("_Spectralspread", BRIGHTNESS),
    ("_Spectralskewness", BRIGHTNESS),
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


# Plain words for a feature above / below its training median: noun phrases that read in a list
# ("slow tempo, soft dynamics and few changes of harmony make this sound relaxed"). Literal calls:
# lupdate reads them.
_WORDS = {
    "_RMSenergy_Mean": (QT_TRANSLATE_NOOP("Reason", "loud dynamics"),
        QT_TRANSLATE_NOOP("Reason", "soft dynamics")),
    "_Lowenergy_Mean": (QT_TRANSLATE_NOOP("Reason", "many quiet passages"),
        QT_TRANSLATE_NOOP("Reason", "even loudness")),
    "_AttackTime_Mean": (QT_TRANSLATE_NOOP("Reason", "gentle note attacks"),
        QT_TRANSLATE_NOOP("Reason", "sharp note attacks")),
    "_AttackTime_Slope": (QT_TRANSLATE_NOOP("Reason", "note attacks growing gentler"),
        QT_TRANSLATE_NOOP("Reason", "note attacks growing sharper")),
    "_Fluctuation_Mean": (QT_TRANSLATE_NOOP("Reason", "a strong rhythmic pulse"),
        QT_TRANSLATE_NOOP("Reason", "a weak rhythmic pulse")),
    "_Tempo_Mean": (QT_TRANSLATE_NOOP("Reason", "fast tempo"),
        QT_TRANSLATE_NOOP("Reason", "slow tempo")),
    "_Eventdensity_Mean": (QT_TRANSLATE_NOOP("Reason", "many notes per second"),
        QT_TRANSLATE_NOOP("Reason", "few notes per second")),
    "_Pulseclarity_Mean": (QT_TRANSLATE_NOOP("Reason", "a clear beat"),
        QT_TRANSLATE_NOOP("Reason", "a vague beat")),
    "_Roughness_Mean": (QT_TRANSLATE_NOOP("Reason", "a rough sound"),
        QT_TRANSLATE_NOOP("Reason", "a smooth sound")),
    "_Roughness_Slope": (QT_TRANSLATE_NOOP("Reason", "a sound growing rougher"),
        QT_TRANSLATE_NOOP("Reason", "a sound growing smoother")),
    "_Zero-crossingrate_Mean": (QT_TRANSLATE_NOOP("Reason", "a noisy sound"),
        QT_TRANSLATE_NOOP("Reason", "a clean sound")),
    "_Rolloff_Mean": (QT_TRANSLATE_NOOP("Reason", "a bright sound"),
        QT_TRANSLATE_NOOP("Reason", "a dark sound")),
    "_Brightness_Mean": (QT_TRANSLATE_NOOP("Reason", "a bright sound"),
        QT_TRANSLATE_NOOP("Reason", "a dark sound")),
    "_Spectralcentroid_Mean": (QT_TRANSLATE_NOOP("Reason", "a bright sound"),
        QT_TRANSLATE_NOOP("Reason", "a dark sound")),
    "_Spectralspread_Mean": (QT_TRANSLATE_NOOP("Reason", "a full sound"),
        QT_TRANSLATE_NOOP("Reason", "a narrow sound")),
    "_Spectralskewness_Mean": (QT_TRANSLATE_NOOP("Reason", "a bass-heavy sound"),
        QT_TRANSLATE_NOOP("Reason", "a balanced sound")),
    "_Spectralkurtosis_Mean": (QT_TRANSLATE_NOOP("Reason", "a few dominant pitches"),
        QT_TRANSLATE_NOOP("Reason", "evenly spread pitches")),
    "_Spectralflatness_Mean": (QT_TRANSLATE_NOOP("Reason", "a noise-like tone"),
        QT_TRANSLATE_NOOP("Reason", "a pure tone")),
    "_EntropyofSpectrum_Mean": (QT_TRANSLATE_NOOP("Reason", "a busy tone"),
        QT_TRANSLATE_NOOP("Reason", "a simple tone")),
    "_HarmonicChangeDetectionFunction_Mean": (QT_TRANSLATE_NOOP("Reason", "frequent changes of harmony"),
        QT_TRANSLATE_NOOP("Reason", "few changes of harmony")),
    "_HarmonicChangeDetectionFunction_Std": (QT_TRANSLATE_NOOP("Reason", "uneven changes of harmony"),
        QT_TRANSLATE_NOOP("Reason", "even changes of harmony")),
    "_HarmonicChangeDetectionFunction_Slope": (QT_TRANSLATE_NOOP("Reason", "harmony changing more towards the end"),
        QT_TRANSLATE_NOOP("Reason", "harmony settling towards the end")),
    "_HarmonicChangeDetectionFunction_PeriodFreq": (QT_TRANSLATE_NOOP("Reason", "quick chord changes"),
        QT_TRANSLATE_NOOP("Reason", "slow chord changes")),
    "_HarmonicChangeDetectionFunction_PeriodAmp": (QT_TRANSLATE_NOOP("Reason", "regular chord changes"),
        QT_TRANSLATE_NOOP("Reason", "irregular chord changes")),
    "_HarmonicChangeDetectionFunction_PeriodEntropy": (QT_TRANSLATE_NOOP("Reason", "unpredictable chord changes"),
        QT_TRANSLATE_NOOP("Reason", "predictable chord changes")),
}
_PITCH_CLASSES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")

_MUCH_PITCH = QT_TRANSLATE_NOOP("Reason", "much of the note {pitch}")
_LITTLE_PITCH = QT_TRANSLATE_NOOP("Reason", "little of the note {pitch}")
_TONE_COLOUR = QT_TRANSLATE_NOOP("Reason", "its particular tone colour")  # MFCCs have no plain direction

# Whole-sentence templates (context "Reason"), so that each language orders the sentence its own
# way; {doubt} is one of the whole clauses below.
_ONE = QT_TRANSLATE_NOOP("Reason", "{first} makes this sound {emotion}")
_TWO = QT_TRANSLATE_NOOP("Reason", "{first} and {second} make this sound {emotion}")
_THREE = QT_TRANSLATE_NOOP("Reason", "{first}, {second} and {third} make this sound {emotion}")
_NONE = QT_TRANSLATE_NOOP("Reason", "nothing in the music clearly points to {emotion}; it is only the least "
                                    "unlikely of the four")
_ONE_DOUBT = QT_TRANSLATE_NOOP("Reason", "{first} makes this sound {emotion}; {doubt}")
_TWO_DOUBT = QT_TRANSLATE_NOOP("Reason", "{first} and {second} make this sound {emotion}; {doubt}")
_THREE_DOUBT = QT_TRANSLATE_NOOP("Reason", "{first}, {second} and {third} make this sound {emotion}; {doubt}")
_NONE_DOUBT = QT_TRANSLATE_NOOP("Reason", "nothing in the music clearly points to {emotion}; {doubt}")
# Why the model is not sure (the unfamiliar-music flag), naming the family most unlike its training music.
_DOUBT = {
    None: QT_TRANSLATE_NOOP("Reason", "the model is not sure because this music is unlike the music it learnt from"),
    TEMPO: QT_TRANSLATE_NOOP("Reason", "the model is not sure because the tempo and rhythm are unlike the music "
                                       "it learnt from"),
    LOUDNESS: QT_TRANSLATE_NOOP("Reason", "the model is not sure because the loudness is unlike the music it "
                                          "learnt from"),
    BRIGHTNESS: QT_TRANSLATE_NOOP("Reason", "the model is not sure because the brightness of the sound is unlike "
                                            "the music it learnt from"),
    TIMBRE: QT_TRANSLATE_NOOP("Reason", "the model is not sure because the timbre is unlike the music it learnt "
                                        "from"),
    ROUGHNESS: QT_TRANSLATE_NOOP("Reason", "the model is not sure because the roughness of the sound is unlike "
                                           "the music it learnt from"),
    HARMONY: QT_TRANSLATE_NOOP("Reason", "the model is not sure because the harmony is unlike the music it learnt "
                                         "from"),
}
# A family needs at least this share of the strongest family's push to be named in the sentence.
MIN_SHARE = 0.2
MAX_NAMED = 3


def feature_words(feature: str, above_median: bool) -> str:
    """Plain words for `feature` above (or below) its training median (a marked text)."""
    if feature in _WORDS:
        return _WORDS[feature][0 if above_median else 1]
    if feature.startswith("_Chromagram_Mean_"):
        pc = _PITCH_CLASSES[int(feature.rsplit("_", 1)[1]) - 1]
        return (_MUCH_PITCH if above_median else _LITTLE_PITCH).format(pitch=pc)
    return _TONE_COLOUR  # the MFCCs (every other column has its own words; tested)


@dataclass(frozen=True)
class ReasonPart:
    """One family's contribution to the reason: the feature named for it and where its value lies."""

    family: str
    feature: str
    above_median: bool


def reason_text(parts: tuple[ReasonPart, ...], label: str, unfamiliar: bool = False,
                unusual_family: str | None = None) -> str:
    """The sentence a therapist can read aloud, e.g. "slow tempo, soft dynamics and few changes of
    harmony make this sound relaxed; the model is not sure because the timbre is unlike the music
    it learnt from": a translatable message (its English is what the core keeps; the interface
    words it again). No feature name or number appears in it."""
    emotion = emotion_word(label)
    words = [feature_words(p.feature, p.above_median) for p in parts[:MAX_NAMED]]
    unique = list(dict.fromkeys(words))  # two families never read the same phrase twice
    values = dict(zip(("first", "second", "third"), unique), emotion=emotion)
    if unfamiliar:
        values["doubt"] = _DOUBT.get(unusual_family, _DOUBT[None])
        template = (_NONE_DOUBT, _ONE_DOUBT, _TWO_DOUBT, _THREE_DOUBT)[len(unique)]
    else:
        template = (_NONE, _ONE, _TWO, _THREE)[len(unique)]
    return template.format(**values)


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
    reason_parts: tuple[ReasonPart, ...] = ()  # at most three families pushing towards `label`, strongest first
    unfamiliar: bool | None = None  # the music is unlike the training music (as the judge flags it; None: unknown)
    unusual_family: str | None = None  # the family most unlike the training music (when unfamiliar)

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
) -> int | None:
    """The feature to name for a family: the measured one pushing hardest towards the label,
    preferring features with words of their own (not MFCCs) when they carry at least half as
    much, and whose position relative to the median agrees with the side of the average it
    pushes from. None when no measured feature of the family pushes towards the label."""
    pos = [j for j in members[phi_k[members] > 0] if not np.isnan(x[j])]
    if not pos:
        return None
    agree = [j for j in pos if (x[j] >= model.train_median_[j]) == (z[j] >= model.background_[j])]
    pool = np.array(agree or pos)
    best = pool[np.argmax(phi_k[pool])]
    named = [j for j in pool if not FEATURE_NAMES[j].startswith("_MFCC")]
    if named:
        j = named[int(np.argmax(phi_k[named]))]
        if phi_k[j] >= 0.5 * phi_k[best]:
            return int(j)
    return int(best)


def _reason_parts(model: EmotionClassifier, x: np.ndarray, z: np.ndarray,
                  phi_k: np.ndarray) -> tuple[tuple[ReasonPart, ...], dict[str, float]]:
    """x: the feature values the model used (clipped to the training range; NaN where not measured)."""
    sums = np.bincount(FAMILY_INDEX, weights=phi_k, minlength=len(FAMILIES))
    families = dict(zip(FAMILIES, map(float, sums)))
    pushing = [f for f in sorted(FAMILIES, key=lambda f: -families[f]) if families[f] > 0]
    parts: list[ReasonPart] = []
    for fam in pushing:
        if len(parts) == MAX_NAMED or families[fam] < MIN_SHARE * families[pushing[0]]:
            break
        members = np.flatnonzero(FAMILY_INDEX == FAMILIES.index(fam))
        j = _pick_feature(model, members, x, z, phi_k)
        if j is not None:
            parts.append(ReasonPart(family=fam, feature=FEATURE_NAMES[j],
                                    above_median=bool(x[j] >= model.train_median_[j])))
    return tuple(parts), families


def _familiarity(model: EmotionClassifier, Xraw: np.ndarray) -> tuple[np.ndarray | None, str | None]:
    """Per row: unfamiliar (the judge's flag; None for models without one) and the family most
    unlike the training music over all rows: the one with the most columns outside the training
    data's range, ties broken by its share of the Mahalanobis distance."""
    report = model.familiarity(Xraw)
    fam = getattr(model, "familiarity_", None)
    if report is None or fam is None or not report.unfamiliar.any():
        return (None if report is None else report.unfamiliar), None
    rows = report.unfamiliar
    filled = model.imputer_.transform(Xraw[rows])
    outside = (fam.range.outside(filled) | np.isnan(Xraw[rows]))[:, fam.used].sum(axis=0)
    d = model.transform_features(Xraw[rows])[:, fam.used] - fam.location
    share = (d * (d @ fam.precision)).sum(axis=0)  # adds up to the squared distances
    used_family = FAMILY_INDEX[fam.used]
    score = [(outside[used_family == f].sum(), share[used_family == f].sum()) for f in range(len(FAMILIES))]
    return report.unfamiliar, FAMILIES[max(range(len(FAMILIES)), key=lambda f: score[f])]


def _explanation(model, x, outside, z, phi, base, label: str | None, unfamiliar: bool | None = None,
                 unusual: str | None = None) -> Explanation:
    if label is None:
        label = CLASSES[int(np.argmax(base + phi.sum(axis=1)))]
    elif label not in CLASSES:
        raise ValueError(f"unknown class {label!r}; choose from {CLASSES}")
    k = CLASSES.index(label)
    parts, families = _reason_parts(model, x, z, phi[k])
    reason = reason_text(parts, label, bool(unfamiliar), unusual)
    order = np.argsort(-np.abs(phi[k]))[:5]
    top = [(FEATURE_NAMES[j], float(phi[k, j])) for j in order]
    clipped = tuple(FEATURE_NAMES[j] for j in np.flatnonzero(outside))
    return Explanation(label=label, shap=phi, base=base, families=families, reason=reason, top_features=top,
                       clipped=clipped, reason_parts=parts, unfamiliar=unfamiliar,
                       unusual_family=unusual if unfamiliar else None)


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
    flags, _ = _familiarity(model, Xraw)
    out = []
    for i in range(len(Xraw)):
        unfamiliar = None if flags is None else bool(flags[i])
        unusual = _familiarity(model, Xraw[i:i + 1])[1] if unfamiliar else None
        out.append(_explanation(model, used[i], outside[i], Z[i], phi[i], base, label, unfamiliar, unusual))
    return out


def explain_track(model, X, label: str | None = None) -> Explanation:
    """Track explanation from its windows' features: mean SHAP; direction words use the
    windows' median (clipped) feature values; `clipped` lists features outside the training
    range in any window; unfamiliar as the judge decides a track (model.decide.track_unfamiliar)."""
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
    flags, unusual = _familiarity(model, Xraw)
    unfamiliar = None if flags is None else track_unfamiliar([bool(f) for f in flags])
    return _explanation(model, typical, outside, Z.mean(axis=0), phi.mean(axis=0), base, label, unfamiliar, unusual)
