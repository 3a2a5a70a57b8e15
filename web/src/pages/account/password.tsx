import { useState } from 'preact/hooks';
import { kNewPasswordHint } from '../../account_text';
import * as auth from '../../api/auth';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField } from '../../components/field';
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
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void change.run();
        }}
      >
        {bannerError && <ErrorBanner error={bannerError} />}
        <Field
          label="Current password"
          name="current_password"
          type="password"
          value={current}
          onValue={setCurrent}
          autocomplete="current-password"
          required
          error={errorForField(error, 'current_password')}
        />
        <Field
          label="New password"
          name="new_password"
          type="password"
          value={next}
          onValue={setNext}
          autocomplete="new-password"
          required
          hint={kNewPasswordHint}
          error={errorForField(error, 'new_password')}
        />
        <p class="field__hint">Every device signed in to this account is signed out.</p>
        <div class="form__actions">
          <button type="submit" class="button" disabled={change.busy}>
            {change.busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
