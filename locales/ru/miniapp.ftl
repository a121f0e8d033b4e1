# Mini App (miniapp/): every key starts with miniapp-.

## Shell states
miniapp-loading = Загрузка…
miniapp-error-title = Что-то пошло не так
miniapp-error-network = Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.
miniapp-error-unexpected = Сервер ответил что-то непонятное. Попробуйте ещё раз чуть позже.
miniapp-error-retry = Попробовать ещё раз
miniapp-auth-title = Откройте приложение в{"\u00A0"}Telegram
miniapp-auth-body = Вход выполняется через ваш аккаунт Telegram, поэтому приложение работает только внутри Telegram. Откройте его кнопкой меню бота.

## Home
miniapp-home-title = Главная
miniapp-home-greeting = Привет, { $firstName }!
miniapp-home-subtitle = Чем займёмся?
miniapp-home-sections = Разделы
miniapp-home-profile-tile = Профиль
miniapp-home-profile-tile-hint = Аккаунт, почта и язык

## Profile
miniapp-profile-title = Профиль
miniapp-profile-account = Аккаунт
miniapp-profile-telegram-id = Telegram ID
miniapp-profile-email = Почта
miniapp-profile-email-verified = Подтверждена
miniapp-profile-email-unverified = Не подтверждена
miniapp-profile-email-none = Не указана
miniapp-profile-member-since = Дата регистрации
miniapp-profile-role = Роль
miniapp-profile-role-value = { $role ->
    [super_admin] Суперадминистратор
    [admin] Администратор
    [moderator] Модератор
    [support] Поддержка
    [analyst] Аналитик
    [finance] Финансы
    [viewer] Наблюдатель
   *[other] { $role }
}

## Language
miniapp-language-title = Язык
miniapp-language-en = English
miniapp-language-ru = Русский
miniapp-language-saving = Сохраняем…
miniapp-language-save-failed = Не удалось сменить язык. Попробуйте ещё раз.
