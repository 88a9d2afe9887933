<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Decoding</name>
    <message>
        <source>header announces {announced} but only {present} of audio is present: the file is truncated; analysed what is there</source>
        <translation>la cabecera anuncia {announced} pero solo hay {present} de audio: el archivo está truncado; se analizó lo que hay</translation>
    </message>
    <message>
        <source>the beginning of the file is missing (it starts in the middle of the audio stream)</source>
        <translation>falta el principio del archivo (empieza en mitad del flujo de audio)</translation>
    </message>
    <message>
        <source>file not found (it may have been moved or deleted)</source>
        <translation>no se encontró el archivo (puede que se haya movido o eliminado)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>symbolic link loop</source>
        <translation>bucle de enlaces simbólicos</translation>
    </message>
    <message>
        <source>cannot access file ({detail})</source>
        <translation>no se puede acceder al archivo ({detail})</translation>
    </message>
    <message>
        <source>is a folder, not an audio file</source>
        <translation>es una carpeta, no un archivo de audio</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>archivo vacío (0 bytes)</translation>
    </message>
    <message>
        <source>cannot read file ({detail})</source>
        <translation>no se puede leer el archivo ({detail})</translation>
    </message>
    <message>
        <source>not a recognised audio format (the file is {content})</source>
        <translation>no es un formato de audio reconocido (contenido del archivo: {content})</translation>
    </message>
    <message>
        <source>unsupported audio encoding</source>
        <translation>codificación de audio no compatible</translation>
    </message>
    <message>
        <source>damaged or truncated audio file (the header is not readable)</source>
        <translation>archivo de audio dañado o truncado (no se puede leer la cabecera)</translation>
    </message>
    <message>
        <source>cannot decode audio ({detail})</source>
        <translation>no se puede decodificar el audio ({detail})</translation>
    </message>
    <message>
        <source>invalid header (no sample rate or channels)</source>
        <translation>cabecera no válida (sin frecuencia de muestreo ni canales)</translation>
    </message>
    <message>
        <source>file too large to decode in memory</source>
        <translation>el archivo es demasiado grande para decodificarlo en memoria</translation>
    </message>
    <message>
        <source>contains no audio samples (truncated or zero-length)</source>
        <translation>no contiene muestras de audio (truncado o de longitud cero)</translation>
    </message>
    <message>
        <source>contains invalid (NaN or infinite) samples</source>
        <translation>contiene muestras no válidas (NaN o infinitas)</translation>
    </message>
    <message>
        <source>this file needs ffmpeg, which is not installed (install it with &apos;sudo apt-get install ffmpeg&apos; or from ffmpeg.org)</source>
        <translation>este archivo necesita ffmpeg, que no está instalado (instálelo con &apos;sudo apt-get install ffmpeg&apos; o desde ffmpeg.org)</translation>
    </message>
    <message>
        <source>{extension} files need ffmpeg, which is not installed (install it with &apos;sudo apt-get install ffmpeg&apos; or from ffmpeg.org)</source>
        <translation>los archivos {extension} necesitan ffmpeg, que no está instalado (instálelo con &apos;sudo apt-get install ffmpeg&apos; o desde ffmpeg.org)</translation>
    </message>
    <message>
        <source>ffprobe (part of ffmpeg) is not installed</source>
        <translation>ffprobe (parte de ffmpeg) no está instalado</translation>
    </message>
    <message>
        <source>ffprobe timed out reading the file</source>
        <translation>ffprobe agotó el tiempo de espera al leer el archivo</translation>
    </message>
    <message>
        <source>not a recognised audio format (ffmpeg found no audio stream)</source>
        <translation>no es un formato de audio reconocido (ffmpeg no encontró ningún flujo de audio)</translation>
    </message>
    <message>
        <source>ffmpeg timed out decoding the file</source>
        <translation>ffmpeg agotó el tiempo de espera al decodificar el archivo</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>ffmpeg could not decode it ({detail})</source>
        <translation>ffmpeg no pudo decodificarlo ({detail})</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>una imagen PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>una imagen JPEG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>una imagen GIF</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>un documento PDF</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>un archivo comprimido ZIP</translation>
    </message>
    <message>
        <source>a program (ELF executable)</source>
        <translation>un programa (ejecutable ELF)</translation>
    </message>
    <message>
        <source>a MIDI file (notes, not recorded audio)</source>
        <translation>un archivo MIDI (notas, no audio grabado)</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>un archivo comprimido gzip</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>a RIFF file of type {kind}, not WAVE audio</source>
        <translation>un archivo RIFF de tipo {kind}, no audio WAVE</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>unrecognised binary data</source>
        <translation>datos binarios no reconocidos</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>the PortAudio library is not installed (install &apos;libportaudio2&apos;)</source>
        <translation>la biblioteca PortAudio no está instalada (instale &apos;libportaudio2&apos;)</translation>
    </message>
    <message>
        <source>the &apos;sounddevice&apos; package is not installed</source>
        <translation>el paquete &apos;sounddevice&apos; no está instalado</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>No se pudo escribir {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>Tagging</name>
    <message>
        <source>{path}: cannot write tags ({reason})</source>
        <translation>{path}: no se pueden escribir las etiquetas ({reason})</translation>
    </message>
    <message>
        <source>tags unreadable: {detail}</source>
        <translation>etiquetas ilegibles: {detail}</translation>
    </message>
    <message>
        <source>format not supported for tag writing</source>
        <translation>formato no compatible con la escritura de etiquetas</translation>
    </message>
    <message>
        <source>tag writing is not supported for {kind} files</source>
        <translation>no se admite la escritura de etiquetas en archivos {kind}</translation>
    </message>
    <message>
        <source>saving failed: {detail}</source>
        <translation>no se pudo guardar: {detail}</translation>
    </message>
    <message>
        <source>the analysis process crashed ({signal}) on this file; the file may be damaged or trigger a decoder bug</source>
        <translation>el proceso de análisis sufrió un fallo ({signal}) con este archivo; puede que el archivo esté dañado o provoque un error del decodificador</translation>
    </message>
    <message>
        <source>signal {number}</source>
        <translation>señal {number}</translation>
    </message>
    <message>
        <source>the analysis process was stopped from outside (killed, perhaps because the computer ran out of memory)</source>
        <translation>el proceso de análisis fue detenido desde fuera (lo finalizaron a la fuerza, quizá porque el ordenador se quedó sin memoria)</translation>
    </message>
    <message>
        <source>the analysis process stopped unexpectedly (exit code {code}) on this file</source>
        <translation>el proceso de análisis se detuvo inesperadamente (código de salida {code}) con este archivo</translation>
    </message>
    <message>
        <source>timed out after {seconds:.0f} s (the decoder or analysis hung on this file)</source>
        <translation>tiempo de espera agotado tras {seconds:.0f} s (el decodificador o el análisis se bloqueó con este archivo)</translation>
    </message>
    <message>
        <source>the analysis processes cannot start: {reason}</source>
        <translation>los procesos de análisis no pueden iniciarse: {reason}</translation>
    </message>
    <message>
        <source>the analysis processes keep dying while starting ({reason})</source>
        <translation>los procesos de análisis terminan una y otra vez al iniciarse ({reason})</translation>
    </message>
    <message>
        <source>an analysis process did not start within {seconds:.0f} s</source>
        <translation>un proceso de análisis no se inició en {seconds:.0f} s</translation>
    </message>
    <message>
        <source>the file kept changing while it was analysed (is it still being copied or saved?); it was not tagged: try again when it is complete</source>
        <translation>el archivo no dejó de cambiar mientras se analizaba (¿se está copiando o guardando todavía?); no se etiquetó: inténtelo de nuevo cuando esté completo</translation>
    </message>
    <message>
        <source>{reason} Nothing was tagged, and no other model was used in its place: retrain it from your corrections, or tag with the shipped model instead.</source>
        <translation>{reason} No se etiquetó nada y no se usó otro modelo en su lugar: vuelva a entrenarlo con sus correcciones o etiquete con el modelo incluido en la aplicación.</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; cannot be used without a library.</source>
        <translation>La versión del modelo &apos;{version}&apos; no se puede usar sin una biblioteca.</translation>
    </message>
    <message>
        <source>vanished before it could be read (moved or deleted after the scan)</source>
        <translation>desapareció antes de poder leerse (se movió o eliminó después de explorar las carpetas)</translation>
    </message>
    <message>
        <source>permission denied (cannot read this file)</source>
        <translation>permiso denegado (no se puede leer este archivo)</translation>
    </message>
    <message>
        <source>cannot read this file ({detail})</source>
        <translation>no se puede leer este archivo ({detail})</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>sin resultado</translation>
    </message>
    <message>
        <source>tagged, but the tags could not be written: {reason}</source>
        <translation>etiquetado, pero no se pudieron escribir las etiquetas: {reason}</translation>
    </message>
    <message>
        <source>permission denied (cannot read this folder)</source>
        <translation>permiso denegado (no se puede leer esta carpeta)</translation>
    </message>
    <message>
        <source>permission denied (cannot read this path)</source>
        <translation>permiso denegado (no se puede leer esta ruta)</translation>
    </message>
    <message>
        <source>cannot read this folder ({detail})</source>
        <translation>no se puede leer esta carpeta ({detail})</translation>
    </message>
    <message>
        <source>cannot read this path ({detail})</source>
        <translation>no se puede leer esta ruta ({detail})</translation>
    </message>
    <message>
        <source>broken symbolic link (its target {target} does not exist)</source>
        <translation>enlace simbólico roto (su destino {target} no existe)</translation>
    </message>
    <message>
        <source>vanished during the scan (moved or deleted while the folder was being read)</source>
        <translation>desapareció durante la exploración (se movió o eliminó mientras se leía la carpeta)</translation>
    </message>
    <message>
        <source>symbolic link loop (the link points back to itself)</source>
        <translation>bucle de enlaces simbólicos (el enlace apunta a sí mismo)</translation>
    </message>
    <message>
        <source>not found (no such file or folder)</source>
        <translation>no se encontró (no existe ningún archivo ni carpeta con ese nombre)</translation>
    </message>
    <message>
        <source>not a regular file or folder (device, pipe or socket)</source>
        <translation>no es un archivo ni una carpeta normal (dispositivo, tubería o socket)</translation>
    </message>
    <message>
        <source>symbolic link loop (leads back to a folder above it: {folder})</source>
        <translation>bucle de enlaces simbólicos (lleva de vuelta a una carpeta superior: {folder})</translation>
    </message>
    <message>
        <source>too short to analyse ({seconds:.2f} s of audio; at least {minimum:.0f} s is needed) — the file may be truncated</source>
        <translation>demasiado corto para analizarlo ({seconds:.2f} s de audio; se necesita al menos {minimum:.0f} s) — puede que el archivo esté truncado</translation>
    </message>
    <message>
        <source>no analysis window could be made (the file holds no audio samples)</source>
        <translation>no se pudo crear ninguna ventana de análisis (el archivo no contiene muestras de audio)</translation>
    </message>
    <message>
        <source>silent audio (no signal above -100 dBFS): there is nothing to tag</source>
        <translation>audio en silencio (ninguna señal por encima de -100 dBFS): no hay nada que etiquetar</translation>
    </message>
    <message>
        <source>warning: {detail}</source>
        <translation>aviso: {detail}</translation>
    </message>
    <message>
        <source>not enough memory to analyse this file</source>
        <translation>no hay memoria suficiente para analizar este archivo</translation>
    </message>
    <message>
        <source>unexpected error while analysing ({error_type}: {detail})</source>
        <translation>error inesperado durante el análisis ({error_type}: {detail})</translation>
    </message>
    <message>
        <source>the file changed after it was analysed; it was not tagged</source>
        <translation>el archivo cambió después de analizarse; no se etiquetó</translation>
    </message>
    <message>
        <source>you do not have permission to change this file; it was left as it is</source>
        <translation>no tiene permiso para modificar este archivo; se dejó como estaba</translation>
    </message>
    <message>
        <source>the file is on a read-only disk or folder; it was left as it is</source>
        <translation>el archivo está en un disco o carpeta de solo lectura; se dejó como estaba</translation>
    </message>
    <message>
        <source>not a regular file; it was left as it is</source>
        <translation>no es un archivo normal; se dejó como estaba</translation>
    </message>
    <message>
        <source>Writing tags into {path} was interrupted; the file was restored as it was before.</source>
        <translation>La escritura de etiquetas en {path} se interrumpió; el archivo se restauró tal como estaba.</translation>
    </message>
    <message>
        <source>cannot reach the Dask scheduler at {address} ({detail})</source>
        <translation>no se puede conectar con el planificador de Dask en {address} ({detail})</translation>
    </message>
    <message>
        <source>the Dask cluster at {address} has had no workers for {seconds:.0f} s</source>
        <translation>el clúster de Dask en {address} lleva {seconds:.0f} s sin ningún trabajador</translation>
    </message>
    <message>
        <source>the analysis killed every cluster worker that tried this file ({detail}); the file may be damaged or trigger a decoder bug</source>
        <translation>el análisis detuvo todos los trabajadores del clúster que probaron este archivo ({detail}); puede que el archivo esté dañado o provoque un fallo del decodificador</translation>
    </message>
    <message>
        <source>the cluster lost this file&apos;s analysis ({detail})</source>
        <translation>el clúster perdió el análisis de este archivo ({detail})</translation>
    </message>
    <message>
        <source>a cluster worker runs another feature extractor ({theirs}, here {ours}): install the same tmer-desktop version on every worker</source>
        <translation>un trabajador del clúster usa otro extractor de características ({theirs}; aquí, {ours}): instale la misma versión de tmer-desktop en todos los trabajadores</translation>
    </message>
    <message>
        <source>too large to send to the cluster ({size} bytes)</source>
        <translation>demasiado grande para enviarlo al clúster ({size} bytes)</translation>
    </message>
    <message>
        <source>tagging on a cluster needs Dask: pip install &apos;tmer-desktop[cluster]&apos;</source>
        <translation>etiquetar en un clúster requiere Dask: pip install &apos;tmer-desktop[cluster]&apos;</translation>
    </message>
</context>
</TS>
