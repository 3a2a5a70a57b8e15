import { useEffect, useState } from 'preact/hooks';
import * as auth from '../api/auth';
import { ActionForm, SubmitActions } from '../components/action_form';
import { ErrorBanner } from '../components/error_banner';
import { EmailField, NewPasswordField, errorForBanner, errorForField } from '../components/field';
import { Link } from '../components/link';
import { useAction } from '../hooks';
import { useDocumentTitle } from '../layout';
import { kPasswordResetNotice } from '../account_text';
import { navigate } from '../router';
import { useSession } from '../session';

/** The token of an emailed `/reset-password#token=…` link (a fragment never reaches a server). */
function tokenFromFragment(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && token.trim() ? token.trim() : null;
}

/** Where the emailed reset link lands: email + new password; the token comes from the link. */
export function ResetPasswordPage() {
  useDocumentTitle('Set a new password');
  const session = useSession();
  const [token] = useState(tokenFromFragment);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const confirm = useAction(async () => {
    if (!token) return;
    await auth.confirmPasswordReset(email.trim(), token, password);
    session.clear(kPasswordResetNotice);
    navigate('/login', { replace: true });
  });

  // Keep the token out of the address bar and history once it is read.
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }, []);

  const error = confirm.error;
  const badLink = error?.field === 'code';
  const bannerError = badLink ? null : errorForBanner(error, ['email', 'new_password']);
  return (
    <section class="page page--narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">Set a new password</h1>
      {!token || badLink ? (
        <p class="field__error" role="alert" data-testid="reset-link-error">
          {token
            ? 'This reset link is wrong, was used already, or has expired.'
            : 'This page needs the link from the password-reset email, and it is incomplete.'}{' '}
          <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      ) : null}
      {token && (
        <ActionForm onSubmit={confirm.run}>
          {bannerError && <ErrorBanner error={bannerError} />}
          <EmailField
            value={email}
            onValue={setEmail}
            hint="The address the reset link was sent to."
            error={errorForField(error, 'email')}
          />
          <NewPasswordField
            value={password}
            onValue={setPassword}
            error={errorForField(error, 'new_password')}
          />
          <SubmitActions busy={confirm.busy} busyLabel="Saving…" label="Set new password" />
        </ActionForm>
      )}
    </section>
  );
}
