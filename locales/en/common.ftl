ban-notice = ⛔ Your account is blocked. Reason: { $reason }
    If you think this is a mistake, write /support: your message goes to our team.
flood-slow-down = You are sending messages too fast. Please wait { $seconds } s.
button-expired = This button has expired. Please open the menu again.
cancelled = Cancelled.
nothing-to-cancel = There is nothing to cancel.
unknown-command = I don't know that command. Send /help to see what I can do.
error-generic = Something went wrong on our side. Please try again in a minute.
error-forbidden = You don't have permission to do that.
error-user-not-found = User not found.
error-invalid-input = That input is not valid.
error-rate-limited = Too many requests. Please wait a little and try again.
language-name-en = English
language-name-ru = Русский
