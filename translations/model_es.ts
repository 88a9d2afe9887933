<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Feedback</name>
    <message>
        <source>{path}: row {row} (line {line}), column &apos;{column}&apos;: {reason}</source>
        <translation>{path}: fila {row} (línea {line}), columna &apos;{column}&apos;: {reason}</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} no es un número entero</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} no es un número</translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation>{value} no es un número finito</translation>
    </message>
    <message>
        <source>{value} is outside {low}..{high}</source>
        <translation>{value} está fuera del intervalo {low}..{high}</translation>
    </message>
    <message>
        <source>{value} is below the minimum of {low}</source>
        <translation>{value} es inferior al mínimo de {low}</translation>
    </message>
    <message>
        <source>{value} is above the maximum of {high}</source>
        <translation>{value} supera el máximo de {high}</translation>
    </message>
    <message>
        <source>unknown label {value}; expected one of {labels}</source>
        <translation>etiqueta desconocida {value}; se esperaba una de estas: {labels}</translation>
    </message>
    <message>
        <source>{value} is not 1/0 (true/false)</source>
        <translation>{value} no es 1/0 (true/false)</translation>
    </message>
    <message>
        <source>all {count} feature values are empty</source>
        <translation>los {count} valores de descriptores están vacíos</translation>
    </message>
    <message>
        <source>the row is marked correct but corrects {predicted} to {corrected}</source>
        <translation>la fila está marcada como correcta, pero corrige {predicted} a {corrected}</translation>
    </message>
    <message>
        <source>the row is marked incorrect but confirms {predicted}</source>
        <translation>la fila está marcada como incorrecta, pero confirma {predicted}</translation>
    </message>
    <message>
        <source>{stated} disagrees with is_correct/predicted_label/corrected_label ({truth})</source>
        <translation>{stated} no concuerda con is_correct/predicted_label/corrected_label ({truth})</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a feedback CSV file</source>
        <translation>{path}: es una carpeta, no un archivo CSV de correcciones</translation>
    </message>
    <message>
        <source>{path}: the file is empty (expected a header and correction rows)</source>
        <translation>{path}: el archivo está vacío (se esperaban un encabezado y filas de correcciones)</translation>
    </message>
    <message>
        <source>{path}: the file is too large ({megabytes:.0f} MB); a feedback CSV may have at most {limit:.0f} MB</source>
        <translation>{path}: el archivo es demasiado grande ({megabytes:.0f} MB); un CSV de correcciones puede tener como máximo {limit:.0f} MB</translation>
    </message>
    <message>
        <source>{path}: not a UTF-8 text file (byte {offset} is invalid)</source>
        <translation>{path}: no es un archivo de texto UTF-8 (el byte {offset} no es válido)</translation>
    </message>
    <message>
        <source>{path}: line {line}: a row longer than {limit} characters; not a feedback CSV (a correction row has 1,000 to 2,000)</source>
        <translation>{path}: línea {line}: una fila de más de {limit} caracteres; no es un CSV de correcciones (una fila de corrección tiene entre 1.000 y 2.000)</translation>
    </message>
    <message>
        <source>{path}: contains NUL bytes; not a CSV text file</source>
        <translation>{path}: contiene bytes NUL; no es un archivo de texto CSV</translation>
    </message>
    <message>
        <source>{path}: no header row</source>
        <translation>{path}: no tiene fila de encabezado</translation>
    </message>
    <message>
        <source>{path}: the header has {count} columns; a feedback CSV has at most {limit}</source>
        <translation>{path}: el encabezado tiene {count} columnas; un CSV de correcciones tiene como máximo {limit}</translation>
    </message>
    <message>
        <source>{path}: duplicated column(s): {columns}</source>
        <translation>{path}: columna(s) repetida(s): {columns}</translation>
    </message>
    <message>
        <source>{path}: missing {count} required column(s): {columns} (is this a file from &apos;tmer export-feedback&apos;?)</source>
        <translation>{path}: faltan {count} columna(s) obligatoria(s): {columns} (¿es un archivo generado con &apos;tmer export-feedback&apos;?)</translation>
    </message>
    <message>
        <source>{path}: more than {limit} rows, the most a feedback CSV may hold (is this a file from &apos;tmer export-feedback&apos;?)</source>
        <translation>{path}: más de {limit} filas, el máximo que admite un CSV de correcciones (¿es un archivo de &apos;tmer export-feedback&apos;?)</translation>
    </message>
    <message>
        <source>{path}: row {row} (line {line}) has {cells} cells, the header has {columns}</source>
        <translation>{path}: la fila {row} (línea {line}) tiene {cells} celdas y el encabezado tiene {columns}</translation>
    </message>
    <message>
        <source>{path}: not a valid CSV file (line {line}: {detail})</source>
        <translation>{path}: no es un archivo CSV válido (línea {line}: {detail})</translation>
    </message>
    <message>
        <source>{path}: has a header but no correction rows</source>
        <translation>{path}: tiene encabezado, pero ninguna fila de correcciones</translation>
    </message>
    <message>
        <source>{path}: cannot read the feedback file ({detail})</source>
        <translation>{path}: no se puede leer el archivo de correcciones ({detail})</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>cannot create the model directory ({detail})</source>
        <translation>no se puede crear la carpeta del modelo ({detail})</translation>
    </message>
    <message>
        <source>cannot write the model ({detail})</source>
        <translation>no se puede escribir el modelo ({detail})</translation>
    </message>
    <message>
        <source>refusing to load a model from outside the bundled model directory and the model store ({store}); model files can run code when loaded</source>
        <translation>se rechaza cargar un modelo situado fuera de la carpeta del modelo incluido y del almacén de modelos ({store}); los archivos de modelo pueden ejecutar código al cargarse</translation>
    </message>
    <message>
        <source>model directory not found</source>
        <translation>no se encontró la carpeta del modelo</translation>
    </message>
    <message>
        <source>manifest is too large ({size} bytes)</source>
        <translation>el manifiesto es demasiado grande ({size} bytes)</translation>
    </message>
    <message>
        <source>manifest missing</source>
        <translation>falta el manifiesto</translation>
    </message>
    <message>
        <source>manifest unreadable ({detail})</source>
        <translation>el manifiesto no se puede leer ({detail})</translation>
    </message>
    <message>
        <source>manifest is not a JSON object</source>
        <translation>el manifiesto no es un objeto JSON</translation>
    </message>
    <message>
        <source>unsupported manifest schema {found} (expected {expected})</source>
        <translation>esquema de manifiesto no admitido: {found} (se esperaba {expected})</translation>
    </message>
    <message>
        <source>the model&apos;s feature names do not match this app&apos;s 50 features</source>
        <translation>los nombres de características del modelo no coinciden con las 50 características de esta aplicación</translation>
    </message>
    <message>
        <source>the model&apos;s classes {found} differ from {expected}</source>
        <translation>las clases del modelo, {found}, difieren de {expected}</translation>
    </message>
    <message>
        <source>unexpected model file name {name}</source>
        <translation>nombre de archivo de modelo inesperado: {name}</translation>
    </message>
    <message>
        <source>manifest lacks a valid model_sha256</source>
        <translation>el manifiesto no contiene un model_sha256 válido</translation>
    </message>
    <message>
        <source>manifest lacks a model_version</source>
        <translation>el manifiesto no contiene model_version</translation>
    </message>
    <message>
        <source>model file missing or not a regular file</source>
        <translation>el archivo del modelo falta o no es un archivo normal</translation>
    </message>
    <message>
        <source>implausible model file size ({size} bytes)</source>
        <translation>tamaño de archivo de modelo inverosímil ({size} bytes)</translation>
    </message>
    <message>
        <source>checksum does not match the manifest; refusing to load a modified model file</source>
        <translation>la suma de comprobación no coincide con el manifiesto; se rechaza cargar un archivo de modelo modificado</translation>
    </message>
    <message>
        <source>it was saved with scikit-learn {saved}, this installation has {installed}</source>
        <translation>se guardó con scikit-learn {saved} y esta instalación tiene {installed}</translation>
    </message>
    <message>
        <source>scikit-learn version mismatch ({detail})</source>
        <translation>las versiones de scikit-learn no coinciden ({detail})</translation>
    </message>
    <message>
        <source>it cannot be loaded ({error})</source>
        <translation>no se puede cargar ({error})</translation>
    </message>
    <message>
        <source>it holds a {kind}, not an emotion classifier</source>
        <translation>contiene un {kind}, no un clasificador de emociones</translation>
    </message>
    <message>
        <source>it fails to predict ({error})</source>
        <translation>falla al predecir ({error})</translation>
    </message>
    <message>
        <source>it predicts invalid probabilities</source>
        <translation>predice probabilidades no válidas</translation>
    </message>
    <message>
        <source>Using the model retrained for this installation ({version}) because {why}.</source>
        <translation>Se usa el modelo reentrenado para esta instalación ({version}) porque {why}.</translation>
    </message>
    <message>
        <source>Retrained the model in memory because {why}; it could not be saved ({error}).</source>
        <translation>Se reentrenó el modelo en memoria porque {why}; no se pudo guardar ({error}).</translation>
    </message>
    <message>
        <source>Retrained the model from the shipped training data into {folder} because {why}.</source>
        <translation>Se reentrenó el modelo con los datos de entrenamiento incluidos y se guardó en {folder} porque {why}.</translation>
    </message>
    <message>
        <source>the value {value} in column {column}, data row {row}, is not a number</source>
        <translation>el valor {value} de la columna {column}, fila de datos {row}, no es un número</translation>
    </message>
    <message>
        <source>the value in column {column}, data row {row}, is infinite</source>
        <translation>el valor de la columna {column}, fila de datos {row}, es infinito</translation>
    </message>
    <message>
        <source>missing {count} feature column(s): {columns}</source>
        <translation>faltan {count} columna(s) de características: {columns}</translation>
    </message>
    <message>
        <source>no label column (expected one of {columns})</source>
        <translation>no hay columna de etiqueta (se esperaba una de estas: {columns})</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>no hay filas de datos</translation>
    </message>
    <message>
        <source>{count} row(s) with an unknown label (first: {first}, data row {row}); expected one of {labels} (or &apos;relax&apos;)</source>
        <translation>{count} fila(s) con una etiqueta desconocida (la primera: {first}, fila de datos {row}); se esperaba una de estas: {labels} (o &apos;relax&apos;)</translation>
    </message>
    <message>
        <source>{count} row(s) have no feature values at all (first: data row {row})</source>
        <translation>{count} fila(s) no tienen ningún valor de característica (la primera: fila de datos {row})</translation>
    </message>
    <message>
        <source>cannot read the file ({detail})</source>
        <translation>no se puede leer el archivo ({detail})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the file is too large ({size:.0f} MB) for a feature table</source>
        <translation>el archivo es demasiado grande ({size:.0f} MB) para una tabla de características</translation>
    </message>
    <message>
        <source>not a readable CSV file ({detail})</source>
        <translation>no es un archivo CSV legible ({detail})</translation>
    </message>
    <message>
        <source>threshold must be in (0, 1], got {value}</source>
        <translation>el umbral de decisión debe estar en (0, 1]; se indicó {value}</translation>
    </message>
    <message>
        <source>top2_threshold must be in (0, 1], got {value}</source>
        <translation>el umbral top-2 (top2_threshold) debe estar en (0, 1]; se indicó {value}</translation>
    </message>
    <message>
        <source>Choosing how much a correction counts</source>
        <translation>Eligiendo cuánto cuenta una corrección</translation>
    </message>
    <message>
        <source>Comparing with the current model on the training folds</source>
        <translation>Comparando con el modelo actual en las particiones de entrenamiento</translation>
    </message>
    <message>
        <source>{phase}: step {done} of {total}…</source>
        <translation>{phase}: paso {done} de {total}…</translation>
    </message>
    <message>
        <source>{phase}: step {done} of {total}, about {minutes} min left…</source>
        <translation>{phase}: paso {done} de {total}, quedan unos {minutes} min…</translation>
    </message>
    <message>
        <source>{phase}: step {done} of {total}, about {seconds} s left…</source>
        <translation>{phase}: paso {done} de {total}, quedan unos {seconds} s…</translation>
    </message>
    <message>
        <source>on the training folds the candidate&apos;s macro-F1 {candidate:.3f} is more than {margin:.3f} below the current {current:.3f}</source>
        <translation>en las particiones de entrenamiento, el macro-F1 del candidato ({candidate:.3f}) está más de {margin:.3f} por debajo del actual ({current:.3f})</translation>
    </message>
    <message>
        <source>only {count} held-back correction(s), at least {needed} needed for that test</source>
        <translation>solo hay {count} corrección(es) reservada(s) y esa prueba necesita al menos {needed}</translation>
    </message>
    <message>
        <source>the current model could not be scored on the held-back corrections</source>
        <translation>no se pudo evaluar el modelo actual con las correcciones reservadas</translation>
    </message>
    <message>
        <source>not worse on the training folds (margin {margin:.3f}); held-back test skipped: {why}</source>
        <translation>no es peor en las particiones de entrenamiento (margen {margin:.3f}); se omitió la prueba con las correcciones reservadas: {why}</translation>
    </message>
    <message>
        <source>on {count} held-back corrections the candidate&apos;s macro-F1 {candidate:.3f} is more than {margin:.3f} below the current {current:.3f}</source>
        <translation>en {count} correcciones reservadas, el macro-F1 del candidato ({candidate:.3f}) está más de {margin:.3f} por debajo del actual ({current:.3f})</translation>
    </message>
    <message>
        <source>not worse than the current model by more than {margin:.3f} macro-F1 on the held-back corrections, nor by more than {fold_margin:.3f} on the training folds</source>
        <translation>no es peor que el modelo actual en más de {margin:.3f} de macro-F1 en las correcciones reservadas, ni en más de {fold_margin:.3f} en las particiones de entrenamiento</translation>
    </message>
    <message>
        <source>{count} corrections are more than the {limit} one retrain can use; export them and retrain with a file of at most {limit}.</source>
        <translation>{count} correcciones son más de las {limit} que puede usar un reentrenamiento; expórtelas y reentrene con un archivo de como máximo {limit}.</translation>
    </message>
    <message>
        <source>{path}: no correction has a known label (confirmed or corrected), so there is nothing to learn from.</source>
        <translation>{path}: ninguna corrección tiene una etiqueta conocida (confirmada o corregida), así que no hay nada que aprender.</translation>
    </message>
    <message>
        <source>No correction has a known label (confirmed or corrected), so there is nothing to learn from.</source>
        <translation>Ninguna corrección tiene una etiqueta conocida (confirmada o corregida), así que no hay nada que aprender.</translation>
    </message>
    <message>
        <source>Training the candidate on all the data…</source>
        <translation>Entrenando el candidato con todos los datos…</translation>
    </message>
    <message>
        <source>{reason} (the current model could not be loaded: {problem})</source>
        <translation>{reason} (no se pudo cargar el modelo actual: {problem})</translation>
    </message>
    <message>
        <source>Storing the candidate…</source>
        <translation>Guardando el candidato…</translation>
    </message>
    <message>
        <source>There is no model version &apos;{version}&apos; in the model store (known: {known}).</source>
        <translation>No existe la versión de modelo &apos;{version}&apos; en el almacén de modelos (conocidas: {known}).</translation>
    </message>
    <message>
        <source>The model store {folder} cannot be written: {reason}</source>
        <translation>No se puede escribir en el almacén de modelos {folder}: {reason}</translation>
    </message>
    <message>
        <source>Could not store model {version} in {folder}: {reason}</source>
        <translation>No se pudo guardar el modelo {version} en {folder}: {reason}</translation>
    </message>
    <message>
        <source>{folder}: not a model folder</source>
        <translation>{folder}: no es una carpeta de modelo</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(nuevo)</translation>
    </message>
    <message>
        <source>{folder}: could not copy the model into the store: {reason}</source>
        <translation>{folder}: no se pudo copiar el modelo al almacén: {reason}</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: {reason}</source>
        <translation>Se rechaza la versión de modelo &apos;{version}&apos; ({folder}): {reason}</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: it cannot be loaded ({error})</source>
        <translation>Se rechaza la versión de modelo &apos;{version}&apos; ({folder}): no se puede cargar ({error})</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; is refused: its folder {folder} is missing.</source>
        <translation>Se rechaza la versión de modelo &apos;{version}&apos;: falta su carpeta {folder}.</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: it was not stored by tmer-desktop (no fingerprint recorded).</source>
        <translation>Se rechaza la versión de modelo &apos;{version}&apos; ({folder}): no la guardó tmer-desktop (no hay ninguna huella registrada).</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: its files changed since it was stored (damaged, or replaced by a foreign model).</source>
        <translation>Se rechaza la versión de modelo &apos;{version}&apos; ({folder}): sus archivos cambiaron desde que se guardó (están dañados o se sustituyeron por un modelo ajeno).</translation>
    </message>
    <message>
        <source>There is no earlier model version to roll back to from &apos;{version}&apos;.</source>
        <translation>No hay ninguna versión de modelo anterior a &apos;{version}&apos; a la que volver.</translation>
    </message>
    <message>
        <source>There is no earlier model version to roll back to from &apos;{version}&apos;. {problems}</source>
        <translation>No hay ninguna versión de modelo anterior a &apos;{version}&apos; a la que volver. {problems}</translation>
    </message>
    <message>
        <source>{list} {item}</source>
        <translation>{list} {item}</translation>
    </message>
</context>
</TS>
