import { useId } from 'react';
import type { TModelOption, TParamValue } from '../../../../../server/contracts/studio.ts';
import { useT } from '../../../i18n.ts';

/** How a choice reads: seconds and booleans in words, sizes and aspects as they are written. */
function labelOf(t: ReturnType<typeof useT>, option: string, value: TParamValue): string {
  if (option === 'seconds') return t('miniapp-studio-option-seconds-value', { seconds: Number(value) });
  if (option === 'instrumental')
    return value ? t('miniapp-studio-option-instrumental-yes') : t('miniapp-studio-option-instrumental-no');
  if (option === 'scale') return `×${String(value)}`;
  return String(value);
}

/** One option of a model (size, length, frame, voice …) as a row of chips over native radios. */
export function OptionChips({
  option,
  value,
  onChange,
}: {
  option: TModelOption;
  value: TParamValue;
  onChange: (value: TParamValue) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="chips" data-testid={`generate-option-${option.name}`}>
      <legend className="studio-label">{t(`miniapp-studio-option-${option.name}`)}</legend>
      <div className="chips__row">
        {option.values.map((choice) => (
          <label
            key={String(choice)}
            className="chip"
            data-testid={`generate-option-${option.name}-${String(choice)}`}
          >
            <input type="radio" name={name} checked={choice === value} onChange={() => onChange(choice)} />
            <span>{labelOf(t, option.name, choice)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
