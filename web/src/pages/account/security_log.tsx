import { useState } from 'preact/hooks';
import * as auth from '../../api/auth';
import type { AuditEventType } from '../../api/types';
import { AuditEventRow } from '../../components/audit_event_row';
import { ListCard } from '../../components/list_card';
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

/** The account's recent security events, newest first. */
export function SecurityLogSection() {
  const log = useLoad((signal) => auth.auditEvents({ signal }));
  const [showAll, setShowAll] = useState(false);
  const events = log.data?.events ?? [];
  const shown = showAll ? events : events.slice(0, kShownAtFirst);
  return (
    <ListCard
      titleId="audit-title"
      title="Recent security events"
      load={log}
      note={log.data && events.length === 0 ? 'Nothing yet.' : null}
      testId="audit-events"
      footer={
        events.length > shown.length && (
          <button type="button" class="link-button" onClick={() => setShowAll(true)}>
            Show all {events.length} events
          </button>
        )
      }
    >
      {shown.map((event) => (
        <AuditEventRow key={event.id} event={event} labels={kLabels} />
      ))}
    </ListCard>
  );
}
