wallet-title = 💰 <b>Ваш баланс</b>
wallet-tokens = Токены: <b>{ $available }</b>
wallet-tokens-held = Зарезервировано под задачи: { $held }
wallet-grants-title = Ваши токены:
wallet-grant-perpetual = • { $remaining }: бессрочно
wallet-grant-expiring = • { $remaining }: до { $until }
wallet-money-title = Деньги:
wallet-money-line = • { $amount }
wallet-subscription = 📅 { $product }: до { $until }
wallet-unlimited = ♾ Безлимитный AI-чат до { $until }
wallet-empty = У вас пока нет токенов. Купить: /buy.
menu-balance = 💰 Баланс
menu-buy = 🛒 Купить токены
command-balance = Ваши токены и деньги
command-buy = Купить токены или тариф
buy-choose-category = Что хотите купить?
buy-category-ai-plans = 📅 AI-тарифы
buy-category-ai-packs = 🪙 Пакеты токенов
buy-category-video-bundles = 🎬 Видео-пакеты
buy-choose-product = Выберите:
buy-choose-method =
    <b>{ $product }</b>
    Как удобнее оплатить?
buy-method-stars = ⭐ Telegram Stars · { $amount }
buy-method-yookassa = 💳 Банковская карта · { $amount }
buy-method-cryptobot = 💎 Криптовалюта · { $amount }
buy-back = ← Назад
buy-invoice-title = Покупка в Polygram
buy-open-link =
    <b>{ $product }</b>: { $amount }
    Нажмите кнопку, чтобы оплатить. Когда платёж подтвердится, здесь придёт сообщение.
buy-pay-button = Оплатить { $amount }
buy-method-unavailable = Этот способ оплаты сейчас недоступен. Выберите другой.
payment-succeeded = ✅ Оплата получена: { $product }. Баланс токенов: { $tokens }.
payment-succeeded-service = ✅ Оплата получена: { $product }.
payment-service-pending = ⏳ Подключаем услугу: пришлём сообщение, как только всё будет готово.
payment-canceled = ❌ Оплата { $product } не прошла. Деньги не списаны.
payment-problem = Мы получили ваш платёж, но не смогли зачислить его автоматически. Поддержка уже знает и скоро всё исправит.
precheckout-unknown = Этот счёт больше не действует. Откройте /buy заново.
precheckout-not-pending = Этот счёт уже оплачен или отменён.
precheckout-mismatch = Цена изменилась после выставления счёта. Откройте /buy заново.
precheckout-banned = Ваш аккаунт заблокирован.
referral-bonus-notice = 🎁 Приглашённый вами пользователь совершил покупку: вам начислено { $tokens } токенов.
