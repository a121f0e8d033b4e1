# When a provider says its content rules refused a chat message (and only then). Any other provider
# failure keeps the general "the model couldn't answer this time" wording.
chat-failed-content-refused = ⚠️ The model declined this under its content rules. Nothing was charged. Try putting it differently.
miniapp-studio-chat-content-refused = The model declined this under its content rules. Nothing was charged. Try putting it differently.
