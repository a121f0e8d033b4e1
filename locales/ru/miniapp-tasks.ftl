# Mini App: видеозадания (miniapp/src/pages/tasks/) и полоса прогресса загрузок и запусков.

miniapp-home-tasks-tile = Видеозадания
miniapp-home-tasks-tile-hint = Загрузите материалы, запустите видеомодель, скачайте результат

miniapp-tasks-title = Видеозадания
miniapp-tasks-subtitle = Задание — это видеомодель, ваши материалы и описание. Запускайте его сколько угодно раз.
miniapp-tasks-new = Новое задание
miniapp-tasks-empty = Заданий пока нет. Создайте первое: выберите модель, загрузите видео или аудио и опишите ролик.
miniapp-tasks-row-hint = { $model } · { $materials ->
    [0] без материалов
    [one] { $materials } материал
    [few] { $materials } материала
   *[many] { $materials } материалов
}

miniapp-task-status-draft = Черновик
miniapp-task-status-running = Выполняется
miniapp-task-status-succeeded = Готово
miniapp-task-status-failed = Ошибка

miniapp-run-status-queued = В очереди
miniapp-run-status-running = Создаётся
miniapp-run-status-succeeded = Готово
miniapp-run-status-failed = Не удалось, токены не списаны
miniapp-run-status-canceled = Отменено, токены не списаны

miniapp-task-new-title = Новое задание
miniapp-task-title = Задание
miniapp-task-title-label = Название
miniapp-task-title-placeholder = Например, «Тизер для пляжа»
miniapp-task-model = Модель
miniapp-task-models-empty = Сейчас нет доступных видеомоделей. Загляните позже.
miniapp-task-tokens = { $amount } ток.
miniapp-task-prompt-label = Что должно быть в видео
miniapp-task-prompt-placeholder = Опишите сцену, движение и настроение
miniapp-task-seconds = Длительность
miniapp-task-seconds-value = { $seconds } с
miniapp-task-aspect = Соотношение сторон
miniapp-task-create = Создать задание

miniapp-task-materials = Материалы
miniapp-task-materials-hint = Файлы до 100 МБ. Модель получает их при каждом запуске; для перегенерации загружать заново не нужно.
miniapp-material-video = Видео
miniapp-material-audio = Аудио
miniapp-material-image = Картинка
miniapp-material-add-video = Загрузить видео
miniapp-material-add-audio = Загрузить аудио
miniapp-material-add-image = Загрузить картинку
miniapp-material-replace = Заменить
miniapp-material-remove = Удалить
miniapp-material-gone = Файл больше не хранится — замените его
miniapp-upload-label = Загрузка { $name }
miniapp-upload-done = Загружено
miniapp-upload-too-large = Файл больше { $limitMb } МБ. Выберите файл поменьше.
miniapp-progress-percent = { $percent }%

miniapp-task-run = Запустить
miniapp-task-regenerate = Перегенерировать
miniapp-task-running = Выполняется…
miniapp-task-confirm-run = Запуск задания
miniapp-task-confirm-regenerate = Перегенерация с теми же материалами
miniapp-task-cost = Стоимость
miniapp-task-balance = Ваш баланс
miniapp-task-charge-note = Токены резервируются сейчас, а списываются, только когда видео готово. Если модель не справится, ничего не спишется.
miniapp-task-not-enough = Для запуска не хватает токенов.
miniapp-task-buy = Купить токены
miniapp-task-model-unavailable = Эта модель сейчас недоступна.
miniapp-task-confirm = Подтвердить
miniapp-task-cancel = Отмена
miniapp-task-run-progress = Готовность видео

miniapp-task-runs = Запуски
miniapp-task-run-title = Запуск { $number }
miniapp-task-charged = списано { $amount } ток.
miniapp-task-download = Скачать видео
miniapp-task-result-expired = Видео хранилось три дня и уже удалено.
miniapp-task-failed-rejected = Модель отклонила запрос. Проверьте описание и материалы.
miniapp-task-failed-timeout = Модель не успела закончить вовремя.
miniapp-task-failed-provider = Видеосервис не вернул результат.

miniapp-task-settings = Настройки
miniapp-task-save = Сохранить изменения
miniapp-task-saved = Сохранено
miniapp-task-delete = Удалить задание
miniapp-task-delete-question = Удалить это задание? Готовые видео останутся до конца срока хранения.
miniapp-task-delete-yes = Удалить
