referral-title = 🤝 <b>Приглашайте друзей</b>
referral-explain = Когда приглашённый вами человек покупает токены, вы получаете половину этого количества, и они действуют столько же, сколько его.
referral-link = Ваша ссылка: { $link }
referral-stats =
    Приглашено: { $invited }
    Оплатили: { $paying }
    Заработано токенов: { $earned }
referral-recent-title = Недавно присоединились:
referral-recent-paid = • { $name }, { $date } ✅ оплатил
referral-recent = • { $name }, { $date }
referral-qr-caption = Отсканируйте, чтобы открыть Polygram по вашему приглашению.
menu-referral = 🤝 Пригласить друзей
command-referral = Ваша ссылка-приглашение и награды
command-history = История баланса
history-title = 📜 <b>История баланса</b>
history-empty = Движений пока нет.
history-more = Раньше →
