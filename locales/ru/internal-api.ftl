internal-api-unauthorized = В заголовке Authorization должен быть токен admin API.
internal-api-invalid-input = Некорректное тело запроса: нужны userID и status (activated, new или blocked) либо userID и целое ненулевое diff.
internal-api-user-not-found = Пользователя с таким userID нет.
internal-api-forbidden = Супер-админа нельзя заблокировать: сначала снимите с него роль.
internal-api-insufficient-funds = На балансе { $balance } токенов (доступно { $available }); списание не может увести его ниже нуля.
internal-api-internal = Что-то пошло не так на нашей стороне. Проверьте состояние, прежде чем повторять запрос.
