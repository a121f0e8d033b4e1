# Страница VPN в Mini App (miniapp/src/pages/vpn): все ключи начинаются с miniapp-.

## Плитка на главной
miniapp-home-vpn-tile = VPN
miniapp-home-vpn-tile-hint = Ссылка, приложения, устройства и тарифы

## Состояние
miniapp-vpn-title = VPN
miniapp-vpn-none = У вас пока нет VPN. Попробуйте бесплатно или выберите тариф.
miniapp-vpn-unavailable = VPN сейчас недоступен. Загляните чуть позже.
miniapp-vpn-status-title = Ваш VPN
miniapp-vpn-tier = { $tier ->
    [trial] Пробный
    [basic] Базовый
    [pro] Pro
    [ultra] Ultra
    [cyber] Cyber
   *[other] { $tier }
}
miniapp-vpn-tier-terms = { $tier ->
    [basic] 100 ГБ в месяц · 2 устройства
    [pro] 300 ГБ в месяц · 3 устройства
    [ultra] Без лимита · 5 устройств · премиум-серверы
    [cyber] Без лимита · 10 устройств · премиум-серверы
   *[other] { "" }
}
miniapp-vpn-state = { $state ->
    [active] Активен
    [setting-up] Настраивается
    [expired] Истёк
    [disabled] Отключён
   *[other] { $state }
}
miniapp-vpn-setting-up = Настраиваем ваш VPN. Это займёт несколько секунд — ссылка появится здесь.
miniapp-vpn-disabled-hint = Поддержка отключила ваш VPN. Напишите в поддержку в боте.
miniapp-vpn-days-left-label = Осталось
miniapp-vpn-days-left = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
miniapp-vpn-expires-on = Действует до
miniapp-vpn-expired-on = Закончился
miniapp-vpn-traffic-title = Трафик
miniapp-vpn-traffic-label = { $used } из { $limit }
miniapp-vpn-traffic-unlimited-label = израсходовано { $used } · без лимита
miniapp-vpn-traffic-unlimited = Без лимита
miniapp-vpn-devices-allowed = Устройств можно

## Пробный период
miniapp-vpn-trial-title = Попробуйте VPN бесплатно
miniapp-vpn-trial-body = 2 дня и 2 ГБ на одном устройстве, без оплаты. Один раз на аккаунт.
miniapp-vpn-trial-start = Начать пробный период

## Ссылка и QR-код
miniapp-vpn-link-title = Ваша ссылка-подписка
miniapp-vpn-qr-alt = QR-код ссылки на ваш VPN
miniapp-vpn-qr-hint = Отсканируйте его VPN-приложением на другом устройстве.
miniapp-vpn-copy = Скопировать ссылку
miniapp-vpn-copied = Скопировано
miniapp-vpn-copy-failed = Не удалось скопировать. Выделите ссылку и скопируйте вручную.

## Как подключиться
miniapp-vpn-connect-title = Как подключиться
miniapp-vpn-platform-legend = Ваше устройство
miniapp-vpn-platform = { $platform ->
    [ios] iPhone / iPad
    [android] Android
    [windows] Windows
    [macos] macOS
    [linux] Linux
    [tv] Телевизор
   *[other] { $platform }
}
miniapp-vpn-connect-steps = 1. Установите приложение. 2. Нажмите «Импорт» — приложение откроется с вашей ссылкой. 3. Включите VPN.
miniapp-vpn-install = Установить
miniapp-vpn-import = Импорт

## Устройства
miniapp-vpn-devices-title = Устройства
miniapp-vpn-devices-count = { $count } из { $limit }
miniapp-vpn-devices-empty = Ещё ни одно устройство не подключалось.
miniapp-vpn-devices-hint = Удалите устройство, которым больше не пользуетесь, — его место займёт новое.
miniapp-vpn-device-unknown = Неизвестное устройство
miniapp-vpn-device-added = добавлено { $date }
miniapp-vpn-device-remove = Удалить
miniapp-vpn-device-remove-yes = Да, удалить
miniapp-vpn-cancel = Отмена

## Серверы
miniapp-vpn-servers-title = Серверы
miniapp-vpn-server-online = Работает
miniapp-vpn-server-offline = Недоступен

## Тарифы и дополнения
miniapp-vpn-plans-title = Выберите тариф
miniapp-vpn-plans-title-active = Продлить или сменить тариф
miniapp-vpn-duration-legend = Срок
miniapp-vpn-duration = { $days ->
    [30] 30 дней
    [90] 90 дней
    [180] 180 дней
    [365] 1 год
   *[other] { $days } дн.
}
miniapp-vpn-plan-action = { $action ->
    [renew] Продлить { $tier }
    [change] Перейти на { $tier }
   *[other] { $tier }
}
miniapp-vpn-plan-new = С сегодняшнего дня до { $date }
miniapp-vpn-plan-renew = +{ $days } дней: до { $date }
miniapp-vpn-plan-change = Оставшиеся дни тарифа { $from } ({ $daysLeft }) превратятся в { $converted } дн. тарифа { $to }, плюс купленные дни: до { $date }
miniapp-vpn-addons-title = Больше трафика или устройств

## Автопродление и новая ссылка
miniapp-vpn-auto-renew = Автопродление с баланса
miniapp-vpn-auto-renew-hint = При окончании: { $plan }
miniapp-vpn-new-link = Новая ссылка
miniapp-vpn-new-link-question = Создать новую ссылку? Все приложения со старой ссылкой перестанут работать, пока вы не импортируете новую.
miniapp-vpn-new-link-yes = Да, новая ссылка
