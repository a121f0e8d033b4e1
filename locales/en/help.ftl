help-text =
    <b>Polygram</b> brings AI studio, VPN, GPU marketplace and trading bots together in one account.

    /start: main menu
    /profile: your profile and email
    /language: change language
    /support: write to our support team
    /cancel: cancel the current action

    The app (button “Open app” or the menu button) has the rich screens.
support-prompt = Write your question in one message (you can attach a photo or a file). /cancel to go back.
support-sent = ✅ Sent to support. We will reply right here.
support-unavailable = Support chat is not configured yet. Please try later.
support-reply = 💬 Support replied:
support-from = From { $name } (ID { $id }, { $language })
support-user-blocked = ⚠️ Not delivered: the user has blocked the bot.
