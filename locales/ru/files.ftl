# Файлы: загрузка и скачивание (core/files/, server/routes/files/). Сначала ошибки HTTP API, затем — ботов.
api-error-file-too-large = Файл слишком большой: можно загрузить не больше { $limitMb } МБ.
api-error-image-too-large = Изображение слишком большое: не больше { $limitMegapixels } мегапикселей.
api-error-file-type-not-allowed = Файлы такого типа загрузить нельзя. Подойдут изображения JPEG, PNG и WebP, видео MP4, MOV и WebM, аудио MP3, M4A, OGG, WAV и FLAC, документы PDF, TXT, CSV, JSON и ZIP.
api-error-file-type-mismatch = Содержимое файла не соответствует его типу. Возможно, файл повреждён или у него не то расширение.
api-error-file-url-invalid = Ссылка устарела или недействительна. Откройте файл в приложении ещё раз.

error-file-too-large = Файл слишком большой: можно не больше { $limitMb } МБ.
error-image-too-large = Изображение слишком большое: не больше { $limitMegapixels } мегапикселей.
error-file-type-not-allowed = Файлы такого типа не принимаются.
error-file-type-mismatch = Содержимое файла не соответствует его типу. Возможно, файл повреждён.
