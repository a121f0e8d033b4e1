import { formatTokens } from '#core/money/format-money.ts';
import type { TUsage } from '../../../../../server/contracts/studio.ts';
import { useLanguage, useT } from '../../../i18n.ts';

const WIDTH = 320;
const HEIGHT = 120;
const GAP = 2;

const dayLabel = (day: string, language: 'en' | 'ru') =>
  new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-US', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

/**
 * Tokens by UTC day as bars in plain SVG, scaled to the busiest day. Each bar carries its figure in a
 * <title> (a tooltip, and what screen readers read); the table below the chart has the same numbers.
 */
export function UsageChart({ days }: { days: TUsage['days'] }) {
  const t = useT();
  const language = useLanguage();
  const max = days.reduce((m, d) => (BigInt(d.tokens) > m ? BigInt(d.tokens) : m), 0n);
  const barWidth = (WIDTH - GAP * (days.length - 1)) / Math.max(1, days.length);
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="usage-chart" data-testid="usage-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('miniapp-studio-usage-chart-label')}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="usage-chart__axis" />
        {days.map((d, i) => {
          const tokens = BigInt(d.tokens);
          // A day with requests but no tokens (free replies) still shows a sliver.
          const height =
            max === 0n ? 0 : Math.max(d.requests > 0 ? 2 : 0, Number((tokens * BigInt(HEIGHT - 4)) / max));
          return (
            <rect
              key={d.day}
              className="usage-chart__bar"
              x={i * (barWidth + GAP)}
              y={HEIGHT - height}
              width={barWidth}
              height={height}
              data-testid="usage-bar"
              data-day={d.day}
              data-tokens={d.tokens}
            >
              <title>
                {t('miniapp-studio-usage-bar', {
                  day: dayLabel(d.day, language),
                  tokens: formatTokens(d.tokens, language),
                  count: d.requests,
                })}
              </title>
            </rect>
          );
        })}
      </svg>
      {first && last ? (
        <figcaption className="usage-chart__range">
          <span>{dayLabel(first.day, language)}</span>
          <span>{t('miniapp-studio-usage-utc')}</span>
          <span>{dayLabel(last.day, language)}</span>
        </figcaption>
      ) : null}
    </figure>
  );
}
