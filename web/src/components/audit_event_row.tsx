import type { AuditEvent } from '../api/types';
import { formatDateTime } from '../format';

interface AuditEventRowProps {
  /** An account's event, or a workspace's (which also names the member). */
  event: AuditEvent & { user_name?: string | null };
  /** What each event type is called; an unknown type shows as its words ("role_changed" → "role changed"). */
  labels: Readonly<Record<string, string>>;
}

/** One audit event as a list row: what happened, who, when, from which address, and any detail. */
export function AuditEventRow({ event, labels }: AuditEventRowProps) {
  return (
    <li class="rows__item" data-testid="audit-event" data-type={event.type}>
      <div class="rows__main">
        <strong>{labels[event.type] ?? event.type.replace(/_/g, ' ')}</strong>
        {event.user_name && <> · {event.user_name}</>}
        <span class="fact-note">
          {formatDateTime(event.created_at)}
          {event.ip && <> · {event.ip}</>}
          {event.detail && <> · {event.detail}</>}
        </span>
      </div>
    </li>
  );
}
