# VPN: товары магазина (core/vpn/plans.ts).
product-vpn-basic-30d = VPN Базовый · 30 дней · 100 ГБ/мес · 2 устройства
product-vpn-basic-90d = VPN Базовый · 90 дней · 100 ГБ/мес · 2 устройства
product-vpn-basic-180d = VPN Базовый · 180 дней · 100 ГБ/мес · 2 устройства
product-vpn-basic-365d = VPN Базовый · 1 год · 100 ГБ/мес · 2 устройства
product-vpn-pro-30d = VPN Pro · 30 дней · 300 ГБ/мес · 3 устройства
product-vpn-pro-90d = VPN Pro · 90 дней · 300 ГБ/мес · 3 устройства
product-vpn-pro-180d = VPN Pro · 180 дней · 300 ГБ/мес · 3 устройства
product-vpn-pro-365d = VPN Pro · 1 год · 300 ГБ/мес · 3 устройства
product-vpn-ultra-30d = VPN Ultra · 30 дней · безлимит · 5 устройств
product-vpn-ultra-90d = VPN Ultra · 90 дней · безлимит · 5 устройств
product-vpn-ultra-180d = VPN Ultra · 180 дней · безлимит · 5 устройств
product-vpn-ultra-365d = VPN Ultra · 1 год · безлимит · 5 устройств
product-vpn-cyber-30d = VPN Cyber · 30 дней · безлимит · 10 устройств
product-vpn-cyber-90d = VPN Cyber · 90 дней · безлимит · 10 устройств
product-vpn-cyber-180d = VPN Cyber · 180 дней · безлимит · 10 устройств
product-vpn-cyber-365d = VPN Cyber · 1 год · безлимит · 10 устройств
product-vpn-traffic-50gb = VPN-трафик +50 ГБ
product-vpn-traffic-200gb = VPN-трафик +200 ГБ
product-vpn-device-1 = VPN: ещё одно устройство
buy-category-vpn-plans = 🛡 Тарифы VPN
buy-category-vpn-addons = ➕ Трафик и устройства VPN
miniapp-buy-category-vpn-plans = Тарифы VPN
miniapp-buy-category-vpn-plans-hint = Быстрые серверы, одна ссылка на все устройства
miniapp-buy-category-vpn-addons = Дополнения VPN
miniapp-buy-category-vpn-addons-hint = Больше трафика или ещё одно устройство

# Ошибки (core/vpn/errors.ts).
vpn-error-unavailable = VPN сейчас недоступен. Попробуйте позже.
vpn-error-trial-used = Вы уже использовали пробный период ({ $date }). Выберите тариф: /vpn
vpn-error-trial-has-plan = Пробный период — для новых пользователей, а у вас уже есть тариф. /vpn покажет его.
vpn-error-no-subscription = У вас ещё нет VPN. Попробуйте бесплатно: /trial, или выберите тариф: /vpn
vpn-error-not-ready = Ваш VPN ещё настраивается. Мы напишем, как только всё будет готово.
vpn-error-disabled = Ваш VPN отключён поддержкой. Напишите в /support.
api-error-vpn-unavailable = VPN сейчас недоступен.
api-error-vpn-trial-used = Вы уже использовали пробный период.
api-error-vpn-trial-has-plan = Пробный период — для новых пользователей, а у вас уже есть тариф.
api-error-vpn-no-subscription = У вас ещё нет VPN.
api-error-vpn-not-ready = Ваш VPN ещё настраивается.
api-error-vpn-disabled = Ваш VPN отключён поддержкой.

# Уведомление воркера, когда пользователь панели готов.
vpn-ready = ✅ Ваш VPN готов, действует до { $until }.
    /config — ссылка, QR-код и как подключиться.
