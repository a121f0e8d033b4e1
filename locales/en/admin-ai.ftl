admin-command-models = AI models: switch on and off, prices
admin-command-aistats = AI stats: requests, failures, processing time

admin-ai-models-title = 🤖 <b>AI models</b>
admin-ai-kind-text = Text
admin-ai-kind-image = Images
admin-ai-kind-video = Video
admin-ai-kind-audio = Audio
admin-ai-kind-tool = Photo tools
admin-ai-tokens = { $price } { $count ->
    [one] token
   *[other] tokens
}
admin-ai-model-line = { $state } { $name } <code>{ $id }</code> · { $price }{ $notes }
admin-ai-model-catalog-price = catalog price { $price }
admin-ai-model-not-served = no provider configured
admin-ai-models-hint = A model button switches it off (✅) or on (⛔); 💲 changes its price. Or type /price &lt;model&gt; &lt;tokens&gt;.
admin-ai-switched-off = { $name } is off: new requests for it are refused.
admin-ai-switched-on = { $name } is on again.
admin-ai-unchanged = Already so, nothing changed.
admin-ai-model-unknown = There is no model “{ $id }”. The ids are in /models.
admin-ai-price-ask =
    New price of <b>{ $name }</b> per request, in tokens.
    Now: { $price }; catalog price: { $catalog }.
    Send a number, or /cancel.
admin-ai-price-invalid = Send a whole number of tokens from 1 to { $max }, for example 1500.
admin-ai-price-done = <b>{ $name }</b> now costs { $price } per request (was { $before }).
admin-ai-price-same = { $name } already costs { $price }.
admin-ai-price-usage = Usage: /price &lt;model&gt; &lt;tokens&gt;, for example <code>/price gpt-4o 1200</code>. The ids are in /models.

admin-ai-stats-title = 📊 <b>AI requests, last { $days ->
    [one] day
   *[other] { $days } days
}</b>
admin-ai-stats-none = No AI requests in this period.
admin-ai-stats-usage = Usage: /aistats [days], from 1 to { $max }; 7 days by default.
admin-ai-stats-total =
    Requests: { $requests } (✅ { $succeeded } · ❌ { $failed } · ⏳ { $pending } · canceled { $canceled })
    Cache hits: { $cacheHits } ({ $cacheShare } %)
    Processing time: average { $avg }, 95th percentile { $p95 }
admin-ai-stats-kinds-title = <b>By kind</b>
admin-ai-stats-kind-line = { $kind }: { $requests } · ❌ { $failed } · 💾 { $cacheHits } · ⏱ { $avg } / { $p95 }
admin-ai-stats-models-title = <b>By model</b> (requests · failed · cache hits · average / p95)
admin-ai-stats-model-line = { $name }: { $requests } · ❌ { $failed } · 💾 { $cacheHits } · ⏱ { $avg } / { $p95 }
admin-ai-stats-failures-title = <b>Top failure reasons</b>
admin-ai-stats-failure-line = <code>{ $code }</code>: { $count }
admin-ai-stats-no-failures = No failures.
admin-ai-duration-none = —
admin-ai-duration-ms = { $value } ms
admin-ai-duration-s = { $value } s
admin-ai-duration-min = { $minutes } min { $seconds } s
