import { useState } from 'preact/hooks';
import * as auth from '../../api/auth';
import type { User } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { CurrentPasswordField, errorForBanner, errorForField } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import { useSession } from '../../session';
import { RecoveryCodes } from './recovery_codes';

/**
 * Two-step sign-in (an SMS code after the password) on or off; both need the password.
 * Turning it on needs a verified phone and shows the recovery codes once.
 */
export function TwoFactorSection({ user }: { user: User }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const enabled = user.two_factor_enabled;

  const toggle = useAction(async () => {
    setTurnedOff(false);
    if (enabled) {
      await auth.disableTwoFactor(password);
      setTurnedOff(true);
    } else {
      setCodes((await auth.enableTwoFactor(password)).recovery_codes);
    }
    setPassword('');
    await session.refresh();
  });

  const error = toggle.error;
  const bannerError = errorForBanner(error, ['password']);
  let body;
  if (codes) {
    body = <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  } else if (!enabled && !user.is_phone_verified) {
    body = (
      <p data-testid="two-factor-needs-phone">
        Two-step sign-in texts you a code each time you sign in. It needs a verified phone number:
        verify or add one above first.
      </p>
    );
  } else {
    body = (
      <ActionForm onSubmit={toggle.run}>
        <p>
          {enabled
            ? 'On: after your password, we text a code to your phone each time you sign in.'
            : 'Off. When on, we text a code to your phone each time you sign in, after your password.'}
        </p>
        {bannerError && <ErrorBanner error={bannerError} />}
        <CurrentPasswordField
          value={password}
          onValue={setPassword}
          error={errorForField(error, 'password')}
        />
        <SubmitActions
          busy={toggle.busy}
          busyLabel="Saving…"
          label={enabled ? 'Turn off two-step sign-in' : 'Turn on two-step sign-in'}
        />
      </ActionForm>
    );
  }
  return (
    <section class="card" aria-labelledby="two-factor-title" data-testid="two-factor">
      <h2 id="two-factor-title">
        Two-step sign-in{' '}
        <span class={enabled ? 'badge badge--ok' : 'badge'}>{enabled ? 'On' : 'Off'}</span>
      </h2>
      {turnedOff && <Notice>Two-step sign-in is off.</Notice>}
      {body}
    </section>
  );
}
