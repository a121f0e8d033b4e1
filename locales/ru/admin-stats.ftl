admin-stats-revenue-title = 💵 <b>Выручка за { $days } дн.</b> (за вычетом возвратов)
admin-stats-revenue-line = { $day } · { $provider } · { $amount } ({ $payments })
admin-stats-revenue-none = Платежей за этот период нет.
admin-stats-totals = За всё время: { $totals }
admin-stats-paying =
    Платящих: { $paying } из { $signedUp } зарегистрированных ({ $conversion } %)
    ARPU: { $arpu }
