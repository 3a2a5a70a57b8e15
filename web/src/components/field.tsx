import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ApiError } from '../api/client';

interface FieldProps {
  label: string;
  /** The API's name for this input: an ApiError whose `field` matches shows beside it. */
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel';
  autocomplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  hint?: ComponentChildren;
  /** The message to show under the input; marks it aria-invalid. */
  error?: string | null;
  required?: boolean;
  /** Extra class on the input (e.g. "input--code"). */
  inputClass?: string;
}

/** A labelled input with an optional hint and an error, both tied to it for screen readers. */
export function Field(props: FieldProps) {
  const { label, name, value, onValue, type = 'text', hint, error, required = false } = props;
  const id = `${name}-${useId()}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
        {!required && <span class="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        class={props.inputClass ? `input ${props.inputClass}` : 'input'}
        type={type}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        spellcheck={false}
      />
      {error && (
        <p class="field__error" id={errorId} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The server's message for `field`, when `error` blames that input; else null. A leading
 * API field name reads as words ("phone_number is not a valid phone number" → "Phone number
 * is not a valid phone number").
 */
export function errorForField(error: ApiError | null, field: string): string | null {
  if (!error || error.field !== field) return null;
  let text = error.message.trim();
  if (text.startsWith(`${field} `)) text = field.replace(/_/g, ' ') + text.slice(field.length);
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Check this value.';
}

/** `error` unless it blames one of `fields` (shown beside that input instead); else null. */
export function errorForBanner(error: ApiError | null, fields: readonly string[]): ApiError | null {
  if (!error) return null;
  return error.field !== undefined && fields.includes(error.field) ? null : error;
}
