<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ExplanationChart</name>
    <message>
        <source>SHAP value towards the emotion (log-odds)</source>
        <translation>valor SHAP hacia la emoción (log-odds)</translation>
    </message>
    <message>
        <source>◀ away from the emotion · towards the emotion ▶</source>
        <translation>◀ aleja de la emoción · acerca a la emoción ▶</translation>
    </message>
    <message>
        <source>Strongest features (SHAP, log-odds): {features}</source>
        <translation>Descriptores más influyentes (SHAP, log-odds): {features}</translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} y %n más</numerusform>
            <numerusform>{names} y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Outside the training range (clipped): {features}</source>
        <translation>Fuera del rango de entrenamiento (recortados): {features}</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>Why — this window</source>
        <translation>Por qué — esta ventana</translation>
    </message>
    <message>
        <source>Why — whole track</source>
        <translation>Por qué — pista completa</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
    <message>
        <source>For researchers: the feature names and the SHAP values behind the explanation</source>
        <translation>Para investigadores: los nombres de los descriptores y los valores SHAP detrás de la explicación</translation>
    </message>
</context>
<context>
    <name>LibraryNotice</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Read the damaged file (it is not changed) and add the corrections, session playlists and model versions it still holds to this library</source>
        <translation>Leer el archivo dañado (no se modifica) y añadir a esta biblioteca las correcciones, listas de sesión y versiones del modelo que aún contiene</translation>
    </message>
    <message>
        <source>Recovering from {file}…</source>
        <translation>Recuperando de {file}…</translation>
    </message>
    <message>
        <source>Nothing was recovered from {file}: {reason}</source>
        <translation>No se recuperó nada de {file}: {reason}</translation>
    </message>
    <message>
        <source>Recover brings back your corrections, session playlists and model versions from it; tagging your music again brings back the analyses.</source>
        <translation>Recuperar trae de vuelta sus correcciones, listas de sesión y versiones del modelo desde ese archivo; al etiquetar de nuevo su música vuelven los análisis.</translation>
    </message>
    <message numerus="yes">
        <source>corrections: {read} of %n recovered</source>
        <translation>
            <numerusform>correcciones: {read} de %n recuperada</numerusform>
            <numerusform>correcciones: {read} de %n recuperadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>session playlists: {read} of %n recovered</source>
        <translation>
            <numerusform>listas de sesión: {read} de %n recuperada</numerusform>
            <numerusform>listas de sesión: {read} de %n recuperadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>model versions: {read} of %n recovered</source>
        <translation>
            <numerusform>versiones del modelo: {read} de %n recuperada</numerusform>
            <numerusform>versiones del modelo: {read} de %n recuperadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n ilegible</numerusform>
            <numerusform>%n ilegibles</numerusform>
        </translation>
    </message>
    <message>
        <source>more may be lost where the file is damaged</source>
        <translation>puede haberse perdido más donde el archivo está dañado</translation>
    </message>
    <message numerus="yes">
        <source>%n no longer in the model store</source>
        <translation>
            <numerusform>%n ya no está en el almacén de modelos</numerusform>
            <numerusform>%n ya no están en el almacén de modelos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries lost</source>
        <translation>
            <numerusform>%n entrada perdida</numerusform>
            <numerusform>%n entradas perdidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n añadida</numerusform>
            <numerusform>%n añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n ya estaba en la biblioteca</numerusform>
            <numerusform>%n ya estaban en la biblioteca</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered from {file}: {details}.</source>
        <translation>Recuperado de {file}: {details}.</translation>
    </message>
    <message>
        <source>A copy of the library from before was kept at {backup}.</source>
        <translation>Se guardó una copia de la biblioteca anterior en {backup}.</translation>
    </message>
    <message>
        <source>Nothing new to add: everything readable was already in the library.</source>
        <translation>Nada nuevo que añadir: todo lo legible ya estaba en la biblioteca.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>estimating…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>Open music folder…</source>
        <translation>Abrir carpeta de música…</translation>
    </message>
    <message>
        <source>Search title, artist, album, file…</source>
        <translation>Buscar título, artista, álbum, archivo…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <source>One row per track; Enter opens the track in the player.</source>
        <translation>Una fila por pista; Intro abre la pista en el reproductor.</translation>
    </message>
    <message>
        <source>Tagging progress</source>
        <translation>Progreso del etiquetado</translation>
    </message>
    <message>
        <source>Show only this emotion</source>
        <translation>Mostrar solo esta emoción</translation>
    </message>
    <message>
        <source>All emotions</source>
        <translation>Todas las emociones</translation>
    </message>
    <message>
        <source>Show only this decision</source>
        <translation>Mostrar solo esta decisión</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Todas las decisiones</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <source>Unfamiliar music</source>
        <translation>Música desconocida</translation>
    </message>
    <message>
        <source>Emotion:</source>
        <translation>Emoción:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decisión:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Your library is empty. Open a music folder (or drop files here) to tag it.</source>
        <translation>La biblioteca está vacía. Abra una carpeta de música (o arrastre archivos aquí) para etiquetarla.</translation>
    </message>
    <message>
        <source>Try the bundled demo</source>
        <translation>Probar la demostración incluida</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} de {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n sin cambios</numerusform>
            <numerusform>%n sin cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>ETA {eta}</source>
        <translation>Quedan {eta}</translation>
    </message>
    <message>
        <source>finishing…</source>
        <translation>finalizando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Offline music emotion recognition (happy, sad, angry, relaxed) from 50 MIRtoolbox features, for music therapists and musicologists.</source>
        <translation>Reconocimiento de emociones en la música (feliz, triste, enojado, relajado) sin conexión, a partir de 50 descriptores de MIRtoolbox, para musicoterapeutas y musicólogos.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Licence:&lt;/b&gt; GPL-3.0-or-later.</source>
        <translation>&lt;b&gt;Licencia:&lt;/b&gt; GPL-3.0-or-later.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training data:&lt;/b&gt; Turkish Music Emotion dataset (Acoustic_Features.csv) — see resources/data/ATTRIBUTION.md.</source>
        <translation>&lt;b&gt;Datos de entrenamiento:&lt;/b&gt; conjunto de datos Turkish Music Emotion (Acoustic_Features.csv) — véase resources/data/ATTRIBUTION.md.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo clips:&lt;/b&gt; Battle for Wesnoth, Extreme Tux Racer and X-Moto music (GPL-2+) — see resources/demo/CREDITS.md.</source>
        <translation>&lt;b&gt;Fragmentos de demostración:&lt;/b&gt; música de Battle for Wesnoth, Extreme Tux Racer y X-Moto (GPL-2+) — véase resources/demo/CREDITS.md.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Built with:&lt;/b&gt; Qt for Python / PySide6 (LGPL-3.0), pyqtgraph (MIT), NumPy, SciPy, scikit-learn, librosa (ISC), SHAP (MIT), soundfile / libsndfile (LGPL), sounddevice / PortAudio (MIT). Habits borrowed from MusicBrainz Picard and Orange3.</source>
        <translation>&lt;b&gt;Creado con:&lt;/b&gt; Qt for Python / PySide6 (LGPL-3.0), pyqtgraph (MIT), NumPy, SciPy, scikit-learn, librosa (ISC), SHAP (MIT), soundfile / libsndfile (LGPL), sounddevice / PortAudio (MIT). Buenas prácticas tomadas de MusicBrainz Picard y Orange3.</translation>
    </message>
    <message>
        <source>tmer-desktop — demo library (the bundled clips, not your music)</source>
        <translation>tmer-desktop — biblioteca de demostración (los clips incluidos, no su música)</translation>
    </message>
    <message>
        <source>tmer-desktop — music emotion</source>
        <translation>tmer-desktop — emoción musical</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Reproductor</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Paneles</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>{view} (Ctrl+{number})</source>
        <translation>{view} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Library summary</source>
        <translation>Resumen de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open music folder…</source>
        <translation>&amp;Abrir carpeta de música…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Recover from a damaged library…</source>
        <translation>&amp;Recuperar de una biblioteca dañada…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Biblioteca</translation>
    </message>
    <message>
        <source>&amp;Player</source>
        <translation>&amp;Reproductor</translation>
    </message>
    <message>
        <source>&amp;Review queue</source>
        <translation>&amp;Cola de revisión</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sesiones</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>&amp;Grabación</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About tmer-desktop</source>
        <translation>&amp;Acerca de tmer-desktop</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registro</translation>
    </message>
    <message>
        <source>What went wrong, for a report to the developers</source>
        <translation>Lo que salió mal, para un informe a los desarrolladores</translation>
    </message>
    <message>
        <source>The log folder is {folder}</source>
        <translation>La carpeta de registro es {folder}</translation>
    </message>
    <message>
        <source>About tmer-desktop</source>
        <translation>Acerca de tmer-desktop</translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n pista</numerusform>
            <numerusform>%n pistas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n requiere revisión</numerusform>
            <numerusform>%n requieren revisión</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with two candidates</source>
        <translation>
            <numerusform>%n con dos candidatas</numerusform>
            <numerusform>%n con dos candidatas</numerusform>
        </translation>
    </message>
    <message>
        <source>Open music folder</source>
        <translation>Abrir carpeta de música</translation>
    </message>
    <message>
        <source>The bundled demo is missing ({folder}).</source>
        <translation>Falta la demostración incluida ({folder}).</translation>
    </message>
    <message>
        <source>A folder is already being tagged; wait or cancel it first.</source>
        <translation>Ya se está etiquetando una carpeta; espere a que termine o cancélela antes.</translation>
    </message>
    <message>
        <source>Tagging {folders} …</source>
        <translation>Etiquetando {folders} …</translation>
    </message>
    <message>
        <source>Cancelling: finished tracks are kept…</source>
        <translation>Cancelando: las pistas terminadas se conservan…</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>sin analizar</translation>
    </message>
    <message>
        <source>Tagging stopped: {reason}</source>
        <translation>El etiquetado se detuvo: {reason}</translation>
    </message>
    <message>
        <source>Your model cannot be used</source>
        <translation>Su modelo no se puede usar</translation>
    </message>
    <message>
        <source>The model version “{version}” could not be loaded, so nothing was tagged. No other model was used in its place.</source>
        <translation>No se pudo cargar la versión del modelo «{version}», así que no se etiquetó nada. No se usó otro modelo en su lugar.</translation>
    </message>
    <message>
        <source>You can retrain it from your corrections (Dashboards → Models and corrections), or tag with the model that came with the app. Your version stays in the list either way.</source>
        <translation>Puede volver a entrenarlo con sus correcciones (Paneles → Modelos y correcciones) o etiquetar con el modelo que viene con la aplicación. Su versión sigue en la lista en ambos casos.</translation>
    </message>
    <message>
        <source>Use the shipped model</source>
        <translation>Usar el modelo incluido</translation>
    </message>
    <message>
        <source>Retrain from my corrections…</source>
        <translation>Reentrenar con mis correcciones…</translation>
    </message>
    <message>
        <source>Tagging cancelled; finished tracks were kept.</source>
        <translation>Etiquetado cancelado; se conservaron las pistas terminadas.</translation>
    </message>
    <message>
        <source>Tagging finished.</source>
        <translation>Etiquetado terminado.</translation>
    </message>
    <message>
        <source>Model {version} is now active; new analyses use it.</source>
        <translation>El modelo {version} está activo; los nuevos análisis lo usarán.</translation>
    </message>
    <message>
        <source>Cannot play this track: {reason}</source>
        <translation>No se puede reproducir esta pista: {reason}</translation>
    </message>
    <message>
        <source>Why — whole track</source>
        <translation>Por qué — pista completa</translation>
    </message>
    <message>
        <source>Why — window {number} ({start}–{end} s)</source>
        <translation>Por qué — ventana {number} ({start}–{end} s)</translation>
    </message>
    <message>
        <source>No explanation: {reason}</source>
        <translation>Sin explicación: {reason}</translation>
    </message>
    <message>
        <source>Correction not saved: {reason}</source>
        <translation>No se guardó la corrección: {reason}</translation>
    </message>
    <message>
        <source>Saved: the whole track of {file} marked correct.</source>
        <translation>Guardado: pista completa de {file} marcada como correcta.</translation>
    </message>
    <message>
        <source>Saved: the whole track of {file} corrected to {emotion}.</source>
        <translation>Guardado: pista completa de {file} corregida a {emotion}.</translation>
    </message>
    <message>
        <source>Saved: window {number} of {file} marked correct.</source>
        <translation>Guardado: ventana {number} de {file} marcada como correcta.</translation>
    </message>
    <message>
        <source>Saved: window {number} of {file} corrected to {emotion}.</source>
        <translation>Guardado: ventana {number} de {file} corregida a {emotion}.</translation>
    </message>
    <message>
        <source>Settings not changed: {problems}</source>
        <translation>La configuración no cambió: {problems}</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>No se guardó la configuración: {reason}</translation>
    </message>
    <message>
        <source>Track results (*.csv *.parquet)</source>
        <translation>Resultados por pista (*.csv *.parquet)</translation>
    </message>
    <message>
        <source>Window results (*.csv *.parquet)</source>
        <translation>Resultados por ventana (*.csv *.parquet)</translation>
    </message>
    <message>
        <source>Corrections for retraining (*.csv)</source>
        <translation>Correcciones para reentrenar (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>Se exportó %n fila a {file}</numerusform>
            <numerusform>Se exportaron %n filas a {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover from a damaged library</source>
        <translation>Recuperar de una biblioteca dañada</translation>
    </message>
    <message>
        <source>Damaged libraries (*.corrupt-*);;All files (*)</source>
        <translation>Bibliotecas dañadas (*.corrupt-*);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n completada</numerusform>
            <numerusform>%n completadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tagged</source>
        <translation>
            <numerusform>%n etiquetada</numerusform>
            <numerusform>%n etiquetadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitida</numerusform>
            <numerusform>%n omitidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging finished: {counts}.</source>
        <translation>Etiquetado terminado: {counts}.</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>no audio output device</source>
        <translation>no hay dispositivo de salida de audio</translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message>
        <source>Playback unavailable: {reason}</source>
        <translation>Reproducción no disponible: {reason}</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>No track selected</source>
        <translation>Ninguna pista seleccionada</translation>
    </message>
    <message>
        <source>Next window to review (N) · {count}</source>
        <translation>Siguiente ventana por revisar (N) · {count}</translation>
    </message>
    <message>
        <source>No window needs review</source>
        <translation>Ninguna ventana requiere revisión</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Posición de reproducción</translation>
    </message>
    <message>
        <source>Window: —</source>
        <translation>Ventana: —</translation>
    </message>
    <message>
        <source>Whole track:</source>
        <translation>Pista completa:</translation>
    </message>
    <message>
        <source>Keys: Space play/pause · 1–4 window emotion · Shift+1–4 track emotion · Enter window correct</source>
        <translation>Teclas: Espacio reproducir/pausa · 1–4 emoción de la ventana · Mayús+1–4 emoción de la pista · Intro ventana correcta</translation>
    </message>
    <message>
        <source>Select a track to see why the model chose its emotion.</source>
        <translation>Seleccione una pista para ver por qué el modelo eligió su emoción.</translation>
    </message>
    <message>
        <source>✓ Correct</source>
        <translation>✓ Correcto</translation>
    </message>
    <message>
        <source>Arrow keys: 5 s; Page Up and Page Down: 30 s</source>
        <translation>Flechas: 5 s; Re Pág y Av Pág: 30 s</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Window is correct</source>
        <translation>La ventana es correcta</translation>
    </message>
    <message>
        <source>Whole track is correct</source>
        <translation>La pista entera es correcta</translation>
    </message>
    <message>
        <source>Jump to the next hatched window (key N).</source>
        <translation>Ir a la siguiente ventana rayada (tecla N).</translation>
    </message>
    <message>
        <source>Mark the window&apos;s emotion as correct</source>
        <translation>Marcar como correcta la emoción de la ventana</translation>
    </message>
    <message>
        <source>Mark the track&apos;s emotion as correct</source>
        <translation>Marcar como correcta la emoción de la pista</translation>
    </message>
    <message>
        <source>The window is really {emotion}</source>
        <translation>La emoción real de la ventana es {emotion}</translation>
    </message>
    <message>
        <source>The track is really {emotion}</source>
        <translation>La emoción real de la pista es {emotion}</translation>
    </message>
    <message>
        <source>Computing the timeline: {done} of {total} windows (the overview first, then the windows in between)…</source>
        <translation>Calculando la línea de tiempo: {done} de {total} ventanas (primero la vista general, después las ventanas intermedias)…</translation>
    </message>
    <message>
        <source>Detailed timeline.</source>
        <translation>Línea de tiempo detallada.</translation>
    </message>
    <message>
        <source>Overview timeline (a window every 30 s); the detailed timeline is being computed…</source>
        <translation>Línea de tiempo general (una ventana cada 30 s); se está calculando la línea de tiempo detallada…</translation>
    </message>
    <message>
        <source>Overview timeline (a window every 30 s); the detailed timeline could not be computed.</source>
        <translation>Línea de tiempo general (una ventana cada 30 s); no se pudo calcular la línea de tiempo detallada.</translation>
    </message>
    <message>
        <source>Overview timeline (a window every 30 s).</source>
        <translation>Línea de tiempo general (una ventana cada 30 s).</translation>
    </message>
    <message>
        <source>Computing explanation…</source>
        <translation>Calculando la explicación…</translation>
    </message>
    <message>
        <source>No analysis for this track.</source>
        <translation>Esta pista no tiene análisis.</translation>
    </message>
    <message>
        <source>Not analysed yet.</source>
        <translation>Aún sin analizar.</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} o {second}</translation>
    </message>
    <message numerus="yes">
        <source>%n windows of 30 s</source>
        <translation>
            <numerusform>%n ventana de 30 s</numerusform>
            <numerusform>%n ventanas de 30 s</numerusform>
        </translation>
    </message>
    <message>
        <source>{subtitle} — track emotion: {emotions} ({confidence}, {verdict}) · {windows}</source>
        <translation>{subtitle} — emoción de la pista: {emotions} ({confidence}, {verdict}) · {windows}</translation>
    </message>
    <message>
        <source>Unfamiliar music: it sounds unlike the music the model learned from, so treat its answer as a suggestion and correct it if needed.</source>
        <translation>Música desconocida: no se parece a la música con la que aprendió el modelo; tome su respuesta como una sugerencia y corríjala si hace falta.</translation>
    </message>
    <message>
        <source>Window {number}/{count} ({start}–{end}): {emotion} {confidence}</source>
        <translation>Ventana {number}/{count} ({start}–{end}): {emotion} {confidence}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>many quiet passages</source>
        <translation>muchos pasajes tranquilos</translation>
    </message>
    <message>
        <source>loud dynamics</source>
        <translation>dinámica fuerte</translation>
    </message>
    <message>
        <source>soft dynamics</source>
        <translation>dinámica suave</translation>
    </message>
    <message>
        <source>even loudness</source>
        <translation>volumen uniforme</translation>
    </message>
    <message>
        <source>gentle note attacks</source>
        <translation>ataques suaves de las notas</translation>
    </message>
    <message>
        <source>sharp note attacks</source>
        <translation>ataques marcados de las notas</translation>
    </message>
    <message>
        <source>note attacks growing gentler</source>
        <translation>ataques de las notas cada vez más suaves</translation>
    </message>
    <message>
        <source>note attacks growing sharper</source>
        <translation>ataques de las notas cada vez más marcados</translation>
    </message>
    <message>
        <source>a strong rhythmic pulse</source>
        <translation>una pulsación rítmica fuerte</translation>
    </message>
    <message>
        <source>a weak rhythmic pulse</source>
        <translation>una pulsación rítmica débil</translation>
    </message>
    <message>
        <source>fast tempo</source>
        <translation>tempo rápido</translation>
    </message>
    <message>
        <source>slow tempo</source>
        <translation>tempo lento</translation>
    </message>
    <message>
        <source>many notes per second</source>
        <translation>muchas notas por segundo</translation>
    </message>
    <message>
        <source>few notes per second</source>
        <translation>pocas notas por segundo</translation>
    </message>
    <message>
        <source>a clear beat</source>
        <translation>un pulso claro</translation>
    </message>
    <message>
        <source>a vague beat</source>
        <translation>un pulso difuso</translation>
    </message>
    <message>
        <source>a rough sound</source>
        <translation>un sonido áspero</translation>
    </message>
    <message>
        <source>a smooth sound</source>
        <translation>un sonido suave</translation>
    </message>
    <message>
        <source>a sound growing rougher</source>
        <translation>un sonido cada vez más áspero</translation>
    </message>
    <message>
        <source>a sound growing smoother</source>
        <translation>un sonido cada vez más suave</translation>
    </message>
    <message>
        <source>a noisy sound</source>
        <translation>un sonido ruidoso</translation>
    </message>
    <message>
        <source>a clean sound</source>
        <translation>un sonido limpio</translation>
    </message>
    <message>
        <source>a bright sound</source>
        <translation>un sonido brillante</translation>
    </message>
    <message>
        <source>a dark sound</source>
        <translation>un sonido oscuro</translation>
    </message>
    <message>
        <source>a full sound</source>
        <translation>un sonido amplio</translation>
    </message>
    <message>
        <source>a narrow sound</source>
        <translation>un sonido estrecho</translation>
    </message>
    <message>
        <source>a bass-heavy sound</source>
        <translation>un sonido cargado de graves</translation>
    </message>
    <message>
        <source>a balanced sound</source>
        <translation>un sonido equilibrado</translation>
    </message>
    <message>
        <source>a few dominant pitches</source>
        <translation>unas pocas alturas dominantes</translation>
    </message>
    <message>
        <source>evenly spread pitches</source>
        <translation>alturas repartidas por igual</translation>
    </message>
    <message>
        <source>a noise-like tone</source>
        <translation>un timbre parecido al ruido</translation>
    </message>
    <message>
        <source>a pure tone</source>
        <translation>un timbre puro</translation>
    </message>
    <message>
        <source>a busy tone</source>
        <translation>un timbre denso</translation>
    </message>
    <message>
        <source>a simple tone</source>
        <translation>un timbre sencillo</translation>
    </message>
    <message>
        <source>frequent changes of harmony</source>
        <translation>cambios de armonía frecuentes</translation>
    </message>
    <message>
        <source>few changes of harmony</source>
        <translation>pocos cambios de armonía</translation>
    </message>
    <message>
        <source>uneven changes of harmony</source>
        <translation>cambios de armonía irregulares</translation>
    </message>
    <message>
        <source>even changes of harmony</source>
        <translation>cambios de armonía regulares</translation>
    </message>
    <message>
        <source>quick chord changes</source>
        <translation>cambios de acorde rápidos</translation>
    </message>
    <message>
        <source>slow chord changes</source>
        <translation>cambios de acorde lentos</translation>
    </message>
    <message>
        <source>regular chord changes</source>
        <translation>cambios de acorde regulares</translation>
    </message>
    <message>
        <source>irregular chord changes</source>
        <translation>cambios de acorde irregulares</translation>
    </message>
    <message>
        <source>unpredictable chord changes</source>
        <translation>cambios de acorde imprevisibles</translation>
    </message>
    <message>
        <source>predictable chord changes</source>
        <translation>cambios de acorde previsibles</translation>
    </message>
    <message>
        <source>much of the note {pitch}</source>
        <translation>mucha presencia de la nota {pitch}</translation>
    </message>
    <message>
        <source>little of the note {pitch}</source>
        <translation>poca presencia de la nota {pitch}</translation>
    </message>
    <message>
        <source>its particular tone colour</source>
        <translation>su color de sonido particular</translation>
    </message>
    <message>
        <source>{first} makes this sound {emotion}</source>
        <translation>{first} hace que suene {emotion}</translation>
    </message>
    <message>
        <source>{first} and {second} make this sound {emotion}</source>
        <translation>{first} y {second} hacen que suene {emotion}</translation>
    </message>
    <message>
        <source>{first}, {second} and {third} make this sound {emotion}</source>
        <translation>{first}, {second} y {third} hacen que suene {emotion}</translation>
    </message>
    <message>
        <source>nothing in the music clearly points to {emotion}; it is only the least unlikely of the four</source>
        <translation>nada en la música apunta claramente a {emotion}; solo es la menos improbable de las cuatro emociones</translation>
    </message>
    <message>
        <source>{first} makes this sound {emotion}; {doubt}</source>
        <translation>{first} hace que suene {emotion}; {doubt}</translation>
    </message>
    <message>
        <source>{first} and {second} make this sound {emotion}; {doubt}</source>
        <translation>{first} y {second} hacen que suene {emotion}; {doubt}</translation>
    </message>
    <message>
        <source>{first}, {second} and {third} make this sound {emotion}; {doubt}</source>
        <translation>{first}, {second} y {third} hacen que suene {emotion}; {doubt}</translation>
    </message>
    <message>
        <source>nothing in the music clearly points to {emotion}; {doubt}</source>
        <translation>nada en la música apunta claramente a {emotion}; {doubt}</translation>
    </message>
    <message>
        <source>the model is not sure because this music is unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque esta música no se parece a la música con la que aprendió</translation>
    </message>
    <message>
        <source>the model is not sure because the tempo and rhythm are unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque el tempo y el ritmo no se parecen a los de la música con la que aprendió</translation>
    </message>
    <message>
        <source>the model is not sure because the loudness is unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque el volumen no se parece al de la música con la que aprendió</translation>
    </message>
    <message>
        <source>the model is not sure because the brightness of the sound is unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque el brillo del sonido no se parece al de la música con la que aprendió</translation>
    </message>
    <message>
        <source>the model is not sure because the timbre is unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque el timbre no se parece al de la música con la que aprendió</translation>
    </message>
    <message>
        <source>the model is not sure because the roughness of the sound is unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque la aspereza del sonido no se parece a la de la música con la que aprendió</translation>
    </message>
    <message>
        <source>the model is not sure because the harmony is unlike the music it learnt from</source>
        <translation>el modelo no está seguro porque la armonía no se parece a la de la música con la que aprendió</translation>
    </message>
    <message>
        <source>harmony changing more towards the end</source>
        <translation>armonía cada vez más cambiante hacia el final</translation>
    </message>
    <message>
        <source>harmony settling towards the end</source>
        <translation>armonía que se asienta hacia el final</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>✓ Correct (Enter)</source>
        <translation>✓ Correcto (Intro)</translation>
    </message>
    <message>
        <source>The track&apos;s emotion is right: take it off the queue</source>
        <translation>La emoción de la pista es correcta: quitarla de la cola</translation>
    </message>
    <message>
        <source>Open in player</source>
        <translation>Abrir en el reproductor</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n requiere revisión</numerusform>
            <numerusform>%n requieren revisión</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with two candidates</source>
        <translation>
            <numerusform>%n con dos candidatas</numerusform>
            <numerusform>%n con dos candidatas</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracks to review</source>
        <translation>Pistas por revisar</translation>
    </message>
    <message>
        <source>Least confident first; Enter marks the track correct, keys 1 to 4 give its emotion.</source>
        <translation>Primero las menos seguras; Intro marca la pista como correcta, las teclas 1 a 4 le dan su emoción.</translation>
    </message>
    <message>
        <source>Tracks you have already checked are not listed.</source>
        <translation>Las pistas que ya revisó no aparecen.</translation>
    </message>
    <message>
        <source>Nothing to review: every analysed track is sure or was checked.</source>
        <translation>Nada por revisar: todas las pistas analizadas son seguras o ya se revisaron.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Mean of window probabilities</source>
        <translation>Media de las probabilidades de las ventanas</translation>
    </message>
    <message>
        <source>Majority vote of windows</source>
        <translation>Voto mayoritario de las ventanas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source> s</source>
        <comment>unit suffix for seconds, with its leading space</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Sure when one emotion reaches:</source>
        <translation>Segura cuando una emoción alcanza:</translation>
    </message>
    <message>
        <source>Two candidates when the best two reach:</source>
        <translation>Dos candidatas cuando las dos mejores suman:</translation>
    </message>
    <message>
        <source>Sure when one emotion reaches</source>
        <translation>Segura cuando una emoción alcanza</translation>
    </message>
    <message>
        <source>Two candidates when the best two reach</source>
        <translation>Dos candidatas cuando las dos mejores suman</translation>
    </message>
    <message>
        <source>Track aggregation</source>
        <translation>Agregación por pista</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Duración de la ventana</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Paso entre ventanas</translation>
    </message>
    <message>
        <source>Step between windows:</source>
        <translation>Paso entre ventanas:</translation>
    </message>
    <message>
        <source>How far each 30 s window starts after the one before (the hop): a shorter step gives a finer timeline and takes longer to analyse.</source>
        <translation>Cuánto después de la anterior empieza cada ventana de 30 s (el salto): un paso más corto da una línea de tiempo más fina y tarda más en analizarse.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The two thresholds and the aggregation apply at once to every track (the stored probabilities are re-decided; nothing is re-analysed).
Window length and step apply to the next analysis only. The model was trained on 30 s excerpts.</source>
        <translation>Los dos umbrales y la agregación se aplican de inmediato a todas las pistas (se vuelve a decidir con las probabilidades guardadas; no se reanaliza nada).
La duración de la ventana y el paso se aplican solo al próximo análisis. El modelo se entrenó con fragmentos de 30 s.</translation>
    </message>
    <message>
        <source>Track aggregation:</source>
        <translation>Agregación por pista:</translation>
    </message>
    <message>
        <source>Window length:</source>
        <translation>Duración de la ventana:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emoción</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Tiempo (s)</translation>
    </message>
    <message>
        <source>Emotion timeline</source>
        <translation>Línea de tiempo de emociones</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confianza</translation>
    </message>
    <message>
        <source>hatched = needs review</source>
        <translation>rayado = requiere revisión</translation>
    </message>
    <message>
        <source>No analysis to show yet.</source>
        <translation>Todavía no hay ningún análisis que mostrar.</translation>
    </message>
    <message>
        <source>{emotion} from {start} to {end}</source>
        <translation>{emotion} de {start} a {end}</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) need review.</source>
        <translation>
            <numerusform>%n ventana necesita revisión.</numerusform>
            <numerusform>%n ventanas necesitan revisión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show each window</source>
        <translation>Mostrar cada ventana</translation>
    </message>
    <message>
        <source>The timeline shows stretches of one mood, smoothed over neighbouring windows so that the model hesitating between two moods does not look like a change. Press to see each 30 s window&apos;s own answer.</source>
        <translation>La línea de tiempo muestra tramos de un mismo estado de ánimo, suavizados entre ventanas vecinas para que las dudas del modelo entre dos estados no parezcan un cambio. Pulse para ver la respuesta propia de cada ventana de 30 s.</translation>
    </message>
    <message>
        <source>Mood over time (smoothed) · dashed lines: the mood changes</source>
        <translation>Estado de ánimo a lo largo del tiempo (suavizado) · líneas discontinuas: cambia el estado de ánimo</translation>
    </message>
    <message>
        <source>Each 30 s window&apos;s own answer · dashed lines: the smoothed mood changes</source>
        <translation>Respuesta propia de cada ventana de 30 s · líneas discontinuas: cambia el estado de ánimo suavizado</translation>
    </message>
    <message>
        <source>{emotion} from {start} to {end} (windows {first}–{last}, smoothed)</source>
        <translation>{emotion} de {start} a {end} (ventanas {first}–{last}, suavizado)</translation>
    </message>
    <message>
        <source>threshold {value}</source>
        <translation>umbral {value}</translation>
    </message>
    <message>
        <source>Window {number}: {start}–{end} s
{emotion} ({confidence}), decision: {decision}
{probabilities}</source>
        <translation>Ventana {number}: {start}–{end} s
{emotion} ({confidence}), decisión: {decision}
{probabilities}</translation>
    </message>
</context>
<context>
    <name>TrackData</name>
    <message>
        <source>Track {number} is no longer in the library.</source>
        <translation>La pista {number} ya no está en la biblioteca.</translation>
    </message>
</context>
<context>
    <name>TrackTableModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Artista</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emoción</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>{duration} · detailed</source>
        <comment>the track has its detailed timeline</comment>
        <translation>{duration} · detallada</translation>
    </message>
    <message>
        <source>{decision}: {first} / {second}</source>
        <translation>{decision}: {first} / {second}</translation>
    </message>
    <message>
        <source>{decision} · unfamiliar music</source>
        <translation>{decision} · música desconocida</translation>
    </message>
    <message>
        <source>Detailed timeline: the emotion of overlapping 30 s stretches, a few seconds apart.</source>
        <translation>Línea de tiempo detallada: la emoción de tramos de 30 s superpuestos, separados por pocos segundos.</translation>
    </message>
    <message>
        <source>Overview timeline: the emotion of every 30 s stretch, one after another. The detailed timeline is made when you open the track in the player.</source>
        <translation>Línea de tiempo general: la emoción de cada tramo de 30 s, uno tras otro. La línea de tiempo detallada se calcula al abrir la pista en el reproductor.</translation>
    </message>
    <message>
        <source>This music sounds unlike the music the model learned from, so it is not given a single emotion. Listen to it, and correct the emotion if needed: your corrections teach the model your music.</source>
        <translation>Esta música no se parece a la música con la que aprendió el modelo, por eso no recibe una sola emoción. Escúchela y corrija la emoción si hace falta: sus correcciones enseñan al modelo su música.</translation>
    </message>
</context>
</TS>
