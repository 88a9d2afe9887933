"""The emotion model's messages reach the user in Spanish and Turkish: a tampered or foreign model
file, a missing manifest, an installation whose scikit-learn cannot read the model (retrained and
says so), a damaged model-store version, a bad training CSV, a bad decision threshold and a real
retrain verdict — each a Message whose English (what the `tmer` CLI prints) did not change.

Real pieces: the shipped training CSV, a real classifier (a reduced configuration: under a second
to train), real model folders and manifests, a real library database, real .qm translations in a
QApplication.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
import sklearn

pytest.importorskip("pytestqt")


from tmer_desktop import paths  # noqa: E402
from tmer_desktop.analysis.corrections import feedback_records  # noqa: E402
from tmer_desktop.features.columns import FEATURE_NAMES  # noqa: E402
from tmer_desktop.library.store import LibraryStore  # noqa: E402
from tmer_desktop.model.bundle import MANIFEST_FILE, MODEL_FILE, ModelError, load_model, save_model  # noqa: E402
from tmer_desktop.model.data import DataError, load_labelled_csv  # noqa: E402
from tmer_desktop.model.decide import DecisionRuleError  # noqa: E402
from tmer_desktop.model.decide import decide as decide_rule
from tmer_desktop.model.retrain import RetrainConfig, RetrainError, decide, retrain  # noqa: E402
from tmer_desktop.model.store import BUNDLED, ModelStore, ModelStoreError  # noqa: E402
from tmer_desktop.model.train import TrainingConfig, train  # noqa: E402
from tmer_desktop.translatable import Message  # noqa: E402

FAST = TrainingConfig(Cs=(0.3,), transforms=("standard",), inner_folds=2, clips=("minmax",))


@pytest.fixture(scope="module")
def estimator():
    return train(load_labelled_csv(paths.TRAINING_CSV), FAST)


@pytest.fixture
def saved(estimator, data_dir):
    """A model folder inside the (fresh) model store, as the app writes it."""
    return save_model(estimator, paths.model_store_dir() / "v001", config=FAST, training={"csv_file": "x.csv"})


@pytest.fixture
def library(data_dir):
    store = LibraryStore.open()
    yield store
    store.close()


def _edit_manifest(directory, **changes):
    path = directory / MANIFEST_FILE
    manifest = json.loads(path.read_text())
    for key, value in changes.items():
        if key == "sklearn":
            manifest["versions"]["scikit-learn"] = value
        else:
            manifest[key] = value
    path.write_text(json.dumps(manifest))


# -- loading a model ----------------------------------------------------------------------------
def test_a_tampered_model_file_is_refused_in_every_language(saved, say):
    model_file = saved / MODEL_FILE
    with open(model_file, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError) as info:
        load_model(saved)
    exc = info.value
    assert isinstance(exc.message, Message) and exc.path == str(model_file)
    assert str(exc) == f"{model_file}: checksum does not match the manifest; refusing to load a modified model file"
    assert say("es", exc) == (f"{model_file}: la suma de comprobación no coincide con el manifiesto; "
                              "se rechaza cargar un archivo de modelo modificado")
    assert say("tr", exc) == (f"{model_file}: sağlama toplamı manifest dosyasıyla eşleşmiyor; "
                              "değiştirilmiş bir model dosyası yüklenmiyor")


def test_a_missing_manifest_and_a_foreign_folder_are_refused(saved, tmp_path, say):
    (saved / MANIFEST_FILE).unlink()
    with pytest.raises(ModelError) as info:
        load_model(saved)
    assert str(info.value) == f"{saved / MANIFEST_FILE}: manifest missing"
    assert say("es", info.value) == f"{saved / MANIFEST_FILE}: falta el manifiesto"
    assert say("tr", info.value) == f"{saved / MANIFEST_FILE}: manifest dosyası eksik"

    foreign = tmp_path / "downloaded-model"
    foreign.mkdir()
    with pytest.raises(ModelError) as info:
        load_model(foreign)
    store = paths.model_store_dir().resolve()
    assert str(info.value) == (f"{foreign}: refusing to load a model from outside the bundled model directory "
                               f"and the model store ({store}); model files can run code when loaded")
    assert say("es", info.value) == (
        f"{foreign}: se rechaza cargar un modelo situado fuera de la carpeta del modelo incluido y del almacén "
        f"de modelos ({store}); los archivos de modelo pueden ejecutar código al cargarse")


def test_an_incompatible_scikit_learn_retrains_and_says_so(saved, say):
    _edit_manifest(saved, sklearn="0.1.0", training_config=FAST.to_dict())
    installed = sklearn.__version__
    with pytest.raises(ModelError) as info:
        load_model(saved, allow_retrain=False)
    assert say("es", info.value) == (f"{saved / MODEL_FILE}: se guardó con scikit-learn 0.1.0 "
                                     f"y esta instalación tiene {installed}")

    model = load_model(saved)
    assert model.retrained and isinstance(model.notice, Message)
    why = f"{saved / MODEL_FILE}: it was saved with scikit-learn 0.1.0, this installation has {installed}"
    assert model.notice == (f"Retrained the model from the shipped training data into {model.directory} "
                            f"because {why}.")
    assert say("es", model.notice) == (
        f"Se reentrenó el modelo con los datos de entrenamiento incluidos y se guardó en {model.directory} "
        f"porque {saved / MODEL_FILE}: se guardó con scikit-learn 0.1.0 y esta instalación tiene {installed}.")
    again = load_model(saved)  # the retrained copy is reused
    assert say("tr", again.notice) == (
        f"Bu kurulum için yeniden eğitilen model ({again.version}) kullanılıyor, çünkü {saved / MODEL_FILE}: "
        f"scikit-learn 0.1.0 ile kaydedilmiş, bu kurulumda {installed} var.")


# -- the model store ----------------------------------------------------------------------------
def test_a_damaged_store_version_is_refused_and_unknown_names_are_listed(estimator, library, say):
    models = ModelStore(library)
    v1 = models.save(estimator, config=FAST, training={"csv_file": "x.csv"})
    with open(v1.path / MODEL_FILE, "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelStoreError) as info:
        models.activate("v001")
    assert isinstance(info.value.message, Message)
    assert str(info.value) == (f"Model version 'v001' ({v1.path}) is refused: its files changed since it was "
                               "stored (damaged, or replaced by a foreign model).")
    assert say("es", info.value) == (
        f"Se rechaza la versión de modelo 'v001' ({v1.path}): sus archivos cambiaron desde que se guardó "
        "(están dañados o se sustituyeron por un modelo ajeno).")
    assert say("tr", info.value) == (
        f"'v001' model sürümü ({v1.path}) reddedildi: dosyaları kaydedildikten sonra değişmiş "
        "(hasar görmüş ya da yabancı bir modelle değiştirilmiş).")
    assert models.active().version == BUNDLED

    with pytest.raises(ModelStoreError) as info:
        models.get("v042")
    assert str(info.value) == "There is no model version 'v042' in the model store (known: bundled, v001)."
    assert say("tr", info.value) == "Model deposunda 'v042' adlı bir model sürümü yok (bilinenler: bundled, v001)."

    with pytest.raises(ModelStoreError) as info:  # the shipped model is the oldest of all
        models.rollback()
    assert str(info.value) == "There is no earlier model version to roll back to from 'bundled'."
    assert say("es", info.value) == "No hay ninguna versión de modelo anterior a 'bundled' a la que volver."


# -- training data ------------------------------------------------------------------------------
def test_a_bad_training_csv_names_the_file_column_and_row(tmp_path, say):
    table = pd.read_csv(paths.TRAINING_CSV).head(5).astype({FEATURE_NAMES[3]: object})
    table.loc[1, FEATURE_NAMES[3]] = "n/a?"
    bad = tmp_path / "training.csv"
    table.to_csv(bad, index=False)
    with pytest.raises(DataError) as info:
        load_labelled_csv(bad)
    column = FEATURE_NAMES[3]
    assert info.value.reason.values["row"] == 2 and info.value.reason.values["column"] == column
    assert str(info.value) == f"{bad}: the value 'n/a?' in column {column}, data row 2, is not a number"
    assert say("es", info.value) == f"{bad}: el valor 'n/a?' de la columna {column}, fila de datos 2, no es un número"
    assert say("tr", info.value) == f"{bad}: {column} sütununda, 2. veri satırındaki 'n/a?' değeri bir sayı değil"

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataError) as info:
        load_labelled_csv(empty)
    assert str(info.value) == f"{empty}: the file is empty"
    assert say("tr", info.value) == f"{empty}: dosya boş"


# -- the decision rule --------------------------------------------------------------------------
def test_a_threshold_outside_the_range_is_a_translated_value_error(say):
    with pytest.raises(ValueError) as info:  # still a ValueError for callers that catch that
        decide_rule([0.4, 0.3, 0.2, 0.1], threshold=1.5)
    assert isinstance(info.value, DecisionRuleError)
    assert str(info.value) == "threshold must be in (0, 1], got 1.5"
    assert say("es", info.value) == "el umbral de decisión debe estar en (0, 1]; se indicó 1,5"
    assert say("tr", info.value) == "karar eşiği (0, 1] aralığında olmalı; verilen: 1,5"


# -- retraining ---------------------------------------------------------------------------------
def test_the_refusal_reason_keeps_its_numbers_for_the_locale(say):
    cv = {"candidate_mean": 0.78, "current_mean": 0.79}
    promote, reason = decide(cv, {"n": 20, "candidate_macro_f1": 0.7, "current_macro_f1": 0.7},
                             RetrainConfig(margin=0.005, fold_margin=0.005))
    assert not promote and isinstance(reason, Message)
    assert reason == "on the training folds the candidate's macro-F1 0.780 is more than 0.005 below the current 0.790"
    assert say("es", reason) == ("en las particiones de entrenamiento, el macro-F1 del candidato (0,780) está "
                                 "más de 0,005 por debajo del actual (0,790)")
    assert say("tr", reason) == ("eğitim katmanlarında adayın macro-F1 değeri (0,780) mevcut modelinkinin (0,790) "
                                 "0,005 puandan fazla altında")


def test_a_real_retrain_verdict_is_a_message_that_survives_the_library(library, say):
    models = ModelStore(library)
    config = RetrainConfig(folds=3, margin=0.02, min_holdout=5, training=FAST)
    result = retrain(None, store=models, config=config)
    english = ("not worse on the training folds (margin 0.020); held-back test skipped: "
               "only 0 held-back correction(s), at least 5 needed for that test")
    assert result.promoted and isinstance(result.reason, Message) and result.reason == english
    assert result.summary().endswith("PROMOTED: " + english)
    spanish = ("no es peor en las particiones de entrenamiento (margen 0,020); se omitió la prueba con las "
               "correcciones reservadas: solo hay 0 corrección(es) reservada(s) y esa prueba necesita al menos 5")
    assert say("es", result.reason) == spanish
    # Read back from the database: the Models panel's tooltip can still translate it.
    stored = models.get(result.candidate)
    assert isinstance(stored.reason, Message) and stored.reason == english and stored.metrics["reason"] == english
    assert say("es", stored.reason) == spanish
    assert say("tr", stored.reason) == ("eğitim katmanlarında daha kötü değil (pay 0,020); ayrılmış düzeltme testi "
                                        "atlandı: yalnızca 0 ayrılmış düzeltme var; bu test için en az 5 gerekli")


def test_corrections_without_a_label_are_refused(library, say):
    features = tuple(float(v) for v in pd.read_csv(paths.TRAINING_CSV).iloc[0][list(FEATURE_NAMES)])
    library.add_feedback(features=features, is_correct=False, predicted_label="sad")
    with pytest.raises(RetrainError) as info:
        retrain(feedback_records(library), store=ModelStore(library))
    assert str(info.value) == ("No correction has a known label (confirmed or corrected), so there is nothing "
                               "to learn from.")
    assert say("es", info.value) == ("Ninguna corrección tiene una etiqueta conocida (confirmada o corregida), "
                                     "así que no hay nada que aprender.")
