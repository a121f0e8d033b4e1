admin-command-broadcast = Send a message to many users
broadcast-ask-content =
    📣 <b>New broadcast</b>
    Send the message text, or a photo with a caption. Bold, italic and links are kept.
broadcast-content-invalid = Send a text of up to 4096 characters, or one photo with a caption of up to 1024.
broadcast-photo-unavailable = Could not prepare the photo for users. Open the user bot once (press Start there) and send the photo again.
broadcast-ask-button = Add a button under the message? Send it as <code>Label | https://link</code>, or press Skip.
broadcast-button-invalid = That is not a button. Send <code>Label | https://link</code> (a label of up to 64 characters), or press Skip.
broadcast-ask-segment = Who gets it?
broadcast-ask-language = Users with which language?
broadcast-segment-all = Everyone
broadcast-segment-paid_ever = Paid ever
broadcast-segment-active_7d = Active in 7 days
broadcast-segment-language = By language
broadcast-segment-never_paid = Never paid
broadcast-segment-unfinished_signup = Never finished signup
broadcast-segment-empty = Nobody is in this segment right now. Choose another one.
broadcast-preview-title = 👇 Preview: users will see exactly this.
broadcast-preview-summary =
    Segment: { $segment }
    Recipients: <b>{ $count }</b>
    { $excluded }
    Send it?
broadcast-preview-excluded = Not counted: banned users, users who blocked the bot and people who never finished signup.
broadcast-preview-unfinished-warning = ⚠️ These people have not accepted the terms yet. Send them only a reminder to finish signing up. Banned users and users who blocked the bot are not counted.
broadcast-use-buttons = Please use the buttons.
broadcast-button-skip = Skip
broadcast-button-confirm = ✅ Send
broadcast-button-pause = ⏸ Pause
broadcast-button-resume = ▶️ Resume
broadcast-button-cancel = ✖️ Cancel broadcast
broadcast-starting = 📣 Starting the broadcast…
broadcast-progress =
    📣 <b>Broadcast #{ $id }</b>: { $status }
    { $bar } { $percent }%
    Sent: { $sent }
    Failed: { $failed }
    Blocked: { $blocked }
    Total: { $total }
broadcast-status-draft = not started
broadcast-status-running = sending
broadcast-status-paused = paused
broadcast-status-canceled = canceled
broadcast-status-done = done
broadcast-paused = Paused.
broadcast-resumed = Resumed.
broadcast-canceled = Canceled. Nobody else will receive it.
broadcast-unchanged = Nothing changed: the broadcast is { $status }.
