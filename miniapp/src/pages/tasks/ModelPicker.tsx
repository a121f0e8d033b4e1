import { useId } from 'react';
import { formatTokens } from '#core/money/format-money.ts';
import type { TTaskModel } from '../../../../server/contracts/tasks.ts';
import { useLanguage, useT } from '../../i18n.ts';

/** The "model type" of a task: one of the video models, each with what a run of it costs now. */
export function ModelPicker({
  models,
  value,
  onChange,
}: {
  models: readonly TTaskModel[];
  value: string;
  onChange: (modelId: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const name = useId();
  return (
    <fieldset className="task-form__group" data-testid="task-models">
      <legend className="section__title">{t('miniapp-task-model')}</legend>
      <div className="tiles">
        {models.map((model) => (
          <label key={model.id} className="tile task-model" data-testid={`task-model-${model.id}`}>
            <input
              type="radio"
              name={name}
              value={model.id}
              checked={model.id === value}
              onChange={() => onChange(model.id)}
            />
            <span className="tile__text">
              <span className="tile__title">{model.name}</span>
            </span>
            <span className="tile__price" data-testid="task-model-price">
              {t('miniapp-task-tokens', { amount: formatTokens(model.price, language) })}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
