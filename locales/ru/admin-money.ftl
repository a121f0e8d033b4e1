admin-command-payments = Платежи: фильтр по пользователю, провайдеру, статусу, датам
admin-card-tokens = 💰 Токены: { $balance } (в резерве { $held })
admin-card-money = Деньги: { $money }
admin-asset-tokens = токены
admin-button-balance = 💰 Баланс ±
admin-button-payments = 🧾 Платежи
admin-button-apply = ✅ Применить
admin-button-allow-negative = ⚠️ Разрешить минус
admin-button-more = Ещё ↓
admin-button-user = 👤 Пользователь
admin-button-refund-full = ↩️ Вернуть полностью
admin-button-refund-part = ↩️ Вернуть часть
admin-button-refund-confirm = ✅ Вернуть { $amount }
admin-adjust-ask =
    💰 Корректировка баланса: <b>{ $name }</b>
    Токены: { $tokens }
    Деньги: { $money }

    Напишите изменение и причину, например <code>+5000 бонус за найденную ошибку</code> или <code>-2000 чарджбэк</code>. По умолчанию это токены; для денег сначала укажите валюту: <code>RUB -150.00 переплата</code>. Пользователь увидит причину.
admin-adjust-invalid = Не получилось разобрать. Напишите знак, сумму и причину: <code>+5000 причина</code>, <code>-2000 причина</code> или <code>RUB -150.00 причина</code> (причина до 500 символов).
admin-adjust-confirm =
    <b>{ $name }</b>, { $asset }: { $before } → <b>{ $after }</b> ({ $diff })
    Причина: { $reason }
admin-adjust-overdraft = ⚠️ Доступно только { $available }: после списания баланс уйдёт в минус, до { $after }. Применяйте, только если так и задумано.
admin-adjust-done = ✅ Баланс пользователя { $name } исправлен, { $asset }: { $before } → <b>{ $after }</b>.
balance-adjusted-notice =
    💰 Команда Polygram изменила ваш { $asset ->
        [TOKEN] баланс токенов
       *[other] баланс { $asset }
    }: { $diff }.
    Причина: { $reason }
    Теперь на балансе: { $balance }
admin-payments-title = 🧾 <b>Платежи</b>{ $filters }
admin-payments-line = <b>#{ $id }</b> · { $date } · { $name } (<code>{ $userId }</code>) · { $product } · { $amount } · { $provider } · { $status }
admin-payments-none = Подходящих платежей нет.
admin-payments-no-more = Более ранних платежей нет.
admin-payments-bad-filter =
    Не понимаю «{ $token }».
    Использование: /payments [@username | id] [stars | yookassa | cryptobot] [pending | succeeded | canceled | refunded | partially_refunded] [2026-11-01..2026-11-23], в любом порядке.
admin-payment-status-pending = ожидает оплаты
admin-payment-status-succeeded = оплачен
admin-payment-status-canceled = отменён
admin-payment-status-refunded = возвращён
admin-payment-status-partially_refunded = возвращён частично
admin-refund-status-pending = в обработке
admin-refund-status-succeeded = выполнен
admin-refund-status-failed = не прошёл
admin-payment-card =
    🧾 <b>Платёж #{ $id }</b>
    Пользователь: { $name }{ $username } (<code>{ $userId }</code>)
    Товар: { $product }
    Сумма: { $amount }
    Провайдер: { $provider } · <code>{ $providerId }</code>
    Статус: { $status }
    Возвращено: { $refunded }
    Создан: { $created }
    Оплачен: { $paid }
    Возвраты:
    { $refunds }
admin-payment-refund-line = • #{ $id } { $amount } · { $status } · списано токенов { $clawed }, недостача { $shortfall } · { $date }{ $failure }
admin-payment-not-found = Платёж не найден.
admin-refund-full-confirm = Вернуть { $amount } полностью? Токены этой покупки спишутся в той части, что ещё не потрачена.
admin-refund-ask-amount = Сколько вернуть по платежу #{ $id }? Не больше { $refundable }. Напишите сумму, например <code>49.50</code>, и при желании причину через пробел.
admin-refund-amount-invalid = Нужна сумма больше нуля и не больше { $max }, например 49.50.
admin-refund-part-confirm = Вернуть <b>{ $amount }</b> по платежу #{ $id } (доступно к возврату: { $max })?
admin-refund-done = ↩️ Возврат #{ $id }: возвращено { $amount }. Списано токенов: { $clawed }; уже потрачено (недостача): { $shortfall }.
admin-refund-nothing = По этому платежу возвращать нечего.
admin-refund-not-allowed = Платёж в этом статусе ({ $status }) вернуть нельзя.
admin-refund-amount-changed = Сумма к возврату изменилась. Откройте карточку заново.
admin-refund-provider-error = Платёжный провайдер отказал в возврате: { $message }
refund-notice = ↩️ Возврат { $amount } за «{ $product }». Списано токенов: { $tokens }.
admin-refund-provider-missing = Возвраты через { $provider } здесь не настроены: ничего не возвращено.
