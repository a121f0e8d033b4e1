# Mini App (miniapp/): every key starts with miniapp-.

## Shell states
miniapp-loading = Loading…
miniapp-error-title = Something went wrong
miniapp-error-network = Could not reach the server. Check your connection and try again.
miniapp-error-unexpected = The server sent an unexpected answer. Try again in a moment.
miniapp-error-retry = Try again
miniapp-auth-title = Open this from Telegram
miniapp-auth-body = This app signs you in with your Telegram account, so it only works inside Telegram. Open it from the bot’s menu button.

## Home
miniapp-home-title = Home
miniapp-home-greeting = Hi, { $firstName }!
miniapp-home-subtitle = What would you like to do?
miniapp-home-sections = Sections
miniapp-home-profile-tile = Profile
miniapp-home-profile-tile-hint = Your account, email and language

## Profile
miniapp-profile-title = Profile
miniapp-profile-account = Account
miniapp-profile-telegram-id = Telegram ID
miniapp-profile-email = Email
miniapp-profile-email-verified = Verified
miniapp-profile-email-unverified = Not verified
miniapp-profile-email-none = Not set
miniapp-profile-member-since = Member since
miniapp-profile-role = Role
miniapp-profile-role-value = { $role ->
    [super_admin] Super admin
    [admin] Admin
    [moderator] Moderator
    [support] Support
    [analyst] Analyst
    [finance] Finance
    [viewer] Viewer
   *[other] { $role }
}

## Language
miniapp-language-title = Language
miniapp-language-en = English
miniapp-language-ru = Русский
miniapp-language-saving = Saving…
miniapp-language-save-failed = Could not change the language. Try again.
