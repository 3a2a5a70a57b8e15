import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type ApiError, toLocalTime } from '../api/client';
import { formatDuration, formatTime } from '../format';
import { useAction, useSecondsUntil } from '../hooks';
import { DevOutboxHint } from './dev_outbox_hint';
import { ErrorBanner } from './error_banner';
import { errorForBanner } from './field';
import { Notice } from './notice';

/** Server times (UTC ms) of a code that was sent, as the API answers them. */
export interface CodeTimes {
  expires_at: number;
  resend_after: number;
}

/** CodeEntry's `expiresAt`/`resendAt` props for a code the server just reported. */
export function localCodeTimes(times: CodeTimes): { expiresAt: number; resendAt: number } {
  return { expiresAt: toLocalTime(times.expires_at), resendAt: toLocalTime(times.resend_after) };
}

interface CodeEntryProps {
  /** Where the code went ("+1•••••••71" as the server masked it, or the user's own number). */
  to: string;
  /** Browser times (Date.now() scale) the code dies and another may be sent; null: unknown. */
  expiresAt: number | null;
  resendAt: number | null;
  /** Checks the code; rejects with the ApiError (400 on `code` = wrong or expired). */
  onVerify: (code: string) => Promise<void>;
  /** Sends a fresh code; resolves with its times. */
  onResend: () => Promise<CodeTimes>;
  submitLabel?: string;
  /** Shown under the buttons, e.g. a "do this later" button. */
  children?: ComponentChildren;
}

/**
 * The 6-digit SMS code step: one numeric input, a submit button, and a Resend button that
 * stays disabled, with a visible countdown, until the server allows another send (its
 * `resend_after`, or `Retry-After` on a 429).
 */
export function CodeEntry(props: CodeEntryProps) {
  const { to, onVerify, onResend, submitLabel, children } = props;
  const [code, setCode] = useState('');
  const [expiresAt, setExpiresAt] = useState(props.expiresAt);
  const [resendAt, setResendAt] = useState(props.resendAt);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const waitSeconds = useSecondsUntil(resendAt);

  const verify = useAction(async () => {
    setCodeError(null);
    try {
      await onVerify(code);
    } catch (err) {
      const message = codeMessage(err as ApiError);
      if (message === null) throw err;
      const retryAt = (err as ApiError).retryAt;
      if (retryAt !== undefined) setResendAt((at) => Math.max(at ?? 0, retryAt));
      setCodeError(message);
    }
  });

  const resend = useAction(async () => {
    setResent(false);
    try {
      const next = await onResend();
      setExpiresAt(toLocalTime(next.expires_at));
      setResendAt(toLocalTime(next.resend_after));
      setCodeError(null);
      setCode('');
      setResent(true);
    } catch (err) {
      const retryAt = (err as ApiError).retryAt;
      if (retryAt !== undefined) setResendAt(retryAt);
      throw err;
    }
  });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setCodeError('Enter the 6 digits from the message.');
      return;
    }
    void verify.run();
  };

  const onInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    input.value = digits; // keeps the DOM in step even when the state does not change
    setCode(digits);
  };

  const bannerError = errorForBanner(verify.error ?? resend.error, ['code']);
  const resendLabel =
    waitSeconds > 0 ? `Resend code in ${formatDuration(waitSeconds)}` : 'Resend code';
  return (
    <form class="form" onSubmit={onSubmit} noValidate data-testid="code-entry">
      {expiresAt !== null && expiresAt <= Date.now() ? (
        // The server held a new code back (one was sent moments before, or the hourly limit).
        <p id="code-sent-to">
          No new code was sent to <strong data-testid="code-destination">{to}</strong> just now.
          Use the last code you received, or ask for a new one when the button allows.
        </p>
      ) : (
        <p id="code-sent-to">
          We sent a 6-digit code by SMS to <strong data-testid="code-destination">{to}</strong>.
          {expiresAt !== null && <> It works until {formatTime(expiresAt)}.</>}
        </p>
      )}
      <DevOutboxHint />
      {bannerError && <ErrorBanner error={bannerError} />}
      {resent && <Notice>We sent a new code. Use the newest one.</Notice>}
      <div class="field">
        <label class="field__label" for="sms-code">
          6-digit code
        </label>
        <input
          id="sms-code"
          name="code"
          class="input input--code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          required
          value={code}
          onInput={onInput}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? 'code-sent-to sms-code-error' : 'code-sent-to'}
        />
        {codeError && (
          <p class="field__error" id="sms-code-error" role="alert" data-testid="error-code">
            {codeError}
          </p>
        )}
      </div>
      <div class="form__actions">
        <button type="submit" class="button" disabled={verify.busy}>
          {verify.busy ? 'Checking…' : (submitLabel ?? 'Verify')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void resend.run()}
          disabled={waitSeconds > 0 || resend.busy}
          data-testid="resend-code"
        >
          {resend.busy ? 'Sending…' : resendLabel}
        </button>
      </div>
      {children}
    </form>
  );
}

/** What to say beside the input for a failed check, or null for a banner-worthy error. */
function codeMessage(error: ApiError): string | null {
  if (error.status === 400 && (error.field === 'code' || error.field === undefined)) {
    return 'That code is wrong or has expired. Check the newest message and try again, or send a new code.';
  }
  if (error.status === 429) {
    return 'Too many wrong tries: this code no longer works. Send a new code.';
  }
  return null;
}
