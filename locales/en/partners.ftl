partner-not-partner = This is for Polygram partners. Write to /support if you would like to become one.
partner-card =
    🤝 <b>Partner programme</b>
    Your link: { $link }
    You earn { $percent }% of what the people who join through it pay.
    Joined through your link: { $referred }
    Available for payout: { $balance }
    To withdraw: /payout (card, SBP, USDT or BTC).
admin-command-partners = Partners
admin-partner-new-usage = Usage: /partner_new &lt;@username | id&gt; [percent, default 10]
admin-partner-created = 🤝 { $name } is now a partner ({ $percent }%). Their link: { $link }
admin-partner-exists = { $name } is already a partner. Their link: { $link }
admin-partners-title = 🤝 <b>Partners</b> (newest first)
admin-partners-empty = No partners yet. Create one with /partner_new.
admin-partner-line = { $name } · { $percent }% · joined: { $referred } · earned: { $earned } · paid out: { $paid }
admin-partner-line-disabled = { $line } (disabled)
