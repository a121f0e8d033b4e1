# Mini App money screens (miniapp/src/pages/wallet, buy, referral): every key starts with miniapp-.

## Home tiles
miniapp-home-wallet-tile = Кошелёк
miniapp-home-wallet-tile-hint = Баланс, сроки токенов и история
miniapp-home-buy-tile = Купить токены
miniapp-home-buy-tile-hint = Пакеты токенов, AI-тарифы и видеопакеты
miniapp-home-referral-tile = Пригласить друзей
miniapp-home-referral-tile-hint = Ваша ссылка, QR-код и награды

## Wallet
miniapp-wallet-title = Кошелёк
miniapp-wallet-tokens = Токены
miniapp-wallet-tokens-available = доступно
miniapp-wallet-tokens-held = Зарезервировано под задачи: { $held }
miniapp-wallet-tokens-total = Баланс: { $balance }
miniapp-wallet-buy = Купить токены
miniapp-wallet-grants = Ваши токены по сроку действия
miniapp-wallet-grant-remaining = { $remaining } из { $amount }
miniapp-wallet-grant-until = до { $date }
miniapp-wallet-grant-forever = бессрочно
miniapp-wallet-grant-source = { $source ->
    [purchase] Покупка
    [subscription] AI-тариф
    [bonus] Бонус
    [referral] За приглашение
    [promo] Промокод
    [manual] Корректировка
   *[other] { $source }
}
miniapp-wallet-money = Деньги
miniapp-wallet-money-held = доступно { $available }
miniapp-wallet-plans = Активные тарифы
miniapp-wallet-plan-until = до { $date }
miniapp-wallet-empty = Токенов пока нет. Купите пакет или тариф, чтобы начать.

## History
miniapp-wallet-history = История
miniapp-wallet-history-filter-asset = Фильтр по валюте
miniapp-wallet-history-filter-type = Фильтр по типу операции
miniapp-wallet-history-all = Все
miniapp-wallet-history-empty = Здесь пока ничего нет.
miniapp-wallet-history-more = Показать ещё
miniapp-wallet-history-loading = Загрузка…
miniapp-wallet-history-balance = { $before } → { $after }
miniapp-wallet-history-balance-label = Баланс изменился с { $before } на { $after }
miniapp-wallet-asset-token = Токены
miniapp-wallet-asset-rub = Рубли
miniapp-wallet-asset-usd = Доллары
miniapp-wallet-asset-xtr = Звёзды
miniapp-wallet-asset-usdt = USDT
miniapp-wallet-type-topup = Покупка
miniapp-wallet-type-spend = Списание
miniapp-wallet-type-refund = Возврат
miniapp-wallet-type-manual = Корректировка
miniapp-wallet-type-bonus = Бонус
miniapp-wallet-type-referral = За приглашение
miniapp-wallet-type-earning = Доход
miniapp-wallet-type-commission = Комиссия
miniapp-wallet-type-payout = Выплата
miniapp-wallet-type-reversal = Отмена
miniapp-wallet-type-expiry = Сгорание

## Buy
miniapp-buy-title = Купить токены
miniapp-buy-choose-category = Что хотите купить?
miniapp-buy-category-ai-plans = AI-тарифы
miniapp-buy-category-ai-plans-hint = Токены на заданное число дней
miniapp-buy-category-ai-packs = Пакеты токенов
miniapp-buy-category-ai-packs-hint = Токены без срока действия
miniapp-buy-category-video-bundles = Видеопакеты
miniapp-buy-category-video-bundles-hint = Токены для видеозадач
miniapp-buy-choose-product = Выберите товар
miniapp-buy-choose-method = Как удобнее оплатить?
miniapp-buy-promo-active = 🎟 Промокод { $code } активен: цены указаны со скидкой.
miniapp-buy-method-stars = Telegram Stars
miniapp-buy-method-yookassa = Банковская карта
miniapp-buy-method-cryptobot = Криптовалюта
miniapp-buy-opening = Готовим оплату…
miniapp-buy-paying = Завершите оплату в открывшемся окне.
miniapp-buy-confirming = Оплата получена. Начисляем токены…
miniapp-buy-pending-title = Ждём оплату
miniapp-buy-pending-hint = Завершите оплату на открывшейся странице. Как только платёж подтвердится, бот пришлёт сообщение, а токены появятся в кошельке.
miniapp-buy-pending-open = Открыть страницу оплаты
miniapp-buy-success-title = Оплата получена
miniapp-buy-success-body = Вы купили: { $product }.
miniapp-buy-success-tokens = Баланс токенов: { $tokens }
miniapp-buy-cancelled = Оплата отменена. Деньги не списаны.
miniapp-buy-failed = Оплата не прошла. Деньги не списаны.
miniapp-buy-invoice-unsupported = Ваше приложение Telegram не может открыть здесь оплату звёздами. Обновите Telegram или купите через /buy в боте.
miniapp-buy-open-wallet = Открыть кошелёк
miniapp-buy-again = Купить что-то ещё
miniapp-buy-choose-another = Выбрать другой способ

## Referral
miniapp-referral-title = Пригласить друзей
miniapp-referral-explain = Когда приглашённый вами человек покупает токены, вы получаете половину этого количества — с тем же сроком действия.
miniapp-referral-link = Ваша ссылка-приглашение
miniapp-referral-copy = Копировать
miniapp-referral-copied = Скопировано
miniapp-referral-copy-failed = Не удалось скопировать. Нажмите на ссылку и удерживайте, чтобы скопировать её.
miniapp-referral-share = Поделиться
miniapp-referral-share-text = Присоединяйтесь к Polygram: нейросети, видео и многое другое в одном приложении Telegram.
miniapp-referral-qr = QR-код вашей ссылки-приглашения
miniapp-referral-qr-hint = Дайте другу отсканировать его камерой телефона.
miniapp-referral-stats = Ваши результаты
miniapp-referral-invited = Приглашено
miniapp-referral-paying = Оплатили
miniapp-referral-earned = Получено токенов
miniapp-referral-recent = Недавно присоединились
miniapp-referral-recent-paid = оплатил(а)
miniapp-referral-recent-empty = По вашей ссылке пока никто не пришёл.
miniapp-promo-label = Промокод
miniapp-promo-placeholder = например, WELCOME
miniapp-promo-apply = Применить
miniapp-promo-failed = Не удалось применить код. Попробуйте ещё раз.
