# A banned user's way back: the appeal through /support (bots/user/features/support.ts) and the Mini App's
# ban screen (miniapp/src/components/BannedScreen.tsx, its texts in miniapp-ban.ftl).

# Under the forwarded appeal in the support chat, in SUPPORT_LANGUAGE.
support-from-banned = ⛔ Banned: { $reason }
