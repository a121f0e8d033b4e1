# Админка в Mini App (miniapp/src/pages/admin/), открывается кнопкой меню админ-бота.
admin-menu-open-app = 📊 Админка

miniapp-admin-home-title = Админка
miniapp-admin-home-greeting = Здравствуйте, { $firstName }
miniapp-admin-home-subtitle = Роль: { $role }
miniapp-admin-home-sections = Разделы админки
miniapp-admin-no-access-title = Нет доступа
miniapp-admin-no-access-body = У вашего аккаунта нет роли сотрудника или её сняли. Если доступ нужен, обратитесь к супер-админу.

miniapp-admin-servers-tile = VPN-серверы
miniapp-admin-servers-tile-hint = Статус, онлайн, трафик
miniapp-admin-stats-tile = Показатели VPN
miniapp-admin-stats-tile-hint = Подписчики, MRR, конверсия, отток

miniapp-admin-servers-title = VPN-серверы
miniapp-admin-servers-none = В панели пока нет нод.
miniapp-admin-servers-name = Сервер
miniapp-admin-servers-status = Статус
miniapp-admin-servers-users = Онлайн
miniapp-admin-servers-traffic = Трафик
miniapp-admin-servers-country = Страна
miniapp-admin-server-online = Работает
miniapp-admin-server-offline = Недоступен
miniapp-admin-server-disabled = Отключён

miniapp-admin-stats-title = Показатели VPN
miniapp-admin-stats-mrr = MRR
miniapp-admin-stats-active-paid = Платных активных
miniapp-admin-stats-active-free = и { $free } на бесплатных днях
miniapp-admin-stats-active-trial = На пробном
miniapp-admin-stats-conversion = Пробный → оплата
miniapp-admin-stats-conversion-hint = { $converted } из { $users }
miniapp-admin-stats-churn = Отток за { $days } дн.
miniapp-admin-stats-churn-hint = ушли { $churned } из { $base }
miniapp-admin-stats-new-paid = Новые платные подписчики, { $days } дн.
miniapp-admin-stats-renewals = Продления, { $days } дн.
miniapp-admin-chart-max = макс. { $max }
