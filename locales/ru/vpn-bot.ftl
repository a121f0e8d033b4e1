# The user bot's VPN screens (bots/user/features/vpn.ts) and the import page (server/routes/vpn-import.ts).
command-vpn = Ваш VPN: тариф, трафик, устройства
command-trial = VPN бесплатно на 2 дня
command-config = Ссылка VPN, QR-код и приложения
vpn-menu = 🛡 VPN

vpn-tier-trial = Пробный
vpn-tier-basic = Basic
vpn-tier-pro = Pro
vpn-tier-ultra = Ultra
vpn-tier-cyber = Cyber

vpn-pitch =
    🛡 <b>Polygram VPN</b>

    Быстрые серверы, одна ссылка на все ваши устройства, приложения для iPhone, Android, Windows, macOS, Linux и ТВ.
    Попробуйте бесплатно 2 дня (2 ГБ) или выберите тариф.
vpn-status-title = 🛡 <b>Ваш VPN</b>
vpn-status-plan = Тариф: <b>{ $tier }</b>
vpn-status-until = Действует до { $until } UTC (осталось { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
  })
vpn-status-expired = ⛔ Закончился { $until } UTC. Продлите, чтобы снова подключиться.
vpn-status-disabled = ⛔ Отключён поддержкой. Напишите в /support.
vpn-status-traffic = Трафик: { $used } из { $limit } ГБ
vpn-status-traffic-unlimited = Трафик: { $used } ГБ, без ограничений
vpn-status-devices = Устройства: до { $devices }
vpn-status-autorenew-on = Автопродление с баланса: включено
vpn-status-autorenew-off = Автопродление с баланса: выключено
vpn-status-setting-up = ⏳ VPN настраивается. Пришлём сообщение, как только всё будет готово.

vpn-button-trial = 🎁 Попробовать бесплатно
vpn-button-plans = 🛒 Выбрать тариф
vpn-button-renew = 🔁 Продлить или сменить тариф
vpn-button-addons = ➕ Трафик и устройства
vpn-button-config = 🔑 Подключение
vpn-button-devices = 📱 Устройства
vpn-button-autorenew-on = 🔁 Включить автопродление
vpn-button-autorenew-off = ⏸ Выключить автопродление
vpn-button-new-link = 🔄 Новая ссылка
vpn-button-back = ← Назад
vpn-button-cancel = Отмена

vpn-trial-started =
    🎁 Пробный период включён до { $until } UTC (2 ГБ).
    VPN настраивается: пришлём сообщение, как только всё будет готово.
vpn-signup-trial = 🛡 И подарок: бесплатный пробный VPN до { $until } UTC. Пришлём сообщение, когда он будет готов; всё о нём — в /vpn.

vpn-autorenew-trial = Автопродление работает для платных тарифов. Сначала выберите тариф, потом включите его.
vpn-autorenew-turned-on = Автопродление включено: тариф будет продлеваться на 30 дней с баланса.
vpn-autorenew-turned-off = Автопродление выключено.

vpn-revoke-confirm =
    🔄 Сделать новую ссылку?

    Старая ссылка сразу перестанет работать: на каждом устройстве нужно будет добавить новую.
vpn-button-revoke-yes = Да, новая ссылка
vpn-revoke-done =
    ✅ Ваша новая ссылка:
    { $link }

    Старая больше не работает. Добавьте новую в приложения: 🔑 Подключение.

vpn-config-qr-caption = Отсканируйте этот код в VPN-приложении на другом устройстве.
vpn-config-link =
    🔑 <b>Ваша ссылка VPN</b> (нажмите, чтобы скопировать):
    { $link }
vpn-config-choose-platform = Выберите устройство, чтобы увидеть приложения:
vpn-config-apps = Приложения для { $platform }: установите одно и нажмите «Подключить».
vpn-platform-ios = iPhone / iPad
vpn-platform-android = Android
vpn-platform-windows = Windows
vpn-platform-macos = macOS
vpn-platform-linux = Linux
vpn-platform-tv = ТВ
vpn-button-download = ⬇️ { $app }
vpn-button-connect = ⚡ Подключить в { $app }
vpn-button-platforms = ← Другие устройства

vpn-devices-title = 📱 <b>Устройства</b>: занято { $used } из { $limit }
vpn-devices-empty = Пока ни одно устройство не подключалось.
vpn-devices-remove-hint = Удалите устройство, чтобы освободить место: приложение на нём перестанет работать, пока его не добавят снова.
vpn-device-unknown = Неизвестное устройство
vpn-button-remove-device = ✖ Удалить { $n }
vpn-button-buy-device = ➕ Ещё одно устройство
vpn-device-removed = Устройство удалено.
vpn-device-gone = Этого устройства уже нет в списке.

vpn-renewal-new = 🗓 Тариф начнёт действовать сразу, до { $until } UTC.
vpn-renewal-extend = 🗓 Дни добавятся к текущему тарифу: он будет действовать до { $until } UTC.
vpn-renewal-change = 🔀 Оставшиеся { $daysLeft } дн. тарифа { $fromTier } станут { $convertedDays } дн. тарифа { $toTier }, а купленные дни добавятся сверху: новый срок — до { $until } UTC.

vpn-import-title = Подключение к Polygram VPN
vpn-import-opening = Открываем { $app }…
vpn-import-open-button = Открыть { $app }
vpn-import-copy-hint = Если приложение не открылось, скопируйте ссылку и добавьте её в приложении:
vpn-import-install-hint = Ещё нет { $app }? Установите его и вернитесь на эту страницу.
vpn-import-download = Скачать { $app }
vpn-import-not-found-title = Ссылка не найдена
vpn-import-not-found = Эта ссылка неизвестна или была заменена. Откройте бота и отправьте /config, чтобы получить актуальную ссылку.
