import { useLanguage, useT } from '../../i18n.ts';
import { formatTraffic, trafficPercent } from './format-traffic.ts';

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;
// From this share on the ring turns to the warning colour: time to top up before the VPN stops.
const WARN_PERCENT = 80;

/** Traffic used against the limit as a ring; an unlimited plan shows the amount used and "Unlimited". */
export function TrafficGauge({ used, limit }: { used: string; limit: string }) {
  const t = useT();
  const language = useLanguage();
  const unlimited = limit === '0';
  const percent = trafficPercent(used, limit);
  const label = unlimited
    ? t('miniapp-vpn-traffic-unlimited-label', { used: formatTraffic(used, language) })
    : t('miniapp-vpn-traffic-label', {
        used: formatTraffic(used, language),
        limit: formatTraffic(limit, language),
      });
  return (
    <figure className="vpn-gauge" data-testid="vpn-traffic" data-percent={Math.round(percent)}>
      <svg viewBox="0 0 100 100" className="vpn-gauge__ring" role="img" aria-label={label}>
        <circle className="vpn-gauge__track" cx="50" cy="50" r={RADIUS} />
        {unlimited || percent === 0 ? null : (
          <circle
            className={
              percent >= WARN_PERCENT ? 'vpn-gauge__value vpn-gauge__value--warn' : 'vpn-gauge__value'
            }
            cx="50"
            cy="50"
            r={RADIUS}
            strokeDasharray={`${(percent / 100) * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          />
        )}
      </svg>
      <figcaption className="vpn-gauge__text" aria-hidden="true">
        <span className="vpn-gauge__main">{unlimited ? '∞' : `${Math.round(percent)}%`}</span>
        <span className="vpn-gauge__hint">
          {unlimited ? t('miniapp-vpn-traffic-unlimited') : formatTraffic(used, language)}
        </span>
      </figcaption>
    </figure>
  );
}
