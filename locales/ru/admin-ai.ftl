admin-command-models = Модели ИИ: включение, выключение, цены
admin-command-aistats = Статистика ИИ: запросы, ошибки, время обработки

admin-ai-models-title = 🤖 <b>Модели ИИ</b>
admin-ai-kind-text = Текст
admin-ai-kind-image = Изображения
admin-ai-kind-video = Видео
admin-ai-kind-audio = Аудио
admin-ai-kind-tool = Обработка фото
admin-ai-tokens = { $price } { $count ->
    [one] токен
    [few] токена
   *[many] токенов
}
admin-ai-model-line = { $state } { $name } <code>{ $id }</code> · { $price }{ $notes }
admin-ai-model-catalog-price = по прайсу { $price }
admin-ai-model-not-served = провайдер не настроен
admin-ai-models-hint = Кнопка модели выключает её (✅) или включает (⛔), 💲 меняет цену. Можно и командой /price &lt;модель&gt; &lt;токены&gt;.
admin-ai-switched-off = Модель { $name } выключена: новые запросы к ней не принимаются.
admin-ai-switched-on = Модель { $name } снова включена.
admin-ai-unchanged = Уже так, ничего не изменилось.
admin-ai-model-unknown = Модели «{ $id }» нет. Идентификаторы — в /models.
admin-ai-price-ask =
    Новая цена <b>{ $name }</b> за запрос, в токенах.
    Сейчас: { $price }, по прайсу: { $catalog }.
    Пришлите число или /cancel.
admin-ai-price-invalid = Пришлите целое число токенов от 1 до { $max }, например 1500.
admin-ai-price-done = <b>{ $name }</b> теперь стоит { $price } за запрос (было { $before }).
admin-ai-price-same = Модель { $name } и так стоит { $price }.
admin-ai-price-usage = Использование: /price &lt;модель&gt; &lt;токены&gt;, например <code>/price gpt-4o 1200</code>. Идентификаторы — в /models.

admin-ai-stats-title = 📊 <b>Запросы к ИИ за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}</b>
admin-ai-stats-none = За этот период запросов к ИИ не было.
admin-ai-stats-usage = Использование: /aistats [дни], от 1 до { $max }; по умолчанию 7 дней.
admin-ai-stats-total =
    Запросов: { $requests } (✅ { $succeeded } · ❌ { $failed } · ⏳ { $pending } · отменено { $canceled })
    Из кэша: { $cacheHits } ({ $cacheShare } %)
    Время обработки: в среднем { $avg }, 95-й перцентиль { $p95 }
admin-ai-stats-kinds-title = <b>По типам</b>
admin-ai-stats-kind-line = { $kind }: { $requests } · ❌ { $failed } · 💾 { $cacheHits } · ⏱ { $avg } / { $p95 }
admin-ai-stats-models-title = <b>По моделям</b> (запросы · ошибки · из кэша · среднее / p95)
admin-ai-stats-model-line = { $name }: { $requests } · ❌ { $failed } · 💾 { $cacheHits } · ⏱ { $avg } / { $p95 }
admin-ai-stats-failures-title = <b>Частые причины ошибок</b>
admin-ai-stats-failure-line = <code>{ $code }</code>: { $count }
admin-ai-stats-no-failures = Ошибок не было.
admin-ai-duration-none = —
admin-ai-duration-ms = { $value } мс
admin-ai-duration-s = { $value } с
admin-ai-duration-min = { $minutes } мин { $seconds } с
