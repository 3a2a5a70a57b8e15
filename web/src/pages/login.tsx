import { useEffect, useState } from 'preact/hooks';
import * as auth from '../api/auth';
import type { MfaChallenge } from '../api/types';
import { ActionForm, SubmitActions } from '../components/action_form';
import { CodeEntry, localCodeTimes } from '../components/code_entry';
import { ErrorBanner } from '../components/error_banner';
import {
  CurrentPasswordField,
  EmailField,
  Field,
  errorForBanner,
  errorForField,
} from '../components/field';
import { Link } from '../components/link';
import { Notice } from '../components/notice';
import { useAction, useFocusOnMount } from '../hooks';
import { useDocumentTitle } from '../layout';
import { navigate, nextPathParam, withNextParam } from '../router';
import { useSession } from '../session';

interface Challenge {
  email: string;
  password: string;
  mfa: MfaChallenge;
}

/** Email + password; then, for accounts with two-step sign-in, the SMS or a recovery code. */
export function LoginPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const [notice] = useState(session.notice);
  const [challenge, setChallenge] = useState<Challenge | null>(null);

  useEffect(() => session.setNotice(null), []);
  // Signed in (now, or already when the page opened): on to where the visitor was going.
  useEffect(() => {
    if (session.state.status === 'signed_in')
      navigate(nextPathParam('/account'), { replace: true });
  }, [session.state.status]);

  return (
    <section class="page page--narrow" aria-labelledby="login-title">
      {notice && !challenge && <Notice>{notice}</Notice>}
      {challenge ? (
        <SecondStep challenge={challenge} onChallenge={setChallenge} />
      ) : (
        <CredentialsStep onChallenge={setChallenge} />
      )}
    </section>
  );
}

function CredentialsStep({ onChallenge }: { onChallenge: (c: Challenge) => void }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(async () => {
    const answer = await auth.login(email.trim(), password);
    if ('mfa_required' in answer) onChallenge({ email: email.trim(), password, mfa: answer });
    else await session.refresh();
  });
  const error = signIn.error;
  const wrongCredentials =
    error?.status === 401 ? 'Wrong email or password. Check both, or reset your password.' : null;
  const bannerError = wrongCredentials ? null : errorForBanner(error, ['email', 'password']);

  return (
    <>
      <h1 id="login-title">Sign in</h1>
      <ActionForm onSubmit={signIn.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <EmailField value={email} onValue={setEmail} error={errorForField(error, 'email')} />
        <CurrentPasswordField
          label="Password"
          value={password}
          onValue={setPassword}
          error={wrongCredentials ?? errorForField(error, 'password')}
        />
        <SubmitActions busy={signIn.busy} busyLabel="Signing in…" label="Sign in" />
        <p>
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
        <p>
          New here? <Link href={withNextParam('/register')}>Create an account</Link>
        </p>
      </ActionForm>
    </>
  );
}

interface SecondStepProps {
  challenge: Challenge;
  onChallenge: (c: Challenge) => void;
}

function SecondStep({ challenge, onChallenge }: SecondStepProps) {
  const session = useSession();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [useRecovery, setUseRecovery] = useState(false);
  const { verification } = challenge.mfa;

  const finish = async (secret: { code: string } | { recovery_code: string }) => {
    await auth.loginVerify(challenge.mfa.mfa_token, secret);
    await session.refresh();
  };
  // A fresh code means signing in again with the same password: it answers a new challenge.
  const resend = async () => {
    const answer = await auth.login(challenge.email, challenge.password);
    if (!('mfa_required' in answer)) {
      await session.refresh(); // two-step sign-in was turned off meanwhile
      return { expires_at: 0, resend_after: 0 };
    }
    onChallenge({ ...challenge, mfa: answer });
    const sent = answer.verification;
    return sent ?? { expires_at: Date.now() + 600_000, resend_after: Date.now() + 30_000 };
  };

  return (
    <>
      <h1 id="login-title" tabIndex={-1} ref={heading}>
        Two-step sign-in
      </h1>
      {useRecovery ? (
        <RecoveryCodeForm onSubmit={(code) => finish({ recovery_code: code })} />
      ) : (
        <CodeEntry
          to={verification?.to ?? 'your phone'}
          {...(verification ? localCodeTimes(verification) : { expiresAt: null, resendAt: null })}
          onVerify={(code) => finish({ code })}
          onResend={resend}
          submitLabel="Sign in"
        />
      )}
      <p>
        <button type="button" class="link-button" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? 'Use the SMS code instead' : 'No phone at hand? Use a recovery code'}
        </button>
      </p>
    </>
  );
}

function RecoveryCodeForm({ onSubmit }: { onSubmit: (code: string) => Promise<void> }) {
  const [code, setCode] = useState('');
  const submit = useAction(() => onSubmit(code.trim()));
  const error = submit.error;
  const wrong = error?.status === 400 || error?.status === 401;
  return (
    <ActionForm onSubmit={submit.run}>
      {error && !wrong && <ErrorBanner error={error} />}
      <Field
        label="Recovery code"
        name="recovery_code"
        value={code}
        onValue={setCode}
        autocomplete="off"
        required
        hint="One of the ten codes you saved when you turned on two-step sign-in, like abcd-efgh. Each works once."
        error={wrong ? 'That recovery code is wrong or was used already.' : null}
      />
      <SubmitActions busy={submit.busy} busyLabel="Checking…" label="Sign in" />
    </ActionForm>
  );
}
