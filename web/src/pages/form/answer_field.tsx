// One question of a public form with the input its type calls for: text, a multi-line box,
// email, phone, number and date inputs (the phone's own keyboards), a checkbox, a choice list,
// or a consent box with the statement as its label. Its error (from the server) shows under
// it and marks it invalid; its id is `answer-{key}`, so the page can focus the first bad one.

import type { FormField } from '../../api/form_types';

interface AnswerFieldProps {
  field: FormField;
  value: string | boolean;
  onValue: (value: string | boolean) => void;
  error: string | null;
  disabled: boolean;
}

export const answerInputId = (key: string) => `answer-${key}`;

const kInputTypes: Record<string, { type: string; inputMode?: string; autocomplete?: string }> = {
  text: { type: 'text' },
  email: { type: 'email', inputMode: 'email', autocomplete: 'email' },
  phone: { type: 'tel', inputMode: 'tel', autocomplete: 'tel' },
  number: { type: 'number', inputMode: 'decimal' },
  date: { type: 'date' },
};

export function AnswerField({ field, value, onValue, error, disabled }: AnswerFieldProps) {
  const id = answerInputId(field.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [field.help ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    name: field.key,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required ? true : undefined,
  };
  const hint = field.help ? (
    <p class="field__hint" id={hintId}>
      {field.help}
    </p>
  ) : null;
  const errorLine = error ? (
    <p class="field__error" id={errorId} data-testid={`answer-error-${field.key}`}>
      {error}
    </p>
  ) : null;

  if (field.type === 'checkbox' || field.type === 'consent') {
    return (
      <div
        class={field.type === 'consent' ? 'field answer answer--consent' : 'field answer'}
        data-testid="answer"
        data-key={field.key}
      >
        <label class="check" for={id}>
          <input
            type="checkbox"
            {...shared}
            checked={value === true}
            onChange={(event) => onValue(event.currentTarget.checked)}
          />
          <span>
            {field.label}
            {!field.required && <span class="field__optional"> (optional)</span>}
          </span>
        </label>
        {hint}
        {errorLine}
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  let input;
  if (field.type === 'long_text') {
    input = (
      <textarea
        {...shared}
        class="input"
        rows={5}
        value={text}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    );
  } else if (field.type === 'select') {
    input = (
      <select
        {...shared}
        class="input input--select"
        value={text}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        <option value="">Choose…</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    const kind = kInputTypes[field.type] ?? { type: 'text' };
    input = (
      <input
        {...shared}
        class="input"
        type={kind.type}
        inputMode={kind.inputMode as 'email' | 'tel' | 'decimal' | undefined}
        autocomplete={kind.autocomplete ?? 'off'}
        step={field.type === 'number' ? 'any' : undefined}
        value={text}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    );
  }
  return (
    <div class="field answer" data-testid="answer" data-key={field.key}>
      <label class="field__label" for={id}>
        {field.label}
        {!field.required && <span class="field__optional"> (optional)</span>}
      </label>
      {hint}
      {input}
      {errorLine}
    </div>
  );
}
