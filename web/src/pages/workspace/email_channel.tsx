import { useState } from 'preact/hooks';
import { saveEmailChannel } from '../../api/channels';
import { ApiError } from '../../api/client';
import type {
  ChannelMode,
  ChannelsResponse,
  EmailChannel,
  EmailChannelRequest,
  StartTls,
} from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField } from '../../components/field';
import { Notice } from '../../components/notice';
import { SelectField } from '../../components/select_field';
import { useAction } from '../../hooks';
import { ChannelStateBadge, ChannelTestForm, serverProviderHint } from './channel_test';

const kFields = ['mode', 'host', 'port', 'user', 'password', 'starttls', 'from'];

const kStartTlsOptions: { value: StartTls; label: string }[] = [
  { value: 'auto', label: 'When offered (recommended)' },
  { value: 'always', label: 'Always' },
  { value: 'never', label: 'Never (not encrypted)' },
];

interface EmailChannelCardProps {
  id: number;
  channel: EmailChannel;
  onChannel: (channel: EmailChannel) => void;
  onChannels: (channels: ChannelsResponse) => void;
  defaultTo: string;
}

/** Email: the server's provider, or the workspace's own SMTP server. A blank password keeps the stored one. */
export function EmailChannelCard(props: EmailChannelCardProps) {
  const { id, channel, onChannel, onChannels, defaultTo } = props;
  const stored = channel.settings;
  const [mode, setMode] = useState<ChannelMode>(channel.mode);
  const [host, setHost] = useState(stored?.host ?? '');
  const [port, setPort] = useState(String(stored?.port ?? 587));
  const [user, setUser] = useState(stored?.user ?? '');
  const [password, setPassword] = useState('');
  const [startTls, setStartTls] = useState<StartTls>(stored?.starttls ?? 'auto');
  const [from, setFrom] = useState(stored?.from ?? '');
  const [saved, setSaved] = useState(false);

  const save = useAction(async () => {
    setSaved(false);
    let request: EmailChannelRequest = { mode: 'server' };
    if (mode === 'own') {
      const portText = port.trim();
      if (!/^\d{1,5}$/.test(portText)) {
        throw new ApiError(400, 'invalid_argument', 'port must be a number such as 587', 'port');
      }
      request = {
        mode: 'own',
        host: host.trim(),
        port: Number(portText),
        user: user.trim(),
        ...(password ? { password } : {}),
        starttls: startTls,
        from: from.trim(),
      };
    }
    onChannel(await saveEmailChannel(id, request));
    setPassword('');
    setSaved(true);
  });
  const error = save.error;
  const bannerError = errorForBanner(error, kFields);
  return (
    <section class="card" aria-labelledby="email-title" data-testid="email-channel">
      <div class="page__head">
        <h2 id="email-title">Email</h2>
        <ChannelStateBadge channel={channel} />
      </div>
      {saved && <Notice>Email settings saved. Send a test message to check them.</Notice>}
      <ActionForm onSubmit={save.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <ChoiceField
          legend="Send email with"
          value={mode}
          onValue={setMode}
          choices={[
            {
              value: 'server',
              label: "Use the server's defaults",
              hint: serverProviderHint('email', channel.server_provider),
            },
            {
              value: 'own',
              label: 'Own SMTP server',
              hint: 'Messages leave through your own mail provider, from your own address.',
            },
          ]}
        />
        {mode === 'own' && (
          <>
            <Field
              label="SMTP server"
              name="host"
              value={host}
              onValue={setHost}
              autocomplete="off"
              required
              placeholder="smtp.example.com"
              error={errorForField(error, 'host')}
            />
            <Field
              label="Port"
              name="port"
              inputMode="numeric"
              value={port}
              onValue={setPort}
              autocomplete="off"
              inputClass="input--short"
              hint="Usually 587."
              error={errorForField(error, 'port')}
            />
            <Field
              label="User name"
              name="user"
              value={user}
              onValue={setUser}
              autocomplete="off"
              error={errorForField(error, 'user')}
            />
            <Field
              label="Password"
              name="password"
              type="password"
              value={password}
              onValue={setPassword}
              autocomplete="new-password"
              placeholder={stored?.password || undefined}
              hint={
                stored?.password
                  ? 'Leave blank to keep the saved password.'
                  : 'Stored encrypted; never shown again.'
              }
              error={errorForField(error, 'password')}
            />
            <SelectField
              label="Encryption (STARTTLS)"
              name="starttls"
              value={startTls}
              options={kStartTlsOptions}
              onValue={setStartTls}
              hint="Always: refuse to send when the mail server does not offer encryption."
              error={errorForField(error, 'starttls')}
            />
            <Field
              label="From address"
              name="from"
              type="email"
              inputMode="email"
              value={from}
              onValue={setFrom}
              autocomplete="off"
              required
              placeholder="hello@your-business.example"
              hint="The sender customers see."
              error={errorForField(error, 'from')}
            />
          </>
        )}
        <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save email settings" />
      </ActionForm>
      <ChannelTestForm
        id={id}
        channel={channel}
        defaultTo={defaultTo}
        onChannel={onChannel}
        onChannels={onChannels}
      />
    </section>
  );
}
