# Generation limits, the price step of /music and /tts, and the ways in at zero balance
# (bots/user/generate/, bots/user/way-in-view.ts, bots/user/chat/chat-failure.ts).

## The hourly limit, shown in every picker before anything is chosen

limits-quota-left = { $tier ->
    [free] { $left } of { $limit } generations left this hour on the free tier.
   *[other] { $left } of { $limit } generations left this hour on your plan.
}
limits-buy-button = 💳 Plans and tokens

## /music and /tts: the price, then one button that starts it

limits-confirm-price = { $model } · { $price } { $count ->
    [one] token
   *[other] tokens
}
limits-confirm-prompt = “{ $prompt }”
limits-confirm-button = ▶️ Generate · { $price }
limits-cancel-button = Cancel
limits-confirm-canceled = Canceled. Nothing was charged.

## Not enough tokens: the cheapest ways in

limits-way-in-title = The cheapest ways to get tokens:
limits-way-in-plan = • Plan: { $product }, { $price }
limits-way-in-pack = • Tokens: { $product }, { $price }
limits-way-in-promo = 🎁 Or free: send /promo { $code } for { $tokens } tokens.
limits-way-in-price = { $money } or { $stars }
limits-way-in-button = { $product } · { $price }
limits-way-in-all = 🛒 All plans and packs

## The welcome grant, told at the end of signup (WELCOME_GRANT_TOKENS)

limits-welcome-grant = 🎁 { $tokens } tokens are on your balance to try the AI studio: just write me a message, or try /image.
limits-welcome-grant-days = 🎁 { $tokens } tokens are on your balance to try the AI studio, for { $days ->
    [one] { $days } day
   *[other] { $days } days
}: just write me a message, or try /image.
