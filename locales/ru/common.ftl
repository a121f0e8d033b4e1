ban-notice = ⛔ Ваш аккаунт заблокирован. Причина: { $reason }
    Если считаете это ошибкой, напишите /support — сообщение получит наша команда.
flood-slow-down = Вы отправляете сообщения слишком быстро. Подождите { $seconds } с.
button-expired = Эта кнопка устарела. Откройте меню заново.
cancelled = Отменено.
nothing-to-cancel = Отменять нечего.
unknown-command = Я не знаю такой команды. Отправьте /help, чтобы узнать, что я умею.
error-generic = У нас что-то пошло не так. Попробуйте ещё раз через минуту.
error-forbidden = У вас нет прав на это действие.
error-user-not-found = Пользователь не найден.
error-invalid-input = Некорректный ввод.
error-rate-limited = Слишком много запросов. Подождите немного и попробуйте снова.
language-name-en = English
language-name-ru = Русский
