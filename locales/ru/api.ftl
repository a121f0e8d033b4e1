api-error-unauthorized = Откройте приложение из Telegram, чтобы войти.
api-error-user-banned = Ваш аккаунт заблокирован. Причина: { $reason }
api-error-invalid-input = Некорректный запрос.
api-error-not-found = Не найдено.
api-error-forbidden = У вас нет прав на это действие.
api-error-rate-limited = Слишком много запросов. Попробуйте позже.
api-error-internal = У нас что-то пошло не так. Попробуйте ещё раз.
