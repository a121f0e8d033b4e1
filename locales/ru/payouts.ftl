command-payout = Вывести деньги
payout-method-card = Банковская карта (₽)
payout-method-sbp = СБП по номеру телефона (₽)
payout-method-trc20 = USDT (TRC-20)
payout-method-erc20 = USDT (ERC-20)
payout-method-btc = Биткоин (BTC)
payouts-email-required = Для выплат нужен подтверждённый email. Добавьте его кнопкой ниже и отправьте /payout ещё раз.
payouts-nothing = Выводить пока нечего. Партнёрские комиссии и доход от GPU можно вывести, когда они начислены; токены вывести нельзя.
payouts-choose-balance = С какого баланса вывести деньги?
payouts-no-methods = Вывести { $balance } пока нельзя: способ вывода для этого баланса ещё не настроен. Напишите в /support, и мы его настроим.
payouts-choose-method = Доступно: { $available }. Куда отправить деньги?
payouts-method-with-rate = { $method } · { $from } = { $to }
payouts-ask-card = Отправьте номер карты (от 16 до 19 цифр).
payouts-ask-sbp = Отправьте номер телефона для перевода по СБП: +7 и 10 цифр.
payouts-ask-bank = В какой банк перевести? Отправьте его название, например: Т-Банк.
payouts-ask-trc20 = Отправьте адрес USDT в сети TRON (TRC-20): 34 символа, начинается с T.
payouts-ask-erc20 = Отправьте адрес USDT в сети Ethereum (ERC-20): 0x и 40 символов.
payouts-ask-btc = Отправьте биткоин-адрес: он начинается с 1, 3 или bc1.
payouts-ask-amount =
    Сколько вывести из { $available }? Минимум — { $min }.
    { $rate }
    Отправьте сумму или нажмите кнопку.
payouts-rate-line = Курс: { $from } = { $to }.
payouts-same-currency = Без конвертации.
payouts-all-button = Всё: { $amount }
payouts-amount-invalid = Отправьте сумму числом, например 500 или 99,50.
payouts-too-small = Минимум для способа «{ $method }» — { $min } (к отправке не меньше { $sent }).
payouts-insufficient = Это больше, чем у вас доступно: { $available }.
payouts-confirm =
    <b>Проверьте выплату</b>
    С баланса: { $amount }
    Способ: { $method }
    Куда: <code>{ $destination }</code>
    { $rate }
    Вы получите: <b>{ $send }</b>
payouts-use-buttons = Нажмите одну из кнопок выше или /cancel.
payouts-text-only = Отправьте это текстом или /cancel.
payouts-confirm-button = ✅ Запросить выплату
payouts-cancel-button = Отмена
payouts-requested = ✅ Заявка на выплату №{ $id } отправлена: { $send } на { $destination }. { $amount } зарезервировано до решения финансового отдела, мы пришлём сообщение. Осталось на этом балансе: { $balance }.
payouts-rate-changed = Курс только что изменился, теперь { $rate }. Отправьте /payout ещё раз, чтобы увидеть новую сумму.
payouts-method-gone = Этот способ для выбранного баланса больше недоступен. Отправьте /payout и выберите снова.
payouts-destination-with-bank = { $destination } ({ $bank })
payout-paid-notice = 💸 Выплата №{ $id } отправлена: { $send }, { $method }, на { $destination }.
payout-rejected-notice = ❌ Выплата №{ $id } на { $amount } отклонена: { $reason }. Деньги вернулись на ваш баланс.
payout-error-email-required = Для выплат нужен подтверждённый email. Сначала добавьте его в профиле.
payout-error-topup-not-withdrawable = Деньги, которыми пополнен кошелёк, идут на покупки и не выводятся. Вывести можно до { $available } { $asset }.
payout-error-too-small = Минимум для этого способа — { $min } { $asset } (к отправке не меньше { $sent } { $currency }).
payout-error-not-pending = По этой заявке на выплату уже есть решение.
payout-error-method-unavailable = Этот способ вывода недоступен для баланса в { $asset }.
payout-error-rate-changed = Курс изменился, теперь { $rate }. Проверьте новую сумму и отправьте заявку ещё раз.
payout-error-destination-invalid = { $field ->
    [bankName] Отправьте название банка, от 2 до 60 символов.
   *[destination] { $method ->
        [card_rub] Это не номер карты: в нём от 16 до 19 цифр, а последняя, контрольная, не сходится. Проверьте номер на карте.
        [sbp_rub] Это не российский мобильный номер: нужно +7 и 10 цифр, например +7 999 123-45-67.
        [usdt_trc20] Это не адрес TRON: 34 символа, начинается с T, и контрольная сумма не сходится. Скопируйте адрес из кошелька ещё раз.
        [usdt_erc20] Это не адрес Ethereum: 0x и 40 шестнадцатеричных символов; если в адресе есть и строчные, и заглавные буквы, заглавные — это контрольная сумма, и она не сходится. Скопируйте адрес из кошелька ещё раз.
       *[btc] Это не биткоин-адрес: он начинается с 1, 3 или bc1, и контрольная сумма не сходится. Скопируйте адрес из кошелька ещё раз.
    }
}
admin-command-payouts = Заявки на выплату
admin-command-payout_rates = Курсы выплат
admin-payouts-empty = Заявок на выплату нет.
admin-payout-card =
    💸 <b>Выплата №{ $id }</b>: { $send }, { $method }
    Куда: <code>{ $destination }</code>
    С баланса: { $amount } по курсу { $rate }
    Пользователь: { $name } (<code>{ $userId }</code>), { $email }
    Запрошена: { $date } UTC
admin-payout-approve = ✅ Выплачено
admin-payout-reject = ❌ Отклонить
admin-payout-approved = ✅ Выплата №{ $id } отмечена как выплаченная: { $send }, { $method }.
admin-payout-rejected = ❌ Выплата №{ $id } отклонена: { $reason }
admin-payout-not-pending = По этой заявке уже есть решение.
admin-payout-ask-reason = Почему выплата №{ $id } отклонена? Напишите причину (пользователь её увидит).
admin-payout-reason-invalid = Причина должна быть от 1 до 500 символов. Напишите ещё раз.
admin-payout-rates-title = 💱 <b>Курсы выплат</b> (сколько платит одна единица баланса)
admin-payout-rate-line = { $from } = { $to } · задан { $date } UTC
admin-payout-rates-empty = Курсы не заданы: балансы выводятся только в своей валюте (рубли — на карту или по СБП, USDT — на USDT-кошелёк).
admin-payout-rates-usage = Задать курс: /payout_rate &lt;баланс&gt; &lt;валюта&gt; &lt;курс | off&gt;, например /payout_rate XTR RUB 1.3 (1 звезда — 1,3 ₽). Балансы: RUB, USD, XTR, USDT; валюты: RUB, USDT, BTC.
admin-payout-rate-set = ✅ Теперь { $from } = { $to }. Уже созданные заявки сохраняют свой курс.
admin-payout-rate-cleared = Курс { $asset } → { $currency } удалён: эти способы для такого баланса больше не предлагаются.
