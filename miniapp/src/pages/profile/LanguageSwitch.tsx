import { useId, useState } from 'react';
import { type TLanguage, ZLanguageSchema } from '../../../../server/contracts/me.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

type TSaveState = 'idle' | 'saving' | 'failed';

/** A segmented control built on native radios: keyboard and screen readers work without extra ARIA. */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const { changeLanguage } = useMe();
  const [saveState, setSaveState] = useState<TSaveState>('idle');
  const name = useId();

  async function select(next: TLanguage) {
    if (next === language || saveState === 'saving') return;
    setSaveState('saving');
    try {
      await changeLanguage(next);
      setSaveState('idle');
    } catch {
      // The server keeps the old language; the radios snap back to it and the alert below says why.
      setSaveState('failed');
    }
  }

  return (
    <fieldset className="segmented" disabled={saveState === 'saving'} data-testid="language-switch">
      <legend className="section__title">{t('miniapp-language-title')}</legend>
      <div className="segmented__options">
        {ZLanguageSchema.options.map((option) => (
          <label key={option} className="segmented__option" data-testid={`language-option-${option}`}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === language}
              onChange={() => void select(option)}
            />
            <span lang={option}>{t(`miniapp-language-${option}`)}</span>
          </label>
        ))}
      </div>
      <p className="segmented__status" aria-live="polite">
        {saveState === 'saving' ? t('miniapp-language-saving') : null}
      </p>
      {saveState === 'failed' ? (
        <p className="segmented__error" role="alert">
          {t('miniapp-language-save-failed')}
        </p>
      ) : null}
    </fieldset>
  );
}
