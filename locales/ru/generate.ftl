command-image = Создать картинку
command-video = Создать видео
command-music = Написать песню (Suno)
command-tts = Озвучить текст
generate-usage-image =
    Опишите картинку после команды, например:
    /image рыжая лиса на свежем снегу, акварель
generate-usage-video =
    Опишите сцену после команды, например:
    /video бумажный кораблик плывёт по улице под дождём
generate-usage-music =
    Опишите песню после команды, например:
    /music бодрый синти-поп про летние ночи
generate-usage-tts =
    Напишите после команды текст, который нужно озвучить, например:
    /tts Доброе утро! Вот главные новости дня.
generate-pick-model =
    Выберите модель для запроса:
    «{ $prompt }»
generate-model-button = { $model } · { $price }
generate-pick-video-options = { $model }: выберите длительность и формат кадра.
generate-video-option = { $aspect } · { $seconds } с
generate-no-models = Сейчас нет доступных моделей этого типа. Попробуйте позже.
generate-draft-expired = Этот запрос устарел. Отправьте команду ещё раз.
generate-status-queued =
    ⏳ { $model } · { $price } { $count ->
        [one] токен
        [few] токена
       *[many] токенов
    }
    В очереди…
generate-status-working = ⚙️ { $model }: в работе…
generate-status-progress =
    ⚙️ { $model }: в работе… { $percent }%
    { $bar }
generate-status-done = ✅ { $model }: готово. Списано: { $price } { $count ->
        [one] токен
        [few] токена
       *[many] токенов
    }.
generate-status-failed = ❌ { $model }: не получилось.
generate-result-caption = { $model }: { $prompt }
generate-result-too-large = Файл весит { $sizeMb } МБ — больше, чем Telegram позволяет отправить боту. Скачайте его по кнопке: ссылка работает, пока файл хранится (3 дня).
generate-result-download = ⬇️ Скачать
generate-result-note = ⚠️ Отправка результата { $model } прервалась, и он мог не дойти. Если его нет выше, скачайте его по кнопке: ссылка работает, пока файл хранится (3 дня).
generate-result-note-gallery = ⚠️ Отправка результата { $model } прервалась, и он мог не дойти. Если его нет выше, он ждёт вас в галерее приложения (файлы хранятся 3 дня).
generate-failed-rejected = { $model } отказалась выполнять запрос: он нарушает правила модели. Токены не списаны. Попробуйте сформулировать иначе.
generate-failed-provider = { $model } не смогла выдать результат. Токены не списаны. Попробуйте ещё раз.
generate-failed-unavailable = { $model } сейчас перегружена или недоступна. Токены не списаны. Попробуйте позже.
generate-failed-timeout = { $model } слишком долго не отвечала, запрос отменён. Токены не списаны.
generate-failed-internal = У нас что-то пошло не так. Токены не списаны. Попробуйте ещё раз.
generate-refused-rate-limited = { $tier ->
    [free] Вы исчерпали лимит бесплатного тарифа — { $limit } генераций в час. Следующую можно запустить через { $minutes } мин (в { $time }). С подпиской лимит — { $planLimit } генераций в час: /buy
   *[other] Вы исчерпали лимит вашего тарифа — { $limit } генераций в час. Следующую можно запустить через { $minutes } мин (в { $time }).
}
generate-refused-funds =
    Не хватает токенов: нужно { $price }, у вас { $available }.
    Пополнить баланс: /buy.
generate-refused-model-off = { $model } сейчас отключена. Выберите другую модель.
generate-refused-prompt-too-long = Слишком длинный текст: не больше { $max } символов.
generate-refused-invalid = Запрос составлен неверно. Отправьте команду ещё раз.
generate-tool-upscale = ⬆️ Увеличить
generate-tool-remove-background = ✂️ Убрать фон
generate-tool-replace-background = 🖼 Заменить фон
generate-tool-vectorize = 📐 В вектор (SVG)
generate-tool-button = { $tool } · { $price }
generate-photo-choose = Что сделать с этим фото?
generate-photo-ask-background = Опишите новый фон одним сообщением, например: солнечный пляж на закате. /cancel — отменить.
generate-photo-gone = Не удалось получить это фото из Telegram. Отправьте его ещё раз.
generate-photo-too-large = Фото слишком большое. Отправьте фото поменьше.
