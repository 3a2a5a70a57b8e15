// What a customer sees of one appointment: the service, when (in `tz`), how long, with whom.

import type { ComponentChildren } from 'preact';
import { formatMinutes } from '../../booking_text';
import { type Instant, formatTimeIn, formatWhenIn, toMs, zoneLabel } from '../../time_zone';

interface BookingSummaryProps {
  service: string;
  start: Instant;
  end: Instant;
  member?: string | undefined;
  tz: string;
  /** Extra rows, e.g. the status. */
  children?: ComponentChildren;
}

export function BookingSummary({ service, start, end, member, tz, children }: BookingSummaryProps) {
  const minutes = Math.round((toMs(end) - toMs(start)) / 60_000);
  return (
    <dl class="facts" data-testid="booking-summary">
      <dt>Service</dt>
      <dd data-testid="summary-service">{service}</dd>
      <dt>When</dt>
      <dd data-testid="summary-when">
        {formatWhenIn(start, tz)} – {formatTimeIn(end, tz)}
        <span class="fact-note">
          {formatMinutes(minutes)}, {zoneLabel(tz)} time
        </span>
      </dd>
      {member && (
        <>
          <dt>With</dt>
          <dd>{member}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
