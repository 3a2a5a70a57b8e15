// The reply box of a conversation: by SMS or email, through the workspace's channel. A channel
// the contact cannot be reached on (no number or address, or opted out) is shown disabled with
// the reason; a reply is queued and shows in the thread at once.

import { useState } from 'preact/hooks';
import type { ConversationMessage, Thread } from '../../api/inbox_types';
import { sendReply } from '../../api/inbox';
import type { MessageChannel } from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ChoiceField } from '../../components/choice_field';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, fieldBinder } from '../../components/field';
import { useAction } from '../../hooks';
import { contactLabel } from '../../inbox_text';

/** The server's limits (docs/API.md): an SMS reply up to 1,600 characters, an email 20,000. */
const kMaxBody: Record<MessageChannel, number> = { sms: 1600, email: 20_000 };

interface ReplyFormProps {
  workspaceId: number;
  thread: Thread;
  /** The queued reply, as the server answered it. */
  onSent: (message: ConversationMessage) => void;
}

export function ReplyForm({ workspaceId, thread, onSent }: ReplyFormProps) {
  const { contact } = thread;
  const name = contactLabel(contact);
  const blocked: Record<MessageChannel, string | null> = {
    sms: !contact.phone
      ? `${name} has no mobile number.`
      : contact.sms_opted_out
        ? `${name} opted out of SMS (replied STOP); they can text START to opt back in.`
        : null,
    email: contact.email ? null : `${name} has no email address.`,
  };
  const [channel, setChannel] = useState<MessageChannel>(blocked.sms ? 'email' : 'sms');
  const [form, setForm] = useState({ subject: '', body: '' });
  const usable = blocked[channel] === null;

  const send = useAction(async () => {
    const subject = form.subject.trim();
    const message = await sendReply(workspaceId, thread.id, {
      channel,
      body: form.body,
      ...(channel === 'email' && subject ? { subject } : {}),
    });
    setForm({ subject: '', body: '' });
    onSent(message);
  });
  const field = fieldBinder(form, setForm, send.error);
  const bannerError = errorForBanner(send.error, ['body', 'subject']);
  const nowhere = blocked.sms !== null && blocked.email !== null;
  return (
    <section class="reply" aria-labelledby="reply-title" data-testid="reply">
      <h3 id="reply-title">Reply</h3>
      {nowhere && (
        <p class="notice notice--warn" data-testid="reply-blocked">
          You cannot reply to {name} from here: {blocked.sms} {blocked.email}
        </p>
      )}
      <ActionForm onSubmit={send.run}>
        {bannerError && (
          <ErrorBanner
            error={bannerError}
            explanation={
              bannerError.status === 409
                ? {
                    title: 'This reply cannot go out',
                    advice: `${bannerError.message}. Choose the other channel, or update the contact.`,
                  }
                : undefined
            }
          />
        )}
        <ChoiceField
          legend="Send by"
          value={channel}
          onValue={setChannel}
          choices={[
            {
              value: 'sms',
              label: 'SMS',
              hint: blocked.sms ?? `To ${contact.phone}`,
              disabled: blocked.sms !== null,
            },
            {
              value: 'email',
              label: 'Email',
              hint: blocked.email ?? `To ${contact.email}`,
              disabled: blocked.email !== null,
            },
          ]}
        />
        {channel === 'email' && (
          <Field
            label="Subject"
            {...field('subject')}
            maxLength={200}
            placeholder="Re: your message"
            disabled={!usable}
          />
        )}
        <Field
          label="Message"
          {...field('body')}
          rows={4}
          required
          maxLength={kMaxBody[channel]}
          disabled={!usable}
          hint={channel === 'sms' ? 'Long texts go out as several SMS.' : undefined}
        />
        <SubmitActions
          busy={send.busy}
          busyLabel="Sending…"
          label={channel === 'sms' ? 'Send SMS' : 'Send email'}
          disabled={!usable || form.body.trim() === ''}
        />
      </ActionForm>
    </section>
  );
}
