// The "Forms" section of a booking's page (permission forms): the forms sent for it, their
// status and due time, and the answers once filled in. Refreshed on the workspace's
// form_request events when the stream is readable, else when the tab comes back.

import { useState } from 'preact/hooks';
import { listFormRequests } from '../../api/forms';
import type { Permissions } from '../../api/types';
import { ErrorBanner } from '../../components/error_banner';
import { useLoad } from '../../hooks';
import { useFormRequestEvents, useRefreshOnFocus } from '../../live';
import { FormRequestItem } from './form_request_item';
import { canFollowEvents } from './live_access';

interface BookingFormsProps {
  workspaceId: number;
  bookingId: number;
  tz: string;
  permissions: Permissions | null;
  /** Changes whenever the booking does (a move or a cancellation changes its requests). */
  version: number;
}

export function BookingForms(props: BookingFormsProps) {
  const { workspaceId, bookingId, tz, permissions } = props;
  const [changes, setChanges] = useState(0);
  const requests = useLoad(
    (signal) => listFormRequests(workspaceId, { booking_id: bookingId }, { signal }),
    [props.version, changes],
  );
  const live = canFollowEvents(permissions, 'forms');
  const refresh = () => setChanges((n) => n + 1);
  useFormRequestEvents(workspaceId, refresh, live);
  useRefreshOnFocus(refresh, !live);
  const list = requests.data?.requests ?? [];
  return (
    <section class="card" aria-labelledby="booking-forms-title" aria-busy={requests.loading}>
      <h2 id="booking-forms-title">Forms</h2>
      {requests.error && (
        <ErrorBanner error={requests.error} onRetry={requests.reload} retrying={requests.loading} />
      )}
      {!requests.data && requests.loading && <p class="muted">Loading the forms…</p>}
      {requests.data && list.length === 0 && (
        <p class="muted">No form was sent for this booking.</p>
      )}
      <ul class="rows" data-testid="booking-forms">
        {list.map((request) => (
          <FormRequestItem key={request.id} request={request} workspaceId={workspaceId} tz={tz} />
        ))}
      </ul>
    </section>
  );
}
