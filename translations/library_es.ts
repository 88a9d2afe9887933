<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Files</name>
    <message>
        <source>no space left on device (the disk is full)</source>
        <translation>no queda espacio en el dispositivo (el disco está lleno)</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>se superó la cuota de disco</translation>
    </message>
    <message>
        <source>file too large for this file system or limit</source>
        <translation>el archivo es demasiado grande para este sistema de archivos o límite</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>el sistema de archivos es de solo lectura</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>operación no permitida</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>la carpeta no existe</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>una parte de la ruta es un archivo, no una carpeta</translation>
    </message>
    <message>
        <source>the target is a folder</source>
        <translation>el destino es una carpeta</translation>
    </message>
    <message>
        <source>unknown export format; use a .csv or .parquet file name</source>
        <translation>formato de exportación desconocido; use un nombre de archivo .csv o .parquet</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>{path}: could not switch the library database to WAL mode ({mode}).</source>
        <translation>{path}: no se pudo pasar la base de datos de la biblioteca al modo WAL ({mode}).</translation>
    </message>
    <message>
        <source>The data directory {folder} cannot be created: {reason}. Choose another location with the TMER_DATA_DIR environment variable.</source>
        <translation>No se puede crear la carpeta de datos {folder}: {reason}. Elija otra ubicación con la variable de entorno TMER_DATA_DIR.</translation>
    </message>
    <message>
        <source>The data directory {folder} is not a folder.</source>
        <translation>La carpeta de datos {folder} no es una carpeta.</translation>
    </message>
    <message>
        <source>The data directory {folder} is not writable: {reason}. Fix its permissions or choose another location with TMER_DATA_DIR.</source>
        <translation>No se puede escribir en la carpeta de datos {folder}: {reason}. Corrija sus permisos o elija otra ubicación con TMER_DATA_DIR.</translation>
    </message>
    <message>
        <source>{path}: the library database cannot be opened: {detail}</source>
        <translation>{path}: no se puede abrir la base de datos de la biblioteca: {detail}</translation>
    </message>
    <message>
        <source>{path}: could not write the backup {backup} before upgrading the library (the database was not changed): {detail}</source>
        <translation>{path}: no se pudo escribir la copia de seguridad {backup} antes de actualizar la biblioteca (la base de datos no se modificó): {detail}</translation>
    </message>
    <message>
        <source>The library was upgraded from version {old} to {new}; a copy of the old database was kept at {backup}.</source>
        <translation>La biblioteca se actualizó de la versión {old} a la {new}; se guardó una copia de la base de datos anterior en {backup}.</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a library database file; move it away.</source>
        <translation>{path}: es una carpeta, no un archivo de base de datos de la biblioteca; muévala a otro lugar.</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>no es una base de datos SQLite</translation>
    </message>
    <message>
        <source>{path}: the library database is damaged ({problem}) and could not be moved aside: {reason}</source>
        <translation>{path}: la base de datos de la biblioteca está dañada ({problem}) y no se pudo apartar: {reason}</translation>
    </message>
    <message>
        <source>The library database {path} was damaged ({problem}). It was moved to {moved} and a new, empty library was created.</source>
        <translation>La base de datos de la biblioteca {path} estaba dañada ({problem}). Se movió a {moved} y se creó una biblioteca nueva y vacía.</translation>
    </message>
    <message>
        <source>{path}: this library database has schema version {found}, but this version of tmer-desktop only understands up to version {supported}. It was probably written by a newer tmer-desktop; the file was not changed. Update tmer-desktop, or set TMER_DATA_DIR to use a different data directory.</source>
        <translation>{path}: esta base de datos de la biblioteca tiene la versión de esquema {found}, pero esta versión de tmer-desktop solo admite hasta la versión {supported}. Probablemente la escribió una versión más reciente de tmer-desktop; el archivo no se modificó. Actualice tmer-desktop o defina TMER_DATA_DIR para usar otra carpeta de datos.</translation>
    </message>
    <message>
        <source>{path}: the library is busy or locked: {detail}</source>
        <translation>{path}: la biblioteca está ocupada o bloqueada: {detail}</translation>
    </message>
    <message>
        <source>{path}: could not save to the library: {detail}</source>
        <translation>{path}: no se pudo guardar en la biblioteca: {detail}</translation>
    </message>
    <message>
        <source>{path}: could not read the library: {detail}</source>
        <translation>{path}: no se pudo leer la biblioteca: {detail}</translation>
    </message>
    <message>
        <source>There is no window {window} in the library.</source>
        <translation>No existe la ventana {window} en la biblioteca.</translation>
    </message>
    <message>
        <source>A session playlist needs a title.</source>
        <translation>Una lista de sesión necesita un título.</translation>
    </message>
    <message>
        <source>There is no session playlist with id {session}.</source>
        <translation>No existe ninguna lista de sesión con el id {session}.</translation>
    </message>
    <message>
        <source>There is no registered model version &apos;{version}&apos;.</source>
        <translation>No hay ninguna versión del modelo registrada como &apos;{version}&apos;.</translation>
    </message>
    <message>
        <source>There is no track with id {track} in the library.</source>
        <translation>No existe ninguna pista con el id {track} en la biblioteca.</translation>
    </message>
    <message>
        <source>Window {window} does not belong to track {track}.</source>
        <translation>La ventana {window} no pertenece a la pista {track}.</translation>
    </message>
    <message>
        <source>{path}: nothing can be read from this file: it is not a library database, or the part that lists its tables is destroyed.</source>
        <translation>{path}: no se puede leer nada de este archivo: no es una base de datos de biblioteca, o la parte que enumera sus tablas está destruida.</translation>
    </message>
    <message>
        <source>{path}: could not write the copy {backup} before recovering into the library (nothing was changed): {detail}</source>
        <translation>{path}: no se pudo escribir la copia {backup} antes de recuperar en la biblioteca (no se cambió nada): {detail}</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}: no existe ese archivo.</translation>
    </message>
    <message>
        <source>{path}: is a folder; give the damaged library file that was moved aside.</source>
        <translation>{path}: es una carpeta; indique el archivo de biblioteca dañado que se apartó.</translation>
    </message>
    <message>
        <source>{path}: this is the library in use, not a damaged file moved aside.</source>
        <translation>{path}: esta es la biblioteca en uso, no un archivo dañado que se apartó.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>&apos;{name}&apos; must be a number, not {value}</source>
        <translation>&apos;{name}&apos; debe ser un número, no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be a finite number, not {value}</source>
        <translation>&apos;{name}&apos; debe ser un número finito, no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be in ({low}, {high}], not {value}</source>
        <translation>&apos;{name}&apos; debe estar en ({low}, {high}], no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be in [{low}, {high}], not {value}</source>
        <translation>&apos;{name}&apos; debe estar en [{low}, {high}], no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be a whole number, not {value}</source>
        <translation>&apos;{name}&apos; debe ser un número entero, no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be between {low} and {high}, not {value}</source>
        <translation>&apos;{name}&apos; debe estar entre {low} y {high}, no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be one of {choices}, not {value}</source>
        <translation>&apos;{name}&apos; debe ser uno de estos valores: {choices}; no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be true or false, not {value}</source>
        <translation>&apos;{name}&apos; debe ser true o false, no {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be text, not {value}</source>
        <translation>&apos;{name}&apos; debe ser un texto, no {value}</translation>
    </message>
    <message>
        <source>&apos;hop_s&apos; ({hop}) must not exceed &apos;window_s&apos; ({window})</source>
        <translation>&apos;hop_s&apos; ({hop}) no debe superar &apos;window_s&apos; ({window})</translation>
    </message>
    <message>
        <source>&apos;top2_threshold&apos; ({top2}) must not be below &apos;decision_threshold&apos; ({threshold})</source>
        <translation>&apos;top2_threshold&apos; ({top2}) no debe ser inferior a &apos;decision_threshold&apos; ({threshold})</translation>
    </message>
    <message>
        <source>far too large for a settings file ({size} bytes)</source>
        <translation>demasiado grande para un archivo de ajustes ({size} bytes)</translation>
    </message>
    <message>
        <source>{list}; {item}</source>
        <translation>{list}; {item}</translation>
    </message>
    <message>
        <source>{path}: unknown setting &apos;{key}&apos; ignored.</source>
        <translation>{path}: se ignoró el ajuste desconocido &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>{path}: {problem}; using {default} instead.</source>
        <translation>{path}: {problem}; se usa {default} en su lugar.</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}); using default settings.</source>
        <translation>{path}: no se puede leer ({reason}); se usa la configuración predeterminada.</translation>
    </message>
    <message>
        <source>expected a JSON object, found {kind}</source>
        <translation>se esperaba un objeto JSON y se encontró {kind}</translation>
    </message>
    <message>
        <source>{path}: not valid settings ({problem}); using default settings. The file could not be moved aside ({reason}) and was left as it is.</source>
        <translation>{path}: configuración no válida ({problem}); se usa la configuración predeterminada. No se pudo apartar el archivo ({reason}) y se dejó tal como estaba.</translation>
    </message>
    <message>
        <source>{path}: not valid settings ({problem}); it was kept as {kept} and the defaults are used. The default settings could not be written: {error}</source>
        <translation>{path}: configuración no válida ({problem}); se conservó como {kept} y se usan los valores predeterminados. No se pudo escribir la configuración predeterminada: {error}</translation>
    </message>
    <message>
        <source>{path}: not valid settings ({problem}); it was kept as {kept} and the defaults are used.</source>
        <translation>{path}: configuración no válida ({problem}); se conservó como {kept} y se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>Settings not saved: {problems}.</source>
        <translation>No se guardó la configuración: {problems}.</translation>
    </message>
</context>
</TS>
