<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>DashboardView</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Drift status</source>
        <translation>Estado de la deriva</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Library and corrections in numbers</source>
        <translation>La biblioteca y las correcciones en cifras</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Gráfico:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Models and corrections</source>
        <translation>Modelos y correcciones</translation>
    </message>
    <message>
        <source>The model may not suit this library:</source>
        <translation>Puede que el modelo no se ajuste a esta biblioteca:</translation>
    </message>
    <message>
        <source>Correct a few predictions of the affected tracks (Player or Review queue), then press “Retrain with corrections” under “Models and corrections”.</source>
        <translation>Corrija algunas predicciones de las pistas afectadas (Reproductor o Cola de revisión) y pulse «Reentrenar con las correcciones» en «Modelos y correcciones».</translation>
    </message>
    <message>
        <source>Not enough music analysed yet to tell whether the model suits this library.</source>
        <translation>Aún no se ha analizado música suficiente para saber si el modelo se ajusta a esta biblioteca.</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n pista</numerusform>
            <numerusform>%n pistas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n corrección</numerusform>
            <numerusform>%n correcciones</numerusform>
        </translation>
    </message>
    <message>
        <source>live accuracy {accuracy}</source>
        <translation>exactitud en uso {accuracy}</translation>
    </message>
    <message>
        <source>The dashboards could not be computed: {message}</source>
        <translation>No se pudieron calcular los paneles: {message}</translation>
    </message>
    <message>
        <source>The numbers behind this chart: Export CSV…</source>
        <translation>Las cifras de este gráfico: Exportar CSV…</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>pistas</translation>
    </message>
    <message>
        <source>No tagged tracks in this grouping yet.</source>
        <translation>Todavía no hay pistas etiquetadas en esta agrupación.</translation>
    </message>
    <message>
        <source>Confidence histogram (windows)</source>
        <translation>Histograma de confianza (ventanas)</translation>
    </message>
    <message>
        <source>confidence (top probability)</source>
        <translation>confianza (probabilidad máxima)</translation>
    </message>
    <message>
        <source>windows</source>
        <translation>ventanas</translation>
    </message>
    <message>
        <source>No predictions yet.</source>
        <translation>Todavía no hay predicciones.</translation>
    </message>
    <message>
        <source>Confusion matrix from corrections</source>
        <translation>Matriz de confusión según las correcciones</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>predicha</translation>
    </message>
    <message>
        <source>true (corrected)</source>
        <translation>real (corregida)</translation>
    </message>
    <message>
        <source>No corrections with a known label yet.</source>
        <translation>Todavía no hay correcciones con una etiqueta conocida.</translation>
    </message>
    <message>
        <source>Reliability from corrections</source>
        <translation>Fiabilidad según las correcciones</translation>
    </message>
    <message>
        <source>stated confidence</source>
        <translation>confianza declarada</translation>
    </message>
    <message>
        <source>share correct</source>
        <translation>proporción de aciertos</translation>
    </message>
    <message>
        <source>perfect calibration</source>
        <translation>calibración perfecta</translation>
    </message>
    <message>
        <source>No corrections with a confidence yet.</source>
        <translation>Todavía no hay correcciones con una confianza.</translation>
    </message>
    <message>
        <source>model (dot size: corrections)</source>
        <translation>modelo (tamaño del punto: correcciones)</translation>
    </message>
    <message>
        <source>How this library sounds unlike the music the model learnt from: the {count} measurements that differ most</source>
        <translation>En qué suena esta biblioteca distinta de la música con la que aprendió el modelo: las {count} mediciones que más difieren</translation>
    </message>
    <message>
        <source>difference (PSI; beyond the dashed line at 0.25: shifted)</source>
        <translation>diferencia (PSI; más allá de la línea discontinua en 0,25: desviada)</translation>
    </message>
    <message>
        <source>Too few analysed windows to judge drift.</source>
        <translation>Hay muy pocas ventanas analizadas para evaluar la deriva.</translation>
    </message>
    <message>
        <source>Qt could not encode the chart as PNG into {path}</source>
        <translation>Qt no pudo codificar el gráfico como PNG en {path}</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Exportar el gráfico como PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>Exportar los datos del gráfico como CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
</context>
<context>
    <name>Dashboards</name>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(otros)</translation>
    </message>
    <message>
        <source>Emotions by artist</source>
        <translation>Emociones por artista</translation>
    </message>
    <message>
        <source>Emotions by album</source>
        <translation>Emociones por álbum</translation>
    </message>
    <message>
        <source>Emotions by genre</source>
        <translation>Emociones por género</translation>
    </message>
    <message>
        <source>Emotions by folder</source>
        <translation>Emociones por carpeta</translation>
    </message>
    <message>
        <source>Emotions by session playlist</source>
        <translation>Emociones por lista de sesión</translation>
    </message>
    <message>
        <source>Confidence histogram</source>
        <translation>Histograma de confianza</translation>
    </message>
    <message>
        <source>Confusion matrix (corrections)</source>
        <translation>Matriz de confusión (correcciones)</translation>
    </message>
    <message>
        <source>Reliability curve (corrections)</source>
        <translation>Curva de fiabilidad (correcciones)</translation>
    </message>
    <message>
        <source>Difference from the training music</source>
        <translation>Diferencia con la música de entrenamiento</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>sure</source>
        <translation>segura</translation>
    </message>
    <message>
        <source>two candidates</source>
        <translation>dos candidatas</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>requiere revisión</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Segura</translation>
    </message>
    <message>
        <source>Two candidates</source>
        <translation>Dos candidatas</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Requiere revisión</translation>
    </message>
    <message>
        <source>Sure: one emotion is clear enough (its probability reaches the threshold in Settings) and is shown alone.</source>
        <translation>Segura: una emoción es lo bastante clara (su probabilidad alcanza el umbral de Ajustes) y se muestra sola.</translation>
    </message>
    <message>
        <source>Two candidates: no single emotion is clear, but the best two together are; the music is very likely one of them.</source>
        <translation>Dos candidatas: ninguna emoción es clara por sí sola, pero las dos mejores juntas sí; lo más probable es que la música sea una de ellas.</translation>
    </message>
    <message>
        <source>Needs review: not even the best two emotions together are clear; a person should listen and choose.</source>
        <translation>Requiere revisión: ni siquiera las dos mejores emociones juntas son claras; una persona debe escuchar y elegir.</translation>
    </message>
</context>
<context>
    <name>Drift</name>
    <message>
        <source>No drift detected; the model matches this library.</source>
        <translation>No se detecta deriva; el modelo se ajusta a esta biblioteca.</translation>
    </message>
    <message>
        <source>The model may not suit this library. Correct a few predictions of the affected tracks, then retrain with the corrections (tmer train --feedback).</source>
        <translation>Puede que el modelo no se ajuste a esta biblioteca. Corrija algunas predicciones de las pistas afectadas y reentrene el modelo con las correcciones (tmer train --feedback).</translation>
    </message>
    <message>
        <source>Comparing this music with the music the model learnt from needs {needed} independent half-minutes; so far there is {windows}.</source>
        <translation>Comparar esta música con la música con la que aprendió el modelo requiere {needed} medios minutos independientes; por ahora hay {windows}.</translation>
    </message>
    <message>
        <source>Comparing this music with the music the model learnt from needs {needed} independent half-minutes; so far there are {windows}.</source>
        <translation>Comparar esta música con la música con la que aprendió el modelo requiere {needed} medios minutos independientes; por ahora hay {windows}.</translation>
    </message>
    <message>
        <source>{feature} {psi:.2f}</source>
        <translation>{feature} {psi:.2f}</translation>
    </message>
    <message>
        <source>{list}, {item}</source>
        <translation>{list}, {item}</translation>
    </message>
    <message>
        <source>This music sounds unlike the music the model learnt from in {shifted} of {total} measurements (shift above {bar}; largest: {worst}).</source>
        <translation>Esta música suena distinta de la música con la que aprendió el modelo en {shifted} de {total} mediciones (desviación superior a {bar}; las mayores: {worst}).</translation>
    </message>
    <message>
        <source>The model is unsure about {share:.0f}% of the music (confidence below {low:.2f}; expected at most {bar:.0f}%).</source>
        <translation>El modelo duda en el {share:.0f} % de la música (confianza inferior a {low:.2f}; lo esperable es como mucho el {bar:.0f} %).</translation>
    </message>
    <message>
        <source>Telling how often the model is right on this music needs {needed} corrections; so far there is {count}.</source>
        <translation>Saber con qué frecuencia acierta el modelo con esta música requiere {needed} correcciones; por ahora hay {count}.</translation>
    </message>
    <message>
        <source>Telling how often the model is right on this music needs {needed} corrections; so far there are {count}.</source>
        <translation>Saber con qué frecuencia acierta el modelo con esta música requiere {needed} correcciones; por ahora hay {count}.</translation>
    </message>
    <message>
        <source>Your {count} corrections say the model was right {accuracy:.0f}% of the time (expected at least {bar:.0f}%).</source>
        <translation>Según sus {count} correcciones, el modelo acertó el {accuracy:.0f} % de las veces (lo esperable es al menos el {bar:.0f} %).</translation>
    </message>
    <message>
        <source>On your corrections the confidence shown does not match how often the model is right (calibration error {ece:.2f}, expected at most {bar:.2f}).</source>
        <translation>En sus correcciones, la confianza mostrada no coincide con la frecuencia con que acierta el modelo (error de calibración {ece:.2f}; lo esperable es como mucho {bar:.2f}).</translation>
    </message>
</context>
<context>
    <name>Emotions</name>
    <message>
        <source>happy</source>
        <translation>feliz</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>triste</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>enojado</translation>
    </message>
    <message>
        <source>relaxed</source>
        <translation>relajado</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Feliz</translation>
    </message>
    <message>
        <source>Sad</source>
        <translation>Triste</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Enojado</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>Relajado</translation>
    </message>
</context>
<context>
    <name>Families</name>
    <message>
        <source>tempo and rhythm</source>
        <translation>tempo y ritmo</translation>
    </message>
    <message>
        <source>loudness and dynamics</source>
        <translation>volumen y dinámica</translation>
    </message>
    <message>
        <source>brightness</source>
        <translation>brillo</translation>
    </message>
    <message>
        <source>tone colour (timbre)</source>
        <translation>color del sonido (timbre)</translation>
    </message>
    <message>
        <source>roughness and dissonance</source>
        <translation>aspereza y disonancia</translation>
    </message>
    <message>
        <source>harmony and key</source>
        <translation>armonía y tonalidad</translation>
    </message>
</context>
<context>
    <name>ModelsPanel</name>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Score in tests</source>
        <translation>Puntuación en pruebas</translation>
    </message>
    <message>
        <source>On your held-back corrections</source>
        <translation>En sus correcciones reservadas</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Correcciones</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>How often the model was right on training music it had not seen, from 0 to 1 (cross-validated macro-F1: the F1 score averaged over the four emotions).</source>
        <translation>Con qué frecuencia acertó el modelo con música de entrenamiento que no había visto, de 0 a 1 (macro-F1 con validación cruzada: la puntuación F1 promediada sobre las cuatro emociones).</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>Versiones del modelo</translation>
    </message>
    <message>
        <source>Export corrections…</source>
        <translation>Exportar correcciones…</translation>
    </message>
    <message>
        <source>without file names and notes</source>
        <translation>sin nombres de archivo ni notas</translation>
    </message>
    <message>
        <source>Retrain with corrections</source>
        <translation>Reentrenar con las correcciones</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Volver a la anterior</translation>
    </message>
    <message>
        <source>The model versions cannot be listed: {error}</source>
        <translation>No se pueden listar las versiones del modelo: {error}</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>promovida</translation>
    </message>
    <message>
        <source>kept, not promoted</source>
        <translation>guardada, no promovida</translation>
    </message>
    <message>
        <source>bundled</source>
        <comment>the model shipped with the app</comment>
        <translation>incluido</translation>
    </message>
    <message>
        <source>{used} (+{held} held back)</source>
        <translation>{used} (+{held} reservadas)</translation>
    </message>
    <message>
        <source>✓ active</source>
        <translation>✓ activa</translation>
    </message>
    <message>
        <source>No corrections yet: correct a few tracks in the Player or the Review queue first.</source>
        <translation>Aún no hay correcciones: corrija primero algunas pistas en el Reproductor o en la Cola de revisión.</translation>
    </message>
    <message>
        <source>Train a new model version from your corrections; it becomes active only if it does better.</source>
        <translation>Entrena una nueva versión del modelo con sus correcciones; solo pasa a estar activa si lo hace mejor.</translation>
    </message>
    <message>
        <source>There is no earlier model version to go back to.</source>
        <translation>No hay ninguna versión anterior del modelo a la que volver.</translation>
    </message>
    <message>
        <source>Make the model version before the active one active again.</source>
        <translation>Vuelve a activar la versión del modelo anterior a la activa.</translation>
    </message>
    <message>
        <source>{new} right on {count}</source>
        <translation>{new} de acierto en {count}</translation>
    </message>
    <message>
        <source>{old} → {new} right on {count}</source>
        <translation>{old} → {new} de acierto en {count}</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n correction(s) to {path}.</source>
        <translation>
            <numerusform>Se escribió %n corrección en {path}.</numerusform>
            <numerusform>Se escribieron %n correcciones en {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retraining with the corrections… (the app stays usable)</source>
        <translation>Reentrenando con las correcciones… (la aplicación sigue disponible)</translation>
    </message>
    <message>
        <source>Candidate {candidate} vs {current}: score in tests {new} vs {old} ({folds} folds x {repeats})</source>
        <translation>Candidato {candidate} frente a {current}: puntuación en pruebas {new} frente a {old} ({folds} particiones x {repeats})</translation>
    </message>
    <message>
        <source>On your {count} held-back corrections: {old} right before, {new} with this version</source>
        <translation>En sus {count} correcciones reservadas: {old} de acierto antes, {new} con esta versión</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>PROMOTED: {reason}</source>
        <translation>PROMOVIDO: {reason}</translation>
    </message>
    <message>
        <source>NOT promoted: {reason}</source>
        <translation>NO promovido: {reason}</translation>
    </message>
    <message>
        <source>Retraining failed: {message}</source>
        <translation>El reentrenamiento falló: {message}</translation>
    </message>
    <message>
        <source>Model {version} is now active.</source>
        <translation>El modelo {version} está ahora activo.</translation>
    </message>
    <message>
        <source>Rolled back: model {version} is now active.</source>
        <translation>Vuelta atrás: el modelo {version} está ahora activo.</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>Seleccione primero una versión del modelo.</translation>
    </message>
    <message>
        <source>Export corrections</source>
        <translation>Exportar correcciones</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
</context>
<context>
    <name>Playlists</name>
    <message>
        <source>{count} excluded</source>
        <translation>excluidas: {count}</translation>
    </message>
    <message>
        <source>{count} of unknown genre</source>
        <translation>de género desconocido: {count}</translation>
    </message>
    <message>
        <source>{count} of another genre</source>
        <translation>de otro género: {count}</translation>
    </message>
    <message>
        <source>{count} of unknown artist</source>
        <translation>de artista desconocido: {count}</translation>
    </message>
    <message>
        <source>{count} of another artist</source>
        <translation>de otro artista: {count}</translation>
    </message>
    <message>
        <source>{count} of unknown language</source>
        <translation>de idioma desconocido: {count}</translation>
    </message>
    <message>
        <source>{count} of another language</source>
        <translation>de otro idioma: {count}</translation>
    </message>
    <message>
        <source>{count} too far from the path</source>
        <translation>demasiado lejos del trayecto: {count}</translation>
    </message>
    <message>
        <source>must include</source>
        <translation>obligatoria</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>elegida por usted</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>guardada</translation>
    </message>
    <message>
        <source>{emotion} {confidence:.0f}% ({decision})</source>
        <translation>{emotion} {confidence:.0f} % ({decision})</translation>
    </message>
    <message>
        <source>{share:.0f}% of the way to {goal}</source>
        <translation>{share:.0f} % del camino hacia {goal}</translation>
    </message>
    <message>
        <source>{distance:.2f} from the planned point</source>
        <translation>a {distance:.2f} del punto planificado</translation>
    </message>
    <message>
        <source>step {step:.2f}</source>
        <translation>paso {step:.2f}</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>{list} · {item}</source>
        <translation>{list} · {item}</translation>
    </message>
    <message>
        <source>There is no slot {number} in this session (it has {count}).</source>
        <translation>Esta sesión no tiene la posición {number} (tiene {count}).</translation>
    </message>
    <message>
        <source>The new order must contain exactly the tracks of the session.</source>
        <translation>El nuevo orden debe contener exactamente las pistas de la sesión.</translation>
    </message>
    <message>
        <source>Track {track} is not a tagged track of the library.</source>
        <translation>La pista {track} no es una pista etiquetada de la biblioteca.</translation>
    </message>
    <message>
        <source>{title} is already in this session.</source>
        <translation>{title} ya está en esta sesión.</translation>
    </message>
    <message>
        <source>{list} {item}</source>
        <translation>{list} {item}</translation>
    </message>
    <message>
        <source>Track {track} cannot give the starting mood: it is not a tagged track of the library. Tag it first, or choose a starting mood.</source>
        <translation>La pista {track} no puede indicar el estado de ánimo inicial: no es una pista etiquetada de la biblioteca. Etiquétela primero o elija un estado de ánimo inicial.</translation>
    </message>
    <message>
        <source>The measured starting mood has no probabilities.</source>
        <translation>El estado de ánimo inicial medido no tiene probabilidades.</translation>
    </message>
    <message>
        <source>Choose a starting mood (or a track or recording to measure it from).</source>
        <translation>Elija un estado de ánimo inicial (o una pista o grabación a partir de la cual medirlo).</translation>
    </message>
    <message>
        <source>Starting mood: {reason}</source>
        <translation>Estado de ánimo inicial: {reason}</translation>
    </message>
    <message>
        <source>Track {track} must be included but is not a tagged track of the library.</source>
        <translation>La pista {track} debe incluirse, pero no es una pista etiquetada de la biblioteca.</translation>
    </message>
    <message>
        <source>Track {track} is both excluded and required; choose one.</source>
        <translation>La pista {track} está a la vez excluida y exigida; elija una de las dos opciones.</translation>
    </message>
    <message>
        <source>The locked and required tracks alone last {minutes:.1f} min, more than the {target:.1f} min asked for.</source>
        <translation>Solo las pistas bloqueadas y obligatorias ya duran {minutes:.1f} min, más que los {target:.1f} min pedidos.</translation>
    </message>
    <message>
        <source>Only {minutes:.1f} of the {target:.1f} minutes could be filled with suitable tracks ({count} suitable track(s) near the path {start} → {goal}). Tag more music or relax the filters.</source>
        <translation>Solo se pudieron llenar {minutes:.1f} de los {target:.1f} minutos con pistas adecuadas (pistas adecuadas cerca del trayecto {start} → {goal}: {count}). Etiquete más música o relaje los filtros.</translation>
    </message>
    <message>
        <source>No suitable track fits a {minutes:.1f}-minute session ({start} → {goal}): the shortest suitable track lasts {shortest:.1f} minutes. Ask for a longer session.</source>
        <translation>Ninguna pista adecuada cabe en una sesión de {minutes:.1f} minutos ({start} → {goal}): la pista adecuada más corta dura {shortest:.1f} minutos. Pida una sesión más larga.</translation>
    </message>
    <message>
        <source>No track in the library suits the journey {start} → {goal} ({why}).</source>
        <translation>Ninguna pista de la biblioteca se ajusta al trayecto {start} → {goal} ({why}).</translation>
    </message>
    <message>
        <source>{list}; {item}</source>
        <translation>{list}; {item}</translation>
    </message>
    <message>
        <source>No track in the library suits the journey {start} → {goal}.</source>
        <translation>Ninguna pista de la biblioteca se ajusta al trayecto {start} → {goal}.</translation>
    </message>
    <message>
        <source>The closest, {title} ({emotion}), is {distance:.2f} from the path; tracks must be within {limit:.1f}.</source>
        <translation>La más cercana, {title} ({emotion}), está a {distance:.2f} del trayecto; las pistas deben estar a {limit:.1f} como máximo.</translation>
    </message>
    <message>
        <source>Tag music that carries these moods, or choose another start or goal.</source>
        <translation>Etiquete música que transmita estos estados de ánimo o elija otro inicio u objetivo.</translation>
    </message>
    <message>
        <source>The session length must be a number of minutes, not {value}.</source>
        <translation>La duración de la sesión debe ser un número de minutos, no {value}.</translation>
    </message>
    <message>
        <source>The session length must be between 0 and {maximum} minutes, not {value}.</source>
        <translation>La duración de la sesión debe estar entre 0 y {maximum} minutos, no {value}.</translation>
    </message>
    <message>
        <source>Goal: {reason}</source>
        <translation>Objetivo: {reason}</translation>
    </message>
    <message>
        <source>The library has no tagged tracks to build a session from ({count} track(s) in the library: {why}). Tag a music folder first (tmer tag FOLDER --out results.csv, or Open music folder… in the app).</source>
        <translation>La biblioteca no tiene pistas etiquetadas con las que crear una sesión (pistas en la biblioteca: {count}; {why}). Etiquete primero una carpeta de música (tmer tag FOLDER --out results.csv, o «Abrir carpeta de música…» en la aplicación).</translation>
    </message>
    <message>
        <source>The library has no tagged tracks to build a session from. Tag a music folder first (tmer tag FOLDER --out results.csv, or Open music folder… in the app).</source>
        <translation>La biblioteca no tiene pistas etiquetadas con las que crear una sesión. Etiquete primero una carpeta de música (tmer tag FOLDER --out results.csv, o «Abrir carpeta de música…» en la aplicación).</translation>
    </message>
    <message>
        <source>The duration tolerance must be zero or more seconds, not {value}.</source>
        <translation>La tolerancia de duración debe ser de cero o más segundos, no {value}.</translation>
    </message>
    <message>
        <source>The settle fraction must be in [0, 1), not {value}.</source>
        <translation>La fracción de asentamiento debe estar en [0, 1), no {value}.</translation>
    </message>
    <message>
        <source>The library has little music near the starting mood ({mood}): the session begins {distance:.2f} away from it.</source>
        <translation>La biblioteca tiene poca música cercana al estado de ánimo inicial ({mood}): la sesión empieza a {distance:.2f} de él.</translation>
    </message>
    <message>
        <source>The library has little music near the goal ({mood}): the session ends {distance:.2f} away from it.</source>
        <translation>La biblioteca tiene poca música cercana al objetivo ({mood}): la sesión termina a {distance:.2f} de él.</translation>
    </message>
    <message>
        <source>{count} not tagged yet</source>
        <translation>sin etiquetar todavía: {count}</translation>
    </message>
    <message>
        <source>{count} with an analysis error</source>
        <translation>con un error de análisis: {count}</translation>
    </message>
    <message>
        <source>{count} without a known duration</source>
        <translation>sin duración conocida: {count}</translation>
    </message>
    <message>
        <source>{count} whose file is missing</source>
        <translation>cuyo archivo ya no existe: {count}</translation>
    </message>
    <message>
        <source>the track path {path} contains a line break and cannot be written into a playlist</source>
        <translation>la ruta de pista {path} contiene un salto de línea y no se puede escribir en una lista de reproducción</translation>
    </message>
    <message>
        <source>the file is {size} MB, too large for a playlist</source>
        <translation>el archivo ocupa {size} MB, demasiado para una lista de reproducción</translation>
    </message>
    <message>
        <source>this is a folder, not a playlist file</source>
        <translation>es una carpeta, no un archivo de lista de reproducción</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <source>this is a binary file, not a playlist</source>
        <translation>es un archivo binario, no una lista de reproducción</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (an .m3u8 must be UTF-8)</source>
        <translation>el archivo no es texto UTF-8 (un .m3u8 debe estar en UTF-8)</translation>
    </message>
    <message>
        <source>There is no saved session with id {id}.</source>
        <translation>No hay ninguna sesión guardada con el identificador {id}.</translation>
    </message>
    <message>
        <source>{count} track(s) of this session are no longer usable: {titles}</source>
        <translation>Pistas de esta sesión que ya no se pueden usar ({count}): {titles}</translation>
    </message>
    <message>
        <source>The session is empty: there is nothing to export.</source>
        <translation>La sesión está vacía: no hay nada que exportar.</translation>
    </message>
    <message>
        <source>Unknown mood &apos;{word}&apos;; use one of: {accepted}.</source>
        <translation>Estado de ánimo desconocido «{word}»; use uno de estos: {accepted}.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Not recording.</source>
        <translation>Sin grabar.</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Actualizar dispositivos</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Grabar</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Detener</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Entrada:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Nivel:</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Dispositivo de entrada</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Nivel de entrada</translation>
    </message>
    <message>
        <source>Loudness of the input in decibels below full scale</source>
        <translation>Volumen de la entrada en decibelios por debajo de la escala completa</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>Tiempo de grabación</translation>
    </message>
    <message>
        <source>Live waveform</source>
        <translation>Forma de onda en directo</translation>
    </message>
    <message>
        <source>The last seconds of sound from the input</source>
        <translation>Los últimos segundos de sonido de la entrada</translation>
    </message>
    <message>
        <source>%v dB</source>
        <translation>%v dB</translation>
    </message>
    <message>
        <source>How loud the input is, in decibels below the loudest it can record (dBFS): 0 dB is the maximum, -60 dB is silence.</source>
        <translation>Qué tan fuerte llega la entrada, en decibelios por debajo de lo máximo que puede grabar (dBFS): 0 dB es el máximo y -60 dB, silencio.</translation>
    </message>
    <message>
        <source>Seconds before now</source>
        <translation>Segundos antes de ahora</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Could not start recording: {error}</source>
        <translation>No se pudo iniciar la grabación: {error}</translation>
    </message>
    <message>
        <source>Waiting for the first full window ({seconds} s)…</source>
        <translation>Esperando la primera ventana completa ({seconds} s)…</translation>
    </message>
    <message>
        <source>Recording to {path}</source>
        <translation>Grabando en {path}</translation>
    </message>
    <message>
        <source>Paused — audio is not kept until you resume.</source>
        <translation>En pausa: el audio no se guarda hasta que reanude.</translation>
    </message>
    <message>
        <source>Stopped: {seconds} s saved in {path}. Analysing the end and adding it to the library…</source>
        <translation>Detenido: {seconds} s guardados en {path}. Analizando el final y añadiéndolo a la biblioteca…</translation>
    </message>
    <message>
        <source>Recording kept at {path}, but not added to the library: {error}</source>
        <translation>La grabación se conserva en {path}, pero no se añadió a la biblioteca: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Saved: {path} is in the library with %n window(s).</source>
        <translation>
            <numerusform>Guardado: {path} está en la biblioteca con %n ventana.</numerusform>
            <numerusform>Guardado: {path} está en la biblioteca con %n ventanas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording added to the library.</source>
        <translation>Grabación añadida a la biblioteca.</translation>
    </message>
    <message>
        <source>no estimate</source>
        <translation>sin estimación</translation>
    </message>
    <message>
        <source>Provisional estimate from the first {seconds} s (not a full window, not stored):</source>
        <translation>Estimación provisional de los primeros {seconds} s (no es una ventana completa; no se guarda):</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) analysed; latest {start}–{end} s: {result} (ready {latency} s after the window ended)</source>
        <translation>
            <numerusform>%n ventana analizada; la última, {start}–{end} s: {result} (lista {latency} s después del final de la ventana)</numerusform>
            <numerusform>%n ventanas analizadas; la última, {start}–{end} s: {result} (lista {latency} s después del final de la ventana)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <source>Recording unavailable: {reason}</source>
        <translation>Grabación no disponible: {reason}</translation>
    </message>
    <message>
        <source>No audio input device found: connect a microphone or audio interface (and check that the system lets this program use it), then try again.</source>
        <translation>No se encontró ningún dispositivo de entrada de audio: conecte un micrófono o una interfaz de audio (y compruebe que el sistema permite a este programa usarlo) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the system refused the write (disk full, file too large or storage removed)</source>
        <translation>el sistema rechazó la escritura (disco lleno, archivo demasiado grande o almacenamiento retirado)</translation>
    </message>
    <message>
        <source>{path}: writing the recording failed ({reason}). Recording stopped; the first {seconds:.1f} s are saved in this file.</source>
        <translation>{path}: no se pudo escribir la grabación ({reason}). La grabación se detuvo; los primeros {seconds:.1f} s están guardados en este archivo.</translation>
    </message>
    <message>
        <source>A recording is already running</source>
        <translation>Ya hay una grabación en curso</translation>
    </message>
    <message>
        <source>input device {device} is not available ({detail})</source>
        <translation>el dispositivo de entrada {device} no está disponible ({detail})</translation>
    </message>
    <message>
        <source>{folder}: cannot create the recordings folder ({detail})</source>
        <translation>{folder}: no se puede crear la carpeta de grabaciones ({detail})</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>{path}: cannot create the recording file ({reason})</source>
        <translation>{path}: no se puede crear el archivo de grabación ({reason})</translation>
    </message>
    <message>
        <source>Cannot open the input device: {detail}</source>
        <translation>No se puede abrir el dispositivo de entrada: {detail}</translation>
    </message>
    <message>
        <source>Input overflow: the computer fell behind and a few milliseconds of audio were lost at this point.</source>
        <translation>Desbordamiento de entrada: el ordenador se retrasó y se perdieron unos milisegundos de audio en este punto.</translation>
    </message>
    <message>
        <source>The input device stopped delivering audio (unplugged or taken by another program). Recording ended; the audio up to here is saved.</source>
        <translation>El dispositivo de entrada dejó de enviar audio (desconectado u ocupado por otro programa). La grabación terminó; el audio hasta aquí está guardado.</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>silencio</translation>
    </message>
    <message>
        <source>{path}: the recording is too short to analyse ({seconds:.2f} s; at least {minimum} s is needed). The file is kept.</source>
        <translation>{path}: la grabación es demasiado corta para analizarla ({seconds:.2f} s; se necesitan al menos {minimum} s). El archivo se conserva.</translation>
    </message>
    <message>
        <source>{path}: the recording holds no signal (silence) — nothing to tag. The file is kept.</source>
        <translation>{path}: la grabación no contiene señal (silencio); no hay nada que etiquetar. El archivo se conserva.</translation>
    </message>
</context>
<context>
    <name>SessionBuilderView</name>
    <message>
        <source>Relaxing (→ relaxed)</source>
        <translation>Relajante (→ relajado)</translation>
    </message>
    <message>
        <source>Energizing (→ happy)</source>
        <translation>Energizante (→ feliz)</translation>
    </message>
    <message>
        <source>or from track</source>
        <translation>o desde la pista</translation>
    </message>
    <message>
        <source>Start mood:</source>
        <translation>Estado de ánimo inicial:</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Objetivo:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Solo:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Client pseudonym:</source>
        <translation>Seudónimo del cliente:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Saved sessions:</source>
        <translation>Sesiones guardadas:</translation>
    </message>
    <message>
        <source>Suggestions:</source>
        <translation>Sugerencias:</translation>
    </message>
    <message>
        <source>Add a track:</source>
        <translation>Añadir una pista:</translation>
    </message>
    <message>
        <source>Measure the starting mood from a tagged track instead</source>
        <translation>Medir el estado de ánimo inicial a partir de una pista etiquetada</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>e.g. Tuesday group, week 3</source>
        <translation>p. ej., grupo del martes, semana 3</translation>
    </message>
    <message>
        <source>no real names</source>
        <translation>sin nombres reales</translation>
    </message>
    <message>
        <source>Notes for this session</source>
        <translation>Notas de esta sesión</translation>
    </message>
    <message>
        <source>any genre (comma-separated to limit)</source>
        <translation>cualquier género (separados por comas para limitar)</translation>
    </message>
    <message>
        <source>any artist (comma-separated to limit)</source>
        <translation>cualquier artista (separados por comas para limitar)</translation>
    </message>
    <message>
        <source>Build session</source>
        <translation>Crear sesión</translation>
    </message>
    <message>
        <source>Start mood</source>
        <translation>Estado de ánimo inicial</translation>
    </message>
    <message>
        <source>Start mood from a track</source>
        <translation>Estado de ánimo inicial a partir de una pista</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <source>Only these genres</source>
        <translation>Solo estos géneros</translation>
    </message>
    <message>
        <source>Only these artists</source>
        <translation>Solo estos artistas</translation>
    </message>
    <message>
        <source>Session title</source>
        <translation>Título de la sesión</translation>
    </message>
    <message>
        <source>Client pseudonym</source>
        <translation>Seudónimo del cliente</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notas de la sesión</translation>
    </message>
    <message>
        <source>Saved sessions</source>
        <translation>Sesiones guardadas</translation>
    </message>
    <message>
        <source>Tracks of the session, in play order</source>
        <translation>Pistas de la sesión, en orden de reproducción</translation>
    </message>
    <message>
        <source>Suggested replacements</source>
        <translation>Sustitutas sugeridas</translation>
    </message>
    <message>
        <source>Track to add</source>
        <translation>Pista para añadir</translation>
    </message>
    <message>
        <source>Session path in valence and arousal</source>
        <translation>Recorrido de la sesión en valencia y activación</translation>
    </message>
    <message>
        <source>Each track is a point, its shape and colour its emotion: circle happy, square sad, triangle angry, diamond relaxed; the dashed line is the planned path from the star at the start to the goal.</source>
        <translation>Cada pista es un punto cuya forma y color indican su emoción: círculo feliz, cuadrado triste, triángulo enojado, rombo relajado; la línea discontinua es el recorrido previsto desde la estrella del inicio hasta el objetivo.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Lock / unlock</source>
        <translation>Bloquear / desbloquear</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Sustituir</translation>
    </message>
    <message>
        <source>Re-plan unlocked</source>
        <translation>Replanificar las no bloqueadas</translation>
    </message>
    <message>
        <source>Add before selected</source>
        <translation>Añadir antes de la seleccionada</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Guardar sesión</translation>
    </message>
    <message>
        <source>relative paths</source>
        <translation>rutas relativas</translation>
    </message>
    <message>
        <source>Export M3U8…</source>
        <translation>Exportar M3U8…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>valence (unpleasant → pleasant)</source>
        <translation>valencia (desagradable → agradable)</translation>
    </message>
    <message>
        <source>arousal (calm → energetic)</source>
        <translation>activación (calmada → enérgica)</translation>
    </message>
    <message>
        <source>planned path (☆ start → goal)</source>
        <translation>trayecto planificado (☆ inicio → objetivo)</translation>
    </message>
    <message>
        <source>tracks in play order</source>
        <translation>pistas en orden de reproducción</translation>
    </message>
    <message>
        <source>— the chosen mood —</source>
        <translation>— el estado de ánimo elegido —</translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n track(s))</source>
        <translation>
            <numerusform>{title} (%n pista)</numerusform>
            <numerusform>{title} (%n pistas)</numerusform>
        </translation>
    </message>
    <message>
        <source>No analysed tracks to build a session from yet. In the Library tab, press “Open music folder…” (or drop a folder there) to analyse your music first.</source>
        <translation>Aún no hay pistas analizadas con las que crear una sesión. En la pestaña Biblioteca, pulse «Abrir carpeta de música…» (o suelte allí una carpeta) para analizar primero su música.</translation>
    </message>
    <message numerus="yes">
        <source>Built %n tracks from {tagged} tagged.</source>
        <translation>
            <numerusform>Se eligió %n pista de {tagged} etiquetadas.</numerusform>
            <numerusform>Se eligieron %n pistas de {tagged} etiquetadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed {title}.</source>
        <translation>Se quitó {title}.</translation>
    </message>
    <message>
        <source>Re-planned the unlocked slots.</source>
        <translation>Se replanificaron los huecos no bloqueados.</translation>
    </message>
    <message>
        <source>Build a session first.</source>
        <translation>Cree primero una sesión.</translation>
    </message>
    <message>
        <source>{start} to {goal}</source>
        <translation>De {start} a {goal}</translation>
    </message>
    <message>
        <source>Saved “{title}” in the library.</source>
        <translation>Se guardó «{title}» en la biblioteca.</translation>
    </message>
    <message>
        <source>Opened “{title}”.</source>
        <translation>Se abrió «{title}».</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tracks to {path}.</source>
        <translation>
            <numerusform>Se exportó %n pista a {path}.</numerusform>
            <numerusform>Se exportaron %n pistas a {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to {path}.</source>
        <translation>
            <numerusform>Se exportó %n fila a {path}.</numerusform>
            <numerusform>Se exportaron %n filas a {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export playlist</source>
        <translation>Exportar lista de reproducción</translation>
    </message>
    <message>
        <source>Playlists (*.m3u8 *.m3u)</source>
        <translation>Listas de reproducción (*.m3u8 *.m3u)</translation>
    </message>
    <message>
        <source>Export session as CSV</source>
        <translation>Exportar la sesión como CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>{title} — {emotion} {confidence}, {distance} from the point, {duration}</source>
        <translation>{title} — {emotion} {confidence}, a {distance} del punto, {duration}</translation>
    </message>
    <message>
        <source>When saved: {reason}</source>
        <translation>Al guardarla: {reason}</translation>
    </message>
    <message>
        <source>Tick the box to lock this track when re-planning.</source>
        <translation>Marque la casilla para bloquear esta pista al replanificar.</translation>
    </message>
    <message numerus="yes">
        <source>{start} → {goal}: %n tracks, {total} of {target} (within ±{tolerance})</source>
        <translation>
            <numerusform>{start} → {goal}: %n pista, {total} de {target} (dentro de ±{tolerance})</numerusform>
            <numerusform>{start} → {goal}: %n pistas, {total} de {target} (dentro de ±{tolerance})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{start} → {goal}: %n tracks, {total} of {target} (outside ±{tolerance})</source>
        <translation>
            <numerusform>{start} → {goal}: %n pista, {total} de {target} (fuera de ±{tolerance})</numerusform>
            <numerusform>{start} → {goal}: %n pistas, {total} de {target} (fuera de ±{tolerance})</numerusform>
        </translation>
    </message>
    <message>
        <source>{number}. {title}  [{duration}, starts {start}]</source>
        <translation>{number}. {title}  [{duration}, empieza en {start}]</translation>
    </message>
</context>
</TS>
