import { useState } from 'preact/hooks';
import * as auth from '../../api/auth';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import {
  CurrentPasswordField,
  NewPasswordField,
  errorForBanner,
  errorForField,
} from '../../components/field';
import { useAction } from '../../hooks';
import { useSession } from '../../session';

const kChangedNotice =
  'Your password was changed and every session signed out, this one too. Sign in with the new password.';

/** Current + new password. The server then revokes every session, so the user signs in again. */
export function PasswordSection() {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useAction(async () => {
    await auth.changePassword(current, next);
    session.clear(kChangedNotice); // the account page then sends the browser to /login
  });
  const error = change.error;
  const bannerError = errorForBanner(error, ['current_password', 'new_password']);
  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <ActionForm onSubmit={change.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <CurrentPasswordField
          label="Current password"
          name="current_password"
          value={current}
          onValue={setCurrent}
          error={errorForField(error, 'current_password')}
        />
        <NewPasswordField
          value={next}
          onValue={setNext}
          error={errorForField(error, 'new_password')}
        />
        <p class="field__hint">Every device signed in to this account is signed out.</p>
        <SubmitActions busy={change.busy} busyLabel="Changing…" label="Change password" />
      </ActionForm>
    </section>
  );
}
