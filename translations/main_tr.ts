<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>ExplanationChart</name>
    <message>
        <source>SHAP value towards the emotion (log-odds)</source>
        <translation>duyguya doğru SHAP değeri (log-odds)</translation>
    </message>
    <message>
        <source>◀ away from the emotion · towards the emotion ▶</source>
        <translation>◀ duygudan uzaklaştırır · duyguya yaklaştırır ▶</translation>
    </message>
    <message>
        <source>Strongest features (SHAP, log-odds): {features}</source>
        <translation>En etkili öznitelikler (SHAP, log-odds): {features}</translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} ve %n tane daha</numerusform>
        </translation>
    </message>
    <message>
        <source>Outside the training range (clipped): {features}</source>
        <translation>Eğitim aralığının dışında (kırpıldı): {features}</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>Why — this window</source>
        <translation>Neden — bu pencere</translation>
    </message>
    <message>
        <source>Why — whole track</source>
        <translation>Neden — parçanın tamamı</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ayrıntıları gizle</translation>
    </message>
    <message>
        <source>For researchers: the feature names and the SHAP values behind the explanation</source>
        <translation>Araştırmacılar için: açıklamanın ardındaki öznitelik adları ve SHAP değerleri</translation>
    </message>
</context>
<context>
    <name>LibraryNotice</name>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Kurtar</translation>
    </message>
    <message>
        <source>Read the damaged file (it is not changed) and add the corrections, session playlists and model versions it still holds to this library</source>
        <translation>Bozuk dosyayı oku (dosya değiştirilmez) ve hâlâ içerdiği düzeltmeleri, seans listelerini ve model sürümlerini bu kitaplığa ekle</translation>
    </message>
    <message>
        <source>Recovering from {file}…</source>
        <translation>{file} dosyasından kurtarılıyor…</translation>
    </message>
    <message>
        <source>Nothing was recovered from {file}: {reason}</source>
        <translation>{file} dosyasından hiçbir şey kurtarılamadı: {reason}</translation>
    </message>
    <message>
        <source>Recover brings back your corrections, session playlists and model versions from it; tagging your music again brings back the analyses.</source>
        <translation>Kurtar, düzeltmelerinizi, seans listelerinizi ve model sürümlerinizi oradan geri getirir; müziğinizi yeniden etiketlemek analizleri geri getirir.</translation>
    </message>
    <message numerus="yes">
        <source>corrections: {read} of %n recovered</source>
        <translation>
            <numerusform>düzeltmeler: %n içinden {read} kurtarıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>session playlists: {read} of %n recovered</source>
        <translation>
            <numerusform>seans listeleri: %n içinden {read} kurtarıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>model versions: {read} of %n recovered</source>
        <translation>
            <numerusform>model sürümleri: %n içinden {read} kurtarıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n okunamadı</numerusform>
        </translation>
    </message>
    <message>
        <source>more may be lost where the file is damaged</source>
        <translation>dosyanın bozuk yerlerinde daha fazlası kaybolmuş olabilir</translation>
    </message>
    <message numerus="yes">
        <source>%n no longer in the model store</source>
        <translation>
            <numerusform>%n artık model deposunda değil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries lost</source>
        <translation>
            <numerusform>%n girdi kayboldu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n eklendi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n zaten kitaplıktaydı</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovered from {file}: {details}.</source>
        <translation>{file} dosyasından kurtarıldı: {details}.</translation>
    </message>
    <message>
        <source>A copy of the library from before was kept at {backup}.</source>
        <translation>Kitaplığın önceki hâlinin bir kopyası {backup} konumunda saklandı.</translation>
    </message>
    <message>
        <source>Nothing new to add: everything readable was already in the library.</source>
        <translation>Eklenecek yeni bir şey yok: okunabilen her şey zaten kitaplıktaydı.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>estimating…</source>
        <translation>hesaplanıyor…</translation>
    </message>
    <message>
        <source>Open music folder…</source>
        <translation>Müzik klasörü aç…</translation>
    </message>
    <message>
        <source>Search title, artist, album, file…</source>
        <translation>Başlık, sanatçı, albüm, dosya ara…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Kitaplıkta ara</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Parçalar</translation>
    </message>
    <message>
        <source>One row per track; Enter opens the track in the player.</source>
        <translation>Her parça bir satır; Enter parçayı oynatıcıda açar.</translation>
    </message>
    <message>
        <source>Tagging progress</source>
        <translation>Etiketleme ilerlemesi</translation>
    </message>
    <message>
        <source>Show only this emotion</source>
        <translation>Yalnızca bu duyguyu göster</translation>
    </message>
    <message>
        <source>All emotions</source>
        <translation>Tüm duygular</translation>
    </message>
    <message>
        <source>Show only this decision</source>
        <translation>Yalnızca bu kararı göster</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>Tüm kararlar</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Unfamiliar music</source>
        <translation>Tanıdık olmayan müzik</translation>
    </message>
    <message>
        <source>Emotion:</source>
        <translation>Duygu:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Karar:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Your library is empty. Open a music folder (or drop files here) to tag it.</source>
        <translation>Kitaplığınız boş. Etiketlemek için bir müzik klasörü açın (ya da dosyaları buraya bırakın).</translation>
    </message>
    <message>
        <source>Try the bundled demo</source>
        <translation>Birlikte gelen demoyu deneyin</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n başarısız</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n değişmemiş</numerusform>
        </translation>
    </message>
    <message>
        <source>ETA {eta}</source>
        <translation>Kalan süre {eta}</translation>
    </message>
    <message>
        <source>finishing…</source>
        <translation>bitiriliyor…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>İptal ediliyor…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Offline music emotion recognition (happy, sad, angry, relaxed) from 50 MIRtoolbox features, for music therapists and musicologists.</source>
        <translation>Müzik terapistleri ve müzikologlar için, 50 MIRtoolbox özniteliğinden çevrimdışı müzik duygu tanıma (mutlu, üzgün, öfkeli, rahat).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Licence:&lt;/b&gt; GPL-3.0-or-later.</source>
        <translation>&lt;b&gt;Lisans:&lt;/b&gt; GPL-3.0-or-later.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training data:&lt;/b&gt; Turkish Music Emotion dataset (Acoustic_Features.csv) — see resources/data/ATTRIBUTION.md.</source>
        <translation>&lt;b&gt;Eğitim verisi:&lt;/b&gt; Turkish Music Emotion veri kümesi (Acoustic_Features.csv) — bkz. resources/data/ATTRIBUTION.md.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo clips:&lt;/b&gt; Battle for Wesnoth, Extreme Tux Racer and X-Moto music (GPL-2+) — see resources/demo/CREDITS.md.</source>
        <translation>&lt;b&gt;Demo klipleri:&lt;/b&gt; Battle for Wesnoth, Extreme Tux Racer ve X-Moto müzikleri (GPL-2+) — bkz. resources/demo/CREDITS.md.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Built with:&lt;/b&gt; Qt for Python / PySide6 (LGPL-3.0), pyqtgraph (MIT), NumPy, SciPy, scikit-learn, librosa (ISC), SHAP (MIT), soundfile / libsndfile (LGPL), sounddevice / PortAudio (MIT). Habits borrowed from MusicBrainz Picard and Orange3.</source>
        <translation>&lt;b&gt;Kullanılan yazılımlar:&lt;/b&gt; Qt for Python / PySide6 (LGPL-3.0), pyqtgraph (MIT), NumPy, SciPy, scikit-learn, librosa (ISC), SHAP (MIT), soundfile / libsndfile (LGPL), sounddevice / PortAudio (MIT). MusicBrainz Picard ve Orange3&apos;ten alınan alışkanlıklar.</translation>
    </message>
    <message>
        <source>tmer-desktop — demo library (the bundled clips, not your music)</source>
        <translation>tmer-desktop — demo kitaplığı (birlikte gelen klipler, sizin müziğiniz değil)</translation>
    </message>
    <message>
        <source>tmer-desktop — music emotion</source>
        <translation>tmer-desktop — müzikte duygu</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Kitaplık</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Oynatıcı</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>İnceleme kuyruğu</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Seanslar</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Panolar</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Kayıt</translation>
    </message>
    <message>
        <source>{view} (Ctrl+{number})</source>
        <translation>{view} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Görünümler</translation>
    </message>
    <message>
        <source>Library summary</source>
        <translation>Kitaplık özeti</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;Open music folder…</source>
        <translation>Müzik klasörü &amp;aç…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Dışa aktar…</translation>
    </message>
    <message>
        <source>&amp;Recover from a damaged library…</source>
        <translation>Bozuk bir kitaplıktan k&amp;urtar…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;yarlar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Kitaplık</translation>
    </message>
    <message>
        <source>&amp;Player</source>
        <translation>&amp;Oynatıcı</translation>
    </message>
    <message>
        <source>&amp;Review queue</source>
        <translation>İn&amp;celeme kuyruğu</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>Oturu&amp;mlar</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>&amp;Panolar</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>Ka&amp;yıt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;About tmer-desktop</source>
        <translation>tmer-desktop &amp;hakkında</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Günlük klasörünü aç</translation>
    </message>
    <message>
        <source>What went wrong, for a report to the developers</source>
        <translation>Geliştiricilere bildirmek için neyin ters gittiği</translation>
    </message>
    <message>
        <source>The log folder is {folder}</source>
        <translation>Günlük klasörü: {folder}</translation>
    </message>
    <message>
        <source>About tmer-desktop</source>
        <translation>tmer-desktop hakkında</translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n parça</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n inceleme gerekli</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with two candidates</source>
        <translation>
            <numerusform>%n iki aday</numerusform>
        </translation>
    </message>
    <message>
        <source>Open music folder</source>
        <translation>Müzik klasörü aç</translation>
    </message>
    <message>
        <source>The bundled demo is missing ({folder}).</source>
        <translation>Birlikte gelen demo bulunamadı ({folder}).</translation>
    </message>
    <message>
        <source>A folder is already being tagged; wait or cancel it first.</source>
        <translation>Bir klasör zaten etiketleniyor; bitmesini bekleyin ya da önce iptal edin.</translation>
    </message>
    <message>
        <source>Tagging {folders} …</source>
        <translation>Etiketleniyor: {folders} …</translation>
    </message>
    <message>
        <source>Cancelling: finished tracks are kept…</source>
        <translation>İptal ediliyor: tamamlanan parçalar korunuyor…</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>analiz edilmedi</translation>
    </message>
    <message>
        <source>Tagging stopped: {reason}</source>
        <translation>Etiketleme durdu: {reason}</translation>
    </message>
    <message>
        <source>Your model cannot be used</source>
        <translation>Modeliniz kullanılamıyor</translation>
    </message>
    <message>
        <source>The model version “{version}” could not be loaded, so nothing was tagged. No other model was used in its place.</source>
        <translation>“{version}” model sürümü yüklenemedi, bu yüzden hiçbir şey etiketlenmedi. Yerine başka bir model kullanılmadı.</translation>
    </message>
    <message>
        <source>You can retrain it from your corrections (Dashboards → Models and corrections), or tag with the model that came with the app. Your version stays in the list either way.</source>
        <translation>Düzeltmelerinizle yeniden eğitebilir (Panolar → Modeller ve düzeltmeler) ya da uygulamayla gelen modelle etiketleyebilirsiniz. Sürümünüz her iki durumda da listede kalır.</translation>
    </message>
    <message>
        <source>Use the shipped model</source>
        <translation>Uygulamayla gelen modeli kullan</translation>
    </message>
    <message>
        <source>Retrain from my corrections…</source>
        <translation>Düzeltmelerimle yeniden eğit…</translation>
    </message>
    <message>
        <source>Tagging cancelled; finished tracks were kept.</source>
        <translation>Etiketleme iptal edildi; tamamlanan parçalar korundu.</translation>
    </message>
    <message>
        <source>Tagging finished.</source>
        <translation>Etiketleme tamamlandı.</translation>
    </message>
    <message>
        <source>Model {version} is now active; new analyses use it.</source>
        <translation>{version} modeli artık etkin; yeni analizler bu modeli kullanacak.</translation>
    </message>
    <message>
        <source>Cannot play this track: {reason}</source>
        <translation>Bu parça çalınamıyor: {reason}</translation>
    </message>
    <message>
        <source>Why — whole track</source>
        <translation>Neden — parçanın tamamı</translation>
    </message>
    <message>
        <source>Why — window {number} ({start}–{end} s)</source>
        <translation>Neden — {number}. pencere ({start}–{end} sn)</translation>
    </message>
    <message>
        <source>No explanation: {reason}</source>
        <translation>Açıklama yok: {reason}</translation>
    </message>
    <message>
        <source>Correction not saved: {reason}</source>
        <translation>Düzeltme kaydedilmedi: {reason}</translation>
    </message>
    <message>
        <source>Saved: the whole track of {file} marked correct.</source>
        <translation>Kaydedildi: {file} parçasının tamamı doğru olarak işaretlendi.</translation>
    </message>
    <message>
        <source>Saved: the whole track of {file} corrected to {emotion}.</source>
        <translation>Kaydedildi: {file} parçasının tamamı “{emotion}” olarak düzeltildi.</translation>
    </message>
    <message>
        <source>Saved: window {number} of {file} marked correct.</source>
        <translation>Kaydedildi: {file} parçasının {number}. penceresi doğru olarak işaretlendi.</translation>
    </message>
    <message>
        <source>Saved: window {number} of {file} corrected to {emotion}.</source>
        <translation>Kaydedildi: {file} parçasının {number}. penceresi “{emotion}” olarak düzeltildi.</translation>
    </message>
    <message>
        <source>Settings not changed: {problems}</source>
        <translation>Ayarlar değiştirilmedi: {problems}</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>Ayarlar kaydedilmedi: {reason}</translation>
    </message>
    <message>
        <source>Track results (*.csv *.parquet)</source>
        <translation>Parça sonuçları (*.csv *.parquet)</translation>
    </message>
    <message>
        <source>Window results (*.csv *.parquet)</source>
        <translation>Pencere sonuçları (*.csv *.parquet)</translation>
    </message>
    <message>
        <source>Corrections for retraining (*.csv)</source>
        <translation>Yeniden eğitim için düzeltmeler (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Dışa aktar</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>%n satır {file} dosyasına aktarıldı</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover from a damaged library</source>
        <translation>Bozuk bir kitaplıktan kurtar</translation>
    </message>
    <message>
        <source>Damaged libraries (*.corrupt-*);;All files (*)</source>
        <translation>Bozuk kitaplıklar (*.corrupt-*);;Tüm dosyalar (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n tamamlandı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tagged</source>
        <translation>
            <numerusform>%n etiketlendi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n başarısız</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n atlandı</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagging finished: {counts}.</source>
        <translation>Etiketleme tamamlandı: {counts}.</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>no audio output device</source>
        <translation>ses çıkış aygıtı yok</translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message>
        <source>Playback unavailable: {reason}</source>
        <translation>Çalma kullanılamıyor: {reason}</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>No track selected</source>
        <translation>Parça seçilmedi</translation>
    </message>
    <message>
        <source>Next window to review (N) · {count}</source>
        <translation>İncelenecek sonraki pencere (N) · {count}</translation>
    </message>
    <message>
        <source>No window needs review</source>
        <translation>İnceleme gereken pencere yok</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Çal</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>Çalma konumu</translation>
    </message>
    <message>
        <source>Window: —</source>
        <translation>Pencere: —</translation>
    </message>
    <message>
        <source>Whole track:</source>
        <translation>Parçanın tamamı:</translation>
    </message>
    <message>
        <source>Keys: Space play/pause · 1–4 window emotion · Shift+1–4 track emotion · Enter window correct</source>
        <translation>Tuşlar: Boşluk çal/duraklat · 1–4 pencere duygusu · Shift+1–4 parça duygusu · Enter pencere doğru</translation>
    </message>
    <message>
        <source>Select a track to see why the model chose its emotion.</source>
        <translation>Modelin duyguyu neden seçtiğini görmek için bir parça seçin.</translation>
    </message>
    <message>
        <source>✓ Correct</source>
        <translation>✓ Doğru</translation>
    </message>
    <message>
        <source>Arrow keys: 5 s; Page Up and Page Down: 30 s</source>
        <translation>Ok tuşları: 5 sn; Page Up ve Page Down: 30 sn</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Window is correct</source>
        <translation>Pencere doğru</translation>
    </message>
    <message>
        <source>Whole track is correct</source>
        <translation>Parçanın tamamı doğru</translation>
    </message>
    <message>
        <source>Jump to the next hatched window (key N).</source>
        <translation>Sonraki taralı pencereye git (N tuşu).</translation>
    </message>
    <message>
        <source>Mark the window&apos;s emotion as correct</source>
        <translation>Pencerenin duygusunu doğru olarak işaretle</translation>
    </message>
    <message>
        <source>Mark the track&apos;s emotion as correct</source>
        <translation>Parçanın duygusunu doğru olarak işaretle</translation>
    </message>
    <message>
        <source>The window is really {emotion}</source>
        <translation>Pencerenin gerçek duygusu: {emotion}</translation>
    </message>
    <message>
        <source>The track is really {emotion}</source>
        <translation>Parçanın gerçek duygusu: {emotion}</translation>
    </message>
    <message>
        <source>Computing the timeline: {done} of {total} windows (the overview first, then the windows in between)…</source>
        <translation>Zaman çizelgesi hesaplanıyor: {total} pencereden {done} tanesi hazır (önce genel görünüm, ardından aradaki pencereler)…</translation>
    </message>
    <message>
        <source>Detailed timeline.</source>
        <translation>Ayrıntılı zaman çizelgesi.</translation>
    </message>
    <message>
        <source>Overview timeline (a window every 30 s); the detailed timeline is being computed…</source>
        <translation>Genel zaman çizelgesi (her 30 sn&apos;de bir pencere); ayrıntılı zaman çizelgesi hesaplanıyor…</translation>
    </message>
    <message>
        <source>Overview timeline (a window every 30 s); the detailed timeline could not be computed.</source>
        <translation>Genel zaman çizelgesi (her 30 sn&apos;de bir pencere); ayrıntılı zaman çizelgesi hesaplanamadı.</translation>
    </message>
    <message>
        <source>Overview timeline (a window every 30 s).</source>
        <translation>Genel zaman çizelgesi (her 30 sn&apos;de bir pencere).</translation>
    </message>
    <message>
        <source>Computing explanation…</source>
        <translation>Açıklama hesaplanıyor…</translation>
    </message>
    <message>
        <source>No analysis for this track.</source>
        <translation>Bu parça için analiz yok.</translation>
    </message>
    <message>
        <source>Not analysed yet.</source>
        <translation>Henüz analiz edilmedi.</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} ya da {second}</translation>
    </message>
    <message numerus="yes">
        <source>%n windows of 30 s</source>
        <translation>
            <numerusform>30 sn&apos;lik %n pencere</numerusform>
        </translation>
    </message>
    <message>
        <source>{subtitle} — track emotion: {emotions} ({confidence}, {verdict}) · {windows}</source>
        <translation>{subtitle} — parçanın duygusu: {emotions} ({confidence}, {verdict}) · {windows}</translation>
    </message>
    <message>
        <source>Unfamiliar music: it sounds unlike the music the model learned from, so treat its answer as a suggestion and correct it if needed.</source>
        <translation>Tanıdık olmayan müzik: modelin öğrendiği müziğe benzemiyor; yanıtını bir öneri olarak görün ve gerekirse düzeltin.</translation>
    </message>
    <message>
        <source>Window {number}/{count} ({start}–{end}): {emotion} {confidence}</source>
        <translation>Pencere {number}/{count} ({start}–{end}): {emotion} {confidence}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>many quiet passages</source>
        <translation>çok sayıda sessiz bölüm</translation>
    </message>
    <message>
        <source>loud dynamics</source>
        <translation>yüksek ses düzeyi</translation>
    </message>
    <message>
        <source>soft dynamics</source>
        <translation>yumuşak dinamikler</translation>
    </message>
    <message>
        <source>even loudness</source>
        <translation>dengeli ses düzeyi</translation>
    </message>
    <message>
        <source>gentle note attacks</source>
        <translation>notaların yumuşak başlangıçları</translation>
    </message>
    <message>
        <source>sharp note attacks</source>
        <translation>notaların keskin başlangıçları</translation>
    </message>
    <message>
        <source>note attacks growing gentler</source>
        <translation>giderek yumuşayan nota başlangıçları</translation>
    </message>
    <message>
        <source>note attacks growing sharper</source>
        <translation>giderek keskinleşen nota başlangıçları</translation>
    </message>
    <message>
        <source>a strong rhythmic pulse</source>
        <translation>güçlü bir ritmik nabız</translation>
    </message>
    <message>
        <source>a weak rhythmic pulse</source>
        <translation>zayıf bir ritmik nabız</translation>
    </message>
    <message>
        <source>fast tempo</source>
        <translation>hızlı tempo</translation>
    </message>
    <message>
        <source>slow tempo</source>
        <translation>yavaş tempo</translation>
    </message>
    <message>
        <source>many notes per second</source>
        <translation>saniyede çok nota</translation>
    </message>
    <message>
        <source>few notes per second</source>
        <translation>saniyede az nota</translation>
    </message>
    <message>
        <source>a clear beat</source>
        <translation>belirgin bir vuruş</translation>
    </message>
    <message>
        <source>a vague beat</source>
        <translation>belirsiz bir vuruş</translation>
    </message>
    <message>
        <source>a rough sound</source>
        <translation>pürüzlü bir ses</translation>
    </message>
    <message>
        <source>a smooth sound</source>
        <translation>pürüzsüz bir ses</translation>
    </message>
    <message>
        <source>a sound growing rougher</source>
        <translation>giderek pürüzlenen bir ses</translation>
    </message>
    <message>
        <source>a sound growing smoother</source>
        <translation>giderek yumuşayan bir ses</translation>
    </message>
    <message>
        <source>a noisy sound</source>
        <translation>gürültülü bir ses</translation>
    </message>
    <message>
        <source>a clean sound</source>
        <translation>temiz bir ses</translation>
    </message>
    <message>
        <source>a bright sound</source>
        <translation>parlak bir ses</translation>
    </message>
    <message>
        <source>a dark sound</source>
        <translation>koyu bir ses</translation>
    </message>
    <message>
        <source>a full sound</source>
        <translation>dolgun bir ses</translation>
    </message>
    <message>
        <source>a narrow sound</source>
        <translation>dar bir ses</translation>
    </message>
    <message>
        <source>a bass-heavy sound</source>
        <translation>bası ağır bir ses</translation>
    </message>
    <message>
        <source>a balanced sound</source>
        <translation>dengeli bir ses</translation>
    </message>
    <message>
        <source>a few dominant pitches</source>
        <translation>baskın birkaç perde</translation>
    </message>
    <message>
        <source>evenly spread pitches</source>
        <translation>eşit dağılmış perdeler</translation>
    </message>
    <message>
        <source>a noise-like tone</source>
        <translation>gürültüye benzeyen bir tını</translation>
    </message>
    <message>
        <source>a pure tone</source>
        <translation>saf bir tını</translation>
    </message>
    <message>
        <source>a busy tone</source>
        <translation>yoğun bir tını</translation>
    </message>
    <message>
        <source>a simple tone</source>
        <translation>yalın bir tını</translation>
    </message>
    <message>
        <source>frequent changes of harmony</source>
        <translation>sık armoni değişimleri</translation>
    </message>
    <message>
        <source>few changes of harmony</source>
        <translation>az armoni değişimi</translation>
    </message>
    <message>
        <source>uneven changes of harmony</source>
        <translation>düzensiz armoni değişimleri</translation>
    </message>
    <message>
        <source>even changes of harmony</source>
        <translation>düzenli armoni değişimleri</translation>
    </message>
    <message>
        <source>quick chord changes</source>
        <translation>hızlı akor değişimleri</translation>
    </message>
    <message>
        <source>slow chord changes</source>
        <translation>yavaş akor değişimleri</translation>
    </message>
    <message>
        <source>regular chord changes</source>
        <translation>düzenli aralıklı akor değişimleri</translation>
    </message>
    <message>
        <source>irregular chord changes</source>
        <translation>düzensiz aralıklı akor değişimleri</translation>
    </message>
    <message>
        <source>unpredictable chord changes</source>
        <translation>öngörülemeyen akor değişimleri</translation>
    </message>
    <message>
        <source>predictable chord changes</source>
        <translation>öngörülebilir akor değişimleri</translation>
    </message>
    <message>
        <source>much of the note {pitch}</source>
        <translation>{pitch} notasının sıkça duyulması</translation>
    </message>
    <message>
        <source>little of the note {pitch}</source>
        <translation>{pitch} notasının az duyulması</translation>
    </message>
    <message>
        <source>its particular tone colour</source>
        <translation>kendine özgü ses rengi</translation>
    </message>
    <message>
        <source>{first} makes this sound {emotion}</source>
        <translation>{first} bu müziğe {emotion} bir hava veriyor</translation>
    </message>
    <message>
        <source>{first} and {second} make this sound {emotion}</source>
        <translation>{first} ve {second} bu müziğe {emotion} bir hava veriyor</translation>
    </message>
    <message>
        <source>{first}, {second} and {third} make this sound {emotion}</source>
        <translation>{first}, {second} ve {third} bu müziğe {emotion} bir hava veriyor</translation>
    </message>
    <message>
        <source>nothing in the music clearly points to {emotion}; it is only the least unlikely of the four</source>
        <translation>müzikte hiçbir şey açıkça {emotion} bir havaya işaret etmiyor; dört duygu içinde yalnızca en az uzak olanı bu</translation>
    </message>
    <message>
        <source>{first} makes this sound {emotion}; {doubt}</source>
        <translation>{first} bu müziğe {emotion} bir hava veriyor; {doubt}</translation>
    </message>
    <message>
        <source>{first} and {second} make this sound {emotion}; {doubt}</source>
        <translation>{first} ve {second} bu müziğe {emotion} bir hava veriyor; {doubt}</translation>
    </message>
    <message>
        <source>{first}, {second} and {third} make this sound {emotion}; {doubt}</source>
        <translation>{first}, {second} ve {third} bu müziğe {emotion} bir hava veriyor; {doubt}</translation>
    </message>
    <message>
        <source>nothing in the music clearly points to {emotion}; {doubt}</source>
        <translation>müzikte hiçbir şey açıkça {emotion} bir havaya işaret etmiyor; {doubt}</translation>
    </message>
    <message>
        <source>the model is not sure because this music is unlike the music it learnt from</source>
        <translation>model emin değil, çünkü bu müzik öğrendiği müziklere benzemiyor</translation>
    </message>
    <message>
        <source>the model is not sure because the tempo and rhythm are unlike the music it learnt from</source>
        <translation>model emin değil, çünkü tempo ve ritim öğrendiği müziklerinkine benzemiyor</translation>
    </message>
    <message>
        <source>the model is not sure because the loudness is unlike the music it learnt from</source>
        <translation>model emin değil, çünkü ses düzeyi öğrendiği müziklerinkine benzemiyor</translation>
    </message>
    <message>
        <source>the model is not sure because the brightness of the sound is unlike the music it learnt from</source>
        <translation>model emin değil, çünkü sesin parlaklığı öğrendiği müziklerinkine benzemiyor</translation>
    </message>
    <message>
        <source>the model is not sure because the timbre is unlike the music it learnt from</source>
        <translation>model emin değil, çünkü tını öğrendiği müziklerinkine benzemiyor</translation>
    </message>
    <message>
        <source>the model is not sure because the roughness of the sound is unlike the music it learnt from</source>
        <translation>model emin değil, çünkü sesin pürüzlülüğü öğrendiği müziklerinkine benzemiyor</translation>
    </message>
    <message>
        <source>the model is not sure because the harmony is unlike the music it learnt from</source>
        <translation>model emin değil, çünkü armoni öğrendiği müziklerinkine benzemiyor</translation>
    </message>
    <message>
        <source>harmony changing more towards the end</source>
        <translation>sona doğru daha çok değişen armoni</translation>
    </message>
    <message>
        <source>harmony settling towards the end</source>
        <translation>sona doğru durulan armoni</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>✓ Correct (Enter)</source>
        <translation>✓ Doğru (Enter)</translation>
    </message>
    <message>
        <source>The track&apos;s emotion is right: take it off the queue</source>
        <translation>Parçanın duygusu doğru: kuyruktan çıkar</translation>
    </message>
    <message>
        <source>Open in player</source>
        <translation>Oynatıcıda aç</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n inceleme gerekli</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with two candidates</source>
        <translation>
            <numerusform>%n iki aday</numerusform>
        </translation>
    </message>
    <message>
        <source>Tracks to review</source>
        <translation>İncelenecek parçalar</translation>
    </message>
    <message>
        <source>Least confident first; Enter marks the track correct, keys 1 to 4 give its emotion.</source>
        <translation>Önce en az emin olunanlar; Enter parçayı doğru olarak işaretler, 1–4 tuşları duygusunu belirler.</translation>
    </message>
    <message>
        <source>Tracks you have already checked are not listed.</source>
        <translation>Daha önce kontrol ettiğiniz parçalar listelenmez.</translation>
    </message>
    <message>
        <source>Nothing to review: every analysed track is sure or was checked.</source>
        <translation>İncelenecek bir şey yok: analiz edilen her parça kesin ya da kontrol edildi.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Mean of window probabilities</source>
        <translation>Pencere olasılıklarının ortalaması</translation>
    </message>
    <message>
        <source>Majority vote of windows</source>
        <translation>Pencerelerin çoğunluk oyu</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source> s</source>
        <comment>unit suffix for seconds, with its leading space</comment>
        <translation> sn</translation>
    </message>
    <message>
        <source>Sure when one emotion reaches:</source>
        <translation>Bir duygu şu değere ulaşınca kesin:</translation>
    </message>
    <message>
        <source>Two candidates when the best two reach:</source>
        <translation>En iyi ikisi birlikte şu değere ulaşınca iki aday:</translation>
    </message>
    <message>
        <source>Sure when one emotion reaches</source>
        <translation>Bir duygu şu değere ulaşınca kesin</translation>
    </message>
    <message>
        <source>Two candidates when the best two reach</source>
        <translation>En iyi ikisi birlikte şu değere ulaşınca iki aday</translation>
    </message>
    <message>
        <source>Track aggregation</source>
        <translation>Parça düzeyinde birleştirme</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>Pencere uzunluğu</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Pencere adımı</translation>
    </message>
    <message>
        <source>Step between windows:</source>
        <translation>Pencereler arası adım:</translation>
    </message>
    <message>
        <source>How far each 30 s window starts after the one before (the hop): a shorter step gives a finer timeline and takes longer to analyse.</source>
        <translation>Her 30 sn&apos;lik pencerenin bir öncekinden ne kadar sonra başladığı (kaydırma): daha kısa bir adım daha ayrıntılı bir zaman çizelgesi verir ve analizi daha uzun sürer.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>The two thresholds and the aggregation apply at once to every track (the stored probabilities are re-decided; nothing is re-analysed).
Window length and step apply to the next analysis only. The model was trained on 30 s excerpts.</source>
        <translation>İki eşik ve birleştirme yöntemi tüm parçalara hemen uygulanır (kayıtlı olasılıklarla yeniden karar verilir; hiçbir şey yeniden analiz edilmez).
Pencere uzunluğu ve adım yalnızca bir sonraki analize uygulanır. Model 30 sn&apos;lik parçalarla eğitildi.</translation>
    </message>
    <message>
        <source>Track aggregation:</source>
        <translation>Parça düzeyinde birleştirme:</translation>
    </message>
    <message>
        <source>Window length:</source>
        <translation>Pencere uzunluğu:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Audio</source>
        <translation>Ses</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Duygu</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Olasılık</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zaman (sn)</translation>
    </message>
    <message>
        <source>Emotion timeline</source>
        <translation>Duygu zaman çizelgesi</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>güven</translation>
    </message>
    <message>
        <source>hatched = needs review</source>
        <translation>taralı = inceleme gerekli</translation>
    </message>
    <message>
        <source>No analysis to show yet.</source>
        <translation>Henüz gösterilecek bir analiz yok.</translation>
    </message>
    <message>
        <source>{emotion} from {start} to {end}</source>
        <translation>{start} ile {end} arası {emotion}</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) need review.</source>
        <translation>
            <numerusform>%n pencerenin incelenmesi gerekiyor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show each window</source>
        <translation>Her pencereyi göster</translation>
    </message>
    <message>
        <source>The timeline shows stretches of one mood, smoothed over neighbouring windows so that the model hesitating between two moods does not look like a change. Press to see each 30 s window&apos;s own answer.</source>
        <translation>Zaman çizelgesi, komşu pencereler üzerinden yumuşatılmış tek bir ruh hâlinin sürdüğü bölümleri gösterir; böylece modelin iki ruh hâli arasında kararsız kalması bir değişim gibi görünmez. Her 30 sn&apos;lik pencerenin kendi yanıtını görmek için basın.</translation>
    </message>
    <message>
        <source>Mood over time (smoothed) · dashed lines: the mood changes</source>
        <translation>Zaman içinde ruh hâli (yumuşatılmış) · kesikli çizgiler: ruh hâli değişiyor</translation>
    </message>
    <message>
        <source>Each 30 s window&apos;s own answer · dashed lines: the smoothed mood changes</source>
        <translation>Her 30 sn&apos;lik pencerenin kendi yanıtı · kesikli çizgiler: yumuşatılmış ruh hâli değişiyor</translation>
    </message>
    <message>
        <source>{emotion} from {start} to {end} (windows {first}–{last}, smoothed)</source>
        <translation>{start}–{end} arası {emotion} ({first}–{last}. pencereler, yumuşatılmış)</translation>
    </message>
    <message>
        <source>threshold {value}</source>
        <translation>eşik {value}</translation>
    </message>
    <message>
        <source>Window {number}: {start}–{end} s
{emotion} ({confidence}), decision: {decision}
{probabilities}</source>
        <translation>Pencere {number}: {start}–{end} sn
{emotion} ({confidence}), karar: {decision}
{probabilities}</translation>
    </message>
</context>
<context>
    <name>TrackData</name>
    <message>
        <source>Track {number} is no longer in the library.</source>
        <translation>{number} numaralı parça artık kitaplıkta değil.</translation>
    </message>
</context>
<context>
    <name>TrackTableModel</name>
    <message>
        <source>Title</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Sanatçı</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Albüm</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Duygu</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Güven</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Karar</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>{duration} · detailed</source>
        <comment>the track has its detailed timeline</comment>
        <translation>{duration} · ayrıntılı</translation>
    </message>
    <message>
        <source>{decision}: {first} / {second}</source>
        <translation>{decision}: {first} / {second}</translation>
    </message>
    <message>
        <source>{decision} · unfamiliar music</source>
        <translation>{decision} · tanıdık olmayan müzik</translation>
    </message>
    <message>
        <source>Detailed timeline: the emotion of overlapping 30 s stretches, a few seconds apart.</source>
        <translation>Ayrıntılı zaman çizelgesi: birkaç saniye arayla, üst üste binen 30 sn&apos;lik bölümlerin duygusu.</translation>
    </message>
    <message>
        <source>Overview timeline: the emotion of every 30 s stretch, one after another. The detailed timeline is made when you open the track in the player.</source>
        <translation>Genel zaman çizelgesi: art arda her 30 sn&apos;lik bölümün duygusu. Ayrıntılı zaman çizelgesi, parça oynatıcıda açıldığında hesaplanır.</translation>
    </message>
    <message>
        <source>This music sounds unlike the music the model learned from, so it is not given a single emotion. Listen to it, and correct the emotion if needed: your corrections teach the model your music.</source>
        <translation>Bu müzik modelin öğrendiği müziğe benzemiyor, bu yüzden tek bir duygu verilmedi. Dinleyin ve gerekirse duyguyu düzeltin: düzeltmeleriniz modele sizin müziğinizi öğretir.</translation>
    </message>
</context>
</TS>
