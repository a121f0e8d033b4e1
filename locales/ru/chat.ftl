command-new = Новый диалог с нейросетью
command-dialogs = Ваши диалоги: переключение, модель, история

chat-busy = ⏳ Я ещё отвечаю на предыдущее сообщение. Отправьте это ещё раз, когда ответ будет готов.
chat-failed = ⚠️ Модель не смогла ответить. Токены не списаны, попробуйте ещё раз.
chat-insufficient = Не хватает токенов: сообщение для { $model } стоит { $price }, а у вас { $balance }. Пополнить баланс: /buy.
chat-insufficient-subscriber = В вашу подписку бесплатно входит { $free }: переключите на неё этот диалог и продолжайте.
chat-buy-button = 💳 Купить токены
chat-use-free-button = Переключить на { $free }
chat-switched-free = ✅ Теперь в этом диалоге отвечает { $model }. Отправьте сообщение ещё раз.
chat-model-unavailable = { $model } сейчас недоступна. Выберите другую модель в /dialogs.
chat-too-long = Сообщение слишком длинное для модели: не больше { $max } символов.
chat-voice-transcript = 🎙 <i>{ $text }</i>
chat-voice-empty = 🎙 Не удалось разобрать слова в голосовом сообщении. Токены не списаны.
chat-voice-too-big = Голосовое сообщение слишком длинное. Пожалуйста, запишите покороче.
chat-voice-failed = ⚠️ Не удалось распознать голосовое сообщение. Токены не списаны, попробуйте ещё раз.
chat-speak-button = 🔊 Озвучить
chat-speak-working = 🔊 Озвучиваю ответ…
chat-speak-busy = Этот ответ уже озвучивается.
chat-speak-truncated = Первая часть ответа: озвучить можно не больше 4096 символов.
chat-speak-failed = ⚠️ Не удалось озвучить ответ. Токены не списаны, попробуйте ещё раз.
chat-reply-gone = Этот ответ больше недоступен: диалог удалён.

dialogs-title = 💬 <b>Ваши диалоги</b>
dialogs-explain = Сообщения уходят в активный диалог ✅. Нажмите на диалог, чтобы открыть его.
dialogs-empty = Диалогов пока нет. Просто напишите мне, и диалог начнётся сам.
dialogs-line = { $title } · { $model } · { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[other] { $count } сообщений
}
dialogs-untitled = Новый диалог
dialogs-new-button = ➕ Новый диалог
dialogs-back-button = ← Все диалоги
dialogs-card-title = 💬 <b>{ $title }</b>
dialogs-card-active = ✅ Активный: ваши сообщения уходят сюда.
dialogs-card-model = 🤖 Модель: { $model } · { $price } токенов за сообщение
dialogs-card-history-on = 📜 История включена: модель видит предыдущие сообщения этого диалога.
dialogs-card-history-off = 📜 История выключена: на каждое сообщение модель отвечает отдельно.
dialogs-card-prompt = 📝 Системный промпт: <i>{ $prompt }</i>
dialogs-card-no-prompt = 📝 Системный промпт не задан.
dialogs-card-count = ✉️ { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[other] { $count } сообщений
}
dialogs-use-button = 💬 Писать сюда
dialogs-model-button = 🤖 Модель
dialogs-history-on-button = 📜 История: вкл.
dialogs-history-off-button = 📜 История: выкл.
dialogs-prompt-button = 📝 Системный промпт
dialogs-prompt-clear-button = 🧹 Убрать промпт
dialogs-rename-button = ✏️ Переименовать
dialogs-delete-button = 🗑 Удалить
dialogs-pick-model = Выберите модель для «{ $title }». Цены указаны в токенах за сообщение.
dialogs-model-line = { $model } · { $price }
dialogs-model-set = Модель: { $model }
dialogs-model-off = Эта модель сейчас недоступна. Выберите другую.
dialogs-history-turned-on = История включена
dialogs-history-turned-off = История выключена
dialogs-delete-confirm = Удалить «{ $title }»? Диалог вместе с сообщениями пропадёт из списка.
dialogs-delete-yes = 🗑 Да, удалить
dialogs-delete-no = Отмена
dialogs-deleted = Диалог «{ $title }» удалён
dialogs-switched = Теперь пишем в «{ $title }»
dialogs-created = ✨ Новый диалог с { $model }. Напишите первое сообщение.
dialogs-rename-ask = Пришлите новое название для «{ $title }». /cancel — оставить как есть.
dialogs-renamed = ✏️ Новое название: «{ $title }».
dialogs-prompt-ask = Пришлите системный промпт для «{ $title }»: кем должна быть модель и как ей отвечать в этом диалоге. /cancel — оставить текущий.
dialogs-prompt-saved = 📝 Системный промпт сохранён. Он действует со следующего сообщения.
dialogs-prompt-cleared = Системный промпт убран
dialogs-text-only = Пришлите, пожалуйста, текстом.
dialogs-title-invalid = Название не может быть пустым. Пришлите другое.
dialogs-prompt-too-long = Слишком длинно: не больше { $max } символов. Пришлите покороче.
dialogs-not-found = Этого диалога больше нет.
