# Видеозадания в боте (bots/user/features/tasks.ts), сообщение о завершении запуска (core/studio) и
# отказы API по заданиям (server/errors.ts).

command-tasks = Ваши видеозадания

tasks-title = 🎬 <b>Ваши видеозадания</b>
tasks-empty = Видеозаданий пока нет. Создайте первое в приложении: выберите модель, загрузите видео или аудио и опишите ролик.
tasks-line = { $status } <b>{ $title }</b> · { $model }
tasks-more = …и другие — в приложении.
tasks-open-hint = Нажмите на задание, чтобы открыть его в приложении.
tasks-new-button = ➕ Новое задание
tasks-no-app = Приложение сейчас недоступно. Попробуйте позже.

task-status-draft = 📝
task-status-running = ⏳
task-status-succeeded = ✅
task-status-failed = ❌

task-run-succeeded = ✅ Видео «{ $title }» готово ({ $model }). Списано токенов: { $price }.
task-run-failed = ❌ Запуск «{ $title }» ({ $model }) не удался: { $reason } Токены не списаны.
task-run-failed-rejected = модель отклонила запрос. Проверьте описание и материалы и запустите снова.
task-run-failed-timeout = модель не успела закончить вовремя.
task-run-failed-provider = видеосервис не вернул результат.
task-open-button = Открыть задание
task-download-button = ⬇️ Скачать видео

api-error-task-material-limit = В этом задании уже есть { $kind ->
    [video] видео
    [audio] аудиодорожка
   *[image] картинка
}. Замените или удалите этот материал.
api-error-task-material-missing = Один из материалов задания больше не хранится. Замените его и попробуйте снова.
api-error-task-prompt-required = Сначала опишите видео: описание пустое.
api-error-task-run-active = Задание уже выполняется. Дождитесь окончания запуска.
api-error-task-price-changed = Цена этой модели только что изменилась. Новая цена в токенах: { $price }. Проверьте и подтвердите ещё раз.

# Отказы, которые может получить любой платный AI-запрос; первыми их используют маршруты заданий.
api-error-insufficient-funds = Не хватает токенов. Пополните баланс и попробуйте снова.
api-error-model-not-found = Такой модели нет.
api-error-model-unavailable = Эта модель сейчас недоступна. Выберите другую или попробуйте позже.
