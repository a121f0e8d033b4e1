import { useId } from 'react';

type TFilterChipsProps<T extends string> = {
  legend: string;
  options: readonly { value: T | undefined; label: string }[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  testId: string;
};

/** One-of-many filter as a scrollable row of chips, built on native radios for keyboards and readers. */
export function FilterChips<T extends string>({
  legend,
  options,
  value,
  onChange,
  testId,
}: TFilterChipsProps<T>) {
  const name = useId();
  return (
    <fieldset className="chips" data-testid={testId}>
      <legend className="visually-hidden">{legend}</legend>
      <div className="chips__row">
        {options.map((option) => (
          <label
            key={option.value ?? 'all'}
            className="chip"
            data-testid={`${testId}-${option.value ?? 'all'}`}
          >
            <input
              type="radio"
              name={name}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
