# Mini App: AI-студия (miniapp/src/pages/studio/) и сообщения её API (server/routes/miniapp/studio/).

## Сообщения API

api-error-chat-busy = Я ещё отвечаю на предыдущее сообщение. Отправьте это, когда ответ будет готов.
api-error-price-changed = Цена этой модели только что изменилась и теперь составляет { $price }. Проверьте и подтвердите ещё раз.
api-error-generation-limited = { $tier ->
    [free] Вы исчерпали лимит бесплатного тарифа — { $limit } генераций в час. Следующую можно запустить через { $minutes } мин (в { $time }). С подпиской лимит — { $planLimit } генераций в час.
   *[other] Вы исчерпали лимит в { $limit } генераций в час на своём тарифе. Следующую можно запустить через { $minutes } мин (в { $time }).
}
miniapp-studio-chat-failed = Модель не смогла ответить. Ничего не списано, попробуйте ещё раз.
miniapp-studio-chat-insufficient = Не хватает токенов: сообщение модели { $model } стоит { $price }, а на балансе { $balance }. Ничего не списано.
miniapp-studio-chat-insufficient-subscriber = В вашу подписку входит { $free } без оплаты: переключите диалог на эту модель и продолжайте.
miniapp-studio-chat-model-unavailable = { $model } сейчас недоступна. Ничего не списано. Выберите для диалога другую модель.
miniapp-studio-chat-too-long = Сообщение слишком длинное для модели: не больше { $max } символов. Ничего не списано.
miniapp-studio-chat-dialog-gone = Этого диалога больше нет. Ничего не списано.
miniapp-studio-chat-saved-not-shown = Ответ сохранён и оплачен, но показать его не удалось. Откройте диалог заново, чтобы прочитать.

## Главная и главная студии

miniapp-home-studio-tile = AI-студия
miniapp-home-studio-tile-hint = Чат с нейросетями, картинки, видео и музыка
miniapp-studio-title = AI-студия
miniapp-studio-subtitle = Каждый запрос оплачивается токенами по указанной цене и только тогда, когда вы получили результат.
miniapp-studio-tile-chat = Чат
miniapp-studio-tile-chat-hint = Диалоги с GPT, Claude, Gemini и другими
miniapp-studio-tile-image = Создать картинку
miniapp-studio-tile-image-hint = Опишите изображение, и модель его нарисует
miniapp-studio-tile-video = Создать видео
miniapp-studio-tile-video-hint = Короткий ролик по описанию
miniapp-studio-tile-audio = Создать музыку
miniapp-studio-tile-audio-hint = Песня по описанию или озвучка текста
miniapp-studio-tile-gallery = Галерея
miniapp-studio-tile-gallery-hint = Всё, что вы создали: посмотреть и скачать
miniapp-studio-tile-usage = Расход
miniapp-studio-tile-usage-hint = Сколько токенов ушло по дням и по моделям
miniapp-studio-tile-tasks = Видеозадачи
miniapp-studio-tile-tasks-hint = Видео из ваших собственных записей и звука

## Общее

miniapp-studio-model = Модель
miniapp-studio-no-models = Моделей этого типа сейчас нет.
miniapp-studio-price-per-message = { $tokens } ток. за сообщение
miniapp-studio-price-per-request = { $tokens } ток.
miniapp-studio-tokens = { $tokens } ток.
miniapp-studio-balance = баланс { $tokens }
miniapp-studio-save = Сохранить
miniapp-studio-cancel = Отмена
miniapp-studio-download = Скачать
miniapp-studio-kind-text = Чат
miniapp-studio-kind-image = Картинки
miniapp-studio-kind-video = Видео
miniapp-studio-kind-audio = Аудио
miniapp-studio-kind-tool = Обработка фото

## Чат

miniapp-studio-chat-title = Чат
miniapp-studio-chat-subtitle = Это те же диалоги, что и в чате с ботом: продолжайте любой из них здесь или там.
miniapp-studio-dialog-new = Новый диалог
miniapp-studio-dialogs-empty = Диалогов пока нет. Начните новый и напишите первое сообщение.
miniapp-studio-dialog-untitled = Новый диалог
miniapp-studio-dialog-active = в боте
miniapp-studio-dialog-row = { $model } · { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}
miniapp-studio-chat-model-line = { $model } · { $price } ток. за сообщение
miniapp-studio-chat-empty = Напишите первое сообщение ниже. По нему диалог получит название.
miniapp-studio-chat-earlier = Более ранние сообщения
miniapp-studio-chat-thinking = Думаю…
miniapp-studio-chat-charged = { $tokens } ток.
miniapp-studio-chat-free = Бесплатно
miniapp-studio-chat-input-label = Ваше сообщение
miniapp-studio-chat-placeholder = Сообщение…
miniapp-studio-chat-send = Отправить
miniapp-studio-chat-sending = Отвечаю…
miniapp-studio-history-off-note = История выключена: модель отвечает на каждое сообщение отдельно.
miniapp-studio-dialog-settings = Настройки
miniapp-studio-dialog-name = Название
miniapp-studio-dialog-model = Модель и цена
miniapp-studio-history = История
miniapp-studio-history-on = Включена: модель видит предыдущие сообщения диалога.
miniapp-studio-history-off = Выключена: на каждое сообщение модель отвечает отдельно.
miniapp-studio-system-prompt = Системный промпт
miniapp-studio-system-prompt-hint = Кем должна быть модель и как ей отвечать в этом диалоге. Действует со следующего сообщения.
miniapp-studio-system-prompt-clear = Удалить промпт
miniapp-studio-dialog-delete = Удалить диалог
miniapp-studio-dialog-delete-confirm = Удалить «{ $title }»? Диалог исчезнет из списка вместе с сообщениями.
miniapp-studio-dialog-delete-yes = Удалить

## Генерация

miniapp-studio-generate-image-title = Создать картинку
miniapp-studio-generate-image-prompt = Что должно быть на картинке?
miniapp-studio-generate-image-placeholder = Рыжая лиса на свежем снегу, акварель
miniapp-studio-generate-video-title = Создать видео
miniapp-studio-generate-video-prompt = Что происходит в ролике?
miniapp-studio-generate-video-placeholder = Бумажный кораблик плывёт по дождливой улице
miniapp-studio-generate-audio-title = Создать музыку
miniapp-studio-generate-audio-prompt = Опишите песню или вставьте текст для озвучки
miniapp-studio-generate-audio-placeholder = Бодрая синти-поп песня о летних ночах
miniapp-studio-option-size = Размер
miniapp-studio-option-seconds = Длительность
miniapp-studio-option-seconds-value = { $seconds } с
miniapp-studio-option-aspect = Кадр
miniapp-studio-option-voice = Голос
miniapp-studio-option-instrumental = Вокал
miniapp-studio-option-instrumental-no = С вокалом
miniapp-studio-option-instrumental-yes = Без слов
miniapp-studio-option-scale = Увеличение
miniapp-studio-quota = { $tier ->
    [free] Осталось генераций в этом часе на бесплатном тарифе: { $left } из { $limit }.
   *[other] Осталось генераций в этом часе по вашему тарифу: { $left } из { $limit }.
}
miniapp-studio-quota-plans = Посмотреть тарифы
miniapp-studio-cost = Стоимость
miniapp-studio-your-balance = Ваш баланс
miniapp-studio-charge-note = Токены резервируются сейчас, а списываются только когда результат готов. Если модель не справится, ничего не спишется.
miniapp-studio-not-enough = Для этой модели не хватает токенов.
miniapp-studio-buy = Купить токены
miniapp-studio-generate-start = Создать за { $tokens } ток.
miniapp-studio-generate-queued = В очереди
miniapp-studio-generate-percent = { $percent }%
miniapp-studio-generate-progress-label = { $model } работает над запросом
miniapp-studio-generate-running-note = Можно уйти с этой страницы: результат будет ждать вас в галерее.
miniapp-studio-generate-charged = Списано: { $tokens } ток.
miniapp-studio-generate-gallery = Галерея
miniapp-studio-generate-again = Создать ещё
miniapp-studio-generate-gone = Результат больше не хранится.

## Галерея

miniapp-studio-gallery-title = Галерея
miniapp-studio-gallery-filter = Показать
miniapp-studio-gallery-all = Всё
miniapp-studio-gallery-empty = Здесь пока пусто. Всё, что вы создадите, появится здесь и будет храниться три дня.
miniapp-studio-gallery-more = Показать ещё
miniapp-studio-gallery-open = Открыть результат { $model }
miniapp-studio-gallery-kept-until = хранится до { $date }

## Расход

miniapp-studio-usage-title = Расход
miniapp-studio-usage-span = Период
miniapp-studio-usage-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
miniapp-studio-usage-total = Потрачено токенов
miniapp-studio-usage-tokens-unit = токенов
miniapp-studio-usage-requests = { $count ->
    [one] { $count } запрос
    [few] { $count } запроса
   *[many] { $count } запросов
}
miniapp-studio-usage-chart-label = Расход токенов по дням
miniapp-studio-usage-bar = { $day }: { $tokens } ток., { $count ->
    [one] { $count } запрос
    [few] { $count } запроса
   *[many] { $count } запросов
}
miniapp-studio-usage-utc = дни по UTC
miniapp-studio-usage-by-model = По моделям
miniapp-studio-usage-col-requests = Запросы
miniapp-studio-usage-col-tokens = Токены
miniapp-studio-usage-empty = За этот период запросов не было.
