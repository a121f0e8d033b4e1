admin-stats-revenue-title = 💵 <b>Revenue, last { $days } days</b> (net of refunds)
admin-stats-revenue-line = { $day } · { $provider } · { $amount } ({ $payments })
admin-stats-revenue-none = No payments in this period.
admin-stats-totals = All time: { $totals }
admin-stats-paying =
    Paying users: { $paying } of { $signedUp } signed up ({ $conversion } %)
    ARPU: { $arpu }
