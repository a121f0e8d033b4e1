# Answers to messages no feature takes (bots/user/features/other-messages.ts): every kind of message gets one.

message-kinds-media = 🎬 Videos and audio are materials for video tasks. Open your video tasks in the app, create a task and add this file to it.
message-kinds-media-button = 🎬 Video tasks
message-kinds-media-no-app = 🎬 Videos and audio are materials for video tasks, which are made in the app. The app is not available right now; please try again later.
message-kinds-document =
    📄 I can't work with this kind of file. Here is what I take:
    • text and voice messages: a chat with AI
    • photos (or JPEG, PNG and WebP files): upscale, remove or replace the background, vectorize
    • videos and audio: materials for video tasks in the app (/tasks)
message-kinds-image-document = 🖼 I take pictures as photos or as JPEG, PNG and WebP files. Send this picture as a photo and I will offer what I can do with it.
message-kinds-other = 🙂 I can't do anything with this kind of message. Write to me in text, or send /help to see what I can do.
