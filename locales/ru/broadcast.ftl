admin-command-broadcast = Рассылка сообщения пользователям
broadcast-ask-content =
    📣 <b>Новая рассылка</b>
    Пришлите текст сообщения или фото с подписью. Жирный, курсив и ссылки сохранятся.
broadcast-content-invalid = Пришлите текст длиной до 4096 символов или одно фото с подписью до 1024 символов.
broadcast-photo-unavailable = Не удалось подготовить фото для пользователей. Откройте пользовательского бота (нажмите там «Старт») и пришлите фото ещё раз.
broadcast-ask-button = Добавить кнопку под сообщением? Пришлите её в виде <code>Надпись | https://ссылка</code> или нажмите «Пропустить».
broadcast-button-invalid = Это не похоже на кнопку. Пришлите <code>Надпись | https://ссылка</code> (надпись до 64 символов) или нажмите «Пропустить».
broadcast-ask-segment = Кому отправить?
broadcast-ask-language = Пользователям с каким языком?
broadcast-segment-all = Всем
broadcast-segment-paid_ever = Когда-либо платившим
broadcast-segment-active_7d = Активным за 7 дней
broadcast-segment-language = По языку
broadcast-segment-never_paid = Ни разу не платившим
broadcast-segment-unfinished_signup = Не завершившим регистрацию
broadcast-segment-empty = Сейчас в этом сегменте никого нет. Выберите другой.
broadcast-preview-title = 👇 Предпросмотр: пользователи увидят именно это.
broadcast-preview-summary =
    Сегмент: { $segment }
    Получателей: <b>{ $count }</b>
    { $excluded }
    Отправить?
broadcast-preview-excluded = Не учтены: заблокированные пользователи, те, кто заблокировал бота, и те, кто не завершил регистрацию.
broadcast-preview-unfinished-warning = ⚠️ Эти люди ещё не приняли условия. Отправляйте им только напоминание завершить регистрацию. Заблокированные пользователи и те, кто заблокировал бота, не учтены.
broadcast-use-buttons = Пожалуйста, воспользуйтесь кнопками.
broadcast-button-skip = Пропустить
broadcast-button-confirm = ✅ Отправить
broadcast-button-pause = ⏸ Пауза
broadcast-button-resume = ▶️ Продолжить
broadcast-button-cancel = ✖️ Отменить рассылку
broadcast-starting = 📣 Запускаем рассылку…
broadcast-progress =
    📣 <b>Рассылка №{ $id }</b>: { $status }
    { $bar } { $percent }%
    Отправлено: { $sent }
    Ошибки: { $failed }
    Заблокировали бота: { $blocked }
    Всего: { $total }
broadcast-status-draft = не запущена
broadcast-status-running = идёт отправка
broadcast-status-paused = на паузе
broadcast-status-canceled = отменена
broadcast-status-done = завершена
broadcast-paused = Рассылка на паузе.
broadcast-resumed = Рассылка продолжается.
broadcast-canceled = Рассылка отменена. Больше никто её не получит.
broadcast-unchanged = Ничего не изменилось: рассылка { $status }.
