import { useLanguage, useT } from '../../i18n.ts';

type TDailyBarsProps = {
  title: string;
  /** Oldest first, one per day (YYYY-MM-DD). */
  days: readonly { day: string; value: number }[];
  testId: string;
};

const WIDTH = 300;
const HEIGHT = 90;

/**
 * A bar per day, drawn as SVG (no charting library in the bundle: 30 bars need none). The tallest bar fills
 * the height; each bar carries its day and value as a tooltip and for screen readers.
 */
export function DailyBars({ title, days, testId }: TDailyBarsProps) {
  const t = useT();
  const language = useLanguage();
  const max = Math.max(1, ...days.map((d) => d.value));
  const total = days.reduce((sum, d) => sum + d.value, 0);
  const step = WIDTH / Math.max(1, days.length);
  const label = (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-US', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="card admin-chart" data-testid={testId}>
      <figcaption className="admin-chart__caption">
        <span className="section__title">{title}</span>
        <span className="admin-chart__total" data-testid={`${testId}-total`}>
          {total}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="admin-chart__svg" role="img" aria-label={title}>
        {days.map((d, i) => {
          const height = d.value === 0 ? 1 : Math.max(3, (d.value / max) * (HEIGHT - 4));
          return (
            <rect
              key={d.day}
              x={i * step + step * 0.15}
              y={HEIGHT - height}
              width={step * 0.7}
              height={height}
              rx={1}
              className={d.value === 0 ? 'admin-chart__bar admin-chart__bar--empty' : 'admin-chart__bar'}
              data-value={d.value}
            >
              <title>{`${label(d.day)}: ${d.value}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="admin-chart__axis" aria-hidden="true">
        <span>{first ? label(first.day) : ''}</span>
        <span>{t('miniapp-admin-chart-max', { max })}</span>
        <span>{last ? label(last.day) : ''}</span>
      </div>
    </figure>
  );
}
