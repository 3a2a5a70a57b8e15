import { useState } from 'preact/hooks';
import * as auth from '../api/auth';
import { ErrorBanner } from '../components/error_banner';
import { Field, errorForBanner, errorForField } from '../components/field';
import { Link } from '../components/link';
import { Notice } from '../components/notice';
import { useAction } from '../hooks';
import { useDocumentTitle } from '../layout';
import { kNewPasswordHint, kPasswordResetNotice } from '../account_text';
import { navigate } from '../router';
import { useSession } from '../session';

/** Step 1: ask for a code (or link); step 2: email + SMS code + new password. */
export function ForgotPasswordPage() {
  useDocumentTitle('Reset password');
  const [email, setEmail] = useState('');
  const [requested, setRequested] = useState(false);
  const request = useAction(async () => {
    await auth.requestPasswordReset(email.trim());
    setRequested(true);
  });
  const requestBanner = errorForBanner(request.error, ['email']);

  return (
    <section class="page page--narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      {requested ? (
        <Notice>
          If an account exists for <strong>{email.trim()}</strong>, we sent it a 6-digit code by SMS
          (to its verified phone) or a reset link by email. Enter the code below, or open the link.
        </Notice>
      ) : (
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void request.run();
          }}
        >
          {requestBanner && <ErrorBanner error={requestBanner} />}
          <Field
            label="Email"
            name="email"
            type="email"
            value={email}
            onValue={setEmail}
            autocomplete="username"
            inputMode="email"
            required
            error={errorForField(request.error, 'email')}
          />
          <div class="form__actions">
            <button type="submit" class="button" disabled={request.busy}>
              {request.busy ? 'Sending…' : 'Send me a code'}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setRequested(true)}
            >
              I have a code
            </button>
          </div>
        </form>
      )}
      {requested && <ConfirmForm initialEmail={email.trim()} />}
      <p>
        Remembered it? <Link href="/login">Sign in</Link>
      </p>
    </section>
  );
}

function ConfirmForm({ initialEmail }: { initialEmail: string }) {
  const session = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const confirm = useAction(async () => {
    await auth.confirmPasswordReset(email.trim(), code.replace(/\s/g, ''), password);
    session.clear(kPasswordResetNotice);
    navigate('/login', { replace: true });
  });
  const error = confirm.error;
  const bannerError = errorForBanner(error, ['email', 'code', 'new_password']);
  const codeError =
    errorForField(error, 'code') &&
    'That code is wrong or has expired. Ask for a new one above, or check the newest message.';
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void confirm.run();
      }}
    >
      <h2>Choose a new password</h2>
      {bannerError && <ErrorBanner error={bannerError} />}
      <Field
        label="Email"
        name="email"
        type="email"
        value={email}
        onValue={setEmail}
        autocomplete="username"
        inputMode="email"
        required
        error={errorForField(error, 'email')}
      />
      <Field
        label="Code from the SMS"
        name="code"
        value={code}
        onValue={setCode}
        autocomplete="one-time-code"
        inputMode="numeric"
        required
        error={codeError}
        inputClass="input--code"
      />
      <Field
        label="New password"
        name="new_password"
        type="password"
        value={password}
        onValue={setPassword}
        autocomplete="new-password"
        required
        hint={kNewPasswordHint}
        error={errorForField(error, 'new_password')}
      />
      <div class="form__actions">
        <button type="submit" class="button" disabled={confirm.busy}>
          {confirm.busy ? 'Saving…' : 'Set new password'}
        </button>
      </div>
    </form>
  );
}
