profile-card =
    👤 <b>{ $name }</b>{ $username }
    ID: <code>{ $id }</code>
    Language: { $language }
    Email: { $email }
    Member since: { DATETIME($since, dateStyle: "long") }
profile-email-none = not set
profile-email-verified = { $email } ✅
profile-add-email = ✉️ Add email
profile-change-email = ✉️ Change email
language-choose = Choose your language:
language-changed = Language: English.
