import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: ComponentChildren;
  /** Shown but not choosable; the hint should say why. */
  disabled?: boolean;
}

interface ChoiceFieldProps<V extends string> {
  legend: string;
  value: V;
  choices: readonly Choice<V>[];
  onValue: (value: V) => void;
}

/** A set of radio buttons (one choice of a few), each with an optional hint under it. */
export function ChoiceField<V extends string>({
  legend,
  value,
  choices,
  onValue,
}: ChoiceFieldProps<V>) {
  const name = `choice-${useId()}`;
  return (
    <fieldset class="choices">
      <legend class="field__label">{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div class="choices__item" key={choice.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              checked={choice.value === value}
              disabled={choice.disabled}
              onChange={() => onValue(choice.value)}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
            />
            <div>
              <label for={id}>{choice.label}</label>
              {choice.hint && (
                <p class="field__hint" id={`${id}-hint`}>
                  {choice.hint}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
