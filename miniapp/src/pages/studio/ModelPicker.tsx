import { useId } from 'react';
import { formatTokens } from '#core/money/format-money.ts';
import type { TStudioModel } from '../../../../server/contracts/studio.ts';
import { useLanguage, useT } from '../../i18n.ts';

type TModelPickerProps = {
  models: readonly TStudioModel[];
  value: string | null;
  onChange: (modelId: string) => void;
  disabled?: boolean;
  /** Fluent key of the price line: per message (chat) or per request (generation). */
  priceKey: string;
  testId: string;
};

/** One model of a kind, each with its live price: native radios, so keyboards and screen readers work. */
export function ModelPicker({ models, value, onChange, disabled, priceKey, testId }: TModelPickerProps) {
  const t = useT();
  const language = useLanguage();
  const name = useId();
  return (
    <fieldset className="model-picker" disabled={disabled} data-testid={testId}>
      <legend className="visually-hidden">{t('miniapp-studio-model')}</legend>
      {models.map((model) => (
        <label key={model.id} className="model-picker__option" data-testid={`${testId}-${model.id}`}>
          <input type="radio" name={name} checked={model.id === value} onChange={() => onChange(model.id)} />
          <span className="model-picker__name">{model.name}</span>
          <span className="model-picker__price">
            {t(priceKey, { tokens: formatTokens(model.price, language) })}
          </span>
        </label>
      ))}
      {models.length === 0 ? <p className="muted">{t('miniapp-studio-no-models')}</p> : null}
    </fieldset>
  );
}
