import { useId } from 'react';
import type { TTaskModel } from '../../../../server/contracts/tasks.ts';
import { useT } from '../../i18n.ts';

export type TVideoParams = { seconds: number; aspect: string };

/** Duration and aspect ratio as the model offers them (Sora: 4, 8, 12 s; the others 5 or 10). */
export function ParamsFields({
  model,
  value,
  onChange,
}: {
  model: TTaskModel;
  value: TVideoParams;
  onChange: (value: TVideoParams) => void;
}) {
  const t = useT();
  const secondsName = useId();
  const aspectName = useId();
  return (
    <>
      <fieldset className="segmented task-form__group" data-testid="task-seconds">
        <legend className="section__title">{t('miniapp-task-seconds')}</legend>
        <div className="segmented__options">
          {model.seconds.map((seconds) => (
            <label key={seconds} className="segmented__option" data-testid={`task-seconds-${seconds}`}>
              <input
                type="radio"
                name={secondsName}
                checked={value.seconds === seconds}
                onChange={() => onChange({ ...value, seconds })}
              />
              <span>{t('miniapp-task-seconds-value', { seconds })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="segmented task-form__group" data-testid="task-aspect">
        <legend className="section__title">{t('miniapp-task-aspect')}</legend>
        <div className="segmented__options">
          {model.aspects.map((aspect) => (
            <label key={aspect} className="segmented__option" data-testid={`task-aspect-${aspect}`}>
              <input
                type="radio"
                name={aspectName}
                checked={value.aspect === aspect}
                onChange={() => onChange({ ...value, aspect })}
              />
              <span>{aspect}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** The model's own choice where the saved value is not one it offers (another model's default). */
export function fitParams(model: TTaskModel, value: Partial<TVideoParams>): TVideoParams {
  const seconds =
    value.seconds !== undefined && model.seconds.includes(value.seconds) ? value.seconds : model.seconds[0];
  const aspect =
    value.aspect !== undefined && model.aspects.includes(value.aspect) ? value.aspect : model.aspects[0];
  return { seconds: seconds ?? 5, aspect: aspect ?? '16:9' };
}
