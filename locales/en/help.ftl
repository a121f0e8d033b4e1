help-text =
    <b>Polygram</b> brings AI studio, VPN, GPU marketplace and trading bots together in one account.

    /start: main menu
    /new: start a new AI dialog (just write to chat with the AI)
    /dialogs: your dialogs: switch, model, history, system prompt
    /profile: your profile and email
    /language: change language
    /support: write to our support team
    /image, /video, /music, /tts + a description: a picture, a video, a song, speech
    Send a photo: upscale it, remove or replace the background, vectorize it
    /cancel: cancel the current action

    The app (button “Open app” or the menu button) has the rich screens.
support-prompt = Write your question in one message (you can attach a photo or a file). /cancel to go back.
support-sent = ✅ Sent to support. We will reply right here.
support-unavailable = Support chat is not configured yet. Please try later.
support-reply = 💬 Support replied:
support-from = From { $name } (ID { $id }, { $language })
support-user-blocked = ⚠️ Not delivered: the user has blocked the bot.
