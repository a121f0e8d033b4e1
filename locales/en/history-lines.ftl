# What each line of the balance history was for (core/ledger/describe-entry.ts), in /history and the Mini App.
# Plain text: the bot escapes it for HTML. Model and brand names are not translated.

history-entry =
    { $date } · { $description }
    <b>{ $amount }</b> ({ $before } → { $after })

## A spend: the model and the kind of work
history-desc-spend = { $model } · { $use }
history-desc-spend-model = { $model }
history-desc-task-run = Video task “{ $task }” · { $model }
history-use-chat = chat message
history-use-image = image
history-use-video = video
history-use-photo-tool = photo tool
history-use-transcription = voice to text
history-use-audio = audio

## Purchases and refunds: the product and how it was paid
history-desc-purchase = Purchase: { $product } ({ $provider })
history-desc-refund = Refund: { $product }
history-provider-stars = Telegram Stars
history-provider-yookassa = bank card
history-provider-cryptobot = crypto

## Bonuses and rewards
history-desc-promo = Promo code { $code }
history-desc-referral = Referral reward: { $name } made a purchase
history-desc-referral-someone = Referral reward: someone you invited made a purchase
history-desc-commission = Partner commission { $percent }%: a purchase through your link
history-desc-commission-reversed = Partner commission returned: a purchase through your link was refunded

## Support, payouts, expiry
history-desc-correction = Correction by support
history-desc-correction-reason = Correction by support: { $reason }
history-desc-payout = Payout #{ $id }
history-desc-payout-method = Payout #{ $id } · { $method }
history-desc-payout-declined = Payout #{ $id } declined: { $reason }
history-desc-expired = Expired: { $what }
history-origin-promo = promo code { $code }
history-origin-referral = referral reward
history-origin-correction = correction by support

## When a transaction names nothing more precise
history-desc-type-topup = Purchase
history-desc-type-spend = Spent
history-desc-type-refund = Refund
history-desc-type-manual = Correction by support
history-desc-type-bonus = Bonus
history-desc-type-referral = Referral reward
history-desc-type-earning = Earnings
history-desc-type-commission = Partner commission
history-desc-type-payout = Payout
history-desc-type-reversal = Reversal
history-desc-type-expiry = Expired tokens
