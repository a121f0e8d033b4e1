# Админ-бот: VPN-карточка пользователя, /vpn_servers, блок VPN в /stats, сегменты рассылки по VPN.
admin-command-vpn_servers = Серверы VPN: состояние и пользователи онлайн
admin-vpn-line = 🛡 VPN: { $tier } · { $state } · до { $expires }
admin-vpn-line-none = 🛡 VPN: нет
admin-vpn-button = 🛡 VPN
admin-vpn-title = 🛡 <b>VPN · { $name }</b> (<code>{ $id }</code>)
admin-vpn-none = Подписки на VPN нет. Бесплатные дни подключат тариф Basic.
admin-vpn-card =
    Тариф: <b>{ $tier }</b> · { $state }
    Действует до: { $expires } (осталось дней: { $daysLeft })
    Трафик: { $traffic } · сброс: { $strategy }
    Устройств: до { $devices }
    Пользователь в панели: { $panelUser } · { $synced }
    Первое подключение: { $connected } · последний раз онлайн: { $online }
    Автопродление: { $autoRenew }
    Ссылка: { $link }
admin-vpn-state-none = нет
admin-vpn-state-active = активна
admin-vpn-state-trial = пробный период
admin-vpn-state-expired = истекла
admin-vpn-state-disabled = ⛔ отключена
admin-vpn-traffic = { $used } из { $limit } ГБ
admin-vpn-traffic-unlimited = { $used } ГБ (безлимит)
admin-vpn-synced = панель в актуальном состоянии
admin-vpn-sync-pending = ⏳ панель ещё не обновлена
admin-vpn-never = ни разу
admin-vpn-on = включено
admin-vpn-off = выключено
admin-vpn-add7 = +7 дней
admin-vpn-add30 = +30 дней
admin-vpn-add-custom = ➕ Дни…
admin-vpn-reset = 🔄 Сбросить трафик
admin-vpn-new-link = 🔗 Новая ссылка
admin-vpn-devices = 📱 Устройства
admin-vpn-disable = ⛔ Отключить
admin-vpn-enable = ✅ Включить
admin-vpn-extended = Добавлено дней: { $days }. VPN действует до { $until }.
admin-vpn-reset-done = Трафик обнулён.
admin-vpn-link-done = Новая ссылка создана, старая больше не работает.
admin-vpn-disabled = VPN отключён. Панель обновится через несколько секунд.
admin-vpn-enabled = VPN включён. Панель обновится через несколько секунд.
admin-vpn-unchanged = Уже так, ничего не изменилось.
admin-vpn-confirm-link = Создать новую ссылку на подписку? Все приложения со старой ссылкой перестанут работать, пока пользователь не добавит новую.
admin-vpn-confirm-disable = Отключить VPN этому пользователю? Приложения перестанут подключаться, а продление будет недоступно, пока вы не включите его снова.
admin-vpn-confirm-yes = Да, выполнить
admin-vpn-days-ask = Сколько дней добавить? Число от 1 до { $max }.
admin-vpn-days-invalid = Пришлите целое число дней от 1 до { $max } или нажмите «Отмена».
admin-vpn-devices-title = 📱 <b>Устройства</b>: { $count } из { $limit }
admin-vpn-devices-none = Устройств пока нет.
admin-vpn-device-line = { $n }. { $model } · <code>{ $hwid }</code> · { $added }
admin-vpn-device-unknown = неизвестное устройство
admin-vpn-device-remove = ✖ Удалить { $n }
admin-vpn-device-removed = Устройство удалено.
admin-vpn-device-gone = Этого устройства уже нет.
admin-vpn-error-VPN_NO_SUBSCRIPTION = У пользователя нет подписки на VPN.
admin-vpn-error-VPN_NOT_READY = Пользователь в панели ещё не создан: дождитесь синхронизации и попробуйте снова.
admin-vpn-error-VPN_UNAVAILABLE = Панель VPN не настроена (REMNAWAVE_URL).
admin-vpn-panel-failed = Панель VPN не выполнила действие ({ $kind }). Попробуйте через минуту.
admin-vpn-servers-title = 🌍 <b>Серверы VPN</b>: { $count }, пользователей онлайн: { $users }
admin-vpn-servers-none = В панели нет включённых серверов.
admin-vpn-server-line = { $flag } { $name } · { $status } · онлайн: { $users }
admin-vpn-server-online = 🟢 работает
admin-vpn-server-offline = 🔴 недоступен
admin-stats-vpn =
    🛡 <b>VPN</b>
    Активных: { $paid } платных · { $trial } на пробном · { $free } только с бесплатными днями
    Новых платящих за { $days } дн.: { $newPaid } · продлений: { $renewals }
    Пробный → оплата: { $trialConverted } из { $trialUsers } ({ $conversion } %)
    MRR: { $mrr }
    Отток за { $churnDays } дн.: { $churned } из { $churnBase } ({ $churn } %)
broadcast-segment-vpn_active = VPN: действующий тариф
broadcast-segment-vpn_trial = VPN: пробный период
broadcast-segment-vpn_expiring = VPN: скоро закончится
broadcast-segment-vpn_expired = VPN: закончился
broadcast-segment-vpn_never_connected = VPN: ни разу не подключались
broadcast-ask-vpn-days = Когда заканчивается VPN?
broadcast-vpn-days = { $days ->
    [one] в течение { $days } дня
   *[other] в течение { $days } дней
}
