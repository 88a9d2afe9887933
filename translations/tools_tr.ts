<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>DashboardView</name>
    <message>
        <source>Loading…</source>
        <translation>Yükleniyor…</translation>
    </message>
    <message>
        <source>Drift status</source>
        <translation>Kayma durumu</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>Library and corrections in numbers</source>
        <translation>Rakamlarla kitaplık ve düzeltmeler</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Grafik:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG olarak dışa aktar…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafikler</translation>
    </message>
    <message>
        <source>Models and corrections</source>
        <translation>Modeller ve düzeltmeler</translation>
    </message>
    <message>
        <source>The model may not suit this library:</source>
        <translation>Model bu kitaplığa uymayabilir:</translation>
    </message>
    <message>
        <source>Correct a few predictions of the affected tracks (Player or Review queue), then press “Retrain with corrections” under “Models and corrections”.</source>
        <translation>Etkilenen parçaların birkaç tahminini düzeltin (Oynatıcı veya İnceleme kuyruğu), ardından “Modeller ve düzeltmeler” altında “Düzeltmelerle yeniden eğit” düğmesine basın.</translation>
    </message>
    <message>
        <source>Not enough music analysed yet to tell whether the model suits this library.</source>
        <translation>Modelin bu kitaplığa uyup uymadığını söylemek için henüz yeterince müzik analiz edilmedi.</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n parça</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s)</source>
        <translation>
            <numerusform>%n düzeltme</numerusform>
        </translation>
    </message>
    <message>
        <source>live accuracy {accuracy}</source>
        <translation>kullanımdaki doğruluk {accuracy}</translation>
    </message>
    <message>
        <source>The dashboards could not be computed: {message}</source>
        <translation>Panolar hesaplanamadı: {message}</translation>
    </message>
    <message>
        <source>The numbers behind this chart: Export CSV…</source>
        <translation>Bu grafiğin arkasındaki sayılar: CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>parça</translation>
    </message>
    <message>
        <source>No tagged tracks in this grouping yet.</source>
        <translation>Bu gruplamada henüz etiketlenmiş parça yok.</translation>
    </message>
    <message>
        <source>Confidence histogram (windows)</source>
        <translation>Güven histogramı (pencereler)</translation>
    </message>
    <message>
        <source>confidence (top probability)</source>
        <translation>güven (en yüksek olasılık)</translation>
    </message>
    <message>
        <source>windows</source>
        <translation>pencere</translation>
    </message>
    <message>
        <source>No predictions yet.</source>
        <translation>Henüz tahmin yok.</translation>
    </message>
    <message>
        <source>Confusion matrix from corrections</source>
        <translation>Düzeltmelerden karışıklık matrisi</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>tahmin edilen</translation>
    </message>
    <message>
        <source>true (corrected)</source>
        <translation>gerçek (düzeltilmiş)</translation>
    </message>
    <message>
        <source>No corrections with a known label yet.</source>
        <translation>Henüz etiketi bilinen düzeltme yok.</translation>
    </message>
    <message>
        <source>Reliability from corrections</source>
        <translation>Düzeltmelerden güvenilirlik</translation>
    </message>
    <message>
        <source>stated confidence</source>
        <translation>belirtilen güven</translation>
    </message>
    <message>
        <source>share correct</source>
        <translation>doğru oranı</translation>
    </message>
    <message>
        <source>perfect calibration</source>
        <translation>kusursuz kalibrasyon</translation>
    </message>
    <message>
        <source>No corrections with a confidence yet.</source>
        <translation>Henüz güven değeri olan düzeltme yok.</translation>
    </message>
    <message>
        <source>model (dot size: corrections)</source>
        <translation>model (nokta boyutu: düzeltme sayısı)</translation>
    </message>
    <message>
        <source>How this library sounds unlike the music the model learnt from: the {count} measurements that differ most</source>
        <translation>Bu kitaplık, modelin öğrendiği müzikten nerede farklı: en çok farklılaşan {count} ölçüm</translation>
    </message>
    <message>
        <source>difference (PSI; beyond the dashed line at 0.25: shifted)</source>
        <translation>fark (PSI; 0,25'teki kesikli çizginin ötesi: kaymış)</translation>
    </message>
    <message>
        <source>Too few analysed windows to judge drift.</source>
        <translation>Kaymayı değerlendirmek için analiz edilmiş pencere sayısı çok az.</translation>
    </message>
    <message>
        <source>Qt could not encode the chart as PNG into {path}</source>
        <translation>Qt grafiği {path} içine PNG olarak kodlayamadı</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Grafiği PNG olarak dışa aktar</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG görüntüsü (*.png)</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>Grafik verisini CSV olarak dışa aktar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV dosyası (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Dışa aktarma başarısız</translation>
    </message>
</context>
<context>
    <name>Dashboards</name>
    <message>
        <source>(unknown)</source>
        <translation>(bilinmiyor)</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(diğer)</translation>
    </message>
    <message>
        <source>Emotions by artist</source>
        <translation>Sanatçıya göre duygular</translation>
    </message>
    <message>
        <source>Emotions by album</source>
        <translation>Albüme göre duygular</translation>
    </message>
    <message>
        <source>Emotions by genre</source>
        <translation>Türe göre duygular</translation>
    </message>
    <message>
        <source>Emotions by folder</source>
        <translation>Klasöre göre duygular</translation>
    </message>
    <message>
        <source>Emotions by session playlist</source>
        <translation>Seans listesine göre duygular</translation>
    </message>
    <message>
        <source>Confidence histogram</source>
        <translation>Güven histogramı</translation>
    </message>
    <message>
        <source>Confusion matrix (corrections)</source>
        <translation>Karışıklık matrisi (düzeltmeler)</translation>
    </message>
    <message>
        <source>Reliability curve (corrections)</source>
        <translation>Güvenilirlik eğrisi (düzeltmeler)</translation>
    </message>
    <message>
        <source>Difference from the training music</source>
        <translation>Eğitim müziğinden fark</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>sure</source>
        <translation>kesin</translation>
    </message>
    <message>
        <source>two candidates</source>
        <translation>iki aday</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>inceleme gerekli</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Kesin</translation>
    </message>
    <message>
        <source>Two candidates</source>
        <translation>İki aday</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>İnceleme gerekli</translation>
    </message>
    <message>
        <source>Sure: one emotion is clear enough (its probability reaches the threshold in Settings) and is shown alone.</source>
        <translation>Kesin: bir duygu yeterince açık (olasılığı Ayarlar&apos;daki eşiğe ulaşıyor) ve tek başına gösterilir.</translation>
    </message>
    <message>
        <source>Two candidates: no single emotion is clear, but the best two together are; the music is very likely one of them.</source>
        <translation>İki aday: tek bir duygu açık değil, ama en iyi ikisi birlikte açık; müzik büyük olasılıkla bunlardan biri.</translation>
    </message>
    <message>
        <source>Needs review: not even the best two emotions together are clear; a person should listen and choose.</source>
        <translation>İnceleme gerekli: en iyi iki duygu birlikte bile açık değil; bir kişi dinleyip seçmeli.</translation>
    </message>
</context>
<context>
    <name>Drift</name>
    <message>
        <source>No drift detected; the model matches this library.</source>
        <translation>Kayma saptanmadı; model bu kitaplığa uyuyor.</translation>
    </message>
    <message>
        <source>The model may not suit this library. Correct a few predictions of the affected tracks, then retrain with the corrections (tmer train --feedback).</source>
        <translation>Model bu kitaplığa uymuyor olabilir. Etkilenen parçaların birkaç tahminini düzeltin, ardından modeli düzeltmelerle yeniden eğitin (tmer train --feedback).</translation>
    </message>
    <message>
        <source>Comparing this music with the music the model learnt from needs {needed} independent half-minutes; so far there is {windows}.</source>
        <translation>Bu müziği modelin öğrendiği müzikle karşılaştırmak için {needed} bağımsız yarım dakika gerekiyor; şimdilik {windows} tane var.</translation>
    </message>
    <message>
        <source>Comparing this music with the music the model learnt from needs {needed} independent half-minutes; so far there are {windows}.</source>
        <translation>Bu müziği modelin öğrendiği müzikle karşılaştırmak için {needed} bağımsız yarım dakika gerekiyor; şimdilik {windows} tane var.</translation>
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
        <translation>Bu müzik, {total} ölçümün {shifted} tanesinde modelin öğrendiği müziğe benzemiyor ({bar} üzerinde kayma; en büyükleri: {worst}).</translation>
    </message>
    <message>
        <source>The model is unsure about {share:.0f}% of the music (confidence below {low:.2f}; expected at most {bar:.0f}%).</source>
        <translation>Model müziğin %{share:.0f} kadarında emin değil ({low:.2f} altında güven; beklenen en çok %{bar:.0f}).</translation>
    </message>
    <message>
        <source>Telling how often the model is right on this music needs {needed} corrections; so far there is {count}.</source>
        <translation>Modelin bu müzikte ne sıklıkla doğru olduğunu anlamak için {needed} düzeltme gerekiyor; şimdilik {count} tane var.</translation>
    </message>
    <message>
        <source>Telling how often the model is right on this music needs {needed} corrections; so far there are {count}.</source>
        <translation>Modelin bu müzikte ne sıklıkla doğru olduğunu anlamak için {needed} düzeltme gerekiyor; şimdilik {count} tane var.</translation>
    </message>
    <message>
        <source>Your {count} corrections say the model was right {accuracy:.0f}% of the time (expected at least {bar:.0f}%).</source>
        <translation>{count} düzeltmenize göre model zamanın %{accuracy:.0f} kadarında doğruydu (beklenen en az %{bar:.0f}).</translation>
    </message>
    <message>
        <source>On your corrections the confidence shown does not match how often the model is right (calibration error {ece:.2f}, expected at most {bar:.2f}).</source>
        <translation>Düzeltmelerinizde gösterilen güven, modelin ne sıklıkla doğru olduğuyla örtüşmüyor (kalibrasyon hatası {ece:.2f}; beklenen en çok {bar:.2f}).</translation>
    </message>
</context>
<context>
    <name>Emotions</name>
    <message>
        <source>happy</source>
        <translation>mutlu</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>üzgün</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>öfkeli</translation>
    </message>
    <message>
        <source>relaxed</source>
        <translation>rahat</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Mutlu</translation>
    </message>
    <message>
        <source>Sad</source>
        <translation>Üzgün</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Öfkeli</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>Rahat</translation>
    </message>
</context>
<context>
    <name>Families</name>
    <message>
        <source>tempo and rhythm</source>
        <translation>tempo ve ritim</translation>
    </message>
    <message>
        <source>loudness and dynamics</source>
        <translation>ses düzeyi ve dinamikler</translation>
    </message>
    <message>
        <source>brightness</source>
        <translation>parlaklık</translation>
    </message>
    <message>
        <source>tone colour (timbre)</source>
        <translation>ses rengi (tını)</translation>
    </message>
    <message>
        <source>roughness and dissonance</source>
        <translation>pürüzlülük ve uyumsuzluk</translation>
    </message>
    <message>
        <source>harmony and key</source>
        <translation>armoni ve tonalite</translation>
    </message>
</context>
<context>
    <name>ModelsPanel</name>
    <message>
        <source>Version</source>
        <translation>Sürüm</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oluşturulma</translation>
    </message>
    <message>
        <source>Score in tests</source>
        <translation>Test puanı</translation>
    </message>
    <message>
        <source>On your held-back corrections</source>
        <translation>Ayrılan düzeltmelerinizde</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Düzeltmeler</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Karar</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Etkin</translation>
    </message>
    <message>
        <source>How often the model was right on training music it had not seen, from 0 to 1 (cross-validated macro-F1: the F1 score averaged over the four emotions).</source>
        <translation>Modelin görmediği eğitim müziğinde ne sıklıkla doğru bildiği, 0&apos;dan 1&apos;e (çapraz doğrulamalı makro-F1: dört duygu üzerinden ortalaması alınan F1 puanı).</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>Model sürümleri</translation>
    </message>
    <message>
        <source>Export corrections…</source>
        <translation>Düzeltmeleri dışa aktar…</translation>
    </message>
    <message>
        <source>without file names and notes</source>
        <translation>dosya adları ve notlar olmadan</translation>
    </message>
    <message>
        <source>Retrain with corrections</source>
        <translation>Düzeltmelerle yeniden eğit</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Etkinleştir</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>The model versions cannot be listed: {error}</source>
        <translation>Model sürümleri listelenemiyor: {error}</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>etkinleştirildi</translation>
    </message>
    <message>
        <source>kept, not promoted</source>
        <translation>saklandı, etkinleştirilmedi</translation>
    </message>
    <message>
        <source>bundled</source>
        <comment>the model shipped with the app</comment>
        <translation>yerleşik</translation>
    </message>
    <message>
        <source>{used} (+{held} held back)</source>
        <translation>{used} (+{held} ayrılmış)</translation>
    </message>
    <message>
        <source>✓ active</source>
        <translation>✓ etkin</translation>
    </message>
    <message>
        <source>No corrections yet: correct a few tracks in the Player or the Review queue first.</source>
        <translation>Henüz düzeltme yok: önce Oynatıcı&apos;da veya İnceleme kuyruğunda birkaç parçayı düzeltin.</translation>
    </message>
    <message>
        <source>Train a new model version from your corrections; it becomes active only if it does better.</source>
        <translation>Düzeltmelerinizden yeni bir model sürümü eğitir; yalnızca daha iyi sonuç verirse etkin olur.</translation>
    </message>
    <message>
        <source>There is no earlier model version to go back to.</source>
        <translation>Geri dönülecek daha eski bir model sürümü yok.</translation>
    </message>
    <message>
        <source>Make the model version before the active one active again.</source>
        <translation>Etkin olandan önceki model sürümünü yeniden etkin yapar.</translation>
    </message>
    <message>
        <source>{new} right on {count}</source>
        <translation>{count} düzeltmede {new} doğru</translation>
    </message>
    <message>
        <source>{old} → {new} right on {count}</source>
        <translation>{count} düzeltmede {old} → {new} doğru</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n correction(s) to {path}.</source>
        <translation>
            <numerusform>{path} dosyasına %n düzeltme yazıldı.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retraining with the corrections… (the app stays usable)</source>
        <translation>Düzeltmelerle yeniden eğitiliyor… (uygulama kullanılabilir durumda)</translation>
    </message>
    <message>
        <source>Candidate {candidate} vs {current}: score in tests {new} vs {old} ({folds} folds x {repeats})</source>
        <translation>Aday {candidate} ile {current}: test puanı {new} / {old} ({folds} katman x {repeats})</translation>
    </message>
    <message>
        <source>On your {count} held-back corrections: {old} right before, {new} with this version</source>
        <translation>Ayrılan {count} düzeltmenizde: önce {old} doğru, bu sürümle {new}</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>PROMOTED: {reason}</source>
        <translation>ETKİNLEŞTİRİLDİ: {reason}</translation>
    </message>
    <message>
        <source>NOT promoted: {reason}</source>
        <translation>Etkinleştirilmedi: {reason}</translation>
    </message>
    <message>
        <source>Retraining failed: {message}</source>
        <translation>Yeniden eğitim başarısız: {message}</translation>
    </message>
    <message>
        <source>Model {version} is now active.</source>
        <translation>{version} modeli artık etkin.</translation>
    </message>
    <message>
        <source>Rolled back: model {version} is now active.</source>
        <translation>Geri alındı: {version} modeli artık etkin.</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>Önce bir model sürümü seçin.</translation>
    </message>
    <message>
        <source>Export corrections</source>
        <translation>Düzeltmeleri dışa aktar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV dosyası (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Dışa aktarma başarısız</translation>
    </message>
</context>
<context>
    <name>Playlists</name>
    <message>
        <source>{count} excluded</source>
        <translation>hariç tutulan: {count}</translation>
    </message>
    <message>
        <source>{count} of unknown genre</source>
        <translation>türü bilinmeyen: {count}</translation>
    </message>
    <message>
        <source>{count} of another genre</source>
        <translation>başka türden: {count}</translation>
    </message>
    <message>
        <source>{count} of unknown artist</source>
        <translation>sanatçısı bilinmeyen: {count}</translation>
    </message>
    <message>
        <source>{count} of another artist</source>
        <translation>başka sanatçıdan: {count}</translation>
    </message>
    <message>
        <source>{count} of unknown language</source>
        <translation>dili bilinmeyen: {count}</translation>
    </message>
    <message>
        <source>{count} of another language</source>
        <translation>başka dilde: {count}</translation>
    </message>
    <message>
        <source>{count} too far from the path</source>
        <translation>yola çok uzak: {count}</translation>
    </message>
    <message>
        <source>must include</source>
        <translation>zorunlu</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>sizin seçiminiz</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>kayıtlı</translation>
    </message>
    <message>
        <source>{emotion} {confidence:.0f}% ({decision})</source>
        <translation>{emotion} %{confidence:.0f} ({decision})</translation>
    </message>
    <message>
        <source>{share:.0f}% of the way to {goal}</source>
        <translation>{goal} hedefine giden yolun %{share:.0f} kadarı</translation>
    </message>
    <message>
        <source>{distance:.2f} from the planned point</source>
        <translation>planlanan noktaya {distance:.2f} uzaklıkta</translation>
    </message>
    <message>
        <source>step {step:.2f}</source>
        <translation>adım {step:.2f}</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>kilitli</translation>
    </message>
    <message>
        <source>{list} · {item}</source>
        <translation>{list} · {item}</translation>
    </message>
    <message>
        <source>There is no slot {number} in this session (it has {count}).</source>
        <translation>Bu seansta {number}. sıra yok (seansta {count} parça var).</translation>
    </message>
    <message>
        <source>The new order must contain exactly the tracks of the session.</source>
        <translation>Yeni sıralama, seanstaki parçaların tam olarak aynısını içermelidir.</translation>
    </message>
    <message>
        <source>Track {track} is not a tagged track of the library.</source>
        <translation>{track} numaralı parça, kitaplıkta etiketlenmiş bir parça değil.</translation>
    </message>
    <message>
        <source>{title} is already in this session.</source>
        <translation>{title} zaten bu seansta.</translation>
    </message>
    <message>
        <source>{list} {item}</source>
        <translation>{list} {item}</translation>
    </message>
    <message>
        <source>Track {track} cannot give the starting mood: it is not a tagged track of the library. Tag it first, or choose a starting mood.</source>
        <translation>Başlangıç ruh hali {track} numaralı parçadan ölçülemez: kitaplıkta etiketlenmiş bir parça değil. Önce parçayı etiketleyin ya da bir başlangıç ruh hali seçin.</translation>
    </message>
    <message>
        <source>The measured starting mood has no probabilities.</source>
        <translation>Ölçülen başlangıç ruh halinin olasılıkları yok.</translation>
    </message>
    <message>
        <source>Choose a starting mood (or a track or recording to measure it from).</source>
        <translation>Bir başlangıç ruh hali seçin (ya da onu ölçmek için bir parça veya kayıt).</translation>
    </message>
    <message>
        <source>Starting mood: {reason}</source>
        <translation>Başlangıç ruh hali: {reason}</translation>
    </message>
    <message>
        <source>Track {track} must be included but is not a tagged track of the library.</source>
        <translation>{track} numaralı parça zorunlu, ancak kitaplıkta etiketlenmiş bir parça değil.</translation>
    </message>
    <message>
        <source>Track {track} is both excluded and required; choose one.</source>
        <translation>{track} numaralı parça hem hariç tutulmuş hem zorunlu; birini seçin.</translation>
    </message>
    <message>
        <source>The locked and required tracks alone last {minutes:.1f} min, more than the {target:.1f} min asked for.</source>
        <translation>Kilitli ve zorunlu parçalar tek başına {minutes:.1f} dk sürüyor; bu, istenen süreden ({target:.1f} dk) fazla.</translation>
    </message>
    <message>
        <source>Only {minutes:.1f} of the {target:.1f} minutes could be filled with suitable tracks ({count} suitable track(s) near the path {start} → {goal}). Tag more music or relax the filters.</source>
        <translation>Uygun parçalarla {target:.1f} dakikanın yalnızca {minutes:.1f} dakikası doldurulabildi ({start} → {goal} yoluna yakın uygun parça sayısı: {count}). Daha fazla müzik etiketleyin ya da filtreleri gevşetin.</translation>
    </message>
    <message>
        <source>No suitable track fits a {minutes:.1f}-minute session ({start} → {goal}): the shortest suitable track lasts {shortest:.1f} minutes. Ask for a longer session.</source>
        <translation>Hiçbir uygun parça {minutes:.1f} dakikalık bir seansa sığmıyor ({start} → {goal}): en kısa uygun parça {shortest:.1f} dakika sürüyor. Daha uzun bir seans isteyin.</translation>
    </message>
    <message>
        <source>No track in the library suits the journey {start} → {goal} ({why}).</source>
        <translation>Kitaplıkta {start} → {goal} yolculuğuna uyan parça yok ({why}).</translation>
    </message>
    <message>
        <source>{list}; {item}</source>
        <translation>{list}; {item}</translation>
    </message>
    <message>
        <source>No track in the library suits the journey {start} → {goal}.</source>
        <translation>Kitaplıkta {start} → {goal} yolculuğuna uyan parça yok.</translation>
    </message>
    <message>
        <source>The closest, {title} ({emotion}), is {distance:.2f} from the path; tracks must be within {limit:.1f}.</source>
        <translation>En yakın parça, {title} ({emotion}), yola {distance:.2f} uzaklıkta; parçalar en fazla {limit:.1f} uzaklıkta olmalı.</translation>
    </message>
    <message>
        <source>Tag music that carries these moods, or choose another start or goal.</source>
        <translation>Bu ruh hallerini taşıyan müzikler etiketleyin ya da başka bir başlangıç veya hedef seçin.</translation>
    </message>
    <message>
        <source>The session length must be a number of minutes, not {value}.</source>
        <translation>Seans süresi dakika cinsinden bir sayı olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>The session length must be between 0 and {maximum} minutes, not {value}.</source>
        <translation>Seans süresi 0 ile {maximum} dakika arasında olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>Goal: {reason}</source>
        <translation>Hedef: {reason}</translation>
    </message>
    <message>
        <source>The library has no tagged tracks to build a session from ({count} track(s) in the library: {why}). Tag a music folder first (tmer tag FOLDER --out results.csv, or Open music folder… in the app).</source>
        <translation>Kitaplıkta seans oluşturmak için etiketlenmiş parça yok (kitaplıktaki parça sayısı: {count}; {why}). Önce bir müzik klasörünü etiketleyin (tmer tag FOLDER --out results.csv ya da uygulamada “Müzik klasörü aç…”).</translation>
    </message>
    <message>
        <source>The library has no tagged tracks to build a session from. Tag a music folder first (tmer tag FOLDER --out results.csv, or Open music folder… in the app).</source>
        <translation>Kitaplıkta seans oluşturmak için etiketlenmiş parça yok. Önce bir müzik klasörünü etiketleyin (tmer tag FOLDER --out results.csv ya da uygulamada “Müzik klasörü aç…”).</translation>
    </message>
    <message>
        <source>The duration tolerance must be zero or more seconds, not {value}.</source>
        <translation>Süre toleransı sıfır ya da daha fazla saniye olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>The settle fraction must be in [0, 1), not {value}.</source>
        <translation>Yerleşme oranı [0, 1) aralığında olmalı, {value} değil.</translation>
    </message>
    <message>
        <source>The library has little music near the starting mood ({mood}): the session begins {distance:.2f} away from it.</source>
        <translation>Kitaplıkta başlangıç ruh haline ({mood}) yakın müzik az: seans ondan {distance:.2f} uzakta başlıyor.</translation>
    </message>
    <message>
        <source>The library has little music near the goal ({mood}): the session ends {distance:.2f} away from it.</source>
        <translation>Kitaplıkta hedefe ({mood}) yakın müzik az: seans ondan {distance:.2f} uzakta bitiyor.</translation>
    </message>
    <message>
        <source>{count} not tagged yet</source>
        <translation>henüz etiketlenmemiş: {count}</translation>
    </message>
    <message>
        <source>{count} with an analysis error</source>
        <translation>analiz hatası olan: {count}</translation>
    </message>
    <message>
        <source>{count} without a known duration</source>
        <translation>süresi bilinmeyen: {count}</translation>
    </message>
    <message>
        <source>{count} whose file is missing</source>
        <translation>dosyası bulunmayan: {count}</translation>
    </message>
    <message>
        <source>the track path {path} contains a line break and cannot be written into a playlist</source>
        <translation>{path} parça yolu satır sonu içeriyor ve çalma listesine yazılamaz</translation>
    </message>
    <message>
        <source>the file is {size} MB, too large for a playlist</source>
        <translation>dosya {size} MB, bir çalma listesi için çok büyük</translation>
    </message>
    <message>
        <source>this is a folder, not a playlist file</source>
        <translation>bu bir klasör, çalma listesi dosyası değil</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>dosya yok</translation>
    </message>
    <message>
        <source>this is a binary file, not a playlist</source>
        <translation>bu ikili bir dosya, çalma listesi değil</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (an .m3u8 must be UTF-8)</source>
        <translation>dosya UTF-8 metin değil (.m3u8 dosyası UTF-8 olmalı)</translation>
    </message>
    <message>
        <source>There is no saved session with id {id}.</source>
        <translation>{id} kimlikli kayıtlı seans yok.</translation>
    </message>
    <message>
        <source>{count} track(s) of this session are no longer usable: {titles}</source>
        <translation>Bu seansın artık kullanılamayan parçaları ({count}): {titles}</translation>
    </message>
    <message>
        <source>The session is empty: there is nothing to export.</source>
        <translation>Seans boş: dışa aktarılacak bir şey yok.</translation>
    </message>
    <message>
        <source>Unknown mood &apos;{word}&apos;; use one of: {accepted}.</source>
        <translation>Bilinmeyen ruh hali &apos;{word}&apos;; şunlardan birini kullanın: {accepted}.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Not recording.</source>
        <translation>Kayıt yapılmıyor.</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Aygıtları yenile</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Kaydet</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Durdur</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Giriş:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Düzey:</translation>
    </message>
    <message>
        <source>Input device</source>
        <translation>Giriş aygıtı</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>Giriş seviyesi</translation>
    </message>
    <message>
        <source>Loudness of the input in decibels below full scale</source>
        <translation>Girişin tam ölçeğin altındaki desibel cinsinden ses yüksekliği</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>Kayıt süresi</translation>
    </message>
    <message>
        <source>Live waveform</source>
        <translation>Canlı dalga biçimi</translation>
    </message>
    <message>
        <source>The last seconds of sound from the input</source>
        <translation>Girişten gelen sesin son saniyeleri</translation>
    </message>
    <message>
        <source>%v dB</source>
        <translation>%v dB</translation>
    </message>
    <message>
        <source>How loud the input is, in decibels below the loudest it can record (dBFS): 0 dB is the maximum, -60 dB is silence.</source>
        <translation>Girişin ne kadar yüksek olduğu, kaydedebileceği en yüksek sesin altında desibel olarak (dBFS): 0 dB en yüksek, -60 dB sessizliktir.</translation>
    </message>
    <message>
        <source>Seconds before now</source>
        <translation>Şu andan önceki saniyeler</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Sürdür</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
    <message>
        <source>Could not start recording: {error}</source>
        <translation>Kayıt başlatılamadı: {error}</translation>
    </message>
    <message>
        <source>Waiting for the first full window ({seconds} s)…</source>
        <translation>İlk tam pencere bekleniyor ({seconds} sn)…</translation>
    </message>
    <message>
        <source>Recording to {path}</source>
        <translation>Kaydediliyor: {path}</translation>
    </message>
    <message>
        <source>Paused — audio is not kept until you resume.</source>
        <translation>Duraklatıldı — sürdürene kadar ses kaydedilmez.</translation>
    </message>
    <message>
        <source>Stopped: {seconds} s saved in {path}. Analysing the end and adding it to the library…</source>
        <translation>Durduruldu: {seconds} sn {path} içine kaydedildi. Son kısım analiz ediliyor ve kitaplığa ekleniyor…</translation>
    </message>
    <message>
        <source>Recording kept at {path}, but not added to the library: {error}</source>
        <translation>Kayıt {path} konumunda saklandı, ancak kitaplığa eklenemedi: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Saved: {path} is in the library with %n window(s).</source>
        <translation>
            <numerusform>Kaydedildi: {path}, %n pencereyle kitaplıkta.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording added to the library.</source>
        <translation>Kayıt kitaplığa eklendi.</translation>
    </message>
    <message>
        <source>no estimate</source>
        <translation>tahmin yok</translation>
    </message>
    <message>
        <source>Provisional estimate from the first {seconds} s (not a full window, not stored):</source>
        <translation>İlk {seconds} sn için geçici tahmin (tam pencere değil, saklanmaz):</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s) analysed; latest {start}–{end} s: {result} (ready {latency} s after the window ended)</source>
        <translation>
            <numerusform>%n pencere analiz edildi; sonuncusu {start}–{end} sn: {result} (pencere bittikten {latency} sn sonra hazır)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <source>Recording unavailable: {reason}</source>
        <translation>Kayıt kullanılamıyor: {reason}</translation>
    </message>
    <message>
        <source>No audio input device found: connect a microphone or audio interface (and check that the system lets this program use it), then try again.</source>
        <translation>Ses giriş aygıtı bulunamadı: bir mikrofon ya da ses arabirimi bağlayın (ve sistemin bu programın onu kullanmasına izin verdiğini denetleyin), sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disk dolu</translation>
    </message>
    <message>
        <source>the system refused the write (disk full, file too large or storage removed)</source>
        <translation>sistem yazmayı reddetti (disk dolu, dosya çok büyük ya da depolama aygıtı çıkarıldı)</translation>
    </message>
    <message>
        <source>{path}: writing the recording failed ({reason}). Recording stopped; the first {seconds:.1f} s are saved in this file.</source>
        <translation>{path}: kayıt yazılamadı ({reason}). Kayıt durdu; ilk {seconds:.1f} sn bu dosyada kayıtlı.</translation>
    </message>
    <message>
        <source>A recording is already running</source>
        <translation>Zaten süren bir kayıt var</translation>
    </message>
    <message>
        <source>input device {device} is not available ({detail})</source>
        <translation>{device} giriş aygıtı kullanılamıyor ({detail})</translation>
    </message>
    <message>
        <source>{folder}: cannot create the recordings folder ({detail})</source>
        <translation>{folder}: kayıt klasörü oluşturulamıyor ({detail})</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>izin reddedildi</translation>
    </message>
    <message>
        <source>{path}: cannot create the recording file ({reason})</source>
        <translation>{path}: kayıt dosyası oluşturulamıyor ({reason})</translation>
    </message>
    <message>
        <source>Cannot open the input device: {detail}</source>
        <translation>Giriş aygıtı açılamıyor: {detail}</translation>
    </message>
    <message>
        <source>Input overflow: the computer fell behind and a few milliseconds of audio were lost at this point.</source>
        <translation>Giriş taşması: bilgisayar geride kaldı ve bu noktada birkaç milisaniyelik ses kayboldu.</translation>
    </message>
    <message>
        <source>The input device stopped delivering audio (unplugged or taken by another program). Recording ended; the audio up to here is saved.</source>
        <translation>Giriş aygıtı ses göndermeyi bıraktı (çıkarıldı ya da başka bir program tarafından kullanılıyor). Kayıt sona erdi; buraya kadarki ses kaydedildi.</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>sessiz</translation>
    </message>
    <message>
        <source>{path}: the recording is too short to analyse ({seconds:.2f} s; at least {minimum} s is needed). The file is kept.</source>
        <translation>{path}: kayıt çözümlemek için çok kısa ({seconds:.2f} sn; en az {minimum} sn gerekir). Dosya saklanıyor.</translation>
    </message>
    <message>
        <source>{path}: the recording holds no signal (silence) — nothing to tag. The file is kept.</source>
        <translation>{path}: kayıtta sinyal yok (sessizlik); etiketlenecek bir şey yok. Dosya saklanıyor.</translation>
    </message>
</context>
<context>
    <name>SessionBuilderView</name>
    <message>
        <source>Relaxing (→ relaxed)</source>
        <translation>Rahatlatıcı (→ rahat)</translation>
    </message>
    <message>
        <source>Energizing (→ happy)</source>
        <translation>Enerji verici (→ mutlu)</translation>
    </message>
    <message>
        <source>or from track</source>
        <translation>ya da parçadan</translation>
    </message>
    <message>
        <source>Start mood:</source>
        <translation>Başlangıç ruh hali:</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Hedef:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Süre:</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Yalnızca:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Başlık:</translation>
    </message>
    <message>
        <source>Client pseudonym:</source>
        <translation>Danışan takma adı:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notlar:</translation>
    </message>
    <message>
        <source>Saved sessions:</source>
        <translation>Kayıtlı seanslar:</translation>
    </message>
    <message>
        <source>Suggestions:</source>
        <translation>Öneriler:</translation>
    </message>
    <message>
        <source>Add a track:</source>
        <translation>Parça ekle:</translation>
    </message>
    <message>
        <source>Measure the starting mood from a tagged track instead</source>
        <translation>Başlangıç ruh halini bunun yerine etiketli bir parçadan ölç</translation>
    </message>
    <message>
        <source> min</source>
        <translation> dk</translation>
    </message>
    <message>
        <source>e.g. Tuesday group, week 3</source>
        <translation>ör. Salı grubu, 3. hafta</translation>
    </message>
    <message>
        <source>no real names</source>
        <translation>gerçek ad kullanmayın</translation>
    </message>
    <message>
        <source>Notes for this session</source>
        <translation>Bu seansla ilgili notlar</translation>
    </message>
    <message>
        <source>any genre (comma-separated to limit)</source>
        <translation>her tür (sınırlamak için virgülle ayırın)</translation>
    </message>
    <message>
        <source>any artist (comma-separated to limit)</source>
        <translation>her sanatçı (sınırlamak için virgülle ayırın)</translation>
    </message>
    <message>
        <source>Build session</source>
        <translation>Seans oluştur</translation>
    </message>
    <message>
        <source>Start mood</source>
        <translation>Başlangıç ruh hali</translation>
    </message>
    <message>
        <source>Start mood from a track</source>
        <translation>Bir parçadan başlangıç ruh hali</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Hedef</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Dakika cinsinden süre</translation>
    </message>
    <message>
        <source>Only these genres</source>
        <translation>Yalnızca bu türler</translation>
    </message>
    <message>
        <source>Only these artists</source>
        <translation>Yalnızca bu sanatçılar</translation>
    </message>
    <message>
        <source>Session title</source>
        <translation>Seans başlığı</translation>
    </message>
    <message>
        <source>Client pseudonym</source>
        <translation>Danışan takma adı</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Seans notları</translation>
    </message>
    <message>
        <source>Saved sessions</source>
        <translation>Kayıtlı seanslar</translation>
    </message>
    <message>
        <source>Tracks of the session, in play order</source>
        <translation>Seansın parçaları, çalma sırasıyla</translation>
    </message>
    <message>
        <source>Suggested replacements</source>
        <translation>Önerilen yerine koymalar</translation>
    </message>
    <message>
        <source>Track to add</source>
        <translation>Eklenecek parça</translation>
    </message>
    <message>
        <source>Session path in valence and arousal</source>
        <translation>Değerlik ve uyarılmışlık düzleminde seans yolu</translation>
    </message>
    <message>
        <source>Each track is a point, its shape and colour its emotion: circle happy, square sad, triangle angry, diamond relaxed; the dashed line is the planned path from the star at the start to the goal.</source>
        <translation>Her parça bir noktadır; şekli ve rengi duygusunu gösterir: daire mutlu, kare üzgün, üçgen öfkeli, eşkenar dörtgen rahat; kesikli çizgi, başlangıçtaki yıldızdan hedefe planlanan yoldur.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <source>Lock / unlock</source>
        <translation>Kilitle / kilidi aç</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Değiştir</translation>
    </message>
    <message>
        <source>Re-plan unlocked</source>
        <translation>Kilitsizleri yeniden planla</translation>
    </message>
    <message>
        <source>Add before selected</source>
        <translation>Seçilenin önüne ekle</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Seansı kaydet</translation>
    </message>
    <message>
        <source>relative paths</source>
        <translation>göreli yollar</translation>
    </message>
    <message>
        <source>Export M3U8…</source>
        <translation>M3U8 olarak dışa aktar…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>valence (unpleasant → pleasant)</source>
        <translation>değerlik (hoş olmayan → hoş)</translation>
    </message>
    <message>
        <source>arousal (calm → energetic)</source>
        <translation>uyarılma (sakin → enerjik)</translation>
    </message>
    <message>
        <source>planned path (☆ start → goal)</source>
        <translation>planlanan yol (☆ başlangıç → hedef)</translation>
    </message>
    <message>
        <source>tracks in play order</source>
        <translation>çalma sırasındaki parçalar</translation>
    </message>
    <message>
        <source>— the chosen mood —</source>
        <translation>— seçilen ruh hali —</translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n track(s))</source>
        <translation>
            <numerusform>{title} (%n parça)</numerusform>
        </translation>
    </message>
    <message>
        <source>No analysed tracks to build a session from yet. In the Library tab, press “Open music folder…” (or drop a folder there) to analyse your music first.</source>
        <translation>Henüz oturum oluşturulacak analiz edilmiş parça yok. Önce müziğinizi analiz etmek için Kitaplık sekmesinde “Müzik klasörü aç…” düğmesine basın (veya oraya bir klasör bırakın).</translation>
    </message>
    <message numerus="yes">
        <source>Built %n tracks from {tagged} tagged.</source>
        <translation>
            <numerusform>{tagged} etiketli parçadan %n parça seçildi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed {title}.</source>
        <translation>{title} kaldırıldı.</translation>
    </message>
    <message>
        <source>Re-planned the unlocked slots.</source>
        <translation>Kilitsiz yerler yeniden planlandı.</translation>
    </message>
    <message>
        <source>Build a session first.</source>
        <translation>Önce bir seans oluşturun.</translation>
    </message>
    <message>
        <source>{start} to {goal}</source>
        <translation>{start} → {goal}</translation>
    </message>
    <message>
        <source>Saved “{title}” in the library.</source>
        <translation>“{title}” kitaplığa kaydedildi.</translation>
    </message>
    <message>
        <source>Opened “{title}”.</source>
        <translation>“{title}” açıldı.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tracks to {path}.</source>
        <translation>
            <numerusform>{path} dosyasına %n parça aktarıldı.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to {path}.</source>
        <translation>
            <numerusform>{path} dosyasına %n satır aktarıldı.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export playlist</source>
        <translation>Çalma listesini dışa aktar</translation>
    </message>
    <message>
        <source>Playlists (*.m3u8 *.m3u)</source>
        <translation>Çalma listeleri (*.m3u8 *.m3u)</translation>
    </message>
    <message>
        <source>Export session as CSV</source>
        <translation>Seansı CSV olarak dışa aktar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV dosyası (*.csv)</translation>
    </message>
    <message>
        <source>{title} — {emotion} {confidence}, {distance} from the point, {duration}</source>
        <translation>{title} — {emotion} {confidence}, noktaya {distance} uzaklıkta, {duration}</translation>
    </message>
    <message>
        <source>When saved: {reason}</source>
        <translation>Kaydedildiğinde: {reason}</translation>
    </message>
    <message>
        <source>Tick the box to lock this track when re-planning.</source>
        <translation>Yeniden planlarken bu parçayı kilitlemek için kutuyu işaretleyin.</translation>
    </message>
    <message numerus="yes">
        <source>{start} → {goal}: %n tracks, {total} of {target} (within ±{tolerance})</source>
        <translation>
            <numerusform>{start} → {goal}: %n parça, {total} / {target} (±{tolerance} içinde)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{start} → {goal}: %n tracks, {total} of {target} (outside ±{tolerance})</source>
        <translation>
            <numerusform>{start} → {goal}: %n parça, {total} / {target} (±{tolerance} dışında)</numerusform>
        </translation>
    </message>
    <message>
        <source>{number}. {title}  [{duration}, starts {start}]</source>
        <translation>{number}. {title}  [{duration}, {start} anında başlar]</translation>
    </message>
</context>
</TS>
