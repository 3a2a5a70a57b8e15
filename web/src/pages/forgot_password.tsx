import { useState } from 'preact/hooks';
import * as auth from '../api/auth';
import { ActionForm, SubmitActions } from '../components/action_form';
import { ErrorBanner } from '../components/error_banner';
import {
  EmailField,
  Field,
  NewPasswordField,
  errorForBanner,
  errorForField,
} from '../components/field';
import { Link } from '../components/link';
import { Notice } from '../components/notice';
import { useAction } from '../hooks';
import { useDocumentTitle } from '../layout';
import { kPasswordResetNotice } from '../account_text';
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
        <ActionForm onSubmit={request.run}>
          {requestBanner && <ErrorBanner error={requestBanner} />}
          <EmailField
            value={email}
            onValue={setEmail}
            error={errorForField(request.error, 'email')}
          />
          <SubmitActions busy={request.busy} busyLabel="Sending…" label="Send me a code">
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setRequested(true)}
            >
              I have a code
            </button>
          </SubmitActions>
        </ActionForm>
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
    <ActionForm onSubmit={confirm.run}>
      <h2>Choose a new password</h2>
      {bannerError && <ErrorBanner error={bannerError} />}
      <EmailField value={email} onValue={setEmail} error={errorForField(error, 'email')} />
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
      <NewPasswordField
        value={password}
        onValue={setPassword}
        error={errorForField(error, 'new_password')}
      />
      <SubmitActions busy={confirm.busy} busyLabel="Saving…" label="Set new password" />
    </ActionForm>
  );
}
