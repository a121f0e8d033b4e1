# Mini App: video tasks (miniapp/src/pages/tasks/) and the progress bar of uploads and runs.

miniapp-home-tasks-tile = Video tasks
miniapp-home-tasks-tile-hint = Upload materials, run a video model, download the result

miniapp-tasks-title = Video tasks
miniapp-tasks-subtitle = Each task is a video model, your materials and a description. Run it as often as you like.
miniapp-tasks-new = New task
miniapp-tasks-empty = No tasks yet. Create one: pick a model, upload a video or audio and describe the clip.
miniapp-tasks-row-hint = { $model } · { $materials ->
    [0] no materials
    [one] 1 material
   *[other] { $materials } materials
}

miniapp-task-status-draft = Draft
miniapp-task-status-running = Running
miniapp-task-status-succeeded = Done
miniapp-task-status-failed = Failed

miniapp-run-status-queued = Waiting in line
miniapp-run-status-running = Being made
miniapp-run-status-succeeded = Done
miniapp-run-status-failed = Failed, nothing charged
miniapp-run-status-canceled = Canceled, nothing charged

miniapp-task-new-title = New task
miniapp-task-title = Task
miniapp-task-title-label = Title
miniapp-task-title-placeholder = For example, “Beach teaser”
miniapp-task-model = Model
miniapp-task-models-empty = No video model is available right now. Please come back later.
miniapp-task-tokens = { $amount } tokens
miniapp-task-prompt-label = What the video should show
miniapp-task-prompt-placeholder = Describe the scene, the motion and the mood
miniapp-task-seconds = Length
miniapp-task-seconds-value = { $seconds } s
miniapp-task-aspect = Aspect ratio
miniapp-task-create = Create task

miniapp-task-materials = Materials
miniapp-task-materials-hint = Files up to 100 MB. The model gets them with every run; regenerating does not need them again.
miniapp-material-video = Video
miniapp-material-audio = Audio
miniapp-material-image = Image
miniapp-material-add-video = Upload a video
miniapp-material-add-audio = Upload audio
miniapp-material-add-image = Upload an image
miniapp-material-replace = Replace
miniapp-material-remove = Remove
miniapp-material-gone = No longer stored: replace it
miniapp-upload-label = Uploading { $name }
miniapp-upload-done = Uploaded
miniapp-upload-too-large = The file is larger than { $limitMb } MB. Choose a smaller one.
miniapp-progress-percent = { $percent }%

miniapp-task-run = Run
miniapp-task-regenerate = Regenerate
miniapp-task-running = Running…
miniapp-task-confirm-run = Run the task
miniapp-task-confirm-regenerate = Regenerate with the same materials
miniapp-task-cost = Cost
miniapp-task-balance = Your balance
miniapp-task-charge-note = The tokens are reserved now and charged only when the video is ready. If the model fails, nothing is charged.
miniapp-task-not-enough = Not enough tokens for this run.
miniapp-task-buy = Buy tokens
miniapp-task-model-unavailable = This model is not available right now.
miniapp-task-confirm = Confirm
miniapp-task-cancel = Cancel
miniapp-task-run-progress = Video progress

miniapp-task-runs = Runs
miniapp-task-run-title = Run { $number }
miniapp-task-charged = { $amount } tokens charged
miniapp-task-download = Download the video
miniapp-task-result-expired = The video was kept for three days and has been deleted.
miniapp-task-failed-rejected = The model refused the request. Check the description and the materials.
miniapp-task-failed-timeout = The model did not finish in time.
miniapp-task-failed-provider = The video service did not deliver a result.

miniapp-task-settings = Settings
miniapp-task-save = Save changes
miniapp-task-saved = Saved
miniapp-task-delete = Delete task
miniapp-task-delete-question = Delete this task? Its videos stay until they expire.
miniapp-task-delete-yes = Delete
