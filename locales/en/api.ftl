api-error-unauthorized = Open this app from Telegram to sign in.
api-error-user-banned = Your account is blocked. Reason: { $reason }
api-error-invalid-input = The request is not valid.
api-error-not-found = Not found.
api-error-forbidden = You don't have permission to do that.
api-error-rate-limited = Too many requests. Try again later.
api-error-internal = Something went wrong on our side. Please try again.
