partner-not-partner = Это раздел для партнёров Polygram. Если хотите стать партнёром, напишите в /support.
partner-card =
    🤝 <b>Партнёрская программа</b>
    Ваша ссылка: { $link }
    Вы получаете { $percent }% от оплат тех, кто пришёл по ней.
    Пришли по вашей ссылке: { $referred }
    Доступно к выплате: { $balance }
    Вывести: /payout &lt;сумма в ₽&gt; &lt;карта или кошелёк&gt; (от { $min }).
payout-usage = Формат: /payout <сумма в ₽> <карта или кошелёк>, например: /payout 500 карта 2200 0000 0000 0000. Минимум { $min }.
payout-requested = ✅ Заявка на выплату №{ $id } на { $amount } отправлена. Деньги зарезервированы до решения финансового отдела, мы пришлём сообщение. Доступно: { $balance }.
payout-email-required = Для выплат нужен подтверждённый email. Добавьте его кнопкой ниже и отправьте /payout ещё раз.
payout-too-small = Минимальная сумма выплаты — { $min }.
payout-insufficient = Недостаточно средств для такой выплаты. Доступно: { $balance }.
payout-paid-notice = 💸 Выплата №{ $id } на { $amount } отправлена по вашим реквизитам.
payout-rejected-notice = ❌ Выплата №{ $id } на { $amount } отклонена: { $reason }. Деньги вернулись на ваш баланс.
admin-command-partners = Партнёры
admin-command-payouts = Заявки на выплату
admin-partner-new-usage = Формат: /partner_new &lt;@username | id&gt; [процент, по умолчанию 10]
admin-partner-created = 🤝 { $name } теперь партнёр ({ $percent }%). Ссылка: { $link }
admin-partner-exists = { $name } уже партнёр. Ссылка: { $link }
admin-partners-title = 🤝 <b>Партнёры</b> (сначала новые)
admin-partners-empty = Партнёров пока нет. Создайте командой /partner_new.
admin-partner-line = { $name } · { $percent }% · пришло: { $referred } · заработано: { $earned } · выплачено: { $paid }
admin-partner-line-disabled = { $line } (отключён)
admin-payouts-empty = Заявок на выплату нет.
admin-payout-card =
    💸 <b>Выплата №{ $id }</b>: { $amount }
    Партнёр: { $name } (<code>{ $userId }</code>), { $email }
    Реквизиты: <code>{ $details }</code>
    Запрошена: { $date } UTC
admin-payout-approve = ✅ Выплачено
admin-payout-reject = ❌ Отклонить
admin-payout-approved = ✅ Выплата №{ $id } на { $amount } отмечена как выплаченная.
admin-payout-rejected = ❌ Выплата №{ $id } отклонена: { $reason }
admin-payout-not-pending = По этой заявке уже есть решение.
admin-payout-ask-reason = Почему выплата №{ $id } отклонена? Напишите причину (партнёр её увидит).
admin-payout-reason-invalid = Причина должна быть от 1 до 500 символов. Напишите ещё раз.
