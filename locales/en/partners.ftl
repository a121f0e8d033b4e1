partner-not-partner = This is for Polygram partners. Write to /support if you would like to become one.
partner-card =
    🤝 <b>Partner programme</b>
    Your link: { $link }
    You earn { $percent }% of what the people who join through it pay.
    Joined through your link: { $referred }
    Available for payout: { $balance }
    To withdraw: /payout &lt;amount in ₽&gt; &lt;card or wallet&gt; (from { $min }).
payout-usage = Usage: /payout <amount in ₽> <card or wallet>, for example: /payout 500 card 2200 0000 0000 0000. The minimum is { $min }.
payout-requested = ✅ Payout request #{ $id } for { $amount } sent. The money is reserved until finance decides; you will get a message. Still available: { $balance }.
payout-email-required = Payouts need a verified email. Add one with the button below, then send /payout again.
payout-too-small = The minimum payout is { $min }.
payout-insufficient = Not enough money available for that payout. Available: { $balance }.
payout-paid-notice = 💸 Payout #{ $id } of { $amount } has been sent to your details.
payout-rejected-notice = ❌ Payout #{ $id } of { $amount } was declined: { $reason }. The money is back on your balance.
admin-command-partners = Partners
admin-command-payouts = Payout requests
admin-partner-new-usage = Usage: /partner_new &lt;@username | id&gt; [percent, default 10]
admin-partner-created = 🤝 { $name } is now a partner ({ $percent }%). Their link: { $link }
admin-partner-exists = { $name } is already a partner. Their link: { $link }
admin-partners-title = 🤝 <b>Partners</b> (newest first)
admin-partners-empty = No partners yet. Create one with /partner_new.
admin-partner-line = { $name } · { $percent }% · joined: { $referred } · earned: { $earned } · paid out: { $paid }
admin-partner-line-disabled = { $line } (disabled)
admin-payouts-empty = No payout requests are waiting.
admin-payout-card =
    💸 <b>Payout #{ $id }</b>: { $amount }
    Partner: { $name } (<code>{ $userId }</code>), { $email }
    Details: <code>{ $details }</code>
    Requested: { $date } UTC
admin-payout-approve = ✅ Paid
admin-payout-reject = ❌ Reject
admin-payout-approved = ✅ Payout #{ $id } of { $amount } is marked paid.
admin-payout-rejected = ❌ Payout #{ $id } is rejected: { $reason }
admin-payout-not-pending = This request has already been decided.
admin-payout-ask-reason = Why is payout #{ $id } rejected? Type the reason (the partner will read it).
admin-payout-reason-invalid = The reason must be 1 to 500 characters. Type it again.
