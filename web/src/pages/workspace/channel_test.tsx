// "Send test message" for one channel, and its result followed live: after sending, the
// page asks GET …/channels every 1.5 s while the message is on its way (for SMS also while
// it is sent but its delivery report has not come) and gives up after 60 s.

import { useEffect, useState } from 'preact/hooks';
import { getChannels, sendChannelTest } from '../../api/channels';
import { type ApiError, toApiError, toLocalTime } from '../../api/client';
import type {
  ChannelTest,
  ChannelsResponse,
  EmailChannel,
  MessageChannel,
  SmsChannel,
} from '../../api/types';
import { ActionForm, SubmitActions } from '../../components/action_form';
import { ErrorBanner } from '../../components/error_banner';
import { Field, errorForBanner, errorForField } from '../../components/field';
import { formatTime } from '../../format';
import { useAction } from '../../hooks';

const kPollEveryMs = 1500;
const kPollForMs = 60_000;

/** Statuses after which the result can still change. Email has no delivery report. */
function onItsWay(kind: MessageChannel, status: string): boolean {
  if (status === 'queued' || status === 'sending' || status === 'retrying') return true;
  return kind === 'sms' && status === 'sent';
}

interface ChannelTestProps<C extends SmsChannel | EmailChannel> {
  id: number;
  channel: C;
  /** Where the test goes unless changed: the user's own phone or address. */
  defaultTo: string;
  onChannel: (channel: C) => void;
  onChannels: (channels: ChannelsResponse) => void;
}

export function ChannelTestForm<C extends SmsChannel | EmailChannel>(props: ChannelTestProps<C>) {
  const { id, channel, defaultTo, onChannel, onChannels } = props;
  const kind = channel.channel;
  const test = channel.test;
  const [to, setTo] = useState(defaultTo);
  // Until when to follow the test; a test still on its way when the page opens is followed too.
  const [followUntil, setFollowUntil] = useState<number | null>(() =>
    test && onItsWay(kind, test.status) ? toLocalTime(test.created_at) + kPollForMs : null,
  );
  const [pollError, setPollError] = useState<ApiError | null>(null);
  const [polls, setPolls] = useState(0);

  const send = useAction(async () => {
    const updated = await sendChannelTest<C>(id, kind, to.trim());
    setPollError(null);
    onChannel(updated);
    setFollowUntil(Date.now() + kPollForMs);
  });

  const following = followUntil !== null && test !== null && onItsWay(kind, test.status);
  useEffect(() => {
    if (!following || followUntil === null) return;
    const wait = Math.min(kPollEveryMs, followUntil - Date.now());
    if (wait <= 0) {
      setFollowUntil(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getChannels(id, { signal: controller.signal }).then(
        (answer) => {
          setPollError(null);
          onChannels(answer);
          setPolls((n) => n + 1);
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          setPollError(toApiError(err));
          setPolls((n) => n + 1);
        },
      );
    }, wait);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [following, followUntil, polls, id]);

  const what = channelWord(kind);
  const bannerError = errorForBanner(send.error, ['to']);
  return (
    <div class="channel-test">
      <h3>Send a test message</h3>
      <ActionForm onSubmit={send.run}>
        {bannerError && (
          <ErrorBanner
            error={bannerError}
            explanation={
              bannerError.status === 409
                ? {
                    title: `This server cannot send ${what} for you`,
                    advice: `Choose your own ${kind === 'sms' ? 'Twilio account' : 'SMTP server'} above, or ask whoever runs the server to set up ${what} sending.`,
                  }
                : undefined
            }
          />
        )}
        <Field
          label="Send the test to"
          name="to"
          type={kind === 'sms' ? 'tel' : 'email'}
          inputMode={kind === 'sms' ? 'tel' : 'email'}
          autocomplete={kind === 'sms' ? 'tel' : 'email'}
          value={to}
          onValue={setTo}
          required
          hint={`It uses the saved settings: save any change first. ${kind === 'sms' ? 'A mobile number' : 'An email address'} you can check.`}
          error={errorForField(send.error, 'to')}
        />
        <SubmitActions busy={send.busy} busyLabel="Sending…" label="Send test message" />
      </ActionForm>
      {test && (
        <TestResult
          kind={kind}
          test={test}
          following={following}
          onFollowAgain={() => setFollowUntil(Date.now() + kPollForMs)}
        />
      )}
      {pollError && following && (
        <p class="field__hint" role="status">
          Could not check the status just now ({pollError.message}); trying again.
        </p>
      )}
    </div>
  );
}

interface TestResultProps {
  kind: MessageChannel;
  test: ChannelTest;
  following: boolean;
  onFollowAgain: () => void;
}

/** The latest test's status in words: "Delivered", "Sent", "Failed: <reason>"… */
function TestResult({ kind, test, following, onFollowAgain }: TestResultProps) {
  const { label, tone, note } = describe(kind, test, following);
  const stuck = !following && onItsWay(kind, test.status);
  return (
    <div class="test-result" data-testid={`${kind}-test`}>
      <p role="status" aria-live="polite">
        Test to <strong>{test.to}</strong> at {formatTime(toLocalTime(test.created_at))}:{' '}
        <span class={`badge badge--${tone}`} data-testid={`${kind}-test-result`}>
          {label}
        </span>
      </p>
      {note && <p class="field__hint">{note}</p>}
      {stuck && (
        <button type="button" class="link-button" onClick={onFollowAgain}>
          Check again
        </button>
      )}
    </div>
  );
}

interface Described {
  label: string;
  tone: 'ok' | 'bad' | 'warn';
  note?: string;
}

function describe(kind: MessageChannel, test: ChannelTest, following: boolean): Described {
  const reason =
    test.error_message || (test.error_code ? `error ${test.error_code}` : 'no reason given');
  switch (test.status) {
    case 'delivered':
      return { label: 'Delivered', tone: 'ok' };
    case 'sent':
      if (kind === 'sms' && following) {
        return {
          label: 'Sent',
          tone: 'ok',
          note: 'Accepted by the provider; waiting for the delivery report…',
        };
      }
      return kind === 'sms'
        ? {
            label: 'Sent',
            tone: 'ok',
            note: 'Accepted by the provider. No delivery report came within a minute; the channel works.',
          }
        : {
            label: 'Sent',
            tone: 'ok',
            note: 'Accepted by the mail server. Check the inbox (and the spam folder).',
          };
    case 'failed':
    case 'undelivered':
      return {
        label: `Failed: ${reason}`,
        tone: 'bad',
        note: 'Check the settings above, save, and send another test.',
      };
    case 'skipped':
      return { label: 'Not sent: sending is turned off on this server', tone: 'bad' };
    case 'retrying':
      return {
        label: 'Sending…',
        tone: 'warn',
        note: `The provider had a temporary problem (${reason}); trying again.`,
      };
    case 'queued':
    case 'sending':
      return following
        ? { label: 'Sending…', tone: 'warn' }
        : {
            label: 'Still waiting to be sent',
            tone: 'warn',
            note: 'Check again in a minute; if it stays, look at the server log.',
          };
    default:
      return { label: test.status, tone: 'warn' };
  }
}

/** The channel's state beside its heading: proven by a test, failed, or not tried yet. */
export function ChannelStateBadge({ channel }: { channel: SmsChannel | EmailChannel }) {
  if (channel.works) return <span class="badge badge--ok">Working</span>;
  const status = channel.test?.status;
  if (status === 'failed' || status === 'undelivered' || status === 'skipped') {
    return <span class="badge badge--bad">Test failed</span>;
  }
  return <span class="badge">Not tested</span>;
}

/** The channel's name inside a sentence: "SMS" or "email". */
export function channelWord(kind: MessageChannel): string {
  return kind === 'sms' ? 'SMS' : 'email';
}

/** What "the server's defaults" means on this server, in words for an owner. */
export function serverProviderHint(kind: MessageChannel, provider: string): string {
  const what = channelWord(kind);
  switch (provider) {
    case 'twilio':
      return 'Messages go out through the Twilio account of this CareOps server.';
    case 'smtp':
      return 'Messages go out through the mail server of this CareOps server.';
    case 'console':
      return `This server only prints ${what} in its log: customers receive nothing. Fine for trying CareOps out.`;
    case 'none':
      return `This server has ${what} sending turned off: nothing would be sent.`;
    default:
      return `This server's ${what} provider: ${provider}.`;
  }
}
