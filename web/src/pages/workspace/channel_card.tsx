// What the SMS and the email card share: the heading with the channel's state, the choice
// between the server's provider and the workspace's own, the save flow, and the test form.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client';
import type { ChannelMode, ChannelsResponse, EmailChannel, SmsChannel } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner } from '../../components/field';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks';
import {
  ChannelStateBadge,
  ChannelTestForm,
  channelWord,
  serverProviderHint,
} from './channel_test';

export interface ChannelCardProps<C extends SmsChannel | EmailChannel> {
  id: number;
  channel: C;
  onChannel: (channel: C) => void;
  onChannels: (channels: ChannelsResponse) => void;
  /** Where a test goes unless changed: the user's own phone or address. */
  defaultTo: string;
}

interface ChannelFormProps<C extends SmsChannel | EmailChannel, R> extends ChannelCardProps<C> {
  /** The choice of the workspace's own provider, offered beside the server's defaults. */
  own: { label: string; hint: string };
  /** The API's names of the inputs: an error blaming one shows beside it, not in the banner. */
  fields: readonly string[];
  /** Saves the channel (PUT …/channels/{kind}) and answers it as stored. */
  send: (id: number, request: R | { mode: 'server' }) => Promise<C>;
  /** The request for mode "own" from the inputs; may throw an ApiError blaming one of them. */
  ownRequest: () => NoInfer<R>;
  /** After a save: clears the secrets typed in, which the server never shows again. */
  onSaved: () => void;
  /** The own provider's inputs, given the last save's failure. */
  ownFields: (error: ApiError | null) => ComponentChildren;
}

/** One channel's card: how it sends, saving that, and sending a test message. */
export function ChannelCard<C extends SmsChannel | EmailChannel, R>(props: ChannelFormProps<C, R>) {
  const { id, channel, onChannel, onChannels, defaultTo } = props;
  const kind = channel.channel;
  const word = channelWord(kind);
  const title = word.charAt(0).toUpperCase() + word.slice(1);
  const [mode, setMode] = useState<ChannelMode>(channel.mode);
  const [saved, setSaved] = useState(false);

  const save = useAction(async () => {
    setSaved(false);
    onChannel(await props.send(id, mode === 'own' ? props.ownRequest() : { mode: 'server' }));
    props.onSaved();
    setSaved(true);
  });
  const bannerError = errorForBanner(save.error, ['mode', ...props.fields]);
  return (
    <section class="card" aria-labelledby={`${kind}-title`} data-testid={`${kind}-channel`}>
      <div class="page__head">
        <h2 id={`${kind}-title`}>{title}</h2>
        <ChannelStateBadge channel={channel} />
      </div>
      {saved && <Notice>{`${title} settings saved. Send a test message to check them.`}</Notice>}
      <ActionForm onSubmit={save.run}>
        {bannerError && <ErrorBanner error={bannerError} />}
        <ChoiceField
          legend={`Send ${word} with`}
          value={mode}
          onValue={setMode}
          choices={[
            {
              value: 'server',
              label: "Use the server's defaults",
              hint: serverProviderHint(kind, channel.server_provider),
            },
            { value: 'own', ...props.own },
          ]}
        />
        {mode === 'own' && props.ownFields(save.error)}
        <SubmitActions busy={save.busy} busyLabel="Saving…" label={`Save ${word} settings`} />
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

interface SecretFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error: string | null;
  /** The stored secret as the server shows it, masked; empty or absent when none is stored. */
  masked: string | undefined;
  /** What the secret is called in "Leave blank to keep the saved …". */
  kept: string;
  /** The hint while nothing is stored. */
  hint: string;
  required?: boolean;
}

/** A password input for a stored secret: the saved one shows masked, and a blank keeps it. */
export function SecretField({ masked, kept, hint, ...rest }: SecretFieldProps) {
  return (
    <Field
      {...rest}
      type="password"
      autocomplete="new-password"
      placeholder={masked || undefined}
      hint={masked ? `Leave blank to keep the saved ${kept}.` : hint}
    />
  );
}
