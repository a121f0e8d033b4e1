/** Telegram's seven avatar colours, picked by id like the official clients do. */
const COLORS = ['#e17076', '#faa774', '#a695e7', '#7bc862', '#6ec9cb', '#65aadd', '#ee7aae'];

export function Avatar({ id, name, size = 42 }: { id: number; name: string; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        background: COLORS[Math.abs(id) % COLORS.length],
        width: size,
        height: size,
        fontSize: size * 0.4,
      }}
    >
      {initials || '?'}
    </span>
  );
}
