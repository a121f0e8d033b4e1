# The Mini App's screen for a banned account (miniapp/src/components/BannedScreen.tsx).

miniapp-ban-title = Your account is blocked
miniapp-ban-reason = Reason: { $reason }
miniapp-ban-appeal = If you think this is a mistake, write /support in the bot's chat: your message goes to our team, and the answer comes there.
miniapp-ban-back = Back to the chat
