email-ask = Type your email address.
email-code-sent =
    We sent a 6-digit code to { $email }.
    Type it here. The code is valid for 24 hours.
email-code-resend = 🔁 Send a new code
email-change = ✏️ Change email
email-skip = Later
email-verified = ✅ Email { $email } is verified.
email-code-wrong =
    { $left ->
        [one] Wrong code. { $left } try left.
       *[other] Wrong code. { $left } tries left.
    }
email-locked = Too many wrong codes. Email verification is locked until { $until }.
email-code-expired = This code has expired. Press “Send a new code”.
email-invalid = That does not look like an email address. Please try again.
email-taken = This email is already used by another account. Type another one.
email-resend-wait = You can request a new code in { $seconds } s.
email-no-pending = There is no code waiting for confirmation. Start again from /profile.
email-later = OK, you can add an email later in /profile.
email-subject = Polygram code: { $code }
email-body =
    Hello, { $name }!

    Your Polygram confirmation code: { $code }

    Type it in the chat with the bot. The code is valid for 24 hours.
    If you did not ask for it, ignore this email.
