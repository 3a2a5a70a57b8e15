import { useState } from 'preact/hooks';
import * as auth from '../../api/auth';
import type { AuditEventType } from '../../api/types';
import { ErrorBanner } from '../../components/error_banner';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks';

const kShownAtFirst = 10;

const kLabels: Record<AuditEventType, string> = {
  login_ok: 'Signed in',
  login_failed: 'Failed sign-in attempt',
  code_sent: 'Code sent',
  code_not_sent: 'Code held back (one was sent moments before)',
  code_verified: 'Code verified',
  code_failed: 'Wrong code entered',
  password_changed: 'Password changed',
  password_reset: 'Password reset',
  phone_changed: 'Phone number changed',
  two_factor_enabled: 'Two-step sign-in turned on',
  two_factor_disabled: 'Two-step sign-in turned off',
  session_revoked: 'Session signed out',
};

function label(type: string): string {
  return (kLabels as Record<string, string>)[type] ?? type.replace(/_/g, ' ');
}

/** The account's recent security events, newest first. */
export function SecurityLogSection() {
  const log = useLoad((signal) => auth.auditEvents({ signal }));
  const [showAll, setShowAll] = useState(false);
  const events = log.data?.events ?? [];
  const shown = showAll ? events : events.slice(0, kShownAtFirst);
  return (
    <section class="card" aria-labelledby="audit-title" aria-busy={log.loading}>
      <div class="page__head">
        <h2 id="audit-title">Recent security events</h2>
        <button
          type="button"
          class="button button--secondary"
          onClick={log.reload}
          disabled={log.loading}
        >
          {log.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {log.error && <ErrorBanner error={log.error} onRetry={log.reload} retrying={log.loading} />}
      {log.data && events.length === 0 && <p class="muted">Nothing yet.</p>}
      <ul class="rows" data-testid="audit-events">
        {shown.map((event) => (
          <li key={event.id} class="rows__item" data-testid="audit-event">
            <div class="rows__main">
              <strong>{label(event.type)}</strong>
              <span class="fact-note">
                {formatDateTime(event.created_at)}
                {event.ip && <> · {event.ip}</>}
                {event.detail && <> · {event.detail}</>}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {events.length > shown.length && (
        <button type="button" class="link-button" onClick={() => setShowAll(true)}>
          Show all {events.length} events
        </button>
      )}
    </section>
  );
}
