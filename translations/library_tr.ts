<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>Files</name>
    <message>
        <source>no space left on device (the disk is full)</source>
        <translation>aygıtta yer kalmadı (disk dolu)</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>disk kotası aşıldı</translation>
    </message>
    <message>
        <source>file too large for this file system or limit</source>
        <translation>dosya bu dosya sistemi ya da sınır için çok büyük</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>dosya sistemi salt okunur</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>izin reddedildi</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>işleme izin verilmiyor</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>klasör yok</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>yolun bir parçası klasör değil, dosya</translation>
    </message>
    <message>
        <source>the target is a folder</source>
        <translation>hedef bir klasör</translation>
    </message>
    <message>
        <source>unknown export format; use a .csv or .parquet file name</source>
        <translation>bilinmeyen dışa aktarma biçimi; .csv ya da .parquet uzantılı bir dosya adı kullanın</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>{path}: could not switch the library database to WAL mode ({mode}).</source>
        <translation>{path}: kitaplık veritabanı WAL kipine geçirilemedi ({mode}).</translation>
    </message>
    <message>
        <source>The data directory {folder} cannot be created: {reason}. Choose another location with the TMER_DATA_DIR environment variable.</source>
        <translation>Veri klasörü {folder} oluşturulamıyor: {reason}. TMER_DATA_DIR ortam değişkeniyle başka bir konum seçin.</translation>
    </message>
    <message>
        <source>The data directory {folder} is not a folder.</source>
        <translation>Veri klasörü {folder} bir klasör değil.</translation>
    </message>
    <message>
        <source>The data directory {folder} is not writable: {reason}. Fix its permissions or choose another location with TMER_DATA_DIR.</source>
        <translation>Veri klasörü {folder} yazılabilir değil: {reason}. İzinlerini düzeltin ya da TMER_DATA_DIR ile başka bir konum seçin.</translation>
    </message>
    <message>
        <source>{path}: the library database cannot be opened: {detail}</source>
        <translation>{path}: kitaplık veritabanı açılamıyor: {detail}</translation>
    </message>
    <message>
        <source>{path}: could not write the backup {backup} before upgrading the library (the database was not changed): {detail}</source>
        <translation>{path}: kitaplık yükseltilmeden önce {backup} yedeği yazılamadı (veritabanı değiştirilmedi): {detail}</translation>
    </message>
    <message>
        <source>The library was upgraded from version {old} to {new}; a copy of the old database was kept at {backup}.</source>
        <translation>Kitaplık {old} sürümünden {new} sürümüne yükseltildi; eski veritabanının bir kopyası {backup} konumunda saklandı.</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a library database file; move it away.</source>
        <translation>{path}: bir klasör, kitaplık veritabanı dosyası değil; başka bir yere taşıyın.</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>bir SQLite veritabanı değil</translation>
    </message>
    <message>
        <source>{path}: the library database is damaged ({problem}) and could not be moved aside: {reason}</source>
        <translation>{path}: kitaplık veritabanı bozuk ({problem}) ve kenara taşınamadı: {reason}</translation>
    </message>
    <message>
        <source>The library database {path} was damaged ({problem}). It was moved to {moved} and a new, empty library was created.</source>
        <translation>Kitaplık veritabanı {path} bozuktu ({problem}). {moved} konumuna taşındı ve yeni, boş bir kitaplık oluşturuldu.</translation>
    </message>
    <message>
        <source>{path}: this library database has schema version {found}, but this version of tmer-desktop only understands up to version {supported}. It was probably written by a newer tmer-desktop; the file was not changed. Update tmer-desktop, or set TMER_DATA_DIR to use a different data directory.</source>
        <translation>{path}: bu kitaplık veritabanının şema sürümü {found}, ancak tmer-desktop&apos;ın bu sürümü en fazla {supported} sürümünü anlayabiliyor. Dosya büyük olasılıkla daha yeni bir tmer-desktop tarafından yazıldı; dosya değiştirilmedi. tmer-desktop&apos;ı güncelleyin ya da farklı bir veri klasörü kullanmak için TMER_DATA_DIR değişkenini ayarlayın.</translation>
    </message>
    <message>
        <source>{path}: the library is busy or locked: {detail}</source>
        <translation>{path}: kitaplık meşgul ya da kilitli: {detail}</translation>
    </message>
    <message>
        <source>{path}: could not save to the library: {detail}</source>
        <translation>{path}: kitaplığa kaydedilemedi: {detail}</translation>
    </message>
    <message>
        <source>{path}: could not read the library: {detail}</source>
        <translation>{path}: kitaplık okunamadı: {detail}</translation>
    </message>
    <message>
        <source>There is no window {window} in the library.</source>
        <translation>Kitaplıkta {window} numaralı pencere yok.</translation>
    </message>
    <message>
        <source>A session playlist needs a title.</source>
        <translation>Bir seans listesinin başlığı olmalı.</translation>
    </message>
    <message>
        <source>There is no session playlist with id {session}.</source>
        <translation>{session} kimlikli bir seans listesi yok.</translation>
    </message>
    <message>
        <source>There is no registered model version &apos;{version}&apos;.</source>
        <translation>&apos;{version}&apos; adlı kayıtlı bir model sürümü yok.</translation>
    </message>
    <message>
        <source>There is no track with id {track} in the library.</source>
        <translation>Kitaplıkta {track} kimlikli bir parça yok.</translation>
    </message>
    <message>
        <source>Window {window} does not belong to track {track}.</source>
        <translation>{window} numaralı pencere {track} numaralı parçaya ait değil.</translation>
    </message>
    <message>
        <source>{path}: nothing can be read from this file: it is not a library database, or the part that lists its tables is destroyed.</source>
        <translation>{path}: bu dosyadan hiçbir şey okunamıyor: bir kitaplık veritabanı değil ya da tablolarını listeleyen bölümü yok olmuş.</translation>
    </message>
    <message>
        <source>{path}: could not write the copy {backup} before recovering into the library (nothing was changed): {detail}</source>
        <translation>{path}: kitaplığa kurtarmadan önce {backup} kopyası yazılamadı (hiçbir şey değiştirilmedi): {detail}</translation>
    </message>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}: böyle bir dosya yok.</translation>
    </message>
    <message>
        <source>{path}: is a folder; give the damaged library file that was moved aside.</source>
        <translation>{path}: bir klasör; kenara taşınan bozuk kitaplık dosyasını verin.</translation>
    </message>
    <message>
        <source>{path}: this is the library in use, not a damaged file moved aside.</source>
        <translation>{path}: bu kullanımdaki kitaplık, kenara taşınmış bozuk bir dosya değil.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>&apos;{name}&apos; must be a number, not {value}</source>
        <translation>&apos;{name}&apos; bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be a finite number, not {value}</source>
        <translation>&apos;{name}&apos; sonlu bir sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be in ({low}, {high}], not {value}</source>
        <translation>&apos;{name}&apos; ({low}, {high}] aralığında olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be in [{low}, {high}], not {value}</source>
        <translation>&apos;{name}&apos; [{low}, {high}] aralığında olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be a whole number, not {value}</source>
        <translation>&apos;{name}&apos; bir tam sayı olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be between {low} and {high}, not {value}</source>
        <translation>&apos;{name}&apos; {low} ile {high} arasında olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be one of {choices}, not {value}</source>
        <translation>&apos;{name}&apos; şunlardan biri olmalı: {choices}; {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be true or false, not {value}</source>
        <translation>&apos;{name}&apos; true ya da false olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; must be text, not {value}</source>
        <translation>&apos;{name}&apos; metin olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;hop_s&apos; ({hop}) must not exceed &apos;window_s&apos; ({window})</source>
        <translation>&apos;hop_s&apos; ({hop}), &apos;window_s&apos; ({window}) değerini aşmamalı</translation>
    </message>
    <message>
        <source>&apos;top2_threshold&apos; ({top2}) must not be below &apos;decision_threshold&apos; ({threshold})</source>
        <translation>&apos;top2_threshold&apos; ({top2}), &apos;decision_threshold&apos; ({threshold}) değerinin altında olmamalı</translation>
    </message>
    <message>
        <source>far too large for a settings file ({size} bytes)</source>
        <translation>bir ayarlar dosyası için fazlasıyla büyük ({size} bayt)</translation>
    </message>
    <message>
        <source>{list}; {item}</source>
        <translation>{list}; {item}</translation>
    </message>
    <message>
        <source>{path}: unknown setting &apos;{key}&apos; ignored.</source>
        <translation>{path}: bilinmeyen &apos;{key}&apos; ayarı yok sayıldı.</translation>
    </message>
    <message>
        <source>{path}: {problem}; using {default} instead.</source>
        <translation>{path}: {problem}; bunun yerine {default} kullanılıyor.</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}); using default settings.</source>
        <translation>{path}: okunamıyor ({reason}); varsayılan ayarlar kullanılıyor.</translation>
    </message>
    <message>
        <source>expected a JSON object, found {kind}</source>
        <translation>bir JSON nesnesi bekleniyordu, {kind} bulundu</translation>
    </message>
    <message>
        <source>{path}: not valid settings ({problem}); using default settings. The file could not be moved aside ({reason}) and was left as it is.</source>
        <translation>{path}: geçersiz ayarlar ({problem}); varsayılan ayarlar kullanılıyor. Dosya kenara taşınamadı ({reason}) ve olduğu gibi bırakıldı.</translation>
    </message>
    <message>
        <source>{path}: not valid settings ({problem}); it was kept as {kept} and the defaults are used. The default settings could not be written: {error}</source>
        <translation>{path}: geçersiz ayarlar ({problem}); dosya {kept} olarak saklandı ve varsayılanlar kullanılıyor. Varsayılan ayarlar yazılamadı: {error}</translation>
    </message>
    <message>
        <source>{path}: not valid settings ({problem}); it was kept as {kept} and the defaults are used.</source>
        <translation>{path}: geçersiz ayarlar ({problem}); dosya {kept} olarak saklandı ve varsayılanlar kullanılıyor.</translation>
    </message>
    <message>
        <source>Settings not saved: {problems}.</source>
        <translation>Ayarlar kaydedilmedi: {problems}.</translation>
    </message>
</context>
</TS>
