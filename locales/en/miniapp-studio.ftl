# Mini App: the AI studio (miniapp/src/pages/studio/) and the messages of its API
# (server/routes/miniapp/studio/).

## API messages

api-error-chat-busy = I'm still answering your previous message. Send this one once that answer is finished.
api-error-price-changed = The price of this model has just changed to { $price } tokens. Check it and confirm again.
api-error-generation-limited = { $tier ->
    [free] You have used all { $limit } generations for this hour on the free tier. You can start the next one in { $minutes } min (at { $time }). A plan raises the limit to { $planLimit } an hour.
   *[other] You have used all { $limit } generations for this hour on your plan. You can start the next one in { $minutes } min (at { $time }).
}
miniapp-studio-chat-failed = The model couldn't answer this time. Nothing was charged, please try again.
miniapp-studio-chat-insufficient = Not enough tokens: { $model } costs { $price } tokens a message and you have { $balance }. Nothing was charged.
miniapp-studio-chat-insufficient-subscriber = Your subscription includes { $free } at no charge: switch this dialog to it and keep chatting.
miniapp-studio-chat-model-unavailable = { $model } is not available right now. Nothing was charged. Pick another model for this dialog.
miniapp-studio-chat-too-long = That message is too long for the model: { $max } characters at most. Nothing was charged.
miniapp-studio-chat-dialog-gone = This dialog no longer exists. Nothing was charged.
miniapp-studio-chat-saved-not-shown = The reply was saved and charged, but could not be shown. Reopen the dialog to read it.

## Home and the studio's own home

miniapp-home-studio-tile = AI studio
miniapp-home-studio-tile-hint = Chat with AI, create pictures, videos and music
miniapp-studio-title = AI studio
miniapp-studio-subtitle = Every request is charged in tokens at the price shown, and only when you get the result.
miniapp-studio-tile-chat = Chat
miniapp-studio-tile-chat-hint = Dialogs with GPT, Claude, Gemini and others
miniapp-studio-tile-image = Create an image
miniapp-studio-tile-image-hint = Describe a picture and a model draws it
miniapp-studio-tile-video = Create a video
miniapp-studio-tile-video-hint = A short clip from a description
miniapp-studio-tile-audio = Create music
miniapp-studio-tile-audio-hint = Songs from a description, or text read aloud
miniapp-studio-tile-gallery = Gallery
miniapp-studio-tile-gallery-hint = Everything you have made, to view and download
miniapp-studio-tile-usage = Usage
miniapp-studio-tile-usage-hint = Tokens spent by day and by model
miniapp-studio-tile-tasks = Video tasks
miniapp-studio-tile-tasks-hint = Your own footage and sound turned into a video

## Shared

miniapp-studio-model = Model
miniapp-studio-no-models = No models of this kind are available right now.
miniapp-studio-price-per-message = { $tokens } tokens a message
miniapp-studio-price-per-request = { $tokens } tokens
miniapp-studio-tokens = { $tokens } tokens
miniapp-studio-balance = balance { $tokens }
miniapp-studio-save = Save
miniapp-studio-cancel = Cancel
miniapp-studio-download = Download
miniapp-studio-kind-text = Chat
miniapp-studio-kind-image = Images
miniapp-studio-kind-video = Videos
miniapp-studio-kind-audio = Audio
miniapp-studio-kind-tool = Photo tools

## Chat

miniapp-studio-chat-title = Chat
miniapp-studio-chat-subtitle = These are the same dialogs as in the bot's chat: continue any of them here or there.
miniapp-studio-dialog-new = New dialog
miniapp-studio-dialogs-empty = No dialogs yet. Start one and write your first message.
miniapp-studio-dialog-untitled = New dialog
miniapp-studio-dialog-active = in the bot
miniapp-studio-dialog-row = { $model } · { $count ->
    [one] 1 message
   *[other] { $count } messages
}
miniapp-studio-chat-model-line = { $model } · { $price } tokens a message
miniapp-studio-chat-empty = Write your first message below. The dialog takes its name from it.
miniapp-studio-chat-earlier = Earlier messages
miniapp-studio-chat-thinking = Thinking…
miniapp-studio-chat-charged = { $tokens } tokens
miniapp-studio-chat-free = No charge
miniapp-studio-chat-input-label = Your message
miniapp-studio-chat-placeholder = Message…
miniapp-studio-chat-send = Send
miniapp-studio-chat-sending = Answering…
miniapp-studio-history-off-note = History is off: the model answers every message on its own.
miniapp-studio-dialog-settings = Settings
miniapp-studio-dialog-name = Name
miniapp-studio-dialog-model = Model and price
miniapp-studio-history = History
miniapp-studio-history-on = On: the model sees the earlier messages of this dialog.
miniapp-studio-history-off = Off: every message is answered on its own.
miniapp-studio-system-prompt = System prompt
miniapp-studio-system-prompt-hint = Who the model should be and how it should answer in this dialog. It applies from your next message.
miniapp-studio-system-prompt-clear = Clear the prompt
miniapp-studio-dialog-delete = Delete dialog
miniapp-studio-dialog-delete-confirm = Delete “{ $title }”? It disappears from your list together with its messages.
miniapp-studio-dialog-delete-yes = Delete

## Generate

miniapp-studio-generate-image-title = Create an image
miniapp-studio-generate-image-prompt = What should be in the picture?
miniapp-studio-generate-image-placeholder = A red fox in fresh snow, watercolor
miniapp-studio-generate-video-title = Create a video
miniapp-studio-generate-video-prompt = What happens in the clip?
miniapp-studio-generate-video-placeholder = A paper boat sailing down a rainy street
miniapp-studio-generate-audio-title = Create music
miniapp-studio-generate-audio-prompt = Describe the song, or write the text to read aloud
miniapp-studio-generate-audio-placeholder = An upbeat synth-pop song about summer nights
miniapp-studio-option-size = Size
miniapp-studio-option-seconds = Length
miniapp-studio-option-seconds-value = { $seconds } s
miniapp-studio-option-aspect = Frame
miniapp-studio-option-voice = Voice
miniapp-studio-option-instrumental = Vocals
miniapp-studio-option-instrumental-no = With vocals
miniapp-studio-option-instrumental-yes = Instrumental
miniapp-studio-option-scale = Scale
miniapp-studio-quota = { $tier ->
    [free] { $left } of { $limit } generations left this hour on the free tier.
   *[other] { $left } of { $limit } generations left this hour on your plan.
}
miniapp-studio-quota-plans = See the plans
miniapp-studio-cost = Cost
miniapp-studio-your-balance = Your balance
miniapp-studio-charge-note = The tokens are reserved now and charged only when the result is ready. If the model fails, nothing is charged.
miniapp-studio-not-enough = Not enough tokens for this model.
miniapp-studio-buy = Buy tokens
miniapp-studio-generate-start = Create for { $tokens } tokens
miniapp-studio-generate-queued = In the queue
miniapp-studio-generate-percent = { $percent }%
miniapp-studio-generate-progress-label = { $model } is working on it
miniapp-studio-generate-running-note = You can leave this page: the result will wait for you in the gallery.
miniapp-studio-generate-charged = Charged: { $tokens } tokens
miniapp-studio-generate-gallery = Gallery
miniapp-studio-generate-again = Create another
miniapp-studio-generate-gone = The result is no longer stored.

## Gallery

miniapp-studio-gallery-title = Gallery
miniapp-studio-gallery-filter = Show
miniapp-studio-gallery-all = All
miniapp-studio-gallery-empty = Nothing here yet. What you create appears here and is kept for three days.
miniapp-studio-gallery-more = Show more
miniapp-studio-gallery-open = Open the result of { $model }
miniapp-studio-gallery-kept-until = kept until { $date }

## Usage

miniapp-studio-usage-title = Usage
miniapp-studio-usage-span = Period
miniapp-studio-usage-days = { $days } days
miniapp-studio-usage-total = Tokens spent
miniapp-studio-usage-tokens-unit = tokens
miniapp-studio-usage-requests = { $count ->
    [one] 1 request
   *[other] { $count } requests
}
miniapp-studio-usage-chart-label = Tokens spent by day
miniapp-studio-usage-bar = { $day }: { $tokens } tokens, { $count ->
    [one] 1 request
   *[other] { $count } requests
}
miniapp-studio-usage-utc = days in UTC
miniapp-studio-usage-by-model = By model
miniapp-studio-usage-col-requests = Requests
miniapp-studio-usage-col-tokens = Tokens
miniapp-studio-usage-empty = No requests in this period.
