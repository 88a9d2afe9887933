"""The versioned model store: every trained model kept with its metrics; one is active.

Files: `<model_store_dir>/<version>/` holds what `bundle.save_model` writes (model + manifest),
plus `training_feedback.csv` (the corrections it learnt from, in the export schema) when any.
Registry: the library database's `models` table (version, path, created_at, metrics, active),
reached through the `Registry` protocol below (the model package does not import the library).
The shipped bundle is always listed as version "bundled" and is active while no other is.

Integrity: at registration the store records a fingerprint (sha256 over every file's name and
content) in the version's metrics. Before a version is loaded or made active the fingerprint
is checked and the model is loaded through `bundle.load_model` (manifest + checksum), so a
damaged file, a swapped-in foreign model or a folder nobody registered is refused with a
message naming the version, the folder and the reason.

    store = ModelStore(library)                 # library: a Registry (the library database, LibraryStore)
    store.save(estimator, config=, training=, metrics=, feedback=records, activate=False) -> ModelVersion
    store.add(model_dir, metrics=..., activate=False) -> ModelVersion   # copy a saved model in
    store.versions() / store.active() / store.get(version)
    store.verify(version) -> Path ; store.load(version=None) -> model
    store.activate(version) -> ModelVersion     # promote, or roll back to any kept version
    store.rollback() -> ModelVersion            # the newest intact version older than the active one
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tmer_desktop import paths
from tmer_desktop.errors import TmerError
from tmer_desktop.model.corrections import FeedbackRecord, read_feedback_csv, write_feedback_csv
from tmer_desktop.translatable import QT_TRANSLATE_NOOP, Message, joined, message_from_json

BUNDLED = "bundled"
_BUNDLED_PATH = "<bundled>"  # not an absolute path: the app may move
FEEDBACK_FILE = "training_feedback.csv"
_STORE_KEY = "_store"  # where the store keeps its own facts inside the metrics JSON
_VERSION_RE = re.compile(r"^v(\d{3,})$")


class RegisteredModel(Protocol):
    """A registry's row of one version (its path relative to the store's root, or the bundled marker)."""

    @property
    def version(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def created_at(self) -> str: ...
    @property
    def metrics(self) -> dict[str, Any]: ...
    @property
    def active(self) -> bool: ...


class Registry(Protocol):
    """Where the versions are registered: the library database (LibraryStore) provides this."""

    def models(self) -> Sequence[RegisteredModel]: ...

    def register_model(self, version: str, path: str, *, metrics: dict[str, Any] | None = None,
                       created_at: str | None = None) -> None: ...

    def set_active_model(self, version: str | None) -> None: ...


class ModelStoreError(TmerError):
    """A model version cannot be used; the message names the version, the folder and the reason."""


@dataclass(frozen=True)
class ModelVersion:
    version: str
    path: Path
    created_at: str
    metrics: dict[str, Any]
    active: bool

    @property
    def bundled(self) -> bool:
        return self.version == BUNDLED

    @property
    def fingerprint(self) -> str | None:
        return (self.metrics.get(_STORE_KEY) or {}).get("fingerprint")

    @property
    def public_metrics(self) -> dict[str, Any]:
        return {k: v for k, v in self.metrics.items() if k != _STORE_KEY}

    @property
    def reason(self) -> str | None:
        """Why the version was (or was not) promoted at retraining: a Message the interface can
        translate (the English `metrics["reason"]` if it was stored without one); None if none."""
        kept = (self.metrics.get(_STORE_KEY) or {}).get("reason_message")
        return message_from_json(self.metrics.get("reason"), kept)


def directory_fingerprint(directory: Path) -> str:
    """sha256 over the sorted relative names and contents of every file below `directory`."""
    digest = hashlib.sha256()
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def _bundle():
    # Imported late: the bundle module pulls in scikit-learn.
    from tmer_desktop.model import bundle

    return bundle


class ModelStore:
    def __init__(self, library: Registry, root: str | os.PathLike | None = None):
        self.library = library
        self.root = Path(root) if root is not None else paths.model_store_dir()

    # ----------------------------------------------------------------- listing
    def _from_row(self, row) -> ModelVersion:
        path = paths.BUNDLED_MODEL_DIR if row.path == _BUNDLED_PATH else self.root / row.path
        return ModelVersion(row.version, path, row.created_at, dict(row.metrics), bool(row.active))

    def _bundled_facts(self) -> dict[str, Any]:
        """What the shipped model's manifest says (read without unpickling anything)."""
        facts: dict[str, Any] = {"note": "the model shipped with the app"}
        try:
            _, manifest = _bundle().read_manifest(None)
        except TmerError as exc:
            return facts | {"problem": str(exc)}
        facts["model_version"] = manifest["model_version"]  # what its predictions are recorded as
        metrics = manifest.get("metrics") or {}
        macro = metrics.get("macro_f1")
        macro = macro.get("mean") if isinstance(macro, dict) else macro  # evaluate: {"mean", "sd"}
        if isinstance(macro, (int, float)):
            facts["macro_f1"] = float(macro)
        share = (metrics.get("auto_label") or {}).get("share")
        if share is not None:
            facts["low_confidence_share"] = 1.0 - float(share)  # the drift baseline
        return facts

    def _ensure_bundled(self) -> None:
        facts = self._bundled_facts()
        row = next((r for r in self.library.models() if r.version == BUNDLED), None)
        if row is None or row.metrics != facts:  # first use, or the app shipped a new model
            self.library.register_model(BUNDLED, _BUNDLED_PATH, metrics=facts, created_at="0000-00-00T00:00:00+00:00")

    def versions(self) -> list[ModelVersion]:
        """Every registered version, oldest first; "bundled" first of all."""
        self._ensure_bundled()
        rows = [self._from_row(r) for r in self.library.models()]
        if not any(v.active for v in rows):
            rows = [ModelVersion(v.version, v.path, v.created_at, v.metrics, v.bundled) for v in rows]
        return sorted(rows, key=lambda v: (not v.bundled, v.created_at, v.version))

    def get(self, version: str) -> ModelVersion:
        for v in self.versions():
            if v.version == version:
                return v
        known = ", ".join(v.version for v in self.versions())
        raise ModelStoreError(QT_TRANSLATE_NOOP(
            "Model", "There is no model version '{version}' in the model store (known: {known}).")
            .format(version=version, known=known))

    def active(self) -> ModelVersion:
        return next(v for v in self.versions() if v.active)

    # ----------------------------------------------------------------- adding
    def _next_version(self) -> str:
        numbers = [int(m.group(1)) for v in self.library.models() if (m := _VERSION_RE.match(v.version))]
        if self.root.is_dir():
            numbers += [int(m.group(1)) for p in self.root.iterdir() if (m := _VERSION_RE.match(p.name))]
        return f"v{max(numbers, default=0) + 1:03d}"

    def _staging(self) -> Path:
        """An empty folder inside the store to assemble a version in (renamed into place later)."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            staging = self.root / f".staging-{uuid.uuid4().hex}"
            staging.mkdir()
        except OSError as exc:
            raise ModelStoreError(QT_TRANSLATE_NOOP("Model", "The model store {folder} cannot be written: {reason}")
                                  .format(folder=str(self.root), reason=exc.strerror or str(exc))) from exc
        return staging

    def _commit(
        self, staging: Path, metrics: dict[str, Any], activate: bool, version: str | None = None
    ) -> ModelVersion:
        """Fingerprint the staged folder, move it into place, register it; on failure remove it."""
        version = version or self._next_version()
        target = self.root / version
        try:
            fingerprint = directory_fingerprint(staging)
            os.replace(staging, target)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise ModelStoreError(QT_TRANSLATE_NOOP("Model", "Could not store model {version} in {folder}: {reason}")
                                  .format(version=version, folder=str(self.root),
                                          reason=exc.strerror or str(exc))) from exc
        own: dict[str, Any] = {"fingerprint": fingerprint}
        if isinstance(metrics.get("reason"), Message):  # JSON keeps only its English: keep the message too
            own["reason_message"] = metrics["reason"].to_json()
        recorded = {**metrics, _STORE_KEY: own}
        try:
            self._ensure_bundled()
            self.library.register_model(version, version, metrics=recorded)
            if activate:
                self.activate(version)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
        return self.get(version)

    def save(
        self,
        estimator,
        *,
        config,
        training: dict[str, Any],
        metrics: dict[str, Any] | None = None,
        feedback: Sequence[FeedbackRecord] | None = None,
        activate: bool = False,
    ) -> ModelVersion:
        """Store a trained EmotionClassifier (via bundle.save_model) as the next version.

        The manifest's model_version is the store's version name, so predictions made with it
        are recorded under the name the user sees in the list.
        """
        staging = self.root / f".staging-{uuid.uuid4().hex}"
        version = self._next_version()
        try:
            _bundle().save_model(estimator, staging, config=config, training=training, version=version)
            if feedback:
                write_feedback_csv(feedback, staging / FEEDBACK_FILE)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return self._commit(staging, dict(metrics or {}), activate, version)

    def add(
        self, model_dir: str | os.PathLike, *, metrics: dict[str, Any] | None = None, activate: bool = False
    ) -> ModelVersion:
        """Copy a model folder written by bundle.save_model into the store (it must load first)."""
        source = Path(model_dir)
        if not source.is_dir():
            raise ModelStoreError(QT_TRANSLATE_NOOP("Model", "{folder}: not a model folder").format(folder=str(source)))
        staging = self._staging()
        try:
            shutil.copytree(source, staging, dirs_exist_ok=True)
            self._check_loads(QT_TRANSLATE_NOOP("Model", "(new)"), staging)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise ModelStoreError(QT_TRANSLATE_NOOP(
                "Model", "{folder}: could not copy the model into the store: {reason}")
                .format(folder=str(source), reason=exc.strerror or str(exc))) from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return self._commit(staging, dict(metrics or {}), activate)

    # ----------------------------------------------------------------- checking and loading
    def _check_loads(self, version: str, directory: Path | None):
        try:
            # Only the shipped model may be silently rebuilt for a newer scikit-learn; a stored
            # version that does not load as it is was damaged or replaced: refuse it.
            return _bundle().load_model(directory, allow_retrain=(version == BUNDLED))
        except TmerError as exc:
            raise ModelStoreError(QT_TRANSLATE_NOOP(
                "Model", "Model version '{version}' ({folder}) is refused: {reason}")
                .format(version=version, folder=str(directory or paths.BUNDLED_MODEL_DIR),
                        reason=exc.message or str(exc))) from exc
        except Exception as exc:  # a damaged pickle can raise almost anything
            raise ModelStoreError(QT_TRANSLATE_NOOP(
                "Model", "Model version '{version}' ({folder}) is refused: it cannot be loaded ({error})")
                .format(version=version, folder=str(directory or paths.BUNDLED_MODEL_DIR),
                        error=f"{type(exc).__name__}: {exc}")) from exc

    def verify(self, version: str) -> Path:
        """The version's folder, after checking it is the very folder that was registered."""
        entry = self.get(version)
        if not entry.path.is_dir():
            raise ModelStoreError(QT_TRANSLATE_NOOP(
                "Model", "Model version '{version}' is refused: its folder {folder} is missing."
            ).format(version=version, folder=str(entry.path)))
        if not entry.bundled:
            if entry.fingerprint is None:
                raise ModelStoreError(QT_TRANSLATE_NOOP(
                    "Model", "Model version '{version}' ({folder}) is refused: it was not stored by "
                             "tmer-desktop (no fingerprint recorded).")
                    .format(version=version, folder=str(entry.path)))
            if directory_fingerprint(entry.path) != entry.fingerprint:
                raise ModelStoreError(QT_TRANSLATE_NOOP(
                    "Model", "Model version '{version}' ({folder}) is refused: its files changed since "
                             "it was stored (damaged, or replaced by a foreign model).")
                    .format(version=version, folder=str(entry.path)))
        return entry.path

    def load(self, version: str | None = None):
        """The model (bundle.EmotionModel) of `version` (default: the active one), verified."""
        version = version or self.active().version
        if version == BUNDLED:
            return self._check_loads(version, None)  # the bundle loader knows where it lives
        return self._check_loads(version, self.verify(version))

    def training_feedback(self, version: str) -> list[FeedbackRecord]:
        """The corrections `version` was trained with (empty for a model trained on the CSV only)."""
        path = self.verify(version) / FEEDBACK_FILE
        if not path.exists():
            return []
        return read_feedback_csv(path)

    # ----------------------------------------------------------------- promotion and rollback
    def activate(self, version: str) -> ModelVersion:
        """Make `version` the active model (promotion or rollback); refused if it does not verify."""
        self.load(version)
        self._ensure_bundled()
        self.library.set_active_model(version)
        return self.get(version)

    def rollback(self) -> ModelVersion:
        """Activate the newest version created before the active one that still verifies."""
        ordered = self.versions()
        current = next(i for i, v in enumerate(ordered) if v.active)
        problems = []
        for candidate in reversed(ordered[:current]):
            try:
                return self.activate(candidate.version)
            except ModelStoreError as exc:
                problems.append(exc.message or str(exc))
        version = ordered[current].version
        if not problems:
            raise ModelStoreError(QT_TRANSLATE_NOOP(
                "Model", "There is no earlier model version to roll back to from '{version}'."
            ).format(version=version))
        raise ModelStoreError(QT_TRANSLATE_NOOP(
            "Model", "There is no earlier model version to roll back to from '{version}'. {problems}")
            .format(version=version, problems=joined(problems, QT_TRANSLATE_NOOP("Model", "{list} {item}"))))
