# Generation limits, the price step of /music and /tts, and the ways in at zero balance
# (bots/user/generate/, bots/user/way-in-view.ts, bots/user/chat/chat-failure.ts).

## The hourly limit, shown in every picker before anything is chosen

limits-quota-left = { $tier ->
    [free] Осталось генераций в этом часе на бесплатном тарифе: { $left } из { $limit }.
   *[other] Осталось генераций в этом часе по вашему тарифу: { $left } из { $limit }.
}
limits-buy-button = 💳 Тарифы и токены

## /music and /tts: the price, then one button that starts it

limits-confirm-price = { $model } · { $price } { $count ->
    [one] токен
    [few] токена
   *[many] токенов
}
limits-confirm-prompt = «{ $prompt }»
limits-confirm-button = ▶️ Создать · { $price }
limits-cancel-button = Отмена
limits-confirm-canceled = Отменено. Ничего не списано.

## Not enough tokens: the cheapest ways in

limits-way-in-title = Самые недорогие способы получить токены:
limits-way-in-plan = • Тариф: { $product }, { $price }
limits-way-in-pack = • Токены: { $product }, { $price }
limits-way-in-promo = 🎁 Или бесплатно: промокод { $code } даёт токенов: { $tokens }. Отправьте /promo { $code }.
limits-way-in-price = { $money } или { $stars }
limits-way-in-button = { $product } · { $price }
limits-way-in-all = 🛒 Все тарифы и пакеты

## The welcome grant, told at the end of signup (WELCOME_GRANT_TOKENS)

limits-welcome-grant = 🎁 На ваш баланс зачислено токенов: { $tokens }. Попробуйте AI-студию: просто напишите мне сообщение или попробуйте /image.
limits-welcome-grant-days = 🎁 На ваш баланс зачислено токенов: { $tokens }, они действуют { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}. Попробуйте AI-студию: просто напишите мне сообщение или попробуйте /image.
