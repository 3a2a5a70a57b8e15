import { useEffect } from 'preact/hooks';
import { devOutbox } from '../api/messages';
import type { OutboxMessage } from '../api/types';
import { ErrorBanner } from '../components/error_banner';
import { formatDateTime, formatTime } from '../format';
import { useLoad, usePageVisible } from '../hooks';
import { useDocumentTitle } from '../layout';

const kRefreshMs = 2000;

/**
 * Development page: what the console SMS/email providers "sent" (newest first), so a
 * developer can read codes without Twilio. Refreshes every 2 s while the tab is visible.
 */
export function DevOutboxPage() {
  useDocumentTitle('Development outbox');
  const outbox = useLoad((signal) => devOutbox({ signal }));
  const visible = usePageVisible();
  // 404: no console provider; that does not change while the server runs, so stop asking.
  const unavailable = outbox.error?.status === 404;

  useEffect(() => {
    if (!visible || unavailable) return;
    const timer = setInterval(outbox.reload, kRefreshMs);
    return () => clearInterval(timer);
  }, [visible, unavailable, outbox.reload]);

  const messages = outbox.data?.messages ?? [];
  return (
    <section class="page" aria-labelledby="outbox-title">
      <h1 id="outbox-title">Development outbox</h1>
      {unavailable ? (
        <p class="notice" data-testid="outbox-unavailable">
          Only available while the console SMS/email provider is active. This server delivers
          messages for real (or is set to skip them), so there is nothing to show here.
        </p>
      ) : (
        <>
          <p class="muted">
            Messages the console providers printed instead of sending, newest first. Updates every 2
            seconds.
          </p>
          {outbox.error && (
            <ErrorBanner error={outbox.error} onRetry={outbox.reload} retrying={outbox.loading} />
          )}
          {outbox.data && messages.length === 0 && (
            <p data-testid="outbox-empty">No messages yet.</p>
          )}
          <ol class="outbox" data-testid="outbox">
            {messages.map((message) => (
              <OutboxEntry key={message.id} message={message} />
            ))}
          </ol>
          {outbox.data && !outbox.error && (
            <p class="fact-note">Checked at {formatTime(Date.now())}.</p>
          )}
        </>
      )}
    </section>
  );
}

function OutboxEntry({ message }: { message: OutboxMessage }) {
  return (
    <li class="outbox__item" data-testid="outbox-message" data-to={message.to}>
      <p class="outbox__meta">
        <span class="badge">{message.channel === 'sms' ? 'SMS' : 'Email'}</span> to{' '}
        <strong data-testid="outbox-to">{message.to}</strong>{' '}
        <span class="fact-note">{formatDateTime(message.created_at)}</span>
      </p>
      {message.subject && <p class="outbox__subject">{message.subject}</p>}
      <pre class="outbox__body" data-testid="outbox-body">
        {message.body}
      </pre>
    </li>
  );
}
