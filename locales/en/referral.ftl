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
history-more = Older →
