# Путь назад для заблокированного: обжалование через /support (bots/user/features/support.ts) и экран
# блокировки в приложении (miniapp/src/components/BannedScreen.tsx, его тексты в miniapp-ban.ftl).

# Под пересланным обращением в чате поддержки, на языке SUPPORT_LANGUAGE.
support-from-banned = ⛔ Заблокирован: { $reason }
