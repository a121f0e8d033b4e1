signup-welcome =
    👋 Welcome to Polygram: AI studio, VPN, GPU marketplace and trading bots in one account.

    Choose your language:
signup-terms =
    Before we start, please read the terms of service:
    { $url }
signup-terms-accept = ✅ I accept the terms
signup-terms-required = To use Polygram, please accept the terms with the button above.
signup-email-ask =
    Add an email address to receive receipts and, later, to withdraw money.
    Type your email, or press “Skip”: you can add it any time in /profile.
signup-email-skip = Skip
signup-done = You're all set, { $name }! Here is the main menu.
signup-choose-with-buttons = Please use the buttons above.
