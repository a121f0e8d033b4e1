import type { TEmulatorConfig } from '../../contract/host-api.ts';

/**
 * The sandbox's other pages: the SMTP catcher's inbox and the payment stand-ins. Developer tooling, not
 * Telegram's client: in English whatever the user's language.
 */
export function ToolLinks({ links }: { links: TEmulatorConfig['links'] }) {
  const entries = [
    ['Mail inbox', links.mailInbox, 'link-mail'],
    ['YooKassa', links.yookassa, 'link-yookassa'],
    ['Crypto Pay', links.cryptopay, 'link-cryptopay'],
  ] as const;
  return (
    <div className="tool-links">
      {entries.map(([label, href, testId]) =>
        href ? (
          <a key={label} href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>
            {label}
          </a>
        ) : null,
      )}
    </div>
  );
}
