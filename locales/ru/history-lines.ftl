# За что была каждая строка истории баланса (core/ledger/describe-entry.ts), в /history и в Mini App.
# Простой текст: бот сам экранирует его для HTML. Названия моделей и брендов не переводятся.

history-entry =
    { $date } · { $description }
    <b>{ $amount }</b> ({ $before } → { $after })

## Списание: модель и вид работы
history-desc-spend = { $model } · { $use }
history-desc-spend-model = { $model }
history-desc-task-run = Видеозадача «{ $task }» · { $model }
history-use-chat = сообщение в чате
history-use-image = изображение
history-use-video = видео
history-use-photo-tool = обработка фото
history-use-transcription = расшифровка голоса
history-use-audio = аудио

## Покупки и возвраты: товар и способ оплаты
history-desc-purchase = Покупка: { $product } ({ $provider })
history-desc-refund = Возврат: { $product }
history-provider-stars = Telegram Stars
history-provider-yookassa = банковская карта
history-provider-cryptobot = криптовалюта

## Бонусы и награды
history-desc-promo = Промокод { $code }
history-desc-referral = Бонус за покупку по приглашению: { $name }
history-desc-referral-someone = Бонус за покупку по вашему приглашению
history-desc-commission = Партнёрская комиссия { $percent }%: покупка по вашей ссылке
history-desc-commission-reversed = Возврат партнёрской комиссии: покупку по вашей ссылке вернули

## Поддержка, выплаты, сгорание
history-desc-correction = Корректировка от поддержки
history-desc-correction-reason = Корректировка от поддержки: { $reason }
history-desc-payout = Выплата №{ $id }
history-desc-payout-method = Выплата №{ $id } · { $method }
history-desc-payout-declined = Выплата №{ $id } отклонена: { $reason }
history-desc-expired = Сгорели токены: { $what }
history-origin-promo = промокод { $code }
history-origin-referral = бонус за приглашение
history-origin-correction = корректировка от поддержки

## Когда транзакция не говорит ничего точнее
history-desc-type-topup = Покупка
history-desc-type-spend = Списание
history-desc-type-refund = Возврат
history-desc-type-manual = Корректировка от поддержки
history-desc-type-bonus = Бонус
history-desc-type-referral = Бонус за приглашение
history-desc-type-earning = Заработок
history-desc-type-commission = Партнёрская комиссия
history-desc-type-payout = Выплата
history-desc-type-reversal = Отмена операции
history-desc-type-expiry = Сгоревшие токены
