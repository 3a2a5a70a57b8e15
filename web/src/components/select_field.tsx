import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface Option<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> {
  label: string;
  /** The API's name for this input. */
  name: string;
  value: V;
  options: readonly Option<V>[];
  onValue: (value: V) => void;
  hint?: ComponentChildren;
  error?: string | null;
  disabled?: boolean;
}

/** A labelled <select> with an optional hint and error, as Field does for inputs. */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { label, name, value, options, onValue, hint, error, disabled = false } = props;
  const id = `${name}-${useId()}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        class="input input--select"
        value={value}
        disabled={disabled}
        onChange={(event) => onValue(event.currentTarget.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p class="field__error" id={`${id}-error`} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
