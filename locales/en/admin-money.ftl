admin-command-payments = Payments: filter by user, provider, status, dates
admin-card-tokens = 💰 Tokens: { $balance } (reserved { $held })
admin-card-money = Money: { $money }
admin-asset-tokens = tokens
admin-button-balance = 💰 Balance ±
admin-button-payments = 🧾 Payments
admin-button-apply = ✅ Apply
admin-button-allow-negative = ⚠️ Allow negative balance
admin-button-more = More ↓
admin-button-user = 👤 User
admin-button-refund-full = ↩️ Refund in full
admin-button-refund-part = ↩️ Refund part
admin-button-refund-confirm = ✅ Refund { $amount }
admin-adjust-ask =
    💰 Balance correction for <b>{ $name }</b>
    Tokens: { $tokens }
    Money: { $money }

    Type the change and the reason, for example <code>+5000 bonus for the bug report</code> or <code>-2000 chargeback</code>. Tokens by default; for money put the currency first: <code>RUB -150.00 overpayment</code>. The user will see the reason.
admin-adjust-invalid = I could not read that. Type a sign, an amount and a reason: <code>+5000 reason</code>, <code>-2000 reason</code> or <code>RUB -150.00 reason</code> (the reason up to 500 characters).
admin-adjust-confirm =
    <b>{ $name }</b>, { $asset }: { $before } → <b>{ $after }</b> ({ $diff })
    Reason: { $reason }
admin-adjust-overdraft = ⚠️ Only { $available } is available: this debit takes the balance below zero, to { $after }. Apply it only if that is intended.
admin-adjust-done = ✅ Balance of { $name } corrected, { $asset }: { $before } → <b>{ $after }</b>.
balance-adjusted-notice =
    💰 The Polygram team changed your { $asset ->
        [TOKEN] token balance
       *[other] { $asset } balance
    }: { $diff }.
    Reason: { $reason }
    Balance now: { $balance }
admin-payments-title = 🧾 <b>Payments</b>{ $filters }
admin-payments-line = <b>#{ $id }</b> · { $date } · { $name } (<code>{ $userId }</code>) · { $product } · { $amount } · { $provider } · { $status }
admin-payments-none = No payments match.
admin-payments-no-more = No older payments.
admin-payments-bad-filter =
    I don't understand “{ $token }”.
    Usage: /payments [@username | id] [stars | yookassa | cryptobot] [pending | succeeded | canceled | refunded | partially_refunded] [2026-11-01..2026-11-23], in any order.
admin-payment-status-pending = pending
admin-payment-status-succeeded = succeeded
admin-payment-status-canceled = canceled
admin-payment-status-refunded = refunded
admin-payment-status-partially_refunded = partially refunded
admin-refund-status-pending = pending
admin-refund-status-succeeded = done
admin-refund-status-failed = failed
admin-payment-card =
    🧾 <b>Payment #{ $id }</b>
    User: { $name }{ $username } (<code>{ $userId }</code>)
    Product: { $product }
    Amount: { $amount }
    Provider: { $provider } · <code>{ $providerId }</code>
    Status: { $status }
    Refunded: { $refunded }
    Created: { $created }
    Paid: { $paid }
    Refunds:
    { $refunds }
admin-payment-refund-line = • #{ $id } { $amount } · { $status } · tokens taken back { $clawed }, shortfall { $shortfall } · { $date }{ $failure }
admin-payment-not-found = Payment not found.
admin-refund-full-confirm = Refund { $amount } in full? The tokens of this purchase are taken back as far as they are unspent.
admin-refund-ask-amount = How much of payment #{ $id } should go back? Up to { $refundable }. Type the amount, e.g. <code>49.50</code>, optionally followed by a reason.
admin-refund-amount-invalid = Type an amount above zero and at most { $max }, e.g. 49.50.
admin-refund-part-confirm = Refund <b>{ $amount }</b> of payment #{ $id } (refundable: { $max })?
admin-refund-done = ↩️ Refund #{ $id }: { $amount } returned. Tokens taken back: { $clawed }; already spent (shortfall): { $shortfall }.
admin-refund-nothing = Nothing to refund on this payment.
admin-refund-not-allowed = This payment cannot be refunded in its status ({ $status }).
admin-refund-amount-changed = The refundable amount has changed. Open the card again.
admin-refund-provider-error = The payment provider refused the refund: { $message }
refund-notice = ↩️ Refund of { $amount } for { $product }. Tokens taken back: { $tokens }.
admin-refund-provider-missing = Refunds through { $provider } are not set up in this deployment: nothing was refunded.
