import { useState } from 'preact/hooks';
import { saveEmailChannel } from '../../api/channels';
import { ApiError } from '../../api/client';
import type { EmailChannel, EmailSettings, StartTls } from '../../api/types';
import { Field, errorForField, fieldBinder } from '../../components/field';
import { SelectField } from '../../components/select_field';
import { type ChannelCardProps, ChannelCard, SecretField } from './channel_card';

/** The inputs, under the API's names. The password starts blank: it comes back masked. */
interface EmailForm {
  host: string;
  port: string;
  user: string;
  password: string;
  starttls: StartTls;
  from: string;
}

const kFields = ['host', 'port', 'user', 'password', 'starttls', 'from'];

const kStartTlsOptions: { value: StartTls; label: string }[] = [
  { value: 'auto', label: 'When offered (recommended)' },
  { value: 'always', label: 'Always' },
  { value: 'never', label: 'Never (not encrypted)' },
];

function initialForm(stored: EmailSettings | null): EmailForm {
  return {
    host: stored?.host ?? '',
    port: String(stored?.port ?? 587),
    user: stored?.user ?? '',
    password: '',
    starttls: stored?.starttls ?? 'auto',
    from: stored?.from ?? '',
  };
}

/** Email: the server's provider, or the workspace's own SMTP server. A blank password keeps the stored one. */
export function EmailChannelCard(props: ChannelCardProps<EmailChannel>) {
  const stored = props.channel.settings;
  const [form, setForm] = useState(() => initialForm(stored));
  const ownRequest = () => {
    const port = form.port.trim();
    if (!/^\d{1,5}$/.test(port)) {
      throw new ApiError(400, 'invalid_argument', 'port must be a number such as 587', 'port');
    }
    return {
      mode: 'own' as const,
      host: form.host.trim(),
      port: Number(port),
      user: form.user.trim(),
      ...(form.password ? { password: form.password } : {}),
      starttls: form.starttls,
      from: form.from.trim(),
    };
  };
  return (
    <ChannelCard
      {...props}
      own={{
        label: 'Own SMTP server',
        hint: 'Messages leave through your own mail provider, from your own address.',
      }}
      fields={kFields}
      send={saveEmailChannel}
      ownRequest={ownRequest}
      onSaved={() => setForm((f) => ({ ...f, password: '' }))}
      ownFields={(error) => {
        const field = fieldBinder(form, setForm, error);
        return (
          <>
            <Field
              label="SMTP server"
              {...field('host')}
              autocomplete="off"
              required
              placeholder="smtp.example.com"
            />
            <Field
              label="Port"
              {...field('port')}
              inputMode="numeric"
              autocomplete="off"
              inputClass="input--short"
              hint="Usually 587."
            />
            <Field label="User name" {...field('user')} autocomplete="off" />
            <SecretField
              label="Password"
              {...field('password')}
              masked={stored?.password}
              kept="password"
              hint="Stored encrypted; never shown again."
            />
            <SelectField
              label="Encryption (STARTTLS)"
              name="starttls"
              value={form.starttls}
              options={kStartTlsOptions}
              onValue={(starttls) => setForm({ ...form, starttls })}
              hint="Always: refuse to send when the mail server does not offer encryption."
              error={errorForField(error, 'starttls')}
            />
            <Field
              label="From address"
              {...field('from')}
              type="email"
              inputMode="email"
              autocomplete="off"
              required
              placeholder="hello@your-business.example"
              hint="The sender customers see."
            />
          </>
        );
      }}
    />
  );
}
