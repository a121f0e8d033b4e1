# Paying from the wallet in the Mini App's checkout (miniapp/src/pages/buy/WalletTile.tsx).
miniapp-buy-method-wallet = From wallet
miniapp-buy-wallet-balance = Balance { $balance }
miniapp-buy-wallet-short = { $missing } short — top up
miniapp-buy-wallet-short-hint = Your wallet has { $balance }
miniapp-buy-wallet-paying = Paying from your wallet…
miniapp-buy-wallet-left = Left in your wallet: { $balance }
