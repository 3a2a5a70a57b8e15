import { useState } from 'preact/hooks';
import { saveSmsChannel } from '../../api/channels';
import type { ChannelMode, ChannelsResponse, SmsChannel, SmsChannelRequest } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import { ChannelStateBadge, ChannelTestForm, serverProviderHint } from './channel_test';

const kFields = ['mode', 'account_sid', 'auth_token', 'phone_number', 'messaging_service_sid'];

interface SmsChannelCardProps {
  id: number;
  channel: SmsChannel;
  onChannel: (channel: SmsChannel) => void;
  onChannels: (channels: ChannelsResponse) => void;
  defaultTo: string;
}

/**
 * SMS: the server's provider, or the workspace's own Twilio account. Stored secrets come
 * back masked and are shown only as placeholders; a blank auth token keeps the stored one.
 */
export function SmsChannelCard({
  id,
  channel,
  onChannel,
  onChannels,
  defaultTo,
}: SmsChannelCardProps) {
  const stored = channel.settings;
  const [mode, setMode] = useState<ChannelMode>(channel.mode);
  const [accountSid, setAccountSid] = useState('');
  const [authToken, setAuthToken] = useState('');
  const [phoneNumber, setPhoneNumber] = useState(stored?.phone_number ?? '');
  const [serviceSid, setServiceSid] = useState(stored?.messaging_service_sid ?? '');
  const [saved, setSaved] = useState(false);

  const save = useAction(async () => {
    setSaved(false);
    let request: SmsChannelRequest = { mode: 'server' };
    if (mode === 'own') {
      const phone = phoneNumber.trim();
      const service = serviceSid.trim();
      request = {
        mode: 'own',
        account_sid: accountSid.trim(),
        ...(authToken.trim() ? { auth_token: authToken.trim() } : {}),
        ...(phone ? { phone_number: phone } : {}),
        ...(service ? { messaging_service_sid: service } : {}),
      };
    }
    const updated = await saveSmsChannel(id, request);
    onChannel(updated);
    setAccountSid('');
    setAuthToken('');
    setSaved(true);
  });
  const error = save.error;
  const bannerError = errorForBanner(error, kFields);
  return (
    <section class="card" aria-labelledby="sms-title" data-testid="sms-channel">
      <div class="page__head">
        <h2 id="sms-title">SMS</h2>
        <ChannelStateBadge channel={channel} />
      </div>
      {saved && <Notice>SMS settings saved. Send a test message to check them.</Notice>}
      <ActionForm onSubmit={save.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <ChoiceField
          legend="Send SMS with"
          value={mode}
          onValue={setMode}
          choices={[
            {
              value: 'server',
              label: "Use the server's defaults",
              hint: serverProviderHint('sms', channel.server_provider),
            },
            {
              value: 'own',
              label: 'Own Twilio account',
              hint: 'Messages come from your own number and are billed to your Twilio account.',
            },
          ]}
        />
        {mode === 'own' && (
          <>
            <Field
              label="Account SID"
              name="account_sid"
              value={accountSid}
              onValue={setAccountSid}
              autocomplete="off"
              required
              placeholder={stored?.account_sid || 'AC…'}
              hint={
                stored
                  ? 'Starts with AC (Twilio console, Account info). Saved values are shown masked: enter the SID in full to save a change.'
                  : 'Starts with AC; find it in the Twilio console under Account info.'
              }
              error={errorForField(error, 'account_sid')}
            />
            <Field
              label="Auth token"
              name="auth_token"
              type="password"
              value={authToken}
              onValue={setAuthToken}
              autocomplete="new-password"
              required={!stored}
              placeholder={stored ? stored.auth_token : undefined}
              hint={
                stored
                  ? 'Leave blank to keep the saved token.'
                  : 'Next to the Account SID in the Twilio console. Stored encrypted; never shown again.'
              }
              error={errorForField(error, 'auth_token')}
            />
            <Field
              label="Twilio phone number"
              name="phone_number"
              type="tel"
              inputMode="tel"
              value={phoneNumber}
              onValue={setPhoneNumber}
              autocomplete="off"
              hint="The number messages come from, e.g. +14155552671. Give this or a messaging service."
              error={errorForField(error, 'phone_number')}
            />
            <Field
              label="Messaging service SID"
              name="messaging_service_sid"
              value={serviceSid}
              onValue={setServiceSid}
              autocomplete="off"
              placeholder="MG…"
              hint="Instead of a phone number: a Twilio messaging service, starting with MG."
              error={errorForField(error, 'messaging_service_sid')}
            />
          </>
        )}
        <SubmitActions busy={save.busy} busyLabel="Saving…" label="Save SMS settings" />
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
