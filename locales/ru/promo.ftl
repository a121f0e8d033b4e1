command-promo = Ввести промокод
promo-usage = Отправьте код после команды, например: /promo WELCOME
promo-bonus-credited = 🎁 Промокод { $code } применён. Начислено токенов: { $tokens }. Ваш баланс: { $balance }.
promo-discount-saved = 🎟 Промокод { $code } сохранён: { $terms } на { $scope }. Скидка сработает при следующей покупке.
promo-discount-replaced = Он заменяет промокод, который вы вводили раньше.
promo-scope-any = любую покупку
promo-terms-bonus = { $tokens } токенов
promo-terms-percent = скидка { $percent }%
promo-terms-fixed = скидка { $amount }
promo-refused-not-found = Такого промокода нет. Проверьте написание и попробуйте ещё раз.
promo-refused-disabled = Этот промокод больше не действует.
promo-refused-expired = Срок действия промокода истёк.
promo-refused-exhausted = Этот промокод уже закончился.
promo-refused-already-used = Вы уже использовали этот промокод.
promo-refused-first-purchase-only = Этот промокод действует только на первую покупку.
promo-price = { $amount } вместо { $full }
promo-buy-applies = 🎟 Действует промокод { $code }: цены ниже уже со скидкой.
admin-command-promos = Промокоды
admin-promo-new-usage =
    Формат:
    /promo_new КОД bonus &lt;токены&gt;
    /promo_new КОД percent &lt;1-100&gt;
    /promo_new КОД fixed &lt;сумма&gt; &lt;RUB|USD|XTR|USDT&gt;
    Параметры: max=N (всего использований), per_user=N (по умолчанию 1), days=N (срок), first (только первая покупка), product=&lt;id&gt;
admin-promo-created = ✅ Промокод <code>{ $code }</code> создан: { $terms }, на { $scope }.
admin-promo-taken = Промокод { $code } уже существует.
admin-promo-unknown-product = Товара с таким id нет.
admin-promo-off-usage = Формат: /promo_off КОД
admin-promo-off-done = ⛔ Промокод <code>{ $code }</code> отключён.
admin-promo-not-found = Промокода { $code } нет.
admin-promos-title = 🎟 <b>Промокоды</b> (сначала новые)
admin-promos-empty = Промокодов пока нет. Создайте командой /promo_new.
admin-promo-line = <code>{ $code }</code> · { $terms } · { $scope } · использован { $used } из { $max } · { $state }
admin-promo-unlimited = ∞
admin-promo-state-active = действует
admin-promo-state-disabled = отключён
admin-promo-state-expired = истёк
