import { useState } from 'preact/hooks';
import { saveSmsChannel } from '../../api/channels';
import type { SmsChannel, SmsSettings } from '../../api/types';
import { Field, fieldBinder } from '../../components/field';
import { type ChannelCardProps, ChannelCard, SecretField } from './channel_card';

/** The inputs, under the API's names. The SID and the token start blank: they come back masked. */
interface SmsForm {
  account_sid: string;
  auth_token: string;
  phone_number: string;
  messaging_service_sid: string;
}

const kFields = ['account_sid', 'auth_token', 'phone_number', 'messaging_service_sid'];

function initialForm(stored: SmsSettings | null): SmsForm {
  return {
    account_sid: '',
    auth_token: '',
    phone_number: stored?.phone_number ?? '',
    messaging_service_sid: stored?.messaging_service_sid ?? '',
  };
}

/**
 * SMS: the server's provider, or the workspace's own Twilio account. Stored secrets come
 * back masked and are shown only as placeholders; a blank auth token keeps the stored one.
 */
export function SmsChannelCard(props: ChannelCardProps<SmsChannel>) {
  const stored = props.channel.settings;
  const [form, setForm] = useState(() => initialForm(stored));
  const ownRequest = () => {
    const token = form.auth_token.trim();
    const phone = form.phone_number.trim();
    const service = form.messaging_service_sid.trim();
    return {
      mode: 'own' as const,
      account_sid: form.account_sid.trim(),
      ...(token ? { auth_token: token } : {}),
      ...(phone ? { phone_number: phone } : {}),
      ...(service ? { messaging_service_sid: service } : {}),
    };
  };
  return (
    <ChannelCard
      {...props}
      own={{
        label: 'Own Twilio account',
        hint: 'Messages come from your own number and are billed to your Twilio account.',
      }}
      fields={kFields}
      send={saveSmsChannel}
      ownRequest={ownRequest}
      onSaved={() => setForm((f) => ({ ...f, account_sid: '', auth_token: '' }))}
      ownFields={(error) => {
        const field = fieldBinder(form, setForm, error);
        return (
          <>
            <Field
              label="Account SID"
              {...field('account_sid')}
              autocomplete="off"
              required
              placeholder={stored?.account_sid || 'AC…'}
              hint={
                stored
                  ? 'Starts with AC (Twilio console, Account info). Saved values are shown masked: enter the SID in full to save a change.'
                  : 'Starts with AC; find it in the Twilio console under Account info.'
              }
            />
            <SecretField
              label="Auth token"
              {...field('auth_token')}
              required={!stored}
              masked={stored?.auth_token}
              kept="token"
              hint="Next to the Account SID in the Twilio console. Stored encrypted; never shown again."
            />
            <Field
              label="Twilio phone number"
              {...field('phone_number')}
              type="tel"
              inputMode="tel"
              autocomplete="off"
              hint="The number messages come from, e.g. +14155552671. Give this or a messaging service."
            />
            <Field
              label="Messaging service SID"
              {...field('messaging_service_sid')}
              autocomplete="off"
              placeholder="MG…"
              hint="Instead of a phone number: a Twilio messaging service, starting with MG."
            />
          </>
        );
      }}
    />
  );
}
