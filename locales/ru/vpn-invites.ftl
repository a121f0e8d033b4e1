# Приглашения и программа лояльности VPN (core/vpn/invites/, core/vpn/loyalty/).
vpn-loyalty-level-bronze = 🥉 Бронза
vpn-loyalty-level-silver = 🥈 Серебро
vpn-loyalty-level-gold = 🥇 Золото
vpn-loyalty-level-platinum = 💎 Платина
vpn-loyalty-reached = { $level } — ваш уровень в программе лояльности VPN. Продлевайте подписку без долгих перерывов, чтобы расти: /invites
vpn-loyalty-reached-bonus = 🎉 Новый уровень лояльности VPN: { $level }!
    Спасибо, что вы с нами: к подписке { $days ->
        [one] добавлен { $days } день
        [few] добавлено { $days } дня
       *[many] добавлено { $days } дней
    }.
vpn-loyalty-grace-ending = ⚠️ Подписка на VPN закончилась, и { $date } вы потеряете уровень лояльности { $level }.
    Продлите подписку до этого момента, чтобы его сохранить: /vpn

invites-title = 🎟 <b>Ваши приглашения в VPN</b>
invites-intro = Каждый оплаченный месяц приносит коды приглашений. Друг, который ещё не пользовался нашим VPN, получит бесплатные дни, а вы — { $days } дней, когда он впервые оплатит подписку.
invites-none = Кодов пока нет: они появляются с оплаченным тарифом (/vpn).
invites-code-available = <code>{ $code }</code> · другу { $days } дн. · действует до { $until }
    { $link }
invites-code-used = <s>{ $code }</s> · использовал(а) { $name } { $rewarded ->
        [yes] · ваши дни начислены ✅
       *[no] · ваши дни придут после его оплаты
    }
invites-code-expired = <s>{ $code }</s> · срок истёк
invites-loyalty = Уровень лояльности: { $level } (оплачено месяцев подряд: { $months }).
invites-loyalty-none = Уровня лояльности пока нет — он появится с первым оплаченным месяцем.
invites-redeem-hint = Друг прислал код? Отправьте /invite КОД

invite-redeemed = 🎁 Приглашение друга сработало: VPN бесплатно на { $days } дн., до { $until }.
    Подключиться: /config
invite-error-not_found = Такого кода приглашения нет. Проверьте его и попробуйте ещё раз.
invite-error-used = Этот код приглашения уже использован.
invite-error-expired = Срок действия этого кода приглашения истёк.
invite-error-own = Это ваш собственный код — отправьте его другу.
invite-error-has_history = Коды приглашений — для новых пользователей VPN, а вы уже им пользовались.
invite-error-already_invited = Вы уже использовали код приглашения: только один на человека.
invite-ask-code = Отправьте код вместе с командой: /invite КОД

admin-vpn-invites-title = 🎟 <b>Правила приглашений VPN</b> (коды за 30 оплаченных дней · бесплатные дни другу)
admin-vpn-invites-rule = <b>{ $tier }</b>: { $invites } код. за { $perDays } дн. · другу { $friendDays } дн.
admin-vpn-invites-promo-on = 🔥 Акция ×{ $multiplier } до { $until }
admin-vpn-invites-promo-off = Акция не идёт.
admin-vpn-invites-help = Кнопки: коды −/+, дни другу −/+. Бесплатные дни одному человеку вручную — в VPN-карточке пользователя (/find → VPN → продлить).
admin-vpn-invites-promo-start = 🔥 Запустить ×2 на { $days } дн.
admin-vpn-invites-promo-stop = ⏹ Остановить акцию
admin-vpn-invites-codes = коды { $tier }
admin-vpn-invites-days = дни { $tier }
admin-vpn-invites-saved = Сохранено
admin-vpn-invites-usage = Использование: /vpn_invites или /vpn_invites <тариф> <кодов за 30 дней> <дней другу>, например /vpn_invites pro 2 14
command-invites = Приглашения друзей в VPN и ваш уровень лояльности
admin-command-vpn_invites = Правила приглашений VPN и акции
vpn-loyalty-lost = Уровень лояльности VPN { $level } сброшен: перерыв в подписке оказался дольше 14 дней. Оформите подписку снова, чтобы начать заново: /vpn
invites-share-button = 📤 Отправить { $code } другу
invite-reward-notice = 🎉 { $name } пришёл(а) по вашему приглашению и оплатил(а) VPN: к вашей подписке добавлено { $days } дн. Спасибо! Ещё коды: /invites
invite-friend-joined = 🎟 { $name } воспользовался(-ась) вашим приглашением в VPN. Когда он(а) впервые оплатит подписку, вы получите { $days } дн.
