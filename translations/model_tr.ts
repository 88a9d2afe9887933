<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>Feedback</name>
    <message>
        <source>{path}: row {row} (line {line}), column &apos;{column}&apos;: {reason}</source>
        <translation>{path}: satır {row} (dosyada satır {line}), sütun &apos;{column}&apos;: {reason}</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} bir tam sayı değil</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} bir sayı değil</translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation>{value} sonlu bir sayı değil</translation>
    </message>
    <message>
        <source>{value} is outside {low}..{high}</source>
        <translation>{value}, {low}..{high} aralığının dışında</translation>
    </message>
    <message>
        <source>{value} is below the minimum of {low}</source>
        <translation>{value}, en küçük değer olan {low} değerinin altında</translation>
    </message>
    <message>
        <source>{value} is above the maximum of {high}</source>
        <translation>{value}, en büyük değer olan {high} değerinin üzerinde</translation>
    </message>
    <message>
        <source>unknown label {value}; expected one of {labels}</source>
        <translation>bilinmeyen etiket {value}; şunlardan biri bekleniyordu: {labels}</translation>
    </message>
    <message>
        <source>{value} is not 1/0 (true/false)</source>
        <translation>{value}, 1/0 (true/false) değil</translation>
    </message>
    <message>
        <source>all {count} feature values are empty</source>
        <translation>{count} öznitelik değerinin tümü boş</translation>
    </message>
    <message>
        <source>the row is marked correct but corrects {predicted} to {corrected}</source>
        <translation>satır doğru olarak işaretlenmiş, ama {predicted} etiketini {corrected} olarak düzeltiyor</translation>
    </message>
    <message>
        <source>the row is marked incorrect but confirms {predicted}</source>
        <translation>satır yanlış olarak işaretlenmiş, ama {predicted} etiketini onaylıyor</translation>
    </message>
    <message>
        <source>{stated} disagrees with is_correct/predicted_label/corrected_label ({truth})</source>
        <translation>{stated}, is_correct/predicted_label/corrected_label ile uyuşmuyor ({truth})</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a feedback CSV file</source>
        <translation>{path}: bir klasör, düzeltme CSV dosyası değil</translation>
    </message>
    <message>
        <source>{path}: the file is empty (expected a header and correction rows)</source>
        <translation>{path}: dosya boş (bir başlık satırı ve düzeltme satırları bekleniyordu)</translation>
    </message>
    <message>
        <source>{path}: the file is too large ({megabytes:.0f} MB); a feedback CSV may have at most {limit:.0f} MB</source>
        <translation>{path}: dosya çok büyük ({megabytes:.0f} MB); bir düzeltme CSV dosyası en fazla {limit:.0f} MB olabilir</translation>
    </message>
    <message>
        <source>{path}: not a UTF-8 text file (byte {offset} is invalid)</source>
        <translation>{path}: UTF-8 metin dosyası değil ({offset}. bayt geçersiz)</translation>
    </message>
    <message>
        <source>{path}: line {line}: a row longer than {limit} characters; not a feedback CSV (a correction row has 1,000 to 2,000)</source>
        <translation>{path}: satır {line}: {limit} karakterden uzun bir satır; bu bir düzeltme CSV dosyası değil (bir düzeltme satırı 1.000 ile 2.000 karakter arasıdır)</translation>
    </message>
    <message>
        <source>{path}: contains NUL bytes; not a CSV text file</source>
        <translation>{path}: NUL baytları içeriyor; CSV metin dosyası değil</translation>
    </message>
    <message>
        <source>{path}: no header row</source>
        <translation>{path}: başlık satırı yok</translation>
    </message>
    <message>
        <source>{path}: the header has {count} columns; a feedback CSV has at most {limit}</source>
        <translation>{path}: başlıkta {count} sütun var; bir düzeltme CSV dosyasında en fazla {limit} sütun olur</translation>
    </message>
    <message>
        <source>{path}: duplicated column(s): {columns}</source>
        <translation>{path}: yinelenen sütun(lar): {columns}</translation>
    </message>
    <message>
        <source>{path}: missing {count} required column(s): {columns} (is this a file from &apos;tmer export-feedback&apos;?)</source>
        <translation>{path}: {count} zorunlu sütun eksik: {columns} (bu dosya &apos;tmer export-feedback&apos; ile mi oluşturuldu?)</translation>
    </message>
    <message>
        <source>{path}: more than {limit} rows, the most a feedback CSV may hold (is this a file from &apos;tmer export-feedback&apos;?)</source>
        <translation>{path}: {limit} satırdan fazla, bir düzeltme CSV dosyasının alabileceği en çok satır bu (bu dosya &apos;tmer export-feedback&apos; ile mi oluşturuldu?)</translation>
    </message>
    <message>
        <source>{path}: row {row} (line {line}) has {cells} cells, the header has {columns}</source>
        <translation>{path}: satır {row} (dosyada satır {line}) {cells} hücre içeriyor, başlıkta ise {columns} sütun var</translation>
    </message>
    <message>
        <source>{path}: not a valid CSV file (line {line}: {detail})</source>
        <translation>{path}: geçerli bir CSV dosyası değil (satır {line}: {detail})</translation>
    </message>
    <message>
        <source>{path}: has a header but no correction rows</source>
        <translation>{path}: başlık satırı var, ama hiç düzeltme satırı yok</translation>
    </message>
    <message>
        <source>{path}: cannot read the feedback file ({detail})</source>
        <translation>{path}: düzeltme dosyası okunamıyor ({detail})</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>cannot create the model directory ({detail})</source>
        <translation>model klasörü oluşturulamıyor ({detail})</translation>
    </message>
    <message>
        <source>cannot write the model ({detail})</source>
        <translation>model yazılamıyor ({detail})</translation>
    </message>
    <message>
        <source>refusing to load a model from outside the bundled model directory and the model store ({store}); model files can run code when loaded</source>
        <translation>uygulamayla gelen model klasörü ve model deposu ({store}) dışındaki bir model yüklenmiyor; model dosyaları yüklenirken kod çalıştırabilir</translation>
    </message>
    <message>
        <source>model directory not found</source>
        <translation>model klasörü bulunamadı</translation>
    </message>
    <message>
        <source>manifest is too large ({size} bytes)</source>
        <translation>manifest dosyası çok büyük ({size} bayt)</translation>
    </message>
    <message>
        <source>manifest missing</source>
        <translation>manifest dosyası eksik</translation>
    </message>
    <message>
        <source>manifest unreadable ({detail})</source>
        <translation>manifest dosyası okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>manifest is not a JSON object</source>
        <translation>manifest dosyası bir JSON nesnesi değil</translation>
    </message>
    <message>
        <source>unsupported manifest schema {found} (expected {expected})</source>
        <translation>desteklenmeyen manifest şeması: {found} (beklenen: {expected})</translation>
    </message>
    <message>
        <source>the model&apos;s feature names do not match this app&apos;s 50 features</source>
        <translation>modelin öznitelik adları bu uygulamanın 50 özniteliğiyle eşleşmiyor</translation>
    </message>
    <message>
        <source>the model&apos;s classes {found} differ from {expected}</source>
        <translation>modelin sınıfları ({found}) beklenenlerden ({expected}) farklı</translation>
    </message>
    <message>
        <source>unexpected model file name {name}</source>
        <translation>beklenmeyen model dosyası adı: {name}</translation>
    </message>
    <message>
        <source>manifest lacks a valid model_sha256</source>
        <translation>manifest dosyasında geçerli bir model_sha256 yok</translation>
    </message>
    <message>
        <source>manifest lacks a model_version</source>
        <translation>manifest dosyasında model_version yok</translation>
    </message>
    <message>
        <source>model file missing or not a regular file</source>
        <translation>model dosyası eksik ya da normal bir dosya değil</translation>
    </message>
    <message>
        <source>implausible model file size ({size} bytes)</source>
        <translation>model dosyasının boyutu olağan dışı ({size} bayt)</translation>
    </message>
    <message>
        <source>checksum does not match the manifest; refusing to load a modified model file</source>
        <translation>sağlama toplamı manifest dosyasıyla eşleşmiyor; değiştirilmiş bir model dosyası yüklenmiyor</translation>
    </message>
    <message>
        <source>it was saved with scikit-learn {saved}, this installation has {installed}</source>
        <translation>scikit-learn {saved} ile kaydedilmiş, bu kurulumda {installed} var</translation>
    </message>
    <message>
        <source>scikit-learn version mismatch ({detail})</source>
        <translation>scikit-learn sürümleri uyuşmuyor ({detail})</translation>
    </message>
    <message>
        <source>it cannot be loaded ({error})</source>
        <translation>yüklenemiyor ({error})</translation>
    </message>
    <message>
        <source>it holds a {kind}, not an emotion classifier</source>
        <translation>bir duygu sınıflandırıcısı değil, bir {kind} içeriyor</translation>
    </message>
    <message>
        <source>it fails to predict ({error})</source>
        <translation>tahmin yapamıyor ({error})</translation>
    </message>
    <message>
        <source>it predicts invalid probabilities</source>
        <translation>geçersiz olasılıklar tahmin ediyor</translation>
    </message>
    <message>
        <source>Using the model retrained for this installation ({version}) because {why}.</source>
        <translation>Bu kurulum için yeniden eğitilen model ({version}) kullanılıyor, çünkü {why}.</translation>
    </message>
    <message>
        <source>Retrained the model in memory because {why}; it could not be saved ({error}).</source>
        <translation>Model bellekte yeniden eğitildi, çünkü {why}; kaydedilemedi ({error}).</translation>
    </message>
    <message>
        <source>Retrained the model from the shipped training data into {folder} because {why}.</source>
        <translation>Model, uygulamayla gelen eğitim verisiyle yeniden eğitilip {folder} klasörüne kaydedildi, çünkü {why}.</translation>
    </message>
    <message>
        <source>the value {value} in column {column}, data row {row}, is not a number</source>
        <translation>{column} sütununda, {row}. veri satırındaki {value} değeri bir sayı değil</translation>
    </message>
    <message>
        <source>the value in column {column}, data row {row}, is infinite</source>
        <translation>{column} sütununda, {row}. veri satırındaki değer sonsuz</translation>
    </message>
    <message>
        <source>missing {count} feature column(s): {columns}</source>
        <translation>{count} öznitelik sütunu eksik: {columns}</translation>
    </message>
    <message>
        <source>no label column (expected one of {columns})</source>
        <translation>etiket sütunu yok (şunlardan biri bekleniyordu: {columns})</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>veri satırı yok</translation>
    </message>
    <message>
        <source>{count} row(s) with an unknown label (first: {first}, data row {row}); expected one of {labels} (or &apos;relax&apos;)</source>
        <translation>{count} satırda bilinmeyen bir etiket var (ilki: {first}, {row}. veri satırı); beklenenler: {labels} (ya da &apos;relax&apos;)</translation>
    </message>
    <message>
        <source>{count} row(s) have no feature values at all (first: data row {row})</source>
        <translation>{count} satırda hiç öznitelik değeri yok (ilki: {row}. veri satırı)</translation>
    </message>
    <message>
        <source>cannot read the file ({detail})</source>
        <translation>dosya okunamıyor ({detail})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>dosya boş</translation>
    </message>
    <message>
        <source>the file is too large ({size:.0f} MB) for a feature table</source>
        <translation>dosya bir öznitelik tablosu için çok büyük ({size:.0f} MB)</translation>
    </message>
    <message>
        <source>not a readable CSV file ({detail})</source>
        <translation>okunabilir bir CSV dosyası değil ({detail})</translation>
    </message>
    <message>
        <source>threshold must be in (0, 1], got {value}</source>
        <translation>karar eşiği (0, 1] aralığında olmalı; verilen: {value}</translation>
    </message>
    <message>
        <source>top2_threshold must be in (0, 1], got {value}</source>
        <translation>ilk iki eşiği (top2_threshold) (0, 1] aralığında olmalı; verilen: {value}</translation>
    </message>
    <message>
        <source>Choosing how much a correction counts</source>
        <translation>Bir düzeltmenin ne kadar sayılacağı seçiliyor</translation>
    </message>
    <message>
        <source>Comparing with the current model on the training folds</source>
        <translation>Eğitim katmanlarında mevcut modelle karşılaştırılıyor</translation>
    </message>
    <message>
        <source>{phase}: step {done} of {total}…</source>
        <translation>{phase}: adım {done} / {total}…</translation>
    </message>
    <message>
        <source>{phase}: step {done} of {total}, about {minutes} min left…</source>
        <translation>{phase}: adım {done} / {total}, yaklaşık {minutes} dk kaldı…</translation>
    </message>
    <message>
        <source>{phase}: step {done} of {total}, about {seconds} s left…</source>
        <translation>{phase}: adım {done} / {total}, yaklaşık {seconds} sn kaldı…</translation>
    </message>
    <message>
        <source>on the training folds the candidate&apos;s macro-F1 {candidate:.3f} is more than {margin:.3f} below the current {current:.3f}</source>
        <translation>eğitim katmanlarında adayın macro-F1 değeri ({candidate:.3f}) mevcut modelinkinin ({current:.3f}) {margin:.3f} puandan fazla altında</translation>
    </message>
    <message>
        <source>only {count} held-back correction(s), at least {needed} needed for that test</source>
        <translation>yalnızca {count} ayrılmış düzeltme var; bu test için en az {needed} gerekli</translation>
    </message>
    <message>
        <source>the current model could not be scored on the held-back corrections</source>
        <translation>mevcut model ayrılmış düzeltmelerle değerlendirilemedi</translation>
    </message>
    <message>
        <source>not worse on the training folds (margin {margin:.3f}); held-back test skipped: {why}</source>
        <translation>eğitim katmanlarında daha kötü değil (pay {margin:.3f}); ayrılmış düzeltme testi atlandı: {why}</translation>
    </message>
    <message>
        <source>on {count} held-back corrections the candidate&apos;s macro-F1 {candidate:.3f} is more than {margin:.3f} below the current {current:.3f}</source>
        <translation>{count} ayrılmış düzeltmede adayın macro-F1 değeri ({candidate:.3f}) mevcut modelinkinin ({current:.3f}) {margin:.3f} puandan fazla altında</translation>
    </message>
    <message>
        <source>not worse than the current model by more than {margin:.3f} macro-F1 on the held-back corrections, nor by more than {fold_margin:.3f} on the training folds</source>
        <translation>ayrılan düzeltmelerde mevcut modelden {margin:.3f} macro-F1&apos;den fazla, eğitim katmanlarında da {fold_margin:.3f}&apos;ten fazla kötü değil</translation>
    </message>
    <message>
        <source>{count} corrections are more than the {limit} one retrain can use; export them and retrain with a file of at most {limit}.</source>
        <translation>{count} düzeltme, bir yeniden eğitimin kullanabileceği {limit} düzeltmeden fazla; bunları dışa aktarın ve en fazla {limit} düzeltme içeren bir dosyayla yeniden eğitin.</translation>
    </message>
    <message>
        <source>{path}: no correction has a known label (confirmed or corrected), so there is nothing to learn from.</source>
        <translation>{path}: hiçbir düzeltmenin etiketi bilinmiyor (onaylanmış ya da düzeltilmiş), bu yüzden öğrenilecek bir şey yok.</translation>
    </message>
    <message>
        <source>No correction has a known label (confirmed or corrected), so there is nothing to learn from.</source>
        <translation>Hiçbir düzeltmenin etiketi bilinmiyor (onaylanmış ya da düzeltilmiş), bu yüzden öğrenilecek bir şey yok.</translation>
    </message>
    <message>
        <source>Training the candidate on all the data…</source>
        <translation>Aday tüm veriyle eğitiliyor…</translation>
    </message>
    <message>
        <source>{reason} (the current model could not be loaded: {problem})</source>
        <translation>{reason} (mevcut model yüklenemedi: {problem})</translation>
    </message>
    <message>
        <source>Storing the candidate…</source>
        <translation>Aday kaydediliyor…</translation>
    </message>
    <message>
        <source>There is no model version &apos;{version}&apos; in the model store (known: {known}).</source>
        <translation>Model deposunda &apos;{version}&apos; adlı bir model sürümü yok (bilinenler: {known}).</translation>
    </message>
    <message>
        <source>The model store {folder} cannot be written: {reason}</source>
        <translation>{folder} model deposuna yazılamıyor: {reason}</translation>
    </message>
    <message>
        <source>Could not store model {version} in {folder}: {reason}</source>
        <translation>{version} modeli {folder} klasörüne kaydedilemedi: {reason}</translation>
    </message>
    <message>
        <source>{folder}: not a model folder</source>
        <translation>{folder}: bir model klasörü değil</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(yeni)</translation>
    </message>
    <message>
        <source>{folder}: could not copy the model into the store: {reason}</source>
        <translation>{folder}: model depoya kopyalanamadı: {reason}</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: {reason}</source>
        <translation>&apos;{version}&apos; model sürümü ({folder}) reddedildi: {reason}</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: it cannot be loaded ({error})</source>
        <translation>&apos;{version}&apos; model sürümü ({folder}) reddedildi: yüklenemiyor ({error})</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; is refused: its folder {folder} is missing.</source>
        <translation>&apos;{version}&apos; model sürümü reddedildi: {folder} klasörü yok.</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: it was not stored by tmer-desktop (no fingerprint recorded).</source>
        <translation>&apos;{version}&apos; model sürümü ({folder}) reddedildi: tmer-desktop tarafından kaydedilmemiş (parmak izi kaydı yok).</translation>
    </message>
    <message>
        <source>Model version &apos;{version}&apos; ({folder}) is refused: its files changed since it was stored (damaged, or replaced by a foreign model).</source>
        <translation>&apos;{version}&apos; model sürümü ({folder}) reddedildi: dosyaları kaydedildikten sonra değişmiş (hasar görmüş ya da yabancı bir modelle değiştirilmiş).</translation>
    </message>
    <message>
        <source>There is no earlier model version to roll back to from &apos;{version}&apos;.</source>
        <translation>&apos;{version}&apos; sürümünden geri dönülebilecek daha eski bir model sürümü yok.</translation>
    </message>
    <message>
        <source>There is no earlier model version to roll back to from &apos;{version}&apos;. {problems}</source>
        <translation>&apos;{version}&apos; sürümünden geri dönülebilecek daha eski bir model sürümü yok. {problems}</translation>
    </message>
    <message>
        <source>{list} {item}</source>
        <translation>{list} {item}</translation>
    </message>
</context>
</TS>
