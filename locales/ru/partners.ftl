partner-not-partner = Это раздел для партнёров Polygram. Если хотите стать партнёром, напишите в /support.
partner-card =
    🤝 <b>Партнёрская программа</b>
    Ваша ссылка: { $link }
    Вы получаете { $percent }% от оплат тех, кто пришёл по ней.
    Пришли по вашей ссылке: { $referred }
    Доступно к выплате: { $balance }
    Вывести: /payout (карта, СБП, USDT или BTC).
admin-command-partners = Партнёры
admin-partner-new-usage = Формат: /partner_new &lt;@username | id&gt; [процент, по умолчанию 10]
admin-partner-created = 🤝 { $name } теперь партнёр ({ $percent }%). Ссылка: { $link }
admin-partner-exists = { $name } уже партнёр. Ссылка: { $link }
admin-partners-title = 🤝 <b>Партнёры</b> (сначала новые)
admin-partners-empty = Партнёров пока нет. Создайте командой /partner_new.
admin-partner-line = { $name } · { $percent }% · пришло: { $referred } · заработано: { $earned } · выплачено: { $paid }
admin-partner-line-disabled = { $line } (отключён)
