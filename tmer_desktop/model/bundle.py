"""Saving and loading the emotion model: a directory with `model.joblib` and `manifest.json`.

Loading is deliberately strict because unpickling runs code: only the bundled directory or a
directory inside the user's model store is accepted, and the manifest (feature names, classes,
model file name and sha256) is checked *before* the model file is unpickled. When the installed
scikit-learn cannot load the pickle (an exception, or any version-mismatch warning), the model
is retrained from the shipped CSV into the model store and the returned model says so.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.exceptions import InconsistentVersionWarning

from tmer_desktop import paths
from tmer_desktop.errors import FileError
from tmer_desktop.features.columns import FEATURE_NAMES
from tmer_desktop.hashing import file_sha256
from tmer_desktop.model.data import CLASSES, LabelledData
from tmer_desktop.model.decide import DEFAULT_THRESHOLD, DEFAULT_TOP2_THRESHOLD
from tmer_desktop.model.evaluate import run_evaluation
from tmer_desktop.model.train import EmotionClassifier, TrainingConfig, as_feature_matrix, train, training_data
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
MANIFEST_SCHEMA = 1
MODEL_FAMILY = "lr-ts"  # logistic regression + temperature scaling
MAX_MANIFEST_BYTES = 1 << 20
MAX_MODEL_BYTES = 50 << 20
ATTRIBUTION = (
    "Trained on the Turkish Music Emotion dataset (Er, M. B., 2019, UCI Machine Learning "
    "Repository, DOI 10.24432/C5JG93), CC BY 4.0."
)


class ModelError(FileError):
    """A model directory cannot be used; the message names the directory or file and the reason."""


def _versions() -> dict:
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
        "joblib": joblib.__version__,
    }


# --- the loaded model ---------------------------------------------------------------------


@dataclass
class EmotionModel:
    estimator: EmotionClassifier
    manifest: dict
    directory: Path
    retrained: bool = False
    notice: str | None = None  # a Message shown to the user when something unusual happened while loading

    @property
    def classes(self) -> tuple[str, ...]:
        return CLASSES

    @property
    def version(self) -> str:
        return str(self.manifest["model_version"])

    @property
    def feature_names(self) -> tuple[str, ...]:
        return FEATURE_NAMES

    @property
    def threshold(self) -> float:
        return float(self.manifest.get("threshold", DEFAULT_THRESHOLD))

    @property
    def top2_threshold(self) -> float:
        return float(self.manifest.get("top2_threshold", DEFAULT_TOP2_THRESHOLD))

    def predict_proba(self, X) -> np.ndarray:
        """(n, 4) probabilities in CLASSES order; X is (n, 50) or a DataFrame with FEATURE_NAMES (NaN allowed)."""
        return self.estimator.predict_proba(as_feature_matrix(X))

    def familiarity(self, X):
        """Per row: how unlike the training data it is (train.FamiliarityReport; None for old models)."""
        return self.estimator.familiarity(as_feature_matrix(X))

    def explain(self, X, label: str | None = None):
        """One explanation per row (see tmer_desktop.model.explain)."""
        from tmer_desktop.model.explain import explain_windows

        return explain_windows(self.estimator, X, label)

    def explain_track(self, X, label: str | None = None):
        from tmer_desktop.model.explain import explain_track

        return explain_track(self.estimator, X, label)


# --- saving -----------------------------------------------------------------------------


def model_version(training_sha: str, when: datetime) -> str:
    return f"{MODEL_FAMILY}-{when:%Y%m%d-%H%M%S}-{training_sha[:8]}"


def _data_sha(data: LabelledData) -> str:
    import hashlib

    digest = hashlib.sha256()
    digest.update(np.ascontiguousarray(data.X.to_numpy(dtype=np.float64)).tobytes())
    digest.update(np.ascontiguousarray(data.y).tobytes())
    return digest.hexdigest()


def save_model(
    model: EmotionClassifier | EmotionModel,
    out_dir: str | Path,
    *,
    config: TrainingConfig | None = None,
    training: dict | None = None,
    metrics: dict | None = None,
    top2_threshold: float | None = None,
    version: str | None = None,
    when: datetime | None = None,
) -> Path:
    """Write model.joblib + manifest.json atomically: build in a temp dir beside out_dir, then rename.

    model: a fitted EmotionClassifier, or a loaded EmotionModel (its manifest supplies whatever
    is not given here, so a loaded model can be copied elsewhere)."""
    previous: dict = {}
    if isinstance(model, EmotionModel):
        previous, estimator = model.manifest, model.estimator
    else:
        estimator = model
    if not isinstance(estimator, EmotionClassifier) or not hasattr(estimator, "lr_"):
        raise ModelError(out_dir, f"only a fitted emotion classifier can be saved (got {type(model).__name__})")
    if config is None:
        raw = previous.get("training_config")
        config = TrainingConfig.from_dict(raw) if raw else _config_of(estimator)
    training = training if training is not None else previous.get("training", {})
    metrics = metrics if metrics is not None else previous.get("metrics")
    top2 = (top2_threshold if top2_threshold is not None
            else float(previous.get("top2_threshold", DEFAULT_TOP2_THRESHOLD)))
    out_dir = Path(out_dir)
    when = when or datetime.now(UTC)
    version = version or previous.get("model_version") or model_version(training.get("data_sha256", "0" * 8), when)
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=parent))
        tmp.chmod(0o755)  # mkdtemp makes it private; a model directory is an ordinary folder
    except OSError as exc:
        raise ModelError(out_dir, QT_TRANSLATE_NOOP("Model", "cannot create the model directory ({detail})")
                         .format(detail=exc.strerror or str(exc))) from None
    try:
        model_path = tmp / MODEL_FILE
        joblib.dump(estimator, model_path, compress=3)
        manifest = {
            "schema": MANIFEST_SCHEMA,
            "model_version": version,
            "model_file": MODEL_FILE,
            "model_sha256": file_sha256(model_path),
            "classes": list(CLASSES),
            "feature_names": list(FEATURE_NAMES),
            "model": estimator.describe(),
            "training_config": config.to_dict(),
            "training": training,
            "trained_at": previous.get("trained_at") or when.isoformat(timespec="seconds"),
            "versions": _versions(),
            "threshold": DEFAULT_THRESHOLD,
            "top2_threshold": top2,
            "metrics": metrics,
            "attribution": ATTRIBUTION,
        }
        (tmp / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _replace_dir(tmp, out_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelError(out_dir, QT_TRANSLATE_NOOP("Model", "cannot write the model ({detail})")
                         .format(detail=exc.strerror or str(exc))) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir


def _config_of(estimator: EmotionClassifier) -> TrainingConfig:
    return TrainingConfig(
        Cs=tuple(estimator.Cs), transforms=tuple(estimator.transforms),
        inner_folds=estimator.inner_folds, random_state=estimator.random_state,
        clips=tuple(getattr(estimator, "clips", ("none",))),
        # (estimators pickled before these existed get full-model defaults: train.__setstate__)
        excluded=tuple(estimator.excluded), robust_share=float(estimator.robust_share),
        dropped=tuple(estimator.dropped),
    )


def _replace_dir(src: Path, dest: Path) -> None:
    # os.replace cannot overwrite a non-empty directory: move the old one aside first.
    old = None
    if dest.exists() and not dest.is_dir():
        raise NotADirectoryError(f"{dest} exists and is not a directory")
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        os.replace(dest, old)
    try:
        os.replace(src, dest)
    except OSError:
        if old is not None:
            os.replace(old, dest)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def metrics_summary(result: dict) -> dict:
    """The part of an evaluation result worth keeping in a manifest."""
    keys = ("accuracy", "macro_f1", "per_class_f1", "sad_gap", "ece", "brier", "auto_label", "confusion_matrix")
    return {"protocol": result["protocol"]["description"], **{k: result[k] for k in keys}}


def build_model(
    out_dir: str | Path | None = None,
    extra: pd.DataFrame | None = None,
    config: TrainingConfig | None = None,
    evaluate: bool = False,
    metrics: dict | None = None,
    csv_path: str | Path | None = None,
) -> EmotionModel:
    """Train on the shipped CSV (+ optional extra labelled rows: 50 feature columns and a
    `label` column) and save a model directory; returns the ready model.

    out_dir defaults to a new version directory in the model store. evaluate=True also runs the
    nested evaluation (minutes) and stores its summary in the manifest."""
    config = config or TrainingConfig()
    csv_path = Path(csv_path or paths.TRAINING_CSV)
    data = training_data(csv_path, extra)
    estimator = train(data, config)
    when = datetime.now(UTC)
    data_sha = _data_sha(data)
    training = {
        "csv_file": csv_path.name,
        "csv_sha256": file_sha256(csv_path),
        "data_sha256": data_sha,
        "n_rows": int(len(data)),
        "n_extra_rows": 0 if extra is None else int(len(extra)),
        "class_counts": {c: int((data.y == i).sum()) for i, c in enumerate(CLASSES)},
    }
    if evaluate:
        metrics = metrics_summary(run_evaluation(config=config, data=data))
    version = model_version(data_sha, when)
    target = Path(out_dir) if out_dir is not None else paths.model_store_dir() / version
    save_model(estimator, target, config=config, training=training, metrics=metrics, version=version, when=when)
    manifest = json.loads((target / MANIFEST_FILE).read_text(encoding="utf-8"))
    return EmotionModel(estimator=estimator, manifest=manifest, directory=target)


def train_and_bundle(
    out_dir: str | Path | None = None,
    feedback: pd.DataFrame | None = None,
    config: TrainingConfig | None = None,
    evaluate: bool = False,
) -> dict:
    """What `tmer train [--feedback FILE.csv] --out DIR` runs; returns a JSON-ready summary.

    feedback: labelled corrections (corrections.training_table: `label` + 50 features)."""
    model = build_model(out_dir, extra=feedback, config=config, evaluate=evaluate)
    m = model.manifest
    return {
        "model_dir": str(model.directory),
        "model_version": model.version,
        "model": m["model"],
        "training": m["training"],
        "metrics": m["metrics"],
        "loadable": "yes" if _is_loadable_location(model.directory) else
        "only from the bundled directory or the model store; copy it there to use it",
    }


def _is_loadable_location(directory: Path) -> bool:
    try:
        _allowed_dir(directory)
        return True
    except ModelError:
        return False


# --- loading ------------------------------------------------------------------------------


class _Incompatible(Exception):
    """The model file is intact but this installation cannot use it (retrain may help).

    Its one argument is the reason, a Message (see ModelError for the path)."""


def _allowed_dir(model_dir: str | Path | None) -> Path:
    bundled = paths.BUNDLED_MODEL_DIR.resolve()
    if model_dir is None or str(model_dir) == "bundled":
        return bundled
    store = paths.model_store_dir().resolve()
    given = Path(model_dir).expanduser()
    if not given.is_absolute() and len(given.parts) == 1 and not given.exists():
        given = store / given  # a bare version name, e.g. `tmer evaluate --model v002`
    target = given.resolve()
    if target == bundled or (target != store and target.is_relative_to(store)):
        return target
    if not target.exists():  # a typo says so, not that the folder is in the wrong place
        raise ModelError(model_dir, QT_TRANSLATE_NOOP("Model", "model directory not found"))
    raise ModelError(model_dir, QT_TRANSLATE_NOOP(
        "Model", "refusing to load a model from outside the bundled model directory and the "
                 "model store ({store}); model files can run code when loaded").format(store=str(store)))


def read_manifest(model_dir: str | Path | None = None) -> tuple[Path, dict]:
    """Validate the directory and its manifest (nothing is unpickled). Returns (dir, manifest)."""
    directory = _allowed_dir(model_dir)
    if not directory.is_dir():
        raise ModelError(directory, QT_TRANSLATE_NOOP("Model", "model directory not found"))
    path = directory / MANIFEST_FILE
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise ModelError(path, QT_TRANSLATE_NOOP("Model", "manifest is too large ({size} bytes)").format(size=size))
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "manifest missing")) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "manifest unreadable ({detail})")
                         .format(detail=str(exc))) from None
    if not isinstance(manifest, dict):
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "manifest is not a JSON object"))
    if manifest.get("schema") != MANIFEST_SCHEMA:
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "unsupported manifest schema {found} (expected {expected})")
                         .format(found=repr(manifest.get("schema")), expected=MANIFEST_SCHEMA))
    if manifest.get("feature_names") != list(FEATURE_NAMES):
        raise ModelError(path, QT_TRANSLATE_NOOP(
            "Model", "the model's feature names do not match this app's 50 features"))
    if manifest.get("classes") != list(CLASSES):
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "the model's classes {found} differ from {expected}")
                         .format(found=str(manifest.get("classes")), expected=str(list(CLASSES))))
    if manifest.get("model_file") != MODEL_FILE:
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "unexpected model file name {name}")
                         .format(name=repr(manifest.get("model_file"))))
    sha = manifest.get("model_sha256")
    if not (isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "manifest lacks a valid model_sha256"))
    if not isinstance(manifest.get("model_version"), str) or not manifest["model_version"]:
        raise ModelError(path, QT_TRANSLATE_NOOP("Model", "manifest lacks a model_version"))
    return directory, manifest


def config_from_model_dir(model_dir: str | Path | None) -> TrainingConfig:
    """The training configuration recorded in a (bundled or stored) model directory's manifest."""
    directory, manifest = read_manifest(model_dir)
    try:
        return TrainingConfig.from_dict(manifest.get("training_config") or {})
    except ValueError as exc:
        raise ModelError(directory / "manifest.json", str(exc)) from None  # `tmer evaluate --model` only: English


def _verified_model_file(directory: Path, manifest: dict) -> Path:
    model_path = directory / MODEL_FILE
    if model_path.is_symlink() or not model_path.is_file():
        raise ModelError(model_path, QT_TRANSLATE_NOOP("Model", "model file missing or not a regular file"))
    size = model_path.stat().st_size
    if size == 0 or size > MAX_MODEL_BYTES:
        raise ModelError(model_path, QT_TRANSLATE_NOOP("Model", "implausible model file size ({size} bytes)")
                         .format(size=size))
    if file_sha256(model_path) != manifest["model_sha256"]:
        raise ModelError(model_path, QT_TRANSLATE_NOOP(
            "Model", "checksum does not match the manifest; refusing to load a modified model file"))
    return model_path


def _unpickle(model_path: Path, manifest: dict) -> EmotionClassifier:
    declared = manifest.get("versions", {}).get("scikit-learn")
    if declared != sklearn.__version__:
        raise _Incompatible(QT_TRANSLATE_NOOP(
            "Model", "it was saved with scikit-learn {saved}, this installation has {installed}"
        ).format(saved=str(declared), installed=sklearn.__version__))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", InconsistentVersionWarning)
            estimator = joblib.load(model_path)
    except InconsistentVersionWarning as exc:
        raise _Incompatible(QT_TRANSLATE_NOOP("Model", "scikit-learn version mismatch ({detail})")
                            .format(detail=str(exc))) from None
    except Exception as exc:  # any unpickling failure: truncated, foreign, from another library version
        raise _Incompatible(QT_TRANSLATE_NOOP("Model", "it cannot be loaded ({error})")
                            .format(error=f"{type(exc).__name__}: {exc}")) from exc
    if not isinstance(estimator, EmotionClassifier):
        raise _Incompatible(QT_TRANSLATE_NOOP("Model", "it holds a {kind}, not an emotion classifier")
                            .format(kind=type(estimator).__name__))
    try:
        probe = estimator.predict_proba(estimator.train_median_.reshape(1, -1))
    except Exception as exc:
        raise _Incompatible(QT_TRANSLATE_NOOP("Model", "it fails to predict ({error})")
                            .format(error=f"{type(exc).__name__}: {exc}")) from exc
    if probe.shape != (1, len(CLASSES)) or not np.all(np.isfinite(probe)):
        raise _Incompatible(QT_TRANSLATE_NOOP("Model", "it predicts invalid probabilities"))
    return estimator


def fallback_dir(manifest: dict | None = None) -> Path:
    """Where a model retrained for this installation lives (one per scikit-learn version and CSV)."""
    csv_sha = file_sha256(paths.TRAINING_CSV)
    return paths.model_store_dir() / f"retrained-sklearn{sklearn.__version__}-{csv_sha[:12]}"


def load_model(model_dir: str | Path | None = None, allow_retrain: bool = True) -> EmotionModel:
    """Load the bundled model (model_dir=None or "bundled") or a model directory inside the model
    store (a path, or a bare version name such as "v002")."""
    directory, manifest = read_manifest(model_dir)
    model_path = _verified_model_file(directory, manifest)
    try:
        estimator = _unpickle(model_path, manifest)
        return EmotionModel(estimator=estimator, manifest=manifest, directory=directory)
    except _Incompatible as exc:
        problem = ModelError(model_path, exc.args[0])
        if not allow_retrain:
            raise problem from None
    return _retrained(manifest, problem.message)


def _retrained(original: dict, why: str) -> EmotionModel:
    """A model retrained from the shipped CSV; its notice (a Message) says so, and why (`why`)."""
    target = fallback_dir(original)
    if target.is_dir():
        try:
            model = load_model(target, allow_retrain=False)
            model.retrained = True
            model.notice = QT_TRANSLATE_NOOP(
                "Model", "Using the model retrained for this installation ({version}) because {why}."
            ).format(version=model.version, why=why)
            return model
        except ModelError:
            pass  # broken leftover: train again below
    try:
        config = TrainingConfig.from_dict(original.get("training_config", {}))
    except ValueError:
        config = TrainingConfig()
    try:
        model = build_model(target, config=config, metrics=original.get("metrics"))
    except ModelError as exc:
        # Model store not writable (or another process is writing it): keep the model in memory.
        estimator = train(training_data(), config)
        manifest = {
            **original,
            "model_version": f"{original['model_version']}-retrained",
            "model": estimator.describe(),
            "versions": _versions(),
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        return EmotionModel(
            estimator=estimator, manifest=manifest, directory=target, retrained=True,
            notice=QT_TRANSLATE_NOOP(
                "Model", "Retrained the model in memory because {why}; it could not be saved ({error})."
            ).format(why=why, error=exc.message or str(exc)),
        )
    if model.manifest.get("metrics") is not None:
        model.manifest["metrics_note"] = "copied from the original model (same data and configuration)"
    model.retrained = True
    model.notice = QT_TRANSLATE_NOOP(
        "Model", "Retrained the model from the shipped training data into {folder} because {why}."
    ).format(folder=str(target), why=why)
    return model
