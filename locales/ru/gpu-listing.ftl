# Объявление о GPU-сервере (core/gpu/listing): названия полей и сообщения для кодов отказа.

## Поля
gpu-listing-field-model = Модель GPU
gpu-listing-field-model-name = Название модели GPU
gpu-listing-model-other = Другая
gpu-listing-field-gpu-count = Количество GPU
gpu-listing-field-vram-gb = Видеопамять на GPU (ГБ)
gpu-listing-field-cuda-cores = CUDA-ядер на GPU
gpu-listing-field-ram-gb = Оперативная память (ГБ)
gpu-listing-field-cpu-model = Модель процессора
gpu-listing-field-cpu-cores = Ядер процессора
gpu-listing-field-disk-gb = Диск (ГБ)
gpu-listing-field-ip = Публичный IP-адрес
gpu-listing-field-ssh-port = SSH-порт
gpu-listing-field-ssh = Доступ по SSH
gpu-listing-field-ssh-user = Пользователь SSH
gpu-listing-field-ssh-password = Пароль SSH
gpu-listing-field-ssh-private-key = Приватный SSH-ключ
gpu-listing-field-vnc = Доступ по VNC
gpu-listing-field-vnc-port = VNC-порт
gpu-listing-field-vnc-password = Пароль VNC
gpu-listing-field-price-cents-per-gpu-hour = Цена за GPU-час (USD)
gpu-listing-field-location = Расположение
gpu-listing-field-location-country = Страна
gpu-listing-field-location-city = Город

## Отказы
gpu-listing-error-required = Заполните это поле.
gpu-listing-error-invalid = Недопустимое значение.
gpu-listing-error-not-integer = Введите целое число.
gpu-listing-error-out-of-range = Введите целое число от { $min } до { $max }.
gpu-listing-error-text-length = Допустимая длина — от { $min } до { $max } символов.
gpu-listing-error-model-unknown = Выберите модель GPU из списка или «Другая».
gpu-listing-error-model-name-required = Для варианта «Другая» укажите название модели GPU.
gpu-listing-error-vram-mismatch = У { $model } { $expected } ГБ видеопамяти на GPU. Проверьте значение или выберите другую модель.
gpu-listing-error-cuda-mismatch = У { $model } { $expected } CUDA-ядер. Проверьте значение или выберите другую модель.
gpu-listing-error-ip-invalid = Введите адрес IPv4 или IPv6, например 203.0.114.10 или 2a01:4f8::1.
gpu-listing-error-ip-not-public = Этот адрес недоступен из интернета (частный, локальный или зарезервированный). Укажите публичный IP сервера.
gpu-listing-error-ssh-user-invalid = Введите имя пользователя Linux: латинские буквы, цифры, «_», «-» или «.», до 32 символов, не с цифры.
gpu-listing-error-ssh-auth-required = Укажите пароль SSH или приватный ключ.
gpu-listing-error-ssh-key-invalid = Это не приватный ключ. Вставьте файл целиком, от «-----BEGIN» до «-----END … PRIVATE KEY-----».
gpu-listing-error-ssh-key-public = Это публичный ключ. Для входа нужен парный ему приватный ключ.
gpu-listing-error-price-out-of-range = Укажите цену от { NUMBER($min, minimumFractionDigits: 2) } до { NUMBER($max, minimumFractionDigits: 2) } $ за GPU-час.
gpu-listing-error-country-invalid = Выберите страну (двухбуквенный код ISO, например DE или US).
gpu-listing-error-ssh-key-encrypted = Этот ключ защищён парольной фразой. Добавьте для этого сервера ключ без парольной фразы (ssh-keygen -N "") или укажите пароль.
