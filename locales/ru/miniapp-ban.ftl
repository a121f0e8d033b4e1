# Экран приложения для заблокированного аккаунта (miniapp/src/components/BannedScreen.tsx).

miniapp-ban-title = Ваш аккаунт заблокирован
miniapp-ban-reason = Причина: { $reason }
miniapp-ban-appeal = Если считаете это ошибкой, напишите /support в чате с ботом: сообщение получит наша команда, ответ придёт туда же.
miniapp-ban-back = Вернуться в чат
