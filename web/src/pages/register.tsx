import { useState } from 'preact/hooks';
import * as auth from '../api/auth';
import type { Verification } from '../api/types';
import { ActionForm, SubmitActions } from '../components/action_form';
import { CodeEntry, localCodeTimes } from '../components/code_entry';
import { ErrorBanner } from '../components/error_banner';
import {
  EmailField,
  Field,
  NewPasswordField,
  PhoneField,
  errorForBanner,
  errorForField,
} from '../components/field';
import { Link } from '../components/link';
import { useAction, useFocusOnMount } from '../hooks';
import { useDocumentTitle } from '../layout';
import { navigate, nextPathParam, withNextParam } from '../router';
import { type SessionContextValue, useSession } from '../session';

const kFields = ['full_name', 'email', 'password', 'phone_number'] as const;

interface Credentials {
  email: string;
  password: string;
}

/** Step 1: details; step 2 (only when a phone was given): the SMS code. */
export function RegisterPage() {
  useDocumentTitle('Create account');
  const session = useSession();
  const [created, setCreated] = useState<Credentials | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const finish = useAction(async (credentials: Credentials) => {
    await signInNewAccount(session, credentials);
    navigate(nextPathParam('/account'), { replace: true });
  });

  const onCreated = (credentials: Credentials, sent: Verification | undefined) => {
    setCreated(credentials);
    if (sent) setVerification(sent);
    else void finish.run(credentials);
  };
  return (
    <section class="page page--narrow" aria-labelledby="register-title">
      {created && verification ? (
        <CodeStep
          credentials={created}
          verification={verification}
          onDone={() => void finish.run(created)}
        />
      ) : (
        <DetailsStep onCreated={onCreated} locked={created !== null} />
      )}
      {finish.busy && (
        <p class="muted" role="status">
          Signing you in…
        </p>
      )}
      {finish.error && created && (
        <ErrorBanner
          error={finish.error}
          onRetry={() => void finish.run(created)}
          retrying={finish.busy}
        />
      )}
    </section>
  );
}

/**
 * Register already answers with the session cookies; when it did, the account is signed
 * in. Otherwise (an older server) sign in with the same credentials.
 */
async function signInNewAccount(session: SessionContextValue, credentials: Credentials) {
  if (await session.refresh()) return;
  const answer = await auth.login(credentials.email, credentials.password);
  if ('mfa_required' in answer) {
    navigate('/login'); // a brand-new account has no two-step sign-in; never expected
    return;
  }
  await session.refresh();
}

interface DetailsStepProps {
  onCreated: (credentials: Credentials, verification: Verification | undefined) => void;
  /** True once the account exists: the form cannot be sent again. */
  locked: boolean;
}

function DetailsStep({ onCreated, locked }: DetailsStepProps) {
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const create = useAction(async () => {
    const phoneNumber = phone.trim();
    const user = await auth.register({
      full_name: fullName.trim(),
      email: email.trim(),
      password,
      ...(phoneNumber ? { phone_number: phoneNumber } : {}),
    });
    onCreated({ email: email.trim(), password }, user.verification);
  });
  const error = create.error;
  const emailTaken =
    error?.status === 409
      ? 'An account with this email exists already. Sign in instead, or reset its password.'
      : null;
  const bannerError = error?.status === 409 ? null : errorForBanner(error, kFields);

  return (
    <>
      <h1 id="register-title">Create your account</h1>
      <ActionForm onSubmit={create.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <Field
          label="Full name"
          name="full_name"
          value={fullName}
          onValue={setFullName}
          autocomplete="name"
          required
          error={errorForField(error, 'full_name')}
        />
        <EmailField
          value={email}
          onValue={setEmail}
          autocomplete="email"
          error={emailTaken ?? errorForField(error, 'email')}
        />
        <NewPasswordField
          label="Password"
          name="password"
          value={password}
          onValue={setPassword}
          error={errorForField(error, 'password')}
        />
        <PhoneField
          label="Mobile phone"
          value={phone}
          onValue={setPhone}
          error={errorForField(error, 'phone_number')}
        />
        <SubmitActions
          busy={create.busy}
          disabled={locked}
          busyLabel="Creating account…"
          label="Create account"
        />
        <p>
          Already have an account? <Link href={withNextParam('/login')}>Sign in</Link>
        </p>
      </ActionForm>
    </>
  );
}

interface CodeStepProps {
  credentials: Credentials;
  verification: Verification;
  onDone: () => void;
}

function CodeStep({ credentials, verification, onDone }: CodeStepProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <h1 id="register-title" tabIndex={-1} ref={heading}>
        Verify your phone
      </h1>
      <CodeEntry
        to={verification.to}
        {...localCodeTimes(verification)}
        onVerify={async (code) => {
          await auth.verifySms(credentials.email, code);
          onDone();
        }}
        onResend={() => auth.resendSms(credentials.email)}
        submitLabel="Verify and continue"
      >
        <p>
          <button type="button" class="link-button" onClick={onDone}>
            {nextPathParam('') ? 'Verify later and continue' : 'Verify later and go to my account'}
          </button>
        </p>
      </CodeEntry>
    </>
  );
}
