# Video tasks in the bot (bots/user/features/tasks.ts), the end-of-run notice (core/studio) and the
# API's refusals for tasks (server/errors.ts).

command-tasks = Your video tasks

tasks-title = 🎬 <b>Your video tasks</b>
tasks-empty = You have no video tasks yet. Create one in the app: choose a model, upload your video or audio and describe the clip.
tasks-line = { $status } <b>{ $title }</b> · { $model }
tasks-more = …and more in the app.
tasks-open-hint = Tap a task to open it in the app.
tasks-new-button = ➕ New task
tasks-no-app = The app is not available right now. Please try again later.

task-status-draft = 📝
task-status-running = ⏳
task-status-succeeded = ✅
task-status-failed = ❌

task-run-succeeded = ✅ Your video “{ $title }” is ready ({ $model }). Charged: { $price } tokens.
task-run-failed = ❌ The run of “{ $title }” ({ $model }) failed: { $reason } Nothing was charged.
task-run-failed-rejected = the model refused the request. Check the prompt and the materials, then run it again.
task-run-failed-timeout = the model did not finish in time.
task-run-failed-provider = the video service did not deliver a result.
task-open-button = Open the task
task-download-button = ⬇️ Download the video

api-error-task-material-limit = This task already has its { $kind ->
    [video] video
    [audio] audio track
   *[image] image
}. Replace it or remove it first.
api-error-task-material-missing = One of the task’s materials is no longer stored. Replace it and try again.
api-error-task-prompt-required = Describe the video first: the prompt is empty.
api-error-task-run-active = This task is already running. Wait until the run finishes.
api-error-task-price-changed = The price of this model has just changed to { $price } tokens. Check it and confirm again.

# Refusals any paid AI request can meet; first used by the task routes (server/errors.ts maps the codes).
api-error-insufficient-funds = Not enough tokens for this. Top up your balance and try again.
api-error-model-not-found = There is no such model.
api-error-model-unavailable = This model is not available right now. Please choose another one or try later.
