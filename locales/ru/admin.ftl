admin-no-access = Этот бот для команды Polygram. У вашего аккаунта нет роли администратора.
admin-help =
    <b>Админка Polygram</b>
    /find &lt;id | @username | email&gt;: карточка, баланс, платежи, бан, роль
    /stats: пользователи, выручка, конверсия, ARPU
    /payments [фильтры]: платежи и возвраты
    /broadcast: рассылка по сегменту
    /promo_new, /promos, /promo_off: промокоды
    /partner_new, /partners: партнёрские ссылки
    /payouts, /payout_rates: заявки на выплату и курсы
    /models, /price: модели ИИ, включение и цены
    /aistats [дни]: запросы к ИИ, ошибки, время обработки
    /cancel: отменить текущее действие
admin-find-usage = Использование: /find &lt;Telegram id | @username | email&gt;
admin-find-none = По запросу «{ $query }» никого не нашлось.
admin-user-card =
    👤 <b>{ $name }</b>{ $username }
    ID: <code>{ $id }</code>
    Язык: { $language }
    Почта: { $email }
    Статус: { $status }
    Роль: { $role }
    Регистрация: { $created }
    Последняя активность: { $lastActive }
    Бот заблокирован: { $blocked }
    Сессии ({ $sessions }):
    { $recent }
admin-status-active = активен
admin-status-banned = заблокирован: { $reason }
admin-none = —
admin-not-signed-up = не завершена
admin-yes = да, с { $since }
admin-no = нет
admin-button-ban = ⛔ Заблокировать
admin-button-unban = ✅ Разблокировать
admin-button-roles = 🛡 Роль
admin-button-refresh = 🔄 Обновить
admin-button-revoke = Снять роль
admin-button-back = ← Назад
admin-button-cancel = Отмена
admin-ban-ask-reason = За что блокируем { $name }? Напишите причину (пользователь её увидит).
admin-ban-reason-invalid = Причина должна быть от 1 до 500 символов. Напишите ещё раз.
admin-ban-done = ⛔ { $name } заблокирован. Причина: { $reason }
admin-unban-done = ✅ { $name } разблокирован.
admin-roles-title = Выберите роль для { $name }:
admin-role-granted = 🛡 { $name } теперь { $role }.
admin-role-revoked = У { $name } больше нет роли.
admin-role-self = Нельзя менять собственную роль.
admin-stats =
    📊 <b>Пользователи</b>
    Всего: { $total }
    Новых сегодня (UTC): { $newToday }
    Активных за 24 ч: { $active24h }
role-super_admin = суперадмин
role-admin = админ
role-moderator = модератор
role-support = поддержка
role-analyst = аналитик
role-finance = финансы
role-viewer = наблюдатель
unban-notice = ✅ Ваш аккаунт разблокирован. С возвращением!
admin-command-find = Найти пользователя по id, @username или почте
admin-command-stats = Сводка по пользователям
admin-command-cancel = Отменить текущее действие
