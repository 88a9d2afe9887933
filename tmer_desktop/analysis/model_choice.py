"""Which model judges: the library's active model version (or one asked for), refused rather than
swapped for another when it cannot be used. The batch runner and live recording choose here.

Predictions are stored under the model store's version name ("bundled", "v002", ...), which is
what the library shows and what decides whether a track is current. The active version is a
fact of the library database, so this lives above both model/ and library/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tmer_desktop.errors import TmerError
from tmer_desktop.model.store import BUNDLED, ModelStore, ModelStoreError
from tmer_desktop.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from tmer_desktop.model.bundle import EmotionModel


class ModelRefusedError(TmerError):
    """The model version chosen for the analysis cannot be used; the user chooses what to do."""

    def __init__(self, version: str, reason: str):
        self.version, self.reason = version, reason
        super().__init__(QT_TRANSLATE_NOOP(
            "Tagging", "{reason} Nothing was tagged, and no other model was used in its place: retrain "
                       "it from your corrections, or tag with the shipped model instead.").format(reason=reason))

    def __reduce__(self) -> tuple:
        return (type(self), (self.version, self.reason))


@dataclass(frozen=True)
class ModelChoice:
    version: str  # the model store's name, which predictions are stored under
    folder: str | None  # the verified folder of a stored version; None: the model shipped with the app

    @property
    def bundled(self) -> bool:
        return self.folder is None


def choose_model(library: Any | None, requested: str | None = None) -> ModelChoice:
    """The version `requested`, else the library's active one (the shipped model when the library
    has none, or there is no library). A stored version must still be the very folder that was
    registered (ModelStore.verify); otherwise ModelRefusedError."""
    version = requested
    if version is None:
        active = library.active_model() if library is not None else None
        version = BUNDLED if active is None else active.version
    if version == BUNDLED:
        return ModelChoice(BUNDLED, None)
    if library is None:
        raise ModelRefusedError(version, QT_TRANSLATE_NOOP(
            "Tagging", "Model version '{version}' cannot be used without a library.").format(version=version))
    try:
        return ModelChoice(version, str(ModelStore(library).verify(version)))
    except ModelStoreError as exc:
        raise ModelRefusedError(version, exc.message or str(exc)) from exc


def load_chosen_model(choice: ModelChoice, library: Any | None) -> EmotionModel:
    """The chosen model, loaded. The shipped model that this installation cannot unpickle is
    rebuilt from the shipped data (bundle.load_model); a version of the user's own must load as it
    is, else ModelRefusedError — never another model in its place."""
    if choice.bundled:
        # Imported here: the bundle pulls in scikit-learn, which the runner needs only on this path.
        from tmer_desktop.model import bundle

        return bundle.load_model()  # raises a clear bundle.ModelError if even that fails
    if library is None:  # choose_model names a stored version only when it was given a library
        raise ModelRefusedError(choice.version, "no library to load it from")
    try:
        return ModelStore(library).load(choice.version)
    except ModelStoreError as exc:
        raise ModelRefusedError(choice.version, exc.message or str(exc)) from exc


def load_active_model(library: Any | None, requested: str | None = None) -> tuple[EmotionModel, str]:
    """(model, version name) of choose_model, loaded by load_chosen_model."""
    choice = choose_model(library, requested)
    return load_chosen_model(choice, library), choice.version
