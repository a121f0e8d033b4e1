command-new = Start a new AI dialog
command-dialogs = Your AI dialogs: switch, model, history

chat-busy = ⏳ I'm still answering your previous message. Send this one again once the answer is finished.
chat-failed = ⚠️ The model couldn't answer this time. Nothing was charged, please try again.
chat-insufficient = Not enough tokens: { $model } costs { $price } tokens a message and you have { $balance }. Top up with /buy.
chat-insufficient-subscriber = Your subscription includes { $free } at no charge: switch this dialog to it and keep chatting.
chat-buy-button = 💳 Buy tokens
chat-use-free-button = Switch to { $free }
chat-switched-free = ✅ This dialog now uses { $model }. Send your message again.
chat-model-unavailable = { $model } is not available right now. Pick another model in /dialogs.
chat-too-long = That message is too long for the model: { $max } characters at most.
chat-voice-transcript = 🎙 <i>{ $text }</i>
chat-voice-empty = 🎙 I couldn't make out any words in that voice message. Nothing was charged.
chat-voice-too-big = That voice message is too long for me. Please send a shorter one.
chat-voice-failed = ⚠️ I couldn't transcribe that voice message. Nothing was charged, please try again.
chat-speak-button = 🔊 Listen
chat-speak-working = 🔊 Voicing the reply…
chat-speak-busy = This reply is being voiced already.
chat-speak-truncated = The first part of the reply: speech is limited to 4,096 characters.
chat-speak-failed = ⚠️ Couldn't voice the reply. Nothing was charged, please try again.
chat-reply-gone = That reply is no longer available: its dialog was deleted.

dialogs-title = 💬 <b>Your dialogs</b>
dialogs-explain = Your messages go to the active dialog ✅. Tap a dialog to open it.
dialogs-empty = No dialogs yet. Just write me a message and one starts by itself.
dialogs-line = { $title } · { $model } · { $count ->
    [one] 1 message
   *[other] { $count } messages
}
dialogs-untitled = New dialog
dialogs-new-button = ➕ New dialog
dialogs-back-button = ← All dialogs
dialogs-card-title = 💬 <b>{ $title }</b>
dialogs-card-active = ✅ Active: your messages go here.
dialogs-card-model = 🤖 Model: { $model } · { $price } tokens a message
dialogs-card-history-on = 📜 History is on: the model sees the earlier messages of this dialog.
dialogs-card-history-off = 📜 History is off: every message is answered on its own.
dialogs-card-prompt = 📝 System prompt: <i>{ $prompt }</i>
dialogs-card-no-prompt = 📝 No system prompt.
dialogs-card-count = ✉️ { $count ->
    [one] 1 message
   *[other] { $count } messages
}
dialogs-use-button = 💬 Chat here
dialogs-model-button = 🤖 Model
dialogs-history-on-button = 📜 History: on
dialogs-history-off-button = 📜 History: off
dialogs-prompt-button = 📝 System prompt
dialogs-prompt-clear-button = 🧹 Clear prompt
dialogs-rename-button = ✏️ Rename
dialogs-delete-button = 🗑 Delete
dialogs-pick-model = Choose the model for “{ $title }”. Prices are in tokens per message.
dialogs-model-line = { $model } · { $price }
dialogs-model-set = Model: { $model }
dialogs-model-off = This model is not available right now. Choose another one.
dialogs-history-turned-on = History on
dialogs-history-turned-off = History off
dialogs-delete-confirm = Delete “{ $title }”? It will disappear from your list together with its messages.
dialogs-delete-yes = 🗑 Yes, delete
dialogs-delete-no = Cancel
dialogs-deleted = Dialog “{ $title }” deleted
dialogs-switched = Now talking in “{ $title }”
dialogs-created = ✨ New dialog started with { $model }. Write your first message.
dialogs-rename-ask = Send the new name for “{ $title }”. /cancel keeps the current one.
dialogs-renamed = ✏️ Renamed to “{ $title }”.
dialogs-prompt-ask = Send the system prompt for “{ $title }”: who the model should be and how it should answer in this dialog. /cancel keeps the current one.
dialogs-prompt-saved = 📝 System prompt saved. It applies from your next message.
dialogs-prompt-cleared = System prompt cleared
dialogs-text-only = Please send it as a text message.
dialogs-title-invalid = The name can't be empty. Send another one.
dialogs-prompt-too-long = That's too long: { $max } characters at most. Send a shorter one.
dialogs-not-found = This dialog no longer exists.
