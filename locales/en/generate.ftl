command-image = Generate a picture
command-video = Generate a video
command-music = Compose a song (Suno)
command-tts = Turn text into speech
generate-usage-image =
    Describe the picture after the command, for example:
    /image a red fox in fresh snow, watercolor
generate-usage-video =
    Describe the scene after the command, for example:
    /video a paper boat sailing down a rainy street
generate-usage-music =
    Describe the song after the command, for example:
    /music an upbeat synth-pop song about summer nights
generate-usage-tts =
    Put the text to read aloud after the command, for example:
    /tts Good morning! Here is today's news.
generate-pick-model =
    Choose a model for:
    “{ $prompt }”
generate-model-button = { $model } · { $price }
generate-pick-video-options = { $model }: choose the length and the frame.
generate-video-option = { $aspect } · { $seconds } s
generate-no-models = No models of this kind are available right now. Please try again later.
generate-draft-expired = This request has expired. Please send the command again.
generate-status-queued =
    ⏳ { $model } · { $price } { $count ->
        [one] token
       *[other] tokens
    }
    In the queue…
generate-status-working = ⚙️ { $model }: working on it…
generate-status-progress =
    ⚙️ { $model }: working on it… { $percent }%
    { $bar }
generate-status-done = ✅ { $model }: done. Charged: { $price } { $count ->
        [one] token
       *[other] tokens
    }.
generate-status-failed = ❌ { $model }: failed.
generate-result-caption = { $model }: { $prompt }
generate-result-too-large = The file is { $sizeMb } MB, more than Telegram lets a bot send. Download it with the button: the link works as long as the file is kept (3 days).
generate-result-download = ⬇️ Download
generate-result-note = ⚠️ Sending your { $model } result was interrupted, so it may not have arrived. If you don't see it above, download it with the button: the link works as long as the file is kept (3 days).
generate-result-note-gallery = ⚠️ Sending your { $model } result was interrupted, so it may not have arrived. If you don't see it above, you will find it in the gallery in the app (kept for 3 days).
generate-failed-rejected = { $model } refused this request under its content rules. Nothing was charged. Try wording it differently.
generate-failed-provider = { $model } could not produce a result. Nothing was charged. Please try again.
generate-failed-unavailable = { $model } is overloaded or down right now. Nothing was charged. Please try again later.
generate-failed-timeout = { $model } took too long, so the request was canceled. Nothing was charged.
generate-failed-internal = Something went wrong on our side. Nothing was charged. Please try again.
generate-refused-rate-limited = { $tier ->
    [free] You have used all { $limit } generations for this hour on the free tier. You can start the next one in { $minutes } min (at { $time }). A plan raises the limit to { $planLimit } an hour: /buy
   *[other] You have used all { $limit } generations for this hour on your plan. You can start the next one in { $minutes } min (at { $time }).
}
generate-refused-funds =
    Not enough tokens: this costs { $price }, you have { $available }.
    Top up with /buy.
generate-refused-model-off = { $model } is switched off right now. Please choose another model.
generate-refused-prompt-too-long = The text is too long: at most { $max } characters.
generate-refused-invalid = This request is not valid. Please send the command again.
generate-tool-upscale = ⬆️ Upscale
generate-tool-remove-background = ✂️ Remove background
generate-tool-replace-background = 🖼 Replace background
generate-tool-vectorize = 📐 Vectorize (SVG)
generate-tool-button = { $tool } · { $price }
generate-photo-choose = What should I do with this photo?
generate-photo-ask-background = Describe the new background in one message, for example: a sunny beach at sunset. /cancel to stop.
generate-photo-gone = I could not get this photo from Telegram. Please send it again.
generate-photo-too-large = This photo is too large. Please send a smaller one.
