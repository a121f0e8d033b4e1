profile-card =
    👤 <b>{ $name }</b>{ $username }
    ID: <code>{ $id }</code>
    Язык: { $language }
    Почта: { $email }
    С нами с { DATETIME($since, dateStyle: "long") }
profile-email-none = не указана
profile-email-verified = { $email } ✅
profile-add-email = ✉️ Добавить почту
profile-change-email = ✉️ Изменить почту
language-choose = Выберите язык:
language-changed = Язык: русский.
