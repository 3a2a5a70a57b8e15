import { useState } from 'preact/hooks';
import * as auth from '../../api/auth';
import { toApiError } from '../../api/client';
import type { User } from '../../api/types';
import { ActionButton } from '../../components/action_form';
import { CodeEntry, localCodeTimes } from '../../components/code_entry';
import { ErrorBanner } from '../../components/error_banner';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import { useSession } from '../../session';

interface CodeWindow {
  expiresAt: number | null;
  resendAt: number | null;
}

/** Name, email and phone with its verified state; "Verify now" for an unverified phone. */
export function ProfileSection({ user }: { user: User }) {
  const session = useSession();
  const [verifying, setVerifying] = useState<CodeWindow | null>(null);
  const [verified, setVerified] = useState(false);

  // Sends a fresh code. A 429 means one went out moments ago (e.g. at sign-up): that code
  // still works, so the code step opens anyway with the countdown the server asked for.
  const start = useAction(async () => {
    try {
      setVerifying(localCodeTimes(await auth.resendSms(user.email)));
    } catch (err) {
      const error = toApiError(err);
      if (error.status !== 429) throw error;
      setVerifying({ expiresAt: null, resendAt: error.retryAt ?? null });
    }
  });

  const onVerify = async (code: string) => {
    await auth.verifySms(user.email, code);
    await session.refresh();
    setVerifying(null);
    setVerified(true);
  };

  return (
    <section class="card" aria-labelledby="profile-title" data-testid="profile">
      <h2 id="profile-title">Profile</h2>
      {verified && <Notice>Your phone number is verified.</Notice>}
      <dl class="facts">
        <dt>Name</dt>
        <dd data-testid="profile-name">{user.full_name}</dd>
        <dt>Email</dt>
        <dd data-testid="profile-email">{user.email}</dd>
        <dt>Phone</dt>
        <dd data-testid="profile-phone">
          {user.phone_number ? (
            <>
              {user.phone_number}{' '}
              <span
                class={user.is_phone_verified ? 'badge badge--ok' : 'badge badge--bad'}
                data-testid="phone-status"
              >
                {user.is_phone_verified ? 'Verified' : 'Not verified'}
              </span>
            </>
          ) : (
            <span class="muted-inline">None. Add one below to use SMS codes.</span>
          )}
        </dd>
      </dl>
      {user.phone_number && !user.is_phone_verified && !verifying && (
        <ActionButton
          onClick={start.run}
          busy={start.busy}
          busyLabel="Sending code…"
          label="Verify now"
        />
      )}
      {start.error && <ErrorBanner error={start.error} />}
      {verifying && user.phone_number && (
        <CodeEntry
          to={user.phone_number}
          expiresAt={verifying.expiresAt}
          resendAt={verifying.resendAt}
          onVerify={onVerify}
          onResend={() => auth.resendSms(user.email)}
          submitLabel="Verify phone"
        />
      )}
    </section>
  );
}
