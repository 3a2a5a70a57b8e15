import { ErrorBanner } from '../components/error_banner';
import { useDocumentTitle } from '../layout';
import { useRequiredUser, useSession } from '../session';
import { PasswordSection } from './account/password';
import { PhoneSection } from './account/phone';
import { ProfileSection } from './account/profile';
import { SecurityLogSection } from './account/security_log';
import { SessionsSection } from './account/sessions';
import { TwoFactorSection } from './account/two_factor';

/** Account settings of the signed-in user; signed-out visitors are sent to /login. */
export function AccountPage() {
  useDocumentTitle('Account');
  const session = useSession();
  const user = useRequiredUser();
  const { state } = session;

  return (
    <section class="page" aria-labelledby="account-title" aria-busy={state.status === 'loading'}>
      <h1 id="account-title">Your account</h1>
      {state.status === 'loading' && <p class="muted">Loading your account…</p>}
      {state.status === 'error' && (
        <ErrorBanner error={state.error} onRetry={() => void session.refresh()} />
      )}
      {user && (
        <div class="sections">
          <ProfileSection user={user} />
          <PhoneSection user={user} />
          <PasswordSection />
          <TwoFactorSection user={user} />
          <SessionsSection />
          <SecurityLogSection />
        </div>
      )}
    </section>
  );
}
