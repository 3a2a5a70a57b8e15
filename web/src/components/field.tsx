import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { kNewPasswordHint, kPhoneHint } from '../account_text';
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
  /** Shown while empty, e.g. a stored secret's masked value ("••••••••"). */
  placeholder?: string | undefined;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  maxLength?: number;
  /** A <textarea> of this many rows instead of an input (no `type`, `inputMode`, `list`). */
  rows?: number;
  disabled?: boolean;
}

/**
 * A labelled input (with `rows`, a multi-line <textarea>) with an optional hint and an error,
 * both tied to it for screen readers.
 */
export function Field(props: FieldProps) {
  const { label, name, value, onValue, type = 'text', hint, error, required = false } = props;
  const id = `${name}-${useId()}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const shared = {
    id,
    name,
    class: props.inputClass ? `input ${props.inputClass}` : 'input',
    value,
    autocomplete: props.autocomplete,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    required,
    disabled: props.disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
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
      {props.rows ? (
        <textarea
          {...shared}
          rows={props.rows}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      ) : (
        <input
          {...shared}
          type={type}
          onInput={(event) => onValue(event.currentTarget.value)}
          inputMode={props.inputMode}
          list={props.list}
          spellcheck={false}
        />
      )}
      {error && (
        <p class="field__error" id={errorId} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface EmailFieldProps {
  value: string;
  onValue: (value: string) => void;
  error: string | null;
  hint?: ComponentChildren;
  /** "username" where the address signs in (the default); "email" for a new account. */
  autocomplete?: 'username' | 'email';
}

/** The required Email input (API field `email`). */
export function EmailField(props: EmailFieldProps) {
  const { value, onValue, error, hint, autocomplete = 'username' } = props;
  return (
    <Field
      label="Email"
      name="email"
      type="email"
      value={value}
      onValue={onValue}
      autocomplete={autocomplete}
      inputMode="email"
      required
      hint={hint}
      error={error}
    />
  );
}

interface PasswordFieldProps {
  value: string;
  onValue: (value: string) => void;
  error: string | null;
  label?: string;
  /** The API's name for the input. */
  name?: string;
}

/** A required input for the password the account has now ("Your password", API `password`). */
export function CurrentPasswordField(props: PasswordFieldProps) {
  return <PasswordField label="Your password" name="password" {...props} isNew={false} />;
}

/**
 * A required input for a password being chosen ("New password", API `new_password`), with the
 * password rules as its hint.
 */
export function NewPasswordField(props: PasswordFieldProps) {
  return <PasswordField label="New password" name="new_password" {...props} isNew />;
}

interface AnyPasswordFieldProps extends PasswordFieldProps {
  label: string;
  name: string;
  isNew: boolean;
}

function PasswordField(props: AnyPasswordFieldProps) {
  const { label, name, value, onValue, error, isNew } = props;
  return (
    <Field
      label={label}
      name={name}
      type="password"
      value={value}
      onValue={onValue}
      autocomplete={isNew ? 'new-password' : 'current-password'}
      required
      hint={isNew ? kNewPasswordHint : undefined}
      error={error}
    />
  );
}

interface PhoneFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error: string | null;
  required?: boolean;
}

/** A mobile number input (API field `phone_number`) with the number-format hint. */
export function PhoneField({ label, value, onValue, error, required = false }: PhoneFieldProps) {
  return (
    <Field
      label={label}
      name="phone_number"
      type="tel"
      value={value}
      onValue={onValue}
      autocomplete="tel"
      inputMode="tel"
      required={required}
      hint={kPhoneHint}
      error={error}
    />
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

/**
 * Ties Fields to the string properties of `values`: `field('name')` gives an input's API name,
 * its value, a setter that hands `onValues` a changed copy, and the error blaming it. Spread
 * it first (`<Field label="…" {...field('name')} />`) so later props may override it.
 */
export function fieldBinder<T extends { [K in keyof T]: string }>(
  values: T,
  onValues: (values: T) => void,
  error: ApiError | null,
) {
  return (name: keyof T & string) => ({
    name,
    value: values[name],
    onValue: (text: string) => onValues({ ...values, [name]: text }),
    error: errorForField(error, name),
  });
}

/** `error` unless it blames one of `fields` (shown beside that input instead); else null. */
export function errorForBanner(error: ApiError | null, fields: readonly string[]): ApiError | null {
  if (!error) return null;
  return error.field !== undefined && fields.includes(error.field) ? null : error;
}
