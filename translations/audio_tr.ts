<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>Decoding</name>
    <message>
        <source>header announces {announced} but only {present} of audio is present: the file is truncated; analysed what is there</source>
        <translation>başlık {announced} bildiriyor ama yalnızca {present} ses mevcut: dosya kesik; eldeki kısım analiz edildi</translation>
    </message>
    <message>
        <source>the beginning of the file is missing (it starts in the middle of the audio stream)</source>
        <translation>dosyanın başı eksik (ses akışının ortasından başlıyor)</translation>
    </message>
    <message>
        <source>file not found (it may have been moved or deleted)</source>
        <translation>dosya bulunamadı (taşınmış ya da silinmiş olabilir)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>erişim izni yok</translation>
    </message>
    <message>
        <source>symbolic link loop</source>
        <translation>sembolik bağlantı döngüsü</translation>
    </message>
    <message>
        <source>cannot access file ({detail})</source>
        <translation>dosyaya erişilemiyor ({detail})</translation>
    </message>
    <message>
        <source>is a folder, not an audio file</source>
        <translation>bir klasör, ses dosyası değil</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>boş dosya (0 bayt)</translation>
    </message>
    <message>
        <source>cannot read file ({detail})</source>
        <translation>dosya okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>not a recognised audio format (the file is {content})</source>
        <translation>tanınan bir ses biçimi değil (dosyanın içeriği: {content})</translation>
    </message>
    <message>
        <source>unsupported audio encoding</source>
        <translation>desteklenmeyen ses kodlaması</translation>
    </message>
    <message>
        <source>damaged or truncated audio file (the header is not readable)</source>
        <translation>hasarlı ya da kesik ses dosyası (başlık okunamıyor)</translation>
    </message>
    <message>
        <source>cannot decode audio ({detail})</source>
        <translation>ses çözülemiyor ({detail})</translation>
    </message>
    <message>
        <source>invalid header (no sample rate or channels)</source>
        <translation>geçersiz başlık (örnekleme hızı ya da kanal bilgisi yok)</translation>
    </message>
    <message>
        <source>file too large to decode in memory</source>
        <translation>dosya bellekte çözülemeyecek kadar büyük</translation>
    </message>
    <message>
        <source>contains no audio samples (truncated or zero-length)</source>
        <translation>hiç ses örneği içermiyor (kesik ya da sıfır uzunlukta)</translation>
    </message>
    <message>
        <source>contains invalid (NaN or infinite) samples</source>
        <translation>geçersiz (NaN ya da sonsuz) örnekler içeriyor</translation>
    </message>
    <message>
        <source>this file needs ffmpeg, which is not installed (install it with &apos;sudo apt-get install ffmpeg&apos; or from ffmpeg.org)</source>
        <translation>bu dosya için ffmpeg gerekiyor, ancak kurulu değil (&apos;sudo apt-get install ffmpeg&apos; komutuyla ya da ffmpeg.org adresinden kurun)</translation>
    </message>
    <message>
        <source>{extension} files need ffmpeg, which is not installed (install it with &apos;sudo apt-get install ffmpeg&apos; or from ffmpeg.org)</source>
        <translation>{extension} dosyaları için ffmpeg gerekiyor, ancak kurulu değil (&apos;sudo apt-get install ffmpeg&apos; komutuyla ya da ffmpeg.org adresinden kurun)</translation>
    </message>
    <message>
        <source>ffprobe (part of ffmpeg) is not installed</source>
        <translation>ffprobe (ffmpeg&apos;in parçası) kurulu değil</translation>
    </message>
    <message>
        <source>ffprobe timed out reading the file</source>
        <translation>ffprobe dosyayı okurken zaman aşımına uğradı</translation>
    </message>
    <message>
        <source>not a recognised audio format (ffmpeg found no audio stream)</source>
        <translation>tanınan bir ses biçimi değil (ffmpeg hiç ses akışı bulamadı)</translation>
    </message>
    <message>
        <source>ffmpeg timed out decoding the file</source>
        <translation>ffmpeg dosyayı çözerken zaman aşımına uğradı</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>bilinmeyen hata</translation>
    </message>
    <message>
        <source>ffmpeg could not decode it ({detail})</source>
        <translation>ffmpeg dosyayı çözemedi ({detail})</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>bir PNG görüntüsü</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>bir JPEG görüntüsü</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>bir GIF görüntüsü</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>bir PDF belgesi</translation>
    </message>
    <message>
        <source>a ZIP archive</source>
        <translation>bir ZIP arşivi</translation>
    </message>
    <message>
        <source>a program (ELF executable)</source>
        <translation>bir program (ELF yürütülebilir dosyası)</translation>
    </message>
    <message>
        <source>a MIDI file (notes, not recorded audio)</source>
        <translation>bir MIDI dosyası (kayıtlı ses değil, notalar)</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>bir gzip arşivi</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>boş</translation>
    </message>
    <message>
        <source>a RIFF file of type {kind}, not WAVE audio</source>
        <translation>{kind} türünde bir RIFF dosyası, WAVE ses değil</translation>
    </message>
    <message>
        <source>text</source>
        <translation>metin</translation>
    </message>
    <message>
        <source>unrecognised binary data</source>
        <translation>tanınmayan ikili veri</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>the PortAudio library is not installed (install &apos;libportaudio2&apos;)</source>
        <translation>PortAudio kitaplığı kurulu değil (&apos;libportaudio2&apos; paketini kurun)</translation>
    </message>
    <message>
        <source>the &apos;sounddevice&apos; package is not installed</source>
        <translation>&apos;sounddevice&apos; paketi kurulu değil</translation>
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
        <translation>{path} yazılamadı: {reason}</translation>
    </message>
</context>
<context>
    <name>Tagging</name>
    <message>
        <source>{path}: cannot write tags ({reason})</source>
        <translation>{path}: etiketler yazılamıyor ({reason})</translation>
    </message>
    <message>
        <source>tags unreadable: {detail}</source>
        <translation>etiketler okunamıyor: {detail}</translation>
    </message>
    <message>
        <source>format not supported for tag writing</source>
        <translation>bu biçim için etiket yazma desteklenmiyor</translation>
    </message>
    <message>
        <source>tag writing is not supported for {kind} files</source>
        <translation>{kind} dosyalarında etiket yazma desteklenmiyor</translation>
    </message>
    <message>
        <source>saving failed: {detail}</source>
        <translation>kaydetme başarısız: {detail}</translation>
    </message>
    <message>
        <source>the analysis process crashed ({signal}) on this file; the file may be damaged or trigger a decoder bug</source>
        <translation>analiz süreci bu dosyada çöktü ({signal}); dosya hasarlı olabilir ya da bir çözücü hatasını tetikliyor olabilir</translation>
    </message>
    <message>
        <source>signal {number}</source>
        <translation>sinyal {number}</translation>
    </message>
    <message>
        <source>the analysis process was stopped from outside (killed, perhaps because the computer ran out of memory)</source>
        <translation>analiz süreci dışarıdan durduruldu (zorla sonlandırıldı; bilgisayarın belleği tükenmiş olabilir)</translation>
    </message>
    <message>
        <source>the analysis process stopped unexpectedly (exit code {code}) on this file</source>
        <translation>analiz süreci bu dosyada beklenmedik biçimde durdu (çıkış kodu {code})</translation>
    </message>
    <message>
        <source>timed out after {seconds:.0f} s (the decoder or analysis hung on this file)</source>
        <translation>{seconds:.0f} sn sonra zaman aşımı (çözücü ya da analiz bu dosyada takıldı)</translation>
    </message>
    <message>
        <source>the analysis processes cannot start: {reason}</source>
        <translation>analiz süreçleri başlatılamıyor: {reason}</translation>
    </message>
    <message>
        <source>the analysis processes keep dying while starting ({reason})</source>
        <translation>analiz süreçleri başlatılırken sürekli sonlanıyor ({reason})</translation>
    </message>
    <message>
        <source>an analysis process did not start within {seconds:.0f} s</source>
        <translation>bir analiz süreci {seconds:.0f} sn içinde başlamadı</translation>
    </message>
    <message>
        <source>the file kept changing while it was analysed (is it still being copied or saved?); it was not tagged: try again when it is complete</source>
        <translation>dosya çözümlenirken değişmeye devam etti (hâlâ kopyalanıyor ya da kaydediliyor mu?); etiketlenmedi: tamamlandığında yeniden deneyin</translation>
    </message>
    <message>
        <source>{reason} Nothing was tagged, and no other model was used in its place: retrain it from your corrections, or tag with the shipped model instead.</source>
        <translation>{reason} Hiçbir şey etiketlenmedi ve yerine başka bir model kullanılmadı: düzeltmelerinizle yeniden eğitin ya da uygulamayla gelen modelle etiketleyin.</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; cannot be used without a library.</source>
        <translation>&apos;{version}&apos; model sürümü bir kitaplık olmadan kullanılamaz.</translation>
    </message>
    <message>
        <source>vanished before it could be read (moved or deleted after the scan)</source>
        <translation>okunamadan önce kayboldu (taramadan sonra taşındı ya da silindi)</translation>
    </message>
    <message>
        <source>permission denied (cannot read this file)</source>
        <translation>erişim izni yok (bu dosya okunamıyor)</translation>
    </message>
    <message>
        <source>cannot read this file ({detail})</source>
        <translation>bu dosya okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>sonuç yok</translation>
    </message>
    <message>
        <source>tagged, but the tags could not be written: {reason}</source>
        <translation>etiketlendi, ancak etiketler dosyaya yazılamadı: {reason}</translation>
    </message>
    <message>
        <source>permission denied (cannot read this folder)</source>
        <translation>erişim izni yok (bu klasör okunamıyor)</translation>
    </message>
    <message>
        <source>permission denied (cannot read this path)</source>
        <translation>erişim izni yok (bu yol okunamıyor)</translation>
    </message>
    <message>
        <source>cannot read this folder ({detail})</source>
        <translation>bu klasör okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>cannot read this path ({detail})</source>
        <translation>bu yol okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>broken symbolic link (its target {target} does not exist)</source>
        <translation>kırık sembolik bağlantı (hedefi {target} mevcut değil)</translation>
    </message>
    <message>
        <source>vanished during the scan (moved or deleted while the folder was being read)</source>
        <translation>tarama sırasında kayboldu (klasör okunurken taşındı ya da silindi)</translation>
    </message>
    <message>
        <source>symbolic link loop (the link points back to itself)</source>
        <translation>sembolik bağlantı döngüsü (bağlantı kendisini gösteriyor)</translation>
    </message>
    <message>
        <source>not found (no such file or folder)</source>
        <translation>bulunamadı (böyle bir dosya ya da klasör yok)</translation>
    </message>
    <message>
        <source>not a regular file or folder (device, pipe or socket)</source>
        <translation>normal bir dosya ya da klasör değil (aygıt, boru ya da soket)</translation>
    </message>
    <message>
        <source>symbolic link loop (leads back to a folder above it: {folder})</source>
        <translation>sembolik bağlantı döngüsü (üstündeki bir klasöre geri götürüyor: {folder})</translation>
    </message>
    <message>
        <source>too short to analyse ({seconds:.2f} s of audio; at least {minimum:.0f} s is needed) — the file may be truncated</source>
        <translation>analiz için çok kısa ({seconds:.2f} sn ses; en az {minimum:.0f} sn gerekli) — dosya kesik olabilir</translation>
    </message>
    <message>
        <source>no analysis window could be made (the file holds no audio samples)</source>
        <translation>hiç analiz penceresi oluşturulamadı (dosyada ses örneği yok)</translation>
    </message>
    <message>
        <source>silent audio (no signal above -100 dBFS): there is nothing to tag</source>
        <translation>sessiz ses (-100 dBFS üzerinde sinyal yok): etiketlenecek bir şey yok</translation>
    </message>
    <message>
        <source>warning: {detail}</source>
        <translation>uyarı: {detail}</translation>
    </message>
    <message>
        <source>not enough memory to analyse this file</source>
        <translation>bu dosyayı analiz etmek için yeterli bellek yok</translation>
    </message>
    <message>
        <source>unexpected error while analysing ({error_type}: {detail})</source>
        <translation>analiz sırasında beklenmeyen hata ({error_type}: {detail})</translation>
    </message>
    <message>
        <source>the file changed after it was analysed; it was not tagged</source>
        <translation>dosya çözümlendikten sonra değişti; etiketlenmedi</translation>
    </message>
    <message>
        <source>you do not have permission to change this file; it was left as it is</source>
        <translation>bu dosyayı değiştirme izniniz yok; olduğu gibi bırakıldı</translation>
    </message>
    <message>
        <source>the file is on a read-only disk or folder; it was left as it is</source>
        <translation>dosya salt okunur bir disk ya da klasörde; olduğu gibi bırakıldı</translation>
    </message>
    <message>
        <source>not a regular file; it was left as it is</source>
        <translation>normal bir dosya değil; olduğu gibi bırakıldı</translation>
    </message>
    <message>
        <source>Writing tags into {path} was interrupted; the file was restored as it was before.</source>
        <translation>{path} dosyasına etiket yazma yarıda kesildi; dosya önceki hâline geri getirildi.</translation>
    </message>
    <message>
        <source>cannot reach the Dask scheduler at {address} ({detail})</source>
        <translation>{address} adresindeki Dask zamanlayıcısına ulaşılamıyor ({detail})</translation>
    </message>
    <message>
        <source>the Dask cluster at {address} has had no workers for {seconds:.0f} s</source>
        <translation>{address} adresindeki Dask kümesinde {seconds:.0f} sn boyunca hiç çalışan yok</translation>
    </message>
    <message>
        <source>the analysis killed every cluster worker that tried this file ({detail}); the file may be damaged or trigger a decoder bug</source>
        <translation>analiz, bu dosyayı deneyen tüm küme çalışanlarını durdurdu ({detail}); dosya hasarlı olabilir ya da kod çözücüde bir hataya yol açıyor olabilir</translation>
    </message>
    <message>
        <source>the cluster lost this file&apos;s analysis ({detail})</source>
        <translation>küme bu dosyanın analizini kaybetti ({detail})</translation>
    </message>
    <message>
        <source>a cluster worker runs another feature extractor ({theirs}, here {ours}): install the same tmer-desktop version on every worker</source>
        <translation>bir küme çalışanı başka bir özellik çıkarıcı kullanıyor ({theirs}; burada {ours}): her çalışana aynı tmer-desktop sürümünü kurun</translation>
    </message>
    <message>
        <source>too large to send to the cluster ({size} bytes)</source>
        <translation>kümeye gönderilemeyecek kadar büyük ({size} bayt)</translation>
    </message>
    <message>
        <source>tagging on a cluster needs Dask: pip install &apos;tmer-desktop[cluster]&apos;</source>
        <translation>kümede etiketleme için Dask gerekir: pip install &apos;tmer-desktop[cluster]&apos;</translation>
    </message>
</context>
</TS>
