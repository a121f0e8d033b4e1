referral-title = 🤝 <b>Invite friends</b>
referral-explain = When someone you invite buys tokens, you get half as many tokens, valid as long as theirs.
referral-link = Your link: { $link }
referral-stats =
    Invited: { $invited }
    Paying: { $paying }
    Tokens earned: { $earned }
referral-recent-title = Recently joined:
referral-recent-paid = • { $name }, { $date } ✅ paid
referral-recent = • { $name }, { $date }
referral-qr-caption = Scan to open Polygram with your invitation.
menu-referral = 🤝 Invite friends
command-referral = Your invitation link and rewards
command-history = Balance history
history-title = 📜 <b>Balance history</b>
history-empty = No movements yet.
history-line = { $date } · { $type } · { $amount } ({ $before } → { $after })
history-more = Older →
history-type-topup = purchase
history-type-spend = spent
history-type-refund = refund
history-type-manual = correction
history-type-bonus = bonus
history-type-referral = referral
history-type-earning = earning
history-type-commission = commission
history-type-payout = payout
history-type-reversal = reversal
history-type-expiry = expired
