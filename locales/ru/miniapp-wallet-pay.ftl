# Оплата из кошелька в Mini App (miniapp/src/pages/buy/WalletTile.tsx).
miniapp-buy-method-wallet = Из кошелька
miniapp-buy-wallet-balance = На балансе { $balance }
miniapp-buy-wallet-short = Не хватает { $missing } — пополнить
miniapp-buy-wallet-short-hint = В кошельке { $balance }
miniapp-buy-wallet-paying = Оплачиваем из кошелька…
miniapp-buy-wallet-left = Осталось в кошельке: { $balance }
