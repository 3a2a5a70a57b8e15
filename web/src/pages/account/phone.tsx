import { useState } from 'preact/hooks';
import * as auth from '../../api/auth';
import type { User, Verification } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { CodeEntry, localCodeTimes } from '../../components/code_entry';
import { ErrorBanner } from '../../components/error_banner';
import {
  CurrentPasswordField,
  PhoneField,
  errorForBanner,
  errorForField,
} from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import { useSession } from '../../session';

/** New number + password → a code to the new number → the number changes once verified. */
export function PhoneSection({ user }: { user: User }) {
  const session = useSession();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<Verification | null>(null);
  const [changedTo, setChangedTo] = useState<string | null>(null);

  const request = useAction(async () => {
    setChangedTo(null);
    const answer = await auth.changePhone(phone.trim(), password);
    setSent(answer.verification);
  });
  const onVerify = async (code: string) => {
    const updated = await auth.verifyPhone(code);
    session.setUser(updated);
    setSent(null);
    setPhone('');
    setPassword('');
    setChangedTo(updated.phone_number);
  };
  // Another code: the same request again (the server enforces the resend limits).
  const onResend = async () => (await auth.changePhone(phone.trim(), password)).verification;

  const title = user.phone_number ? 'Change phone number' : 'Add a phone number';
  const error = request.error;
  const bannerError = errorForBanner(error, ['phone_number', 'password']);
  return (
    <section class="card" aria-labelledby="phone-title">
      <h2 id="phone-title">{title}</h2>
      {changedTo && <Notice>Your phone number is now {changedTo}, verified.</Notice>}
      {sent ? (
        <>
          <CodeEntry
            to={sent.to}
            {...localCodeTimes(sent)}
            onVerify={onVerify}
            onResend={onResend}
            submitLabel="Verify new number"
          />
          <p>
            <button type="button" class="link-button" onClick={() => setSent(null)}>
              Cancel: keep the current number
            </button>
          </p>
        </>
      ) : (
        <ActionForm onSubmit={request.run}>
          {bannerError && <ErrorBanner error={bannerError} />}
          <PhoneField
            label="New mobile number"
            value={phone}
            onValue={setPhone}
            required
            error={errorForField(error, 'phone_number')}
          />
          <CurrentPasswordField
            value={password}
            onValue={setPassword}
            error={errorForField(error, 'password')}
          />
          <SubmitActions
            busy={request.busy}
            busyLabel="Sending code…"
            label="Send a code to the new number"
          />
        </ActionForm>
      )}
    </section>
  );
}
