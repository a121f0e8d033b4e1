# Messages of the AI studio's error codes (core/ai/errors.ts) that no other file already says.
error-model-not-found = There is no such model.
error-model-unavailable = This model is not available right now. Please choose another one or try later.
error-chat-busy = I'm still answering your previous message. Send this one once that answer is finished.
error-price-changed = The price of this model has just changed to { $price }. Check it and confirm again.
api-error-transcript-empty = No words could be made out in this recording. Nothing was charged.
