command-payout = Withdraw money
payout-method-card = Bank card (₽)
payout-method-sbp = SBP by phone (₽)
payout-method-trc20 = USDT (TRC-20)
payout-method-erc20 = USDT (ERC-20)
payout-method-btc = Bitcoin (BTC)
payouts-email-required = Payouts need a verified email. Add one with the button below, then send /payout again.
payouts-nothing = You have no money to withdraw yet. Partner commissions and GPU earnings can be withdrawn once they are credited; tokens cannot.
payouts-choose-balance = Which balance do you want to withdraw from?
payouts-no-methods = Your { $balance } cannot be withdrawn yet: no payout method is set up for this balance. Write to /support and we will set it up.
payouts-choose-method = Available: { $available }. How should we send it?
payouts-method-with-rate = { $method } · { $from } = { $to }
payouts-ask-card = Send the card number (16 to 19 digits).
payouts-ask-sbp = Send the phone number for the SBP transfer: +7 and 10 digits.
payouts-ask-bank = Which bank should receive it? Send its name, for example: T-Bank.
payouts-ask-trc20 = Send your USDT address on TRON (TRC-20): 34 characters starting with T.
payouts-ask-erc20 = Send your USDT address on Ethereum (ERC-20): 0x and 40 characters.
payouts-ask-btc = Send your Bitcoin address: it starts with 1, 3 or bc1.
payouts-ask-amount =
    How much of your { $available } do you want to withdraw? The minimum is { $min }.
    { $rate }
    Send the amount or press the button.
payouts-rate-line = Rate: { $from } = { $to }.
payouts-same-currency = Paid one for one.
payouts-all-button = All: { $amount }
payouts-amount-invalid = Send an amount as a number, like 500 or 99.50.
payouts-too-small = The minimum for { $method } is { $min } (it sends at least { $sent }).
payouts-insufficient = That is more than you have available: { $available }.
payouts-confirm =
    <b>Check your payout</b>
    From your balance: { $amount }
    Method: { $method }
    To: <code>{ $destination }</code>
    { $rate }
    You receive: <b>{ $send }</b>
payouts-use-buttons = Press one of the buttons above, or /cancel.
payouts-text-only = Send it as a text message, or /cancel.
payouts-confirm-button = ✅ Request the payout
payouts-cancel-button = Cancel
payouts-requested = ✅ Payout request #{ $id } sent: { $send } to { $destination }. { $amount } is reserved until finance decides; you will get a message. Left on this balance: { $balance }.
payouts-rate-changed = The rate has just changed: it is now { $rate }. Send /payout again to see the new amount.
payouts-method-gone = This method is no longer offered for that balance. Send /payout to choose again.
payouts-destination-with-bank = { $destination } ({ $bank })
payout-paid-notice = 💸 Payout #{ $id } has been sent: { $send }, { $method }, to { $destination }.
payout-rejected-notice = ❌ Payout #{ $id } of { $amount } was declined: { $reason }. The money is back on your balance.
payout-error-email-required = Payouts need a verified email. Add one in your profile first.
payout-error-topup-not-withdrawable = Money topped up into the wallet pays for purchases and cannot be withdrawn. You can withdraw up to { $available } { $asset }.
payout-error-too-small = The minimum for this method is { $min } { $asset } (it must send at least { $sent } { $currency }).
payout-error-not-pending = This payout request has already been decided.
payout-error-method-unavailable = This withdrawal method is not offered for your { $asset } balance.
payout-error-rate-changed = The rate has changed: it is now { $rate }. Check the new amount and send the request again.
payout-error-destination-invalid = { $field ->
    [bankName] Send the bank's name, 2 to 60 characters.
   *[destination] { $method ->
        [card_rub] That is not a valid card number: it has 16 to 19 digits, and the last one, a check digit, does not match. Check the number on the card.
        [sbp_rub] That is not a Russian mobile number: +7 and 10 digits, for example +7 999 123-45-67.
        [usdt_trc20] That is not a TRON address: 34 characters starting with T, and its checksum does not match. Copy it from your wallet again.
        [usdt_erc20] That is not an Ethereum address: 0x and 40 hexadecimal characters; in mixed case the capitals are a checksum, and it does not match. Copy it from your wallet again.
       *[btc] That is not a Bitcoin address: 1…, 3… or bc1…, and its checksum does not match. Copy it from your wallet again.
    }
}
admin-command-payouts = Payout requests
admin-command-payout_rates = Payout rates
admin-payouts-empty = No payout requests are waiting.
admin-payout-card =
    💸 <b>Payout #{ $id }</b>: { $send } by { $method }
    To: <code>{ $destination }</code>
    From the balance: { $amount } at { $rate }
    User: { $name } (<code>{ $userId }</code>), { $email }
    Requested: { $date } UTC
admin-payout-approve = ✅ Paid
admin-payout-reject = ❌ Reject
admin-payout-approved = ✅ Payout #{ $id } is marked paid: { $send } by { $method }.
admin-payout-rejected = ❌ Payout #{ $id } is rejected: { $reason }
admin-payout-not-pending = This request has already been decided.
admin-payout-ask-reason = Why is payout #{ $id } rejected? Type the reason (the user will read it).
admin-payout-reason-invalid = The reason must be 1 to 500 characters. Type it again.
admin-payout-rates-title = 💱 <b>Payout rates</b> (what one unit of a balance pays out)
admin-payout-rate-line = { $from } = { $to } · set { $date } UTC
admin-payout-rates-empty = No rates are set: balances are paid out only in their own currency (roubles to a card or SBP, USDT to a USDT wallet).
admin-payout-rates-usage = Set a rate: /payout_rate &lt;balance&gt; &lt;currency&gt; &lt;rate | off&gt;, for example /payout_rate XTR RUB 1.3 (1 Star pays 1.3 ₽). Balances: RUB, USD, XTR, USDT; currencies: RUB, USDT, BTC.
admin-payout-rate-set = ✅ { $from } now pays { $to }. Requests already made keep their rate.
admin-payout-rate-cleared = The { $asset } → { $currency } rate is removed: those methods are no longer offered for that balance.
