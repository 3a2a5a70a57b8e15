// The secret iCalendar links of the calendar: the caller's own bookings, and the whole
// workspace's for owners. Copy one into Google or Apple Calendar; a new link (rotate) stops
// the old one.

import { useState } from 'preact/hooks';
import type { CalendarFeed } from '../../api/booking_types';
import { listCalendarFeeds, rotateCalendarFeed } from '../../api/services';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { useAction, useLoad } from '../../hooks';

/** The server answers the caller's feed, and the workspace's for owners. */
export function CalendarFeeds({ workspaceId }: { workspaceId: number }) {
  const feeds = useLoad((signal) => listCalendarFeeds(workspaceId, { signal }));
  return (
    <section class="card" aria-labelledby="feeds-title" data-testid="calendar-feeds">
      <h2 id="feeds-title">Calendar feeds</h2>
      <p class="field__hint">
        See your bookings in your own calendar app. <strong>Google Calendar</strong>: Other
        calendars → + → From URL, and paste the link. <strong>Apple Calendar</strong>: File → New
        Calendar Subscription (on an iPhone: Settings → Calendar → Accounts → Add Account → Other →
        Add Subscribed Calendar). Calendars refresh on their own schedule, often every few hours.
        Keep the link private: whoever has it sees the bookings.
      </p>
      {feeds.error && <ErrorBanner error={feeds.error} onRetry={feeds.reload} />}
      {!feeds.data && feeds.loading && <p class="muted">Loading the links…</p>}
      {feeds.data?.feeds.map((feed) => (
        <FeedRow key={feed.scope} workspaceId={workspaceId} feed={feed} />
      ))}
    </section>
  );
}

/** A feed URL as an absolute https?:// address. */
function absolute(url: string): string {
  return /^https?:\/\//.test(url) ? url : new URL(url, window.location.origin).toString();
}

function FeedRow({ workspaceId, feed: initial }: { workspaceId: number; feed: CalendarFeed }) {
  const [feed, setFeed] = useState(initial);
  const [copied, setCopied] = useState<string | null>(null);
  const url = absolute(feed.url);
  const inputId = `feed-${feed.scope}`;
  const rotate = useAction(async () => {
    setFeed(await rotateCalendarFeed(workspaceId, feed.scope));
    setCopied(
      'A new link is made: the old one has stopped working. Add the new one to your calendar.',
    );
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied. Paste it into your calendar app.');
    } catch {
      const input = document.getElementById(inputId) as HTMLInputElement | null;
      input?.select();
      setCopied('Select the link and copy it (the browser did not allow copying from here).');
    }
  };
  return (
    <div class="feed" data-testid="calendar-feed" data-scope={feed.scope}>
      <label class="field__label" for={inputId}>
        {feed.scope === 'workspace' ? 'Every booking of the workspace' : 'Your bookings'}
      </label>
      <input
        id={inputId}
        class="input feed__url"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div class="form__actions">
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          Copy link
        </button>
        <a class="button button--secondary" href={url.replace(/^https?:/, 'webcal:')}>
          Open in calendar app
        </a>
        <ConfirmButton
          label="New link"
          question="Make a new link? The current one stops working, and calendars subscribed to it stop updating."
          confirmLabel="Yes, new link"
          busy={rotate.busy}
          busyLabel="Making a new link…"
          onConfirm={rotate.run}
        />
      </div>
      {copied && (
        <p class="fact-note" role="status">
          {copied}
        </p>
      )}
      {rotate.error && <ErrorBanner error={rotate.error} />}
    </div>
  );
}
